//! `site.yaml` → [`Config`]: every key optional, every typo an error that names its line.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::chars::forbidden;
use crate::error::Diagnostic;
use crate::layout::CONFIG_FILE;
use crate::time::SiteZone;
use crate::yaml::{self, Names};

mod base_url;
mod deploy;
mod permalink;
mod stories;

pub use base_url::BaseUrl;
pub use deploy::{Compress, DeploySettings, HeaderRule, Target};
pub use permalink::Permalink;
pub use stories::Stories;

/// The most tags a briefing keeps: every tag has a page and a feed that list the briefing,
/// so a briefing's tags cost the site their number squared.
pub const MAX_TAGS: usize = 50;

/// The site's settings, validated and with defaults filled in.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    pub base_url: BaseUrl,
    pub language: Language,
    pub timezone: SiteZone,
    pub permalink: Permalink,
    pub paginate: usize,
    pub feed_entries: usize,
    pub summary_words: usize,
    pub raw_html: RawHtml,
    pub author: Option<String>,
    pub raw: RawSettings,
    /// The site's own entries of the entity map: a name and the aliases written for it.
    pub entities: Vec<(String, Vec<String>)>,
    /// Whether the site has a search index, a search page and a search box.
    pub search: bool,
    /// How briefings that follow one story are found; `None`: the site has no story pages.
    pub stories: Option<Stories>,
    /// Broken links in briefings fail the build, rather than being warned about.
    pub strict: bool,
    /// What a build does with a briefing it cannot read.
    pub on_error: OnError,
    /// Where `kabar deploy` publishes the output.
    pub deploy: DeploySettings,
}

/// How raw `.txt` articles are read.
#[derive(Debug, Clone)]
pub struct RawSettings {
    /// Editor patterns removed on top of the built-in ones, as written (`*` for any text).
    pub boilerplate: Vec<String>,
    pub max_tags: usize,
    pub undated: Undated,
}

/// What to do with a raw article that states no date anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Undated {
    /// Refuse it, saying how to add a date.
    #[default]
    Error,
    /// Date it by the file's modification time.
    Mtime,
}

impl Default for Config {
    fn default() -> Self {
        Self::from_file(SiteFile::default(), "").expect("the defaults are valid")
    }
}

/// `site.yaml` exactly as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    language: Option<Language>,
    timezone: Option<String>,
    permalink: Option<String>,
    paginate: Option<usize>,
    feed: Option<usize>,
    summary_words: Option<usize>,
    #[serde(default)]
    markdown: MarkdownFile,
    author: Option<String>,
    #[serde(default)]
    raw: RawFile,
    #[serde(default)]
    entities: BTreeMap<String, Names>,
    search: Option<bool>,
    stories: Option<stories::StoriesFile>,
    #[serde(default)]
    build: BuildFile,
    #[serde(default)]
    deploy: deploy::DeployFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BuildFile {
    strict: Option<bool>,
    on_error: Option<OnError>,
}

/// What a build does with a briefing it cannot read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnError {
    /// Stop, publishing nothing: every problem is reported.
    #[default]
    Stop,
    /// Leave the briefing out, warn, publish the rest and exit with code 3.
    Skip,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    boilerplate: Vec<String>,
    max_tags: Option<usize>,
    undated: Option<Undated>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkdownFile {
    raw_html: Option<RawHtmlSetting>,
}

/// What happens to HTML written inside Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RawHtml {
    /// Shown as text.
    Escaped,
    /// Kept, but for what runs script or takes over the page (each a warning).
    #[default]
    Cleaned,
    /// Passed through as written: for desks that write their own embeds.
    Trusted,
}

/// `markdown.raw_html` as written: `true`, `false` or `trusted`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawHtmlSetting {
    Switch(bool),
    Word(String),
}

