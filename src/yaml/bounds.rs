//! What a YAML text may cost, checked on its text before the parser sees it: the parser
//! expands every alias (`*name`) into a copy of its anchored value, so a few kilobytes can
//! become gigabytes (nested aliases: the "billion laughs"; one wide anchor repeated: a 2 MB
//! front matter once became 2.4 GB). Front matter and `site.yaml` need few aliases, if any.

use rustc_hash::FxHashMap;

use super::YamlError;
use crate::error::line_col;

/// The largest YAML text read: a front matter or a `site.yaml` is a few kilobytes.
pub(super) const MAX_BYTES: usize = 1 << 20;
/// The most aliases a text may use.
pub(super) const MAX_ALIASES: usize = 16;
/// The most bytes a text may stand for once every alias is replaced by its value.
pub(super) const MAX_EXPANDED: usize = 1 << 20;

pub(super) fn check(text: &str) -> Result<(), YamlError> {
    if text.len() > MAX_BYTES {
        let (line, col) = line_col(text, MAX_BYTES);
        return Err(YamlError {
            line,
            col,
            message: format!(
                "this YAML is {} KB long, more than kabar reads ({} KB)",
                text.len() >> 10,
                MAX_BYTES >> 10
            ),
            hint: Some("move long text into the body of the file, below the front matter"),
        });
    }
    let anchors = anchors(text);
    if anchors.is_empty() {
        return Ok(());
    }
    let aliases = aliases(text, &anchors);
    if let Some(alias) = aliases.get(MAX_ALIASES) {
        return Err(too_much(
            text,
            alias.at,
            format!("more than {MAX_ALIASES} YAML aliases (`*name`)"),
        ));
    }
    let mut sizes = FxHashMap::default();
    let mut expanded = text.len();
    for alias in &aliases {
        expanded = expanded.saturating_add(anchor_size(text, &aliases, &mut sizes, alias.anchor));
        if expanded > MAX_EXPANDED {
            return Err(too_much(
                text,
                alias.at,
                format!(
                    "the YAML aliases (`*name`) here repeat their values to more than {} KB",
                    MAX_EXPANDED >> 10
                ),
            ));
        }
    }
    Ok(())
}

fn too_much(text: &str, at: usize, message: String) -> YamlError {
    let (line, col) = line_col(text, at);
    YamlError {
        line,
        col,
        message,
        hint: Some("write the values out instead of repeating them with `*name`"),
    }
}

/// An alias of an anchor: where it is, and where the anchor it repeats is (the latest one
/// of its name written before it, as YAML reads it).
struct Alias {
    at: usize,
    anchor: usize,
}

/// Where each anchor name is given, in order. An `&` starts an anchor where a value can
/// start (after a space, a line start, `[`, `{` or `,`) and a name follows: `Q&A` and
/// `R & D` are none. Quotes are not followed: a quote the scan misreads must not hide what
/// comes after it.
fn anchors(text: &str) -> FxHashMap<&str, Vec<usize>> {
    let mut anchors: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (at, name) in marked(text, b'&') {
        anchors.entry(name).or_default().push(at);
    }
    anchors
}

/// The aliases of names some anchor has, in order, wherever they are written, and no more
/// than one past the limit (a `*name` that a quote seems to hide is counted too:
/// over-counting costs an editor a clear error in an unlikely text, under-counting costs
/// gigabytes).
fn aliases(text: &str, anchors: &FxHashMap<&str, Vec<usize>>) -> Vec<Alias> {
    marked(text, b'*')
        .filter_map(|(at, name)| {
            let given = anchors.get(name)?;
            let before = given.partition_point(|&a| a < at);
            let anchor = *given.get(before.checked_sub(1)?)?;
            Some(Alias { at, anchor })
        })
        .take(MAX_ALIASES + 1)
        .collect()
}

/// Where `mark` starts a token (`&name`, `*name`) and its name.
fn marked(text: &str, mark: u8) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(move |&(at, &b)| {
            b == mark
                && (at == 0 || matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | b'[' | b'{' | b','))
        })
        .filter_map(move |(at, _)| {
            let rest = &text[at + 1..];
            let len = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
                .unwrap_or(rest.len());
            (len > 0).then(|| (at, &rest[..len]))
        })
}

