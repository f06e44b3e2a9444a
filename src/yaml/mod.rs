//! All YAML parsing goes through here, so the YAML crate can be swapped in one place.

mod bounds;

use std::sync::LazyLock;

use regex::Regex;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{name_typos, nearest};

/// A list of names as editors write one: `tags: [a, b]` or `tags: "a, b"` (also `cited:` and
/// an entity's aliases in `site.yaml`).
#[derive(Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Names {
    List(Vec<String>),
    Comma(String),
}

impl Names {
    pub fn into_list(self) -> Vec<String> {
        let raw = match self {
            Names::List(list) => list,
            Names::Comma(text) => text.split(',').map(str::to_string).collect(),
        };
        raw.into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// A Rust type's name where a YAML mapping was expected.
static STRUCT_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"expected struct \w+").expect("a valid pattern"));

/// A YAML problem with its 1-based position inside the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// What to do, when it does not depend on which file the YAML is in.
    pub hint: Option<&'static str>,
}

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    bounds::check(text)?;
    serde_yaml::from_str(text).map_err(|e| {
        let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let raw = e.to_string();
        let raw = raw.find(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
        where_a_person_would_fix(text, line, raw).unwrap_or_else(|| YamlError {
            line,
            col,
            message: clean_message(raw, line_from(text, line, col)),
            hint: None,
        })
    })
}

/// The parser reports a syntax mistake where it noticed it, often lines after the mistake
/// (an unclosed quote is noticed at the end of the text); this finds the line a person
/// would fix, and says what is wrong there in their words.
fn where_a_person_would_fix(text: &str, line: usize, raw: &str) -> Option<YamlError> {
    const SYNTAX: &str = "write one `key: value` on each line; put a value that holds `: ` or `#`, or \
                          starts with a quote or a bracket, between double quotes";
    if let Some(key) = raw
        .split_once("duplicate field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(key, _)| key)
    {
        let (line, col) = second_key(text, key)?;
        return Some(YamlError {
            line,
            col,
            message: format!("`{key}` is given twice"),
            hint: Some("keep one of them"),
        });
    }
    if let Some((n, tab_line)) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start_matches(' ').starts_with('\t'))
    {
        return Some(YamlError {
            line: n + 1,
            col: tab_line.find('\t').map_or(1, |c| c + 1),
            message: "this line is indented with a tab, which YAML does not allow".to_string(),
            hint: Some("indent with spaces, or start the line at its first column"),
        });
    }
    let syntax = [
        "end of stream",
        "expected key",
        "expected ':'",
        "mapping values",
        "block end",
    ]
    .iter()
    .any(|m| raw.contains(m));
    if let Some((quote_line, col, quote)) =
        unclosed_quote(text).filter(|(l, ..)| syntax && *l <= line)
    {
        return Some(YamlError {
            line: quote_line,
            col,
            message: format!("this value opens a quote `{quote}` that is never closed"),
            hint: Some("end the value with the same quote, on the same line"),
        });
    }
    let missing_colon = |(n, line): (usize, &str)| YamlError {
        line: n + 1,
        col: 1,
        message: format!(
            "`{}` has no `:` between its key and its value",
            shortened(line.trim(), QUOTED_CHARS)
        ),
        hint: Some(SYNTAX),
    };
    if let Some(found) = no_colon(text) {
        return Some(missing_colon(found));
    }
    if !syntax {
        return None;
    }
    if raw.contains("expected ':'") {
        // Noticed on the next key's line: the line before it is the one without a colon.
        let before = text
            .lines()
            .take(line.saturating_sub(1))
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .last()?;
        return Some(missing_colon(before));
    }
    Some(YamlError {
        line,
        col: 1,
        message: "this is not YAML that kabar can read".to_string(),
        hint: Some(SYNTAX),
    })
}

