//! A header block of labelled lines that some scrapers write above the text (`Judul: ...`,
//! `Tanggal: ...`, `Sumber: ...`, `Link: ...`): read as fields, never as story.

use std::sync::LazyLock;

use regex::Regex;

/// The fields a header block states.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Labels {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub link: Option<String>,
    pub author: Option<String>,
    /// Read from a scraper's record, whose fields name what they hold.
    pub from_record: bool,
}

/// How many non-empty lines at the top may hold labels.
const TOP_LINES: usize = 8;

/// A label as scrapers write it, in Indonesian or English, and the field it fills.
const LABELS: &[(&str, Field)] = &[
    ("judul", Field::Title),
    ("title", Field::Title),
    ("headline", Field::Title),
    ("tanggal", Field::Date),
    ("tanggal terbit", Field::Date),
    ("waktu", Field::Date),
    ("date", Field::Date),
    ("published", Field::Date),
    ("published time", Field::Date),
    ("published at", Field::Date),
    ("publish date", Field::Date),
    ("date published", Field::Date),
    ("sumber", Field::Source),
    ("sumber berita", Field::Source),
    ("media", Field::Source),
    ("source", Field::Source),
    ("sitename", Field::Source),
    ("site name", Field::Source),
    ("publisher", Field::Source),
    ("link", Field::Link),
    ("url", Field::Link),
    ("url source", Field::Link),
    ("source url", Field::Link),
    ("tautan", Field::Link),
    ("penulis", Field::Author),
    ("author", Field::Author),
    ("authors", Field::Author),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Date,
    Source,
    Link,
    Author,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<label>[A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(?P<value>\S.*)$")
        .expect("valid label pattern")
});

/// Takes the labelled lines off the top of `lines` and returns what they state. Nothing is
/// taken unless at least two labels stand together: one `Sumber:` line is a citation.
pub(super) fn take(lines: &mut Vec<String>) -> Labels {
    let top: Vec<usize> = (0..lines.len())
        .filter(|i| !lines[*i].is_empty())
        .take(TOP_LINES)
        .collect();
    let found: Vec<(usize, Field, String)> = top
        .iter()
        .filter_map(|i| label_of(&lines[*i]).map(|(f, v)| (*i, f, v)))
        .collect();
    if found.len() < 2 {
        return Labels::default();
    }
    let labels = Labels::of(
        found
            .iter()
            .map(|(_, field, value)| (*field, value.clone())),
    );
    for (i, _, _) in found.iter().rev() {
        lines.remove(*i);
    }
    labels
}

impl Labels {
    /// The fields of labelled values, the first of each field kept.
    fn of(found: impl Iterator<Item = (Field, String)>) -> Labels {
        let mut labels = Labels::default();
        for (field, value) in found {
            let slot = match field {
                Field::Title => &mut labels.title,
                Field::Date => &mut labels.date,
                Field::Source => &mut labels.source,
                Field::Link => &mut labels.link,
                Field::Author => &mut labels.author,
            };
            slot.get_or_insert(value);
        }
        labels
    }

    /// The fields of a scraper's record: its keys (`published_at`, `sitename`) read as
    /// labels, the others left out.
    pub(super) fn of_record<'a>(fields: impl Iterator<Item = (&'a str, String)>) -> Labels {
        let labels = Labels::of(fields.filter_map(|(key, value)| {
            Some((field_named(&words_of_key(key))?, value)).filter(|(_, v)| !v.trim().is_empty())
        }));
        Labels {
            from_record: true,
            ..labels
        }
    }
}

/// A record's key as the words of a label: `published_at`, `publishedAt` and `date-published`
/// read `published at` and `date published`.
fn words_of_key(key: &str) -> String {
    let mut words = String::with_capacity(key.len() + 2);
    let mut after_lower = false;
    for c in key.trim().chars() {
        let parted = c == '_' || c == '-';
        if parted || (c.is_uppercase() && after_lower) {
            words.push(' ');
        }
        if !parted {
            words.extend(c.to_lowercase());
        }
        after_lower = c.is_lowercase();
    }
    words
}

fn field_named(label: &str) -> Option<Field> {
    LABELS.iter().find(|(l, _)| *l == label).map(|(_, f)| *f)
}

fn label_of(line: &str) -> Option<(Field, String)> {
    let c = LABEL.captures(line.trim())?;
    let field = field_named(&c["label"].trim().to_lowercase())?;
    Some((field, c["value"].trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_header_block_is_read_and_taken() {
        let mut text = lines(
            "Judul: Kim Tiba di Hanoi\nTanggal: 26 Februari 2019\nSumber: Okezone\n\
             Link: https://news.okezone.com/read/2019/02/26/18/kim\n\nKim tiba.",
        );
        let labels = take(&mut text);
        assert_eq!(labels.title.as_deref(), Some("Kim Tiba di Hanoi"));
        assert_eq!(labels.date.as_deref(), Some("26 Februari 2019"));
        assert_eq!(labels.source.as_deref(), Some("Okezone"));
        assert!(
            labels
                .link
                .unwrap()
                .starts_with("https://news.okezone.com/")
        );
        assert_eq!(text, ["", "Kim tiba."]);
    }

    #[test]
    fn one_label_alone_is_story() {
        let mut text = lines("Sumber: Reuters\nKim tiba.");
        assert_eq!(take(&mut text), Labels::default());
        assert_eq!(text.len(), 2);
    }
}
