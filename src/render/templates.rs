//! The Tera templates: the built-in theme, overridden file by file by the site's `templates/`.

use std::path::{Path, PathBuf};

use chrono::DateTime;
use tera::{Kwargs, State, Tera, TeraResult};

use super::i18n;
use crate::config::Config;
use crate::error::{Diagnostic, name_typos, nearest};
use crate::layout::TEMPLATES_DIR;
use crate::layout::inside::walk_inside;

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

/// The default theme, compiled into the binary so a site needs no `templates/` of its own.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = builtin!(
    "base.html",
    "index.html",
    "briefing.html",
    "tags.html",
    "tag.html",
    "sources.html",
    "source.html",
    "places.html",
    "place.html",
    "search.html",
    "timeline.html",
    "year.html",
    "month.html",
    "stories.html",
    "story.html",
    "404.html",
    "redirect.html",
    "partials/card.html",
    "partials/row.html",
    "partials/elsewhere.html",
    "partials/pagination.html",
    "partials/groups.html",
    "partials/group.html",
    "partials/calendar.html",
    "partials/search_table.html",
    "sitemap.xml",
    "sitemap_index.xml",
    "robots.txt",
);

/// Compiled templates, and which of them came from the site (for error messages).
pub struct Templates {
    pub tera: Tera,
    site_names: Vec<String>,
}

impl Templates {
    pub fn load(root: &Path, config: &Config) -> Result<Templates, Vec<Diagnostic>> {
        let site = site_templates(root)?;
        let site_names: Vec<String> = site.iter().map(|(name, _)| name.clone()).collect();
        let mut all: Vec<(String, String)> = BUILTIN_TEMPLATES
            .iter()
            .filter(|(name, _)| !site_names.iter().any(|s| s == name))
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        all.extend(site);
        let mut tera = Tera::new();
        register_helpers(&mut tera, config);
        let added = tera.add_raw_templates(all);
        let templates = Templates { tera, site_names };
        match added {
            Ok(()) => Ok(templates),
            Err(e) => Err(vec![templates.diagnostic(&e, None)]),
        }
    }

    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| self.diagnostic(&e, Some(name)))
    }

    /// Where a Tera error is, as `templates/NAME:line:col`.
    fn diagnostic(&self, error: &tera::Error, rendering: Option<&str>) -> Diagnostic {
        let (name, line, col, message) = match error.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => (
                report.filename().to_string(),
                report.span().start_line,
                report.span().start_col + 1,
                report.message().to_string(),
            ),
            other => (rendering.unwrap_or("").to_string(), 0, 0, other.to_string()),
        };
        let path = self.display_path(&name);
        let hint = if self.site_names.contains(&name) {
            "fix the template, or delete it to use the built-in one"
        } else {
            "a site template this one uses may be wrong; see README.md for the variables each template gets"
        };
        Diagnostic::new(path, line, col, with_suggestion(&message)).with_hint(hint)
    }

    fn display_path(&self, name: &str) -> PathBuf {
        if self.site_names.iter().any(|s| s == name) {
            Path::new(TEMPLATES_DIR).join(name)
        } else {
            Path::new("(built-in theme)").join(name)
        }
    }
}

/// Tera's "`titel` is not defined. Available fields: ..., title, ..." with "Did you mean
/// `title`?" in front of the list, when one name is near.
fn with_suggestion(message: &str) -> String {
    let Some((unknown, available)) = message
        .split_once('`')
        .and_then(|(_, rest)| rest.split_once("` is not defined. Available "))
    else {
        return message.to_string();
    };
    let names = available.split_once(": ").map_or("", |(_, names)| names);
    match nearest(unknown, names.split(", "), name_typos(unknown)) {
        Some(name) => format!("{message}. Did you mean `{name}`?"),
        None => message.to_string(),
    }
}

/// Every file under `root/templates`, named by its path inside that folder (`partials/card.html`).
fn site_templates(root: &Path) -> Result<Vec<(String, String)>, Vec<Diagnostic>> {
    let dir = root.join(TEMPLATES_DIR);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for entry in walk_inside(root, &dir) {
        let entry = match entry {
            Ok(entry) if entry.file_type().is_file() => entry,
            Ok(_) => continue,
            Err(e) => {
                errors.extend(e.diagnostics());
                continue;
            }
        };
        let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => found.push((name, text)),
            Err(e) => errors.push(Diagnostic::file(
                Path::new(TEMPLATES_DIR).join(rel),
                format!("cannot read: {e}"),
            )),
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// `date` formats an RFC 3339 date in the site's language; `link` makes a site path a link.
fn register_helpers(tera: &mut Tera, config: &Config) {
    let language = config.language;
    tera.register_filter(
        "date",
        move |value: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let format: &str = kwargs.get("format")?.unwrap_or("%-d %B %Y");
            let date = DateTime::parse_from_rfc3339(value).map_err(|e| {
                tera::Error::message(format!(
                    "the date filter needs an RFC 3339 date, got `{value}`: {e}"
                ))
            })?;
            Ok(i18n::format_date(&date, format, language))
        },
    );
    let base = config.base_url.clone();
    tera.register_function(
        "link",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path: &str = kwargs.must_get("path")?;
            Ok(base.link(path))
        },
    );
}