impl RawHtmlSetting {
    fn read(self) -> Result<RawHtml, String> {
        match self {
            RawHtmlSetting::Switch(true) => Ok(RawHtml::Cleaned),
            RawHtmlSetting::Switch(false) => Ok(RawHtml::Escaped),
            RawHtmlSetting::Word(w) if w == "trusted" => Ok(RawHtml::Trusted),
            RawHtmlSetting::Word(w) => {
                Err(format!("`raw_html` is true, false or trusted, not `{w}`"))
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Id,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Id => "id",
            Language::En => "en",
        }
    }
}

impl Config {
    /// Reads `site.yaml` in `root`; a site without one gets the defaults.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        refuse_a_link_out(root, &path)?;
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(Diagnostic::file(CONFIG_FILE, format!("cannot read: {e}"))),
        };
        Self::parse(&text).map_err(|d| d.in_file(CONFIG_FILE))
    }

    /// Parses the text of a `site.yaml`; diagnostics carry an empty path for the caller to fill.
    pub fn parse(text: &str) -> Result<Config, Diagnostic> {
        let file: SiteFile = if text.trim().is_empty() {
            SiteFile::default()
        } else {
            yaml::from_str(text).map_err(|e| {
                Diagnostic::new("", e.line, e.col, e.message).with_hint(e.hint.unwrap_or(
                    "site.yaml keys are: title, description, base_url, language, timezone, \
                     permalink, paginate, feed, summary_words, markdown.raw_html, author, \
                     raw.boilerplate, raw.max_tags, raw.undated, entities, search, stories, \
                     build.strict, build.on_error, deploy.targets, deploy.headers",
                ))
            })?
        };
        Self::from_file(file, text)
    }

    fn from_file(file: SiteFile, text: &str) -> Result<Config, Diagnostic> {
        let at = Written(text);
        let base_url = BaseUrl::parse(file.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))
            .map_err(|m| {
                at.error(
                    "base_url",
                    m,
                    "write a full address, e.g. https://example.org/arsip/",
                )
            })?;
        let timezone = file
            .timezone
            .as_deref()
            .unwrap_or("Asia/Jakarta")
            .parse::<SiteZone>()
            .map_err(|m| {
                at.error(
                    "timezone",
                    m,
                    "use an IANA name like Asia/Jakarta or an offset like +07:00",
                )
            })?;
        let permalink = Permalink::parse(file.permalink.as_deref().unwrap_or(DEFAULT_PERMALINK))
            .map_err(|m| at.error("permalink", m, "the default is /:year/:month/:slug/"))?;
        let boilerplate = at.boilerplate(&file.raw.boilerplate)?;
        let entities: Vec<(String, Vec<String>)> = file
            .entities
            .into_iter()
            .map(|(name, aliases)| (name, aliases.into_list()))
            .collect();
        at.refuse_control_characters(&[
            ("title", &file.title),
            ("description", &file.description),
            ("author", &file.author),
        ])?;
        let raw_html = match file.markdown.raw_html {
            Some(setting) => setting.read().map_err(|m| {
                at.error(
                    "markdown",
                    m,
                    "true keeps HTML but what runs script; trusted keeps it all; false shows it as text",
                )
            })?,
            None => RawHtml::default(),
        };
        let stories = stories::StoriesFile::read(file.stories).map_err(|m| {
            at.error(
                "stories",
                m,
                "write `stories: false`, or `stories: {gap_days: 14, min: 3}` (the defaults)",
            )
        })?;
        let deploy = file.deploy.read().map_err(|wrong| {
            let (line, col) = value_position(text, &wrong.value);
            Diagnostic::new("", line, col, wrong.message).with_hint(wrong.hint)
        })?;
        Ok(Config {
            title: file.title.unwrap_or_else(|| "Arsip Kabar".to_string()),
            description: file.description.unwrap_or_default(),
            base_url,
            language: file.language.unwrap_or(Language::Id),
            timezone,
            permalink,
            paginate: at.positive("paginate", file.paginate, 10)?,
            feed_entries: at.positive("feed", file.feed, 20)?,
            summary_words: at.positive("summary_words", file.summary_words, 60)?,
            raw_html,
            author: file.author,
            raw: RawSettings {
                boilerplate,
                max_tags: at.max_tags(file.raw.max_tags)?,
                undated: file.raw.undated.unwrap_or_default(),
            },
            entities,
            search: file.search.unwrap_or(true),
            stories,
            strict: file.build.strict.unwrap_or(false),
            on_error: file.build.on_error.unwrap_or_default(),
            deploy,
        })
    }
}

/// The text of `site.yaml`, to point at the key a value is wrong under.
struct Written<'t>(&'t str);

impl Written<'_> {
    fn error(&self, key: &str, message: String, hint: &str) -> Diagnostic {
        let (line, col) = key_position(self.0, key);
        Diagnostic::new("", line, col, message).with_hint(hint)
    }

    /// A count that must be at least 1, or `default` when not given.
    fn positive(
        &self,
        key: &str,
        value: Option<usize>,
        default: usize,
    ) -> Result<usize, Diagnostic> {
        match value {
            Some(0) => Err(self.error(
                key,
                format!("`{key}` must be at least 1"),
                "remove the key to use the default",
            )),
            Some(n) => Ok(n),
            None => Ok(default),
        }
    }

    fn max_tags(&self, value: Option<usize>) -> Result<usize, Diagnostic> {
        match value {
            Some(n) if n > MAX_TAGS => Err(self.error(
                "raw",
                format!("`raw.max_tags` is at most {}", MAX_TAGS),
                "a briefing keeps at most 50 tags; 6 is the default",
            )),
            n => Ok(n.unwrap_or(6)),
        }
    }

    /// `raw.boilerplate`'s patterns, trimmed; none may match any text.
    fn boilerplate(&self, patterns: &[String]) -> Result<Vec<String>, Diagnostic> {
        let patterns: Vec<String> = patterns.iter().map(|p| p.trim().to_string()).collect();
        if let Some(any) = patterns
            .iter()
            .find(|p| p.trim_matches('*').trim().is_empty())
        {
            return Err(self.error(
                "raw",
                format!("the boilerplate pattern `{any}` would match any text"),
                "write the text to remove, with * for any words",
            ));
        }
        Ok(patterns)
    }

    /// Text every page shows may hold no control character.
    fn refuse_control_characters(
        &self,
        values: &[(&str, &Option<String>)],
    ) -> Result<(), Diagnostic> {
        for (key, value) in values {
            if let Some(c) = value
                .as_deref()
                .and_then(|v| v.chars().find(|&c| forbidden(c)))
            {
                return Err(self.error(
                    key,
                    format!(
                        "`{key}` holds a control character (U+{:04X}), which no page or feed can carry",
                        u32::from(c)
                    ),
                    "remove the escape (such as \\x01) from the value",
                ));
            }
        }
        Ok(())
    }
}

