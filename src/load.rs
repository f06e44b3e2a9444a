//! Loading a site up to rendering: the configuration, the briefings read (each file the last
//! build's cache still holds taken from it), and the archive and plan made of them.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::build::cache::FileKey;
use crate::content::{self, Body, Shelf};
use crate::render::{self, Templates};
use crate::timings::Timings;
use crate::{
    Archive, Briefing, BuildError, Config, Diagnostic, Options, Site, archive, build, config,
    layout,
};

/// Reads the configuration; `--base-url` wins over `site.yaml`. A folder that is not a site
/// (no `site.yaml`, no `content/`) is refused, so a mistyped `--root` builds nothing.
pub fn load_config(options: &Options) -> Result<Config, BuildError> {
    is_a_site(&options.root)?;
    let mut config = Config::load(&options.root)?;
    if let Some(url) = &options.base_url {
        config.base_url = config::BaseUrl::parse(url).map_err(|m| {
            Diagnostic::new("--base-url", 0, 0, m).with_hint("e.g. --base-url https://example.org/")
        })?;
    }
    Ok(config)
}

/// Refuses a folder that is not a site (no `site.yaml`, no `content/`), saying how to make one.
pub fn is_a_site(root: &Path) -> Result<(), Diagnostic> {
    if !root.is_dir() {
        return Err(
            Diagnostic::new(root, 0, 0, "there is no such folder").with_hint(format!(
                "check the --root folder, or make a new site there with `kabar init {}`",
                root.display()
            )),
        );
    }
    let site = root.join(layout::CONFIG_FILE).is_file() || root.join(layout::CONTENT_DIR).is_dir();
    if site {
        return Ok(());
    }
    Err(Diagnostic::new(
        root,
        0,
        0,
        "this folder is not a kabar site: it has no site.yaml and no content/ folder",
    )
    .with_hint(format!(
        "run kabar in the site's folder or name it with --root, or make a new site with `kabar init {}`",
        root.display()
    )))
}

/// Reads every briefing; returns those it could read and the problems with the others.
/// Drafts are left out unless asked for. Bodies go on `shelf` as they are read, when given.
pub fn read_briefings(
    options: &Options,
    found: &content::Discovery,
    config: &Config,
    shelf: Option<&Arc<Shelf>>,
) -> Read {
    read_reusing(options, found, config, shelf, None)
}

/// [`read_briefings`], taking each file whose bytes and time are unchanged from the last
/// build's `cache` as that build parsed it.
fn read_reusing(
    options: &Options,
    found: &content::Discovery,
    config: &Config,
    shelf: Option<&Arc<Shelf>>,
    cache: Option<&build::cache::Cache>,
) -> Read {
    let today = config.timezone.now().date_naive();
    let reader = match content::Reader::new(config) {
        Ok(reader) => reader,
        Err(e) => {
            return Read {
                errors: vec![e],
                ..Read::default()
            };
        }
    };
    let results: Vec<Result<ReadOne, Diagnostic>> = found
        .sources
        .par_iter()
        .map(|source| {
            let path = options.root.join(&source.path);
            let modified = || content::modified(&path);
            if let Some((file, kept)) = cache.and_then(|c| c.take_briefing(&source.path, modified))
            {
                return Ok(ReadOne {
                    file,
                    briefing: kept,
                    parsed: false,
                });
            }
            let read = content::read_file(&path, &source.path)?;
            let mut b = content::parse_file(&read, &source.path, source.kind, &reader, today)?;
            let file = FileKey::of(&read.text, read.modified, &b);
            if let (Some(shelf), Body::Held(html)) = (shelf, &mut b.body) {
                b.body = shelf.put(std::mem::take(html));
            }
            Ok(ReadOne {
                file,
                briefing: b,
                parsed: true,
            })
        })
        .collect();
    let mut read = Read::default();
    for result in results {
        read.read_anew += result.as_ref().map_or(1, |one| usize::from(one.parsed));
        match result {
            Ok(one) if one.briefing.draft && !options.drafts => read.drafts_left_out += 1,
            Ok(one) => {
                read.briefings.push(one.briefing);
                read.file_keys.push(one.file);
            }
            Err(e) => read.errors.push(e),
        }
    }
    read
}

/// One briefing file as [`read_reusing`] read it.
struct ReadOne {
    /// What its parse read of its file.
    file: FileKey,
    briefing: Briefing,
    /// Parsed now, rather than taken from the last build's cache.
    parsed: bool,
}

