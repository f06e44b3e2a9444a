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
    ("date publish", Field::Date),
    ("sumber", Field::Source),
    ("sumber berita", Field::Source),
    ("media", Field::Source),
    ("source", Field::Source),
    ("sitename", Field::Source),
    ("site name", Field::Source),
    ("source hostname", Field::Source),
    ("publisher", Field::Source),
    ("link", Field::Link),
    ("url", Field::Link),
    ("url source", Field::Link),
    ("source url", Field::Link),
    ("tautan", Field::Link),
    ("penulis", Field::Author),
    ("author", Field::Author),
    ("authors", Field::Author),
    ("text", Field::Text),
    ("teks", Field::Text),
    ("isi", Field::Text),
    ("isi berita", Field::Text),
    ("content", Field::Text),
    ("body", Field::Text),
    ("article", Field::Text),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Date,
    Source,
    Link,
    Author,
    /// Where the text starts: the label goes, its value is the text's first line.
    Text,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<label>[A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(?P<value>\S.*)$")
        .expect("valid label pattern")
});

/// Takes the labelled lines off the top of `lines` and returns what they state. Nothing is
/// taken unless at least two labels stand together: one `Sumber:` line is a citation. A
/// `Text:` label ends the block: what follows it on its line and below is the story.
pub(super) fn take(lines: &mut Vec<String>) -> Labels {
    let top: Vec<usize> = (0..lines.len())
        .filter(|i| !lines[*i].is_empty())
        .take(TOP_LINES)
        .collect();
    let mut found: Vec<(usize, Field, String)> = Vec::new();
    for i in top {
        let Some((field, value)) = label_of(&lines[i]) else {
            continue;
        };
        found.push((i, field, value));
        if field == Field::Text {
            break;
        }
    }
    if found.len() < 2 {
        return Labels::default();
    }
    for (i, field, value) in found.iter().rev() {
        if *field == Field::Text {
            lines[*i] = value.clone();
        } else {
            lines.remove(*i);
        }
    }
    Labels::of(found.into_iter().map(|(_, field, value)| (field, value)))
}

impl Labels {
    /// The fields of labelled values, the first of each field kept.
    fn of(found: impl Iterator<Item = (Field, String)>) -> Labels {
        let mut labels = Labels::default();
        for (field, value) in found {
            let (slot, value) = match field {
                Field::Title => (&mut labels.title, value),
                Field::Date => (&mut labels.date, value),
                // trafilatura's `source` is the article's address.
                Field::Source if value.contains("://") => (&mut labels.link, value),
                Field::Source => (&mut labels.source, value),
                Field::Link => (&mut labels.link, value),
                Field::Author => (&mut labels.author, names_listed(&value)),
                Field::Text => continue,
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

/// Names a scraper wrote as a list in its language's notation (`['Dewi', 'Andi']`, as
/// Python prints one), joined as a byline: `Dewi, Andi`.
fn names_listed(value: &str) -> String {
    let Some(items) = value
        .trim()
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
    else {
        return value.to_string();
    };
    items
        .split(',')
        .map(|name| name.trim().trim_matches(|c| c == '\'' || c == '"').trim())
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
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
    let line = line.trim();
    if let Some(label) = line.strip_suffix(':') {
        return field_named(&label.trim().to_lowercase())
            .filter(|field| *field == Field::Text)
            .map(|field| (field, String::new()));
    }
    let c = LABEL.captures(line)?;
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
    fn a_text_label_ends_the_block_and_starts_the_story() {
        let mut text = lines(
            "TITLE: Kereta Cepat Tambah Jadwal\nAuthors: ['Dewi Lestari', \"Andi\"]\n\
             TEXT: Operator menambah jadwal.\nDate: bukan label",
        );
        let mut alone =
            lines("Judul: Kereta Cepat\nTanggal: 28 Maret 2024\nIsi berita:\nOperator.");
        assert_eq!(take(&mut alone).title.as_deref(), Some("Kereta Cepat"));
        assert_eq!(alone, ["", "Operator."]);
        let labels = take(&mut text);
        assert_eq!(labels.title.as_deref(), Some("Kereta Cepat Tambah Jadwal"));
        assert_eq!(labels.author.as_deref(), Some("Dewi Lestari, Andi"));
        assert_eq!(labels.date, None);
        assert_eq!(text, ["Operator menambah jadwal.", "Date: bukan label"]);
    }

    #[test]
    fn one_label_alone_is_story() {
        let mut text = lines("Sumber: Reuters\nKim tiba.");
        assert_eq!(take(&mut text), Labels::default());
        assert_eq!(text.len(), 2);
    }
}