/// The first line that is neither a `key: value`, a list item, a comment nor a value
/// continued from the line above (indented): a key whose colon was forgotten.
fn no_colon(text: &str) -> Option<(usize, &str)> {
    text.lines().enumerate().find(|(_, line)| {
        let trimmed = line.trim();
        let top = !line.starts_with([' ', '\t']);
        top && !trimmed.is_empty()
            && !trimmed.starts_with(['#', '-', '[', '{', '"', '\''])
            && !trimmed.contains(':')
    })
}

/// The first value that opens a quote and does not close it on its line.
fn unclosed_quote(text: &str) -> Option<(usize, usize, char)> {
    text.lines().enumerate().find_map(|(n, line)| {
        let value = match line.split_once(": ") {
            Some((_, value)) => value,
            None => line.trim_start().strip_prefix("- ")?,
        };
        let value = value.trim_start();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let col = line.len() - value.len() + 1;
        let closed = match quote {
            '"' => value[1..]
                .replace("\\\\", "")
                .replace("\\\"", "")
                .contains('"'),
            _ => value[1..].replace("''", "").contains('\''),
        };
        (!closed).then_some((n + 1, col, quote))
    })
}

/// Where a top-level key is written the second time.
fn second_key(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .nth(1)
        .map(|(n, _)| (n + 1, 1))
}

/// YAML text for a value; quoting is left to the YAML library.
pub fn to_string<T: Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).expect("plain data serializes to YAML")
}

/// serde_yaml's message (without the position it appends, which we print ourselves) in an
/// editor's words: a "did you mean" for a mistyped key, and no Rust type names.
fn clean_message(message: &str, line_rest: &str) -> String {
    unknown_key(message).unwrap_or_else(|| plain_types(&quote_one_line(message, line_rest)))
}

/// The text of line `line` from column `col` on.
fn line_from(text: &str, line: usize, col: usize) -> &str {
    let whole = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    whole
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or("", |(at, _)| &whole[at..])
}

/// The most of a value a message quotes.
const QUOTED_CHARS: usize = 40;

/// serde_yaml quotes a value whole, and a plain value may run over many lines (a file that
/// is no YAML at all reads as one long text, an `.env` a whole list of secrets): a message
/// quotes no more than the line where the value starts, and at most a few words of it.
fn quote_one_line(message: &str, line_rest: &str) -> String {
    let Some((before, rest)) = message.split_once('"') else {
        return message.to_string();
    };
    let Some((value, after)) = rest.rsplit_once("\", expected") else {
        return message.to_string();
    };
    let on_line = line_rest.trim_end().trim_matches(['"', '\'']);
    let shown = shortened(value, on_line.chars().count().min(QUOTED_CHARS));
    format!("{before}\"{shown}\", expected{after}")
}

/// `text`'s first `chars` characters, with `…` when there was more.
fn shortened(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// `unknown field `paginte`, expected one of `title`, `paginate`, ...` → `unknown key
/// `paginte`: did you mean `paginate`?` (or the list, when no key is near).
fn unknown_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (key, expected) = rest.split_once('`')?;
    let known = expected.split('`').skip(1).step_by(2);
    let translated = INDONESIAN_KEYS
        .iter()
        .find(|(id, _)| id.eq_ignore_ascii_case(key))
        .map(|(_, en)| *en)
        .filter(|en| known.clone().any(|k| k == *en));
    if let Some(en) = translated {
        return Some(format!(
            "unknown key `{key}`: did you mean `{en}`? (keys are in English)"
        ));
    }
    Some(match nearest(key, known, name_typos(key)) {
        Some(k) => format!("unknown key `{key}`: did you mean `{k}`?"),
        None => format!("unknown key `{key}`"),
    })
}