/// `site.yaml` may be a link only to a file inside the site: one to a file of the machine (a
/// `.env`, a token) would be read, and quoted in a parse error.
fn refuse_a_link_out(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    crate::layout::inside::follow_link(
        &site,
        Path::new(CONFIG_FILE),
        path,
        "which kabar does not read",
    )
    .map(drop)
}

const DEFAULT_BASE_URL: &str = "http://localhost:1111/";
const DEFAULT_PERMALINK: &str = "/:year/:month/:slug/";

/// Where a top-level key is written, for errors about its value.
fn key_position(text: &str, key: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find(|(_, line)| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map_or((1, 1), |(i, line)| {
            let value_col = line.find(':').map_or(0, |c| c + 1);
            let skipped = line[value_col..].len() - line[value_col..].trim_start().len();
            (i + 1, value_col + skipped + 1)
        })
}

/// Where a nested value is written (its last appearance as a value), for errors about it.
fn value_position(text: &str, value: &str) -> (usize, usize) {
    let is_a_value = |at: &usize| {
        let before = text[..*at].trim_end_matches(['"', '\'']).trim_end();
        before.ends_with(':')
    };
    let at = text
        .match_indices(value)
        .map(|(at, _)| at)
        .filter(is_a_value)
        .last();
    at.map_or((1, 1), |at| {
        let quoted = text[..at].ends_with(['"', '\'']);
        crate::error::line_col(text, at - usize::from(quoted))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        let c = Config::parse("").unwrap();
        assert_eq!(c.language, Language::Id);
        assert_eq!(c.paginate, 10);
        assert_eq!(c.feed_entries, 20);
        assert_eq!(c.summary_words, 60);
        assert_eq!(c.raw_html, RawHtml::Cleaned);
        assert_eq!(c.timezone, SiteZone::Named(chrono_tz::Asia::Jakarta));
    }

    #[test]
    fn unknown_key_is_an_error_on_its_line() {
        let err = Config::parse("title: A\npaginat: 5\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("paginat"));
    }

    #[test]
    fn raw_settings_and_entities() {
        let config = Config::parse(
            "raw:\n  boilerplate: [\"Ikuti kami di *\"]\n  max_tags: 3\n  undated: mtime\n\
             entities:\n  Korea Utara: [Korut, DPRK]\n  Kim Yo-jong: Kim Yo Jong\n",
        )
        .unwrap();
        assert_eq!(config.raw.boilerplate.len(), 1);
        assert_eq!(config.raw.max_tags, 3);
        assert_eq!(config.raw.undated, Undated::Mtime);
        let defaults = Config::default();
        assert_eq!(defaults.raw.max_tags, 6);
        assert_eq!(defaults.raw.undated, Undated::Error);
    }

    #[test]
    fn raw_keys_are_checked() {
        let err = Config::parse("raw:\n  undated: never\n").unwrap_err();
        assert_eq!(err.line, 2);
        let err = Config::parse("raw:\n  boilerplate: [\"*\"]\n").unwrap_err();
        assert!(err.message.contains("any text"), "{err}");
        assert_eq!(err.line, 1);
    }

    #[test]
    fn nested_markdown_switch() {
        let c = Config::parse("markdown:\n  raw_html: false\n").unwrap();
        assert_eq!(c.raw_html, RawHtml::Escaped);
        let c = Config::parse("markdown:\n  raw_html: trusted\n").unwrap();
        assert_eq!(c.raw_html, RawHtml::Trusted);
        assert!(Config::parse("markdown:\n  raw_html: kadang\n").is_err());
    }

    #[test]
    fn bad_timezone_points_at_its_value() {
        let err = Config::parse("title: A\ntimezone: Mars/Olympus\n").unwrap_err();
        assert_eq!((err.line, err.col), (2, 11));
        assert!(err.message.contains("Mars/Olympus"));
    }
}
