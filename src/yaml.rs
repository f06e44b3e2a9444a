//! All YAML parsing goes through here, so the YAML crate can be swapped in one place.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{name_typos, nearest};

/// A YAML problem with its 1-based position inside the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// What to do, when it does not depend on which file the YAML is in.
    pub hint: Option<&'static str>,
}

/// The most aliases (`*name`) a YAML text may use. Each repeats a whole anchored value, and
/// nested ones repeat it exponentially (a 149 KB file once took 4.8 GB to read), so they are
/// counted before anything is expanded; front matter and `site.yaml` need few, if any.
pub const MAX_ALIASES: usize = 16;

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    check_aliases(text)?;
    serde_yaml::from_str(text).map_err(|e| {
        let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let raw = e.to_string();
        let raw = raw.find(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
        where_a_person_would_fix(text, line, raw).unwrap_or_else(|| YamlError {
            line,
            col,
            message: clean_message(raw),
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
    let syntax = [
        "end of stream",
        "expected key",
        "expected ':'",
        "mapping values",
        "block end",
    ]
    .iter()
    .any(|m| raw.contains(m));
    if !syntax {
        return None;
    }
    if let Some((quote_line, col, quote)) = unclosed_quote(text).filter(|(l, ..)| *l <= line) {
        return Some(YamlError {
            line: quote_line,
            col,
            message: format!("this value opens a quote `{quote}` that is never closed"),
            hint: Some("end the value with the same quote, on the same line"),
        });
    }
    if raw.contains("expected ':'") {
        // Noticed on the next key's line: the line before it is the one without a colon.
        let lines: Vec<&str> = text.lines().take(line.saturating_sub(1)).collect();
        let before = lines
            .iter()
            .enumerate()
            .rfind(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
        return Some(YamlError {
            line: before.0 + 1,
            col: 1,
            message: "this line has no `:` between its key and its value".to_string(),
            hint: Some(SYNTAX),
        });
    }
    Some(YamlError {
        line,
        col: 1,
        message: "this is not YAML that kabar can read".to_string(),
        hint: Some(SYNTAX),
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

fn check_aliases(text: &str) -> Result<(), YamlError> {
    let aliases = text
        .lines()
        .enumerate()
        .flat_map(|(n, line)| alias_columns(line).into_iter().map(move |col| (n + 1, col)));
    match aliases.enumerate().find(|(count, _)| *count == MAX_ALIASES) {
        Some((_, (line, col))) => Err(YamlError {
            line,
            col,
            message: format!("more than {MAX_ALIASES} YAML aliases (`*name`)"),
            hint: Some("write the values out instead of repeating them with `*name`"),
        }),
        None => Ok(()),
    }
}

/// The 1-based columns where an alias starts on a line: a `*` and a name where a value can
/// start (first on the line, or after `- `, `: `, `? `, `[`, `{` or `,`), outside quotes
/// and comments. `5 * 3` and `*bold*` inside a quoted title are not aliases.
fn alias_columns(line: &str) -> Vec<usize> {
    let mut columns = Vec::new();
    let mut quote: Option<char> = None;
    let mut before: Option<char> = None;
    let mut previous: Option<char> = None;
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' && previous.is_none_or(char::is_whitespace) => break,
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '*' => {
                let spaced = previous.is_none_or(char::is_whitespace);
                let starts_value = match before {
                    None => true,
                    Some('[' | '{' | ',') => true,
                    Some('-' | ':' | '?') => spaced,
                    _ => false,
                };
                let named = chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
                if starts_value && named {
                    columns.push(i + 1);
                }
            }
            None => {}
        }
        if !c.is_whitespace() {
            before = Some(c);
        }
        previous = Some(c);
    }
    columns
}

/// serde_yaml's message (without the position it appends, which we print ourselves) in an
/// editor's words: a "did you mean" for a mistyped key, and no Rust type names.
fn clean_message(message: &str) -> String {
    unknown_key(message).unwrap_or_else(|| plain_types(message))
}

/// `unknown field `paginte`, expected one of `title`, `paginate`, ...` → `unknown key
/// `paginte`: did you mean `paginate`?` (or the list, when no key is near).
fn unknown_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (key, expected) = rest.split_once('`')?;
    let known = expected.split('`').skip(1).step_by(2);
    Some(match nearest(key, known, name_typos(key)) {
        Some(k) => format!("unknown key `{key}`: did you mean `{k}`?"),
        None => format!("unknown key `{key}`"),
    })
}

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
    // serde_yaml names the key first: `paginate: invalid type: string "ten", expected usize`.
    let (key, rest) = message
        .split_once("invalid type: ")
        .unwrap_or(("", message));
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
    fn aliases_are_counted_before_anything_is_expanded() {
        assert_eq!(alias_columns("tags: [&a [x, y], *a, *a]"), [19, 23]);
        assert_eq!(alias_columns("- *a"), [3]);
        assert_eq!(alias_columns("*a: 1"), [1]);
        assert!(alias_columns("title: \"Kim *tiba* di Hanoi\"").is_empty());
        assert!(alias_columns("hitung: 5 * 3").is_empty());
        assert!(alias_columns("x: 1 # *bukan").is_empty());
        let bomb = format!("tags: [&a [w0, w1], {}]\n", vec!["*a"; 5000].join(", "));
        let started = std::time::Instant::now();
        let err = from_str::<serde_yaml::Value>(&bomb).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(err.line, 1);
        assert!(
            err.message.contains("more than 16 YAML aliases"),
            "{}",
            err.message
        );
        assert!(from_str::<serde_yaml::Value>("a: &x [1]\nb: *x\n").is_ok());
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
            "this line has no `:` between its key and its value"
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
