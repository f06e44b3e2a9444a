//! What reading briefings takes from the site's settings, compiled once by this stage: the
//! entity map with the site's own entries, and the editor's boilerplate patterns. `Config`
//! holds them as written; a build compiles them once, a `kabar serve` session once per
//! `site.yaml`.

use std::sync::Arc;

use crate::config::Config;
use crate::error::Diagnostic;
use crate::extract::boilerplate::Pattern;
use crate::extract::entities::Entities;
use crate::layout::CONFIG_FILE;

/// The site's settings compiled for reading.
pub struct Tables {
    pub entities: Entities,
    /// Editor patterns removed from raw articles on top of the built-in ones.
    pub boilerplate: Vec<Pattern>,
}

impl Tables {
    pub fn new(config: &Config) -> Result<Tables, Diagnostic> {
        let boilerplate = config
            .raw
            .boilerplate
            .iter()
            .map(|p| Pattern::from_editor(p))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|m| {
                Diagnostic::file(CONFIG_FILE, m)
                    .with_hint("write the text to remove, with * for any words")
            })?;
        Ok(Tables {
            entities: Entities::new(&config.entities),
            boilerplate,
        })
    }
}

/// The site's settings, as written and compiled: what every briefing is read with.
#[derive(Clone)]
pub struct Reader<'a> {
    pub config: &'a Config,
    pub tables: Arc<Tables>,
}

impl<'a> Reader<'a> {
    pub fn new(config: &'a Config) -> Result<Reader<'a>, Diagnostic> {
        Ok(Reader::with_tables(config, Arc::new(Tables::new(config)?)))
    }

    /// A reader with tables compiled earlier from the same `config`.
    pub fn with_tables(config: &'a Config, tables: Arc<Tables>) -> Reader<'a> {
        Reader { config, tables }
    }
}