/// Where the value of the anchor at `at` ends: the end of its line when a value follows the
/// anchor there and closes on it, else the first later line indented no deeper than the
/// anchor's (a list under a key may sit at the key's own depth, so `- ` lines there belong).
fn value_end(text: &str, at: usize) -> usize {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let after = &text[at..line_end];
    let opened = after.matches(['[', '{']).count() > after.matches([']', '}']).count();
    let has_value = after
        .split_whitespace()
        .nth(1)
        .is_some_and(|v| !v.starts_with('#'));
    if has_value && !opened {
        return line_end;
    }
    let depth = indent(&text[line_start..line_end]);
    let mut end = line_end;
    for line in text[line_end..].split_inclusive('\n').skip(1) {
        let content = line.trim_start();
        let shallow = indent(line) < depth || (indent(line) == depth && !content.starts_with('-'));
        if shallow && !content.trim().is_empty() {
            break;
        }
        end += line.len();
    }
    (end + 1).min(text.len())
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// The bytes the anchor at `anchor` stands for, the aliases inside its value expanded (an
/// alias can only repeat an anchor written before it, so this ends).
fn anchor_size(
    text: &str,
    aliases: &[Alias],
    sizes: &mut FxHashMap<usize, usize>,
    anchor: usize,
) -> usize {
    if let Some(&size) = sizes.get(&anchor) {
        return size;
    }
    let end = value_end(text, anchor);
    let size = aliases
        .iter()
        .filter(|a| a.at > anchor && a.at < end && a.anchor < anchor)
        .fold(end - anchor, |sum, a| {
            sum.saturating_add(anchor_size(text, aliases, sizes, a.anchor))
        });
    sizes.insert(anchor, size);
    size
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn parse(text: &str) -> Result<serde_yaml::Value, YamlError> {
        super::super::from_str(text)
    }

    #[test]
    fn aliases_are_counted_before_anything_is_expanded() {
        let bomb = format!("tags: [&a [w0, w1], {}]\n", vec!["*a"; 5000].join(", "));
        let started = Instant::now();
        let err = parse(&bomb).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_eq!(err.line, 1);
        assert!(
            err.message.contains("more than 16 YAML aliases"),
            "{}",
            err.message
        );
        assert!(parse("a: &x [1]\nb: *x\n").is_ok());
    }

    #[test]
    fn what_is_not_an_alias_is_not_counted() {
        let many = |value: &str| format!("a: &x 1\n{}", format!("b: {value}\n").repeat(40));
        for text in [
            "\"Kim *tiba* di Hanoi\"",
            "5 * 3",
            "R & D dan Q&A",
            "*bukan",
        ] {
            let text = many(text);
            assert!(check(&text).is_ok(), "{text}");
        }
    }

    #[test]
    fn an_alias_behind_a_quote_is_counted() {
        let hidden = format!("a: &x [1]\nb: [it's, {}]\n", vec!["*x"; 20].join(", "));
        let err = check(&hidden).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("more than 16"), "{}", err.message);
    }

    #[test]
    fn a_wide_anchor_repeated_is_refused_by_what_it_expands_to() {
        let wide: String = (0..20_000).map(|n| format!("  - kata{n}\n")).collect();
        let text = format!("a: &w\n{wide}b: [*w, *w, *w, *w, *w, *w, *w, *w, *w, *w, *w]\n");
        assert!(text.len() < MAX_BYTES);
        let started = Instant::now();
        let err = parse(&text).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_eq!(err.line, 20_002);
        assert!(
            err.message.contains("repeat their values"),
            "{}",
            err.message
        );
        // The same anchor used twice is fine.
        let once = format!("a: &w\n{wide}b: *w\n");
        assert!(parse(&once).is_ok());
    }

    #[test]
    fn nested_aliases_are_sized_with_what_they_hold() {
        let nested = |levels: usize| {
            let mut text = format!("a0: &a0 [{}]\n", "x".repeat(40_000));
            for n in 1..=levels {
                let p = n - 1;
                text.push_str(&format!("a{n}: &a{n} [*a{p}, *a{p}]\n"));
            }
            text
        };
        assert!(check(&nested(3)).is_ok());
        let err = check(&nested(7)).unwrap_err();
        assert!(
            err.message.contains("repeat their values"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_text_too_long_is_refused_at_the_limit() {
        let text = format!("title: x\nsummary: {}\n", "k ".repeat(MAX_BYTES));
        let err = check(&text).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(
            err.message.contains("more than kabar reads"),
            "{}",
            err.message
        );
    }
}
