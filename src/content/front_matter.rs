//! The YAML block between `---` lines at the top of a briefing.

use serde::Deserialize;

use crate::error::Diagnostic;
use crate::yaml;
use crate::yaml::Names;

/// Front matter exactly as written; every key optional, unknown keys are errors.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub tags: Option<Names>,
    pub source: Option<SourceField>,
    pub dateline: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub slug: Option<String>,
    pub author: Option<String>,
    pub cited: Option<Names>,
    /// The path of the briefing this one is a copy of.
    pub duplicate_of: Option<String>,
    /// The story it belongs to (a slug), or `none`.
    pub story: Option<String>,
    /// The name of the story `story:` names.
    pub story_title: Option<String>,
}

/// `source: CNN Indonesia` or `source: {name: CNN Indonesia, url: https://...}`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum SourceField {
    Name(String),
    Full { name: String, url: Option<String> },
}

/// A file split into its front matter and the rest.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    pub front_matter: FrontMatter,
    pub body: &'a str,
    /// The 1-based line of the file on which `body` starts.
    pub body_line: usize,
}

impl Split<'_> {
    /// A text with no front matter: all of it is the body.
    pub fn whole(text: &str) -> Split<'_> {
        Split {
            front_matter: FrontMatter::default(),
            body: text,
            body_line: 1,
        }
    }
}

pub const FRONT_MATTER_KEYS: &str = "title, date, updated, tags, source, dateline, summary, \
     draft, slug, author, cited, duplicate_of, story, story_title";

/// Splits and parses; a file without a leading `---` has empty front matter.
/// Diagnostics have an empty path for the caller to fill in.
pub fn split(text: &str) -> Result<Split<'_>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(other) = foreign_front_matter(text) {
        return Err(Diagnostic::new("", 1, 1, other).with_hint(
            "write the front matter as YAML between two `---` lines: `title: ...`, `date: ...`",
        ));
    }
    let Some(after_open) = strip_fence(text) else {
        return Ok(Split::whole(text));
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml_text = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            let body_line = 2 + yaml_text.matches('\n').count() + 1;
            let front_matter = parse_yaml(yaml_text)?;
            return Ok(Split {
                front_matter,
                body,
                body_line,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::new(
        "",
        1,
        1,
        "front matter starts with `---` but has no closing `---` line",
    )
    .with_hint("add a line with only `---` after the last front matter key"))
}

/// Whether a raw text's opening `---` (or `+++`) line is a rule drawn over the text rather
/// than the start of front matter: the first line after it that is not blank holds no key.
pub fn opens_with_a_rule(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if !matches!(lines.next().map(str::trim_end), Some("---" | "+++")) {
        return false;
    }
    lines
        .find(|line| !line.trim().is_empty())
        .is_none_or(|line| !holds_a_key(line))
}

/// `key: value` (YAML) or `key = value` (TOML).
fn holds_a_key(line: &str) -> bool {
    let key_end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(line.len());
    key_end > 0 && matches!(line[key_end..].trim_start().chars().next(), Some(':' | '='))
}

/// Front matter in a format kabar does not read, named: Hugo's TOML between `+++` lines,
/// or JSON in braces.
fn foreign_front_matter(text: &str) -> Option<&'static str> {
    let first = text.lines().next()?.trim_end();
    match first {
        "+++" => Some(
            "this front matter is TOML (between `+++` lines, as Hugo writes it); kabar reads YAML",
        ),
        "{" => Some("this front matter is JSON; kabar reads YAML"),
        _ => None,
    }
}

fn strip_fence(text: &str) -> Option<&str> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    (text[..first_line_end].trim_end() == "---")
        .then(|| &text[(first_line_end + 1).min(text.len())..])
}

fn parse_yaml(yaml_text: &str) -> Result<FrontMatter, Diagnostic> {
    if yaml_text.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    yaml::from_str(yaml_text).map_err(|e| {
        // The YAML starts on line 2 of the file, after the opening `---`.
        let hint = e.hint.map_or_else(
            || format!("front matter keys are: {FRONT_MATTER_KEYS}"),
            str::to_string,
        );
        Diagnostic::new("", e.line + 1, e.col, e.message).with_hint(hint)
    })
}

/// The file position (line, column) of a top-level front matter key's value.
pub fn value_position(text: &str, key: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .skip(1)
        .find_map(|(i, line)| {
            let rest = line.strip_prefix(key)?.trim_start().strip_prefix(':')?;
            let col = line.len() - rest.trim_start().len() + 1;
            Some((i + 1, col))
        })
        .unwrap_or((1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let text = "---\ntitle: KTT Hanoi\ntags: [Korea Utara, AS]\n---\nIsi.\n";
        let split = split(text).unwrap();
        assert_eq!(split.front_matter.title.as_deref(), Some("KTT Hanoi"));
        assert_eq!(
            split.front_matter.tags.unwrap().into_list(),
            ["Korea Utara", "AS"]
        );
        assert_eq!(split.body, "Isi.\n");
        assert_eq!(split.body_line, 5);
    }

    #[test]
    fn comma_tags_and_source_forms() {
        let split =
            split("---\ntags: \"a, b ,, c\"\nsource: {name: CNN Indonesia, url: https://x}\n---\n")
                .unwrap();
        assert_eq!(
            split.front_matter.tags.unwrap().into_list(),
            ["a", "b", "c"]
        );
        assert_eq!(
            split.front_matter.source,
            Some(SourceField::Full {
                name: "CNN Indonesia".into(),
                url: Some("https://x".into())
            })
        );
        let split = super::split("---\nsource: KCNA\n---\n").unwrap();
        assert_eq!(
            split.front_matter.source,
            Some(SourceField::Name("KCNA".into()))
        );
    }

    #[test]
    fn no_front_matter_is_fine() {
        let split = split("# Judul\n\nIsi.").unwrap();
        assert_eq!(split.front_matter, FrontMatter::default());
        assert_eq!(split.body_line, 1);
    }

    #[test]
    fn unknown_key_reports_its_file_line() {
        let err = split("---\ntitle: A\ntagz: [x]\n---\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("tagz"), "{}", err.message);
        assert!(err.hint.unwrap().contains("tags"));
    }

    #[test]
    fn bad_yaml_reports_its_file_line() {
        let err = split("---\ntitle: A\ntags: [x\n---\n").unwrap_err();
        assert!(err.line >= 3, "{err:?}");
    }

    #[test]
    fn unclosed_front_matter() {
        let err = split("---\ntitle: A\n").unwrap_err();
        assert!(err.message.contains("closing"));
    }

    #[test]
    fn a_rule_over_raw_text_is_not_front_matter() {
        assert!(opens_with_a_rule("---\nKim tiba di Hanoi\n---\nBaca juga"));
        assert!(opens_with_a_rule("+++\n\nJAKARTA - Presiden tiba."));
        assert!(!opens_with_a_rule("---\ntitle: Kim tiba\n---\nTeks"));
        assert!(!opens_with_a_rule("+++\ntitle = \"Kim tiba\"\n+++\n"));
        assert!(!opens_with_a_rule("Kim tiba\n---\n"));
    }

    #[test]
    fn finds_value_positions() {
        assert_eq!(
            value_position("---\ntitle: A\ndate:  kemarin\n---\n", "date"),
            (3, 8)
        );
    }
}