/// Keys an Indonesian desk writes in its own words, and kabar's names for them.
const INDONESIAN_KEYS: &[(&str, &str)] = &[
    ("judul", "title"),
    ("tanggal", "date"),
    ("tgl", "date"),
    ("waktu", "date"),
    ("diperbarui", "updated"),
    ("label", "tags"),
    ("tag", "tags"),
    ("topik", "tags"),
    ("sumber", "source"),
    ("tempat", "dateline"),
    ("lokasi", "dateline"),
    ("ringkasan", "summary"),
    ("draf", "draft"),
    ("konsep", "draft"),
    ("penulis", "author"),
    ("wartawan", "author"),
    ("mengutip", "cited"),
    ("judul_situs", "title"),
    ("deskripsi", "description"),
    ("bahasa", "language"),
    ("zona_waktu", "timezone"),
];

/// Rust's names for kinds of values, as a person would say them.
fn plain_types(message: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("usize", "a whole number"),
        ("u64", "a whole number"),
        ("u32", "a whole number"),
        ("u16", "a whole number"),
        ("u8", "a whole number"),
        ("i64", "a whole number"),
        ("i32", "a whole number"),
        ("f64", "a number"),
        ("a boolean", "true or false"),
        ("a sequence", "a list"),
        ("a map", "keys with values"),
        ("a string", "text"),
    ];
    let message = STRUCT_NAME.replace_all(message, "expected `key: value` lines");
    // serde_yaml names the key first: `paginate: invalid type: string "ten", expected usize`.
    let (key, rest) = message
        .split_once("invalid type: ")
        .unwrap_or(("", &message));
    let mut plain = rest.to_string();
    for (rust, person) in KINDS {
        plain = plain.replace(&format!("expected {rust}"), &format!("expected {person}"));
    }
    if let Some(value) = plain.strip_prefix("string ") {
        plain = format!("the text {value}");
    }
    format!("{key}{plain}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let err = from_str::<Doc>("title: a\ntitel: b\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.message, "unknown key `titel`: did you mean `title`?");
        let err = from_str::<Doc>("title: a\nwarna: b\n").unwrap_err();
        assert_eq!(err.message, "unknown key `warna`");
    }

    #[test]
    fn syntax_mistakes_are_placed_where_a_person_would_fix_them() {
        let at = |text: &str| {
            let e = from_str::<serde_yaml::Value>(text).unwrap_err();
            (e.line, e.col, e.message, e.hint.is_some())
        };
        let (line, col, message, hinted) =
            at("title: \"KTT Hanoi\ndate: 2019-01-01\ntags: [a]\nsource: x\n");
        assert_eq!((line, col), (1, 8), "{message}");
        assert_eq!(
            message,
            "this value opens a quote `\"` that is never closed"
        );
        assert!(hinted);
        let (line, _, message, _) = at("title: a\ndate: 2019\ntags [a, b]\nsource: x\n");
        assert_eq!(line, 3, "{message}");
        assert_eq!(
            message,
            "`tags [a, b]` has no `:` between its key and its value"
        );
        // Quotes closed the YAML way are closed.
        assert_eq!(unclosed_quote("title: 'Kim''s day'\n"), None);
        assert_eq!(unclosed_quote("title: \"kata \\\"kutip\\\"\"\n"), None);
        assert_eq!(unclosed_quote("- 'terbuka\n"), Some((1, 3, '\'')));
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Twice {
        title: String,
    }

    #[test]
    fn a_key_given_twice_is_placed_at_its_second_line() {
        let e = from_str::<Twice>("title: a\n\ntitle: b\n").unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (3, "`title` is given twice"),
            "{e:?}"
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Counted {
        paginate: usize,
        draft: bool,
    }

    #[test]
    fn types_are_named_as_a_person_would() {
        let err = from_str::<Counted>("paginate: ten\ndraft: false\n").unwrap_err();
        assert_eq!(
            err.message,
            "paginate: the text \"ten\", expected a whole number"
        );
        let err = from_str::<Counted>("paginate: 5\ndraft: ya\n").unwrap_err();
        assert_eq!(
            err.message,
            "draft: the text \"ya\", expected true or false"
        );
    }
}