/// What [`read_briefings`] read.
#[derive(Default)]
pub struct Read {
    pub briefings: Vec<Briefing>,
    /// What each briefing's parse read of its file, in the order of `briefings`.
    file_keys: Vec<FileKey>,
    /// The files that could not be read, each with its problem.
    pub errors: Vec<Diagnostic>,
    /// Briefings marked `draft: true`, left out of a build without `--drafts`.
    pub drafts_left_out: usize,
    /// Files parsed, rather than taken from the last build's cache.
    pub read_anew: usize,
}

/// The site as `kabar build` loads it, with what it keeps for the next build.
pub(crate) struct Loaded {
    pub(crate) site: Site,
    /// Each briefing as parsed, with its file's digest.
    pub(crate) parsed: Vec<(FileKey, Arc<Briefing>)>,
    /// Files parsed, rather than taken from the last build's cache.
    pub(crate) read_anew: usize,
    /// What the archive keeps for the next build.
    pub(crate) kept: archive::Cache,
}

impl Site {
    /// Everything up to rendering. Content and template problems are reported together.
    pub fn load(options: &Options) -> Result<Site, BuildError> {
        let mut timings = Timings::default();
        let config = timings.time("config", || load_config(options))?;
        let fresh = Default::default();
        Site::load_with(options, config, timings, None, (None, fresh)).map(|loaded| loaded.site)
    }

    /// Everything after reading the configuration; `timings` holds the stages so far. Bodies
    /// go on `shelf` when given; files unchanged since the build that left `cache` are taken
    /// from it, and what the archive reuses brought up to date from `kept`.
    pub(crate) fn load_with(
        options: &Options,
        config: Config,
        mut timings: Timings,
        shelf: Option<Arc<Shelf>>,
        (cache, mut kept): (Option<&build::cache::Cache>, archive::Cache),
    ) -> Result<Loaded, BuildError> {
        let root = &options.root;
        let found = timings.time("discover", || content::discover(root))?;
        let read = timings.time("parse", || {
            read_reusing(options, &found, &config, shelf.as_ref(), cache)
        });
        let (drafts_left_out, read_anew) = (read.drafts_left_out, read.read_anew);
        let briefings: Vec<Arc<Briefing>> = read.briefings.into_iter().map(Arc::new).collect();
        let parsed = read.file_keys.into_iter().zip(briefings.clone()).collect();
        // Left out rather than stopping the build: one editor's typo does not hold back
        // the desk's other briefings.
        let skip = options.keep_going || config.on_error == config::OnError::Skip;
        let (errors, skipped) = match skip {
            true => (Vec::new(), read.errors),
            false => (read.errors, Vec::new()),
        };
        let templates = timings.time("templates", || Templates::load(root, &config).map(Arc::new));
        let mut site = Site::assemble(
            root, config, templates, briefings, errors, &found, &mut kept,
        )?;
        timings.0.append(&mut site.timings.0);
        site.timings = timings;
        site.drafts_left_out = drafts_left_out;
        site.skipped = skipped;
        Ok(Loaded {
            site,
            parsed,
            read_anew,
            kept: kept.for_keeping(),
        })
    }

    /// Indexes and plans what was read; fails with every problem found on the way.
    pub fn assemble(
        root: &Path,
        config: Config,
        templates: Result<Arc<Templates>, Vec<Diagnostic>>,
        briefings: Vec<Arc<Briefing>>,
        mut errors: Vec<Diagnostic>,
        found: &content::Discovery,
        kept: &mut archive::Cache,
    ) -> Result<Site, BuildError> {
        let mut timings = Timings::default();
        let archive::Settled {
            briefings,
            copies,
            errors: unsettled,
            told_twice,
        } = archive::settle(briefings, &config.permalink);
        errors.extend(unsettled);
        let archive = timings.time("archive", || {
            Archive::reusing(briefings, kept)
                .with_copies(copies)
                .with_stories(config.stories.as_ref(), &mut kept.stories)
        });
        let statics = render::statics::static_copies(root, config.search)?;
        let plan = timings.time("plan", || {
            render::plan(&archive, &config, &found.assets, statics)
        });
        match (templates, plan) {
            (Ok(templates), Ok(plan)) if errors.is_empty() => Ok(Site {
                config,
                archive,
                plan,
                templates,
                timings,
                drafts_left_out: 0,
                skipped: Vec::new(),
                told_twice,
            }),
            (templates, plan) => {
                errors.extend(templates.err().unwrap_or_default());
                errors.extend(plan.err().unwrap_or_default());
                Err(BuildError::Site(errors))
            }
        }
    }
}
