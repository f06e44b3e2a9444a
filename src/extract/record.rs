//! A scraper's record of an article: the fields it stored beside the text, saved as a JSON
//! object (`{"title": ..., "publishedAt": ..., "content": ...}`, as news APIs and many
//! scrapers write them) or as a `---` block of `key: value` lines above the text (as
//! trafilatura's `--with-metadata` does), or a saved HTML page whose head states its article
//! (`page_head`). Read as a header block of labels, the text after it (or the page) as the
//! article.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::labels::Labels;

/// The keys that hold a record's text, in order of preference.
const TEXT_KEYS: &[&str] = &[
    "content",
    "text",
    "body",
    "article",
    "maintext",
    "main_text",
    "isi",
    "konten",
];

/// Keys a scraper writes in a `---` block and kabar's front matter has not: one of them
/// marks the block as a scraper's record rather than an editor's front matter.
const SCRAPER_KEYS: &[&str] = &[
    "url",
    "link",
    "hostname",
    "sitename",
    "site_name",
    "description",
    "categories",
    "fingerprint",
    "id",
    "license",
    "image",
    "pagetype",
    "filedate",
    "published",
    "published_at",
    "publish_date",
    "authors",
    "keywords",
    "top_image",
    "source_url",
    "canonical",
];

/// How many lines a `---` block may run before it is not read as a record.
const MOST_BLOCK_LINES: usize = 40;

/// A record's fields and its article text.
pub(super) struct Record<'a> {
    pub labels: Labels,
    pub text: Cow<'a, str>,
}

/// Whether `text` is a scraper's record whose opening (a `---` block, a JSON object) is not
/// front matter. A saved page never opens like front matter, so its head is not read here.
pub(crate) fn is_record(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    json_record(text).is_some() || block_record(text).is_some()
}

/// The record `text` is, if it is one.
pub(super) fn read(text: &str) -> Option<Record<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut record = json_record(text)
        .or_else(|| block_record(text))
        .or_else(|| page_record(text))?;
    let site = record.labels.source.clone();
    if let Some(title) = record.labels.title.as_mut() {
        *title = without_site_name(title, site.as_deref()).to_string();
    }
    Some(record)
}

/// A title without the site's name that a page's tab label or social card adds after a bar
/// or a dash (`Harga Cabai Naik | Republika Online`, `... - Tribunnews.com`): the name of
/// the record's site, or of an outlet kabar knows.
fn without_site_name<'t>(title: &'t str, site: Option<&str>) -> &'t str {
    const MOST_WORDS: usize = 5;
    let Some((at, separator)) = [" | ", " - ", " – ", " — ", " : "]
        .iter()
        .filter_map(|s| title.rfind(s).map(|at| (at, s.len())))
        .max()
    else {
        return title;
    };
    let tail = title[at + separator..].trim();
    let names_the_site = site.is_some_and(|site| {
        let (tail, site) = (tail.to_lowercase(), site.to_lowercase());
        !site.is_empty() && (tail.contains(&site) || site.contains(&tail))
    });
    let is_name = tail.split_whitespace().count() <= MOST_WORDS
        && (names_the_site || super::outlets::names_an_outlet(tail));
    if is_name && at > 0 {
        title[..at].trim_end()
    } else {
        title
    }
}

fn json_record(text: &str) -> Option<Record<'static>> {
    let trimmed = text.trim();
    let json = (trimmed.starts_with('{') && trimmed.ends_with('}'))
        || (trimmed.starts_with('[') && trimmed.ends_with(']'));
    if !json {
        return None;
    }
    let value: Value = serde_json::from_str(trimmed).ok()?;
    let fields = the_one_article(&value)?;
    let article = TEXT_KEYS
        .iter()
        .find_map(|key| fields.get(*key)?.as_str())?;
    let article = without_truncation_mark(article).to_string();
    let labels = Labels::of_record(
        fields
            .iter()
            .filter_map(|(key, value)| Some((key.as_str(), string_of(value)?))),
    );
    Some(Record {
        labels,
        text: Cow::Owned(article),
    })
}

/// The one article a JSON file holds: the object itself, or the only one in a list or in a
/// news API's answer (`{"status": "ok", "articles": [...]}`). A file of several is no record
/// of one article.
fn the_one_article(value: &Value) -> Option<&Map<String, Value>> {
    const LISTS: &[&str] = &["articles", "data", "results", "items"];
    fn only(items: &[Value]) -> Option<&Map<String, Value>> {
        match items {
            [one] => one.as_object(),
            _ => None,
        }
    }
    match value {
        Value::Array(items) => only(items),
        Value::Object(fields) if TEXT_KEYS.iter().any(|key| fields.contains_key(*key)) => {
            Some(fields)
        }
        Value::Object(fields) => LISTS
            .iter()
            .find_map(|key| fields.get(*key)?.as_array())
            .and_then(|items| only(items)),
        _ => None,
    }
}

/// A news API's text without the mark it puts where it cut the text short (`[+1200 chars]`).
fn without_truncation_mark(text: &str) -> &str {
    static MARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*…?\s*\[\+\d+ chars\]\s*$").expect("valid truncation mark pattern")
    });
    MARK.find(text).map_or(text, |m| &text[..m.start()])
}

/// A field's value as text: a string, the name of an object (`"source": {"name": ...}`), or
/// a list's strings (`"authors": [...]`).
fn string_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name")?.as_str().map(str::to_string),
        Value::Array(items) => {
            let names: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            Some(names.join(", ")).filter(|n| !n.is_empty())
        }
        _ => None,
    }
}

fn block_record(text: &str) -> Option<Record<'_>> {
    static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)\s*:\s*(?P<value>.*?)\s*$")
            .expect("valid key pattern")
    });
    let mut lines = text.split_inclusive('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut offset = text.find('\n')? + 1;
    let mut fields: Vec<(&str, String)> = Vec::new();
    for line in lines.take(MOST_BLOCK_LINES) {
        offset += line.len();
        if line.trim_end() == "---" {
            let marked = fields
                .iter()
                .any(|(key, _)| SCRAPER_KEYS.contains(&key.to_lowercase().as_str()));
            return marked.then(|| Record {
                labels: Labels::of_record(fields.into_iter()),
                text: Cow::Borrowed(&text[offset..]),
            });
        }
        if let Some(c) = KEY_VALUE.captures(line) {
            let key = c.name("key").map_or("", |k| k.as_str());
            fields.push((key, unquoted(&c["value"]).to_string()));
        }
    }
    None
}

/// A saved HTML page whose head states its headline, its day or its address: the page stays
/// the text, which is then read as HTML.
fn page_record(text: &str) -> Option<Record<'_>> {
    let fields = super::page_head::fields(text);
    let states_the_article = fields
        .iter()
        .any(|(key, _)| matches!(*key, "headline" | "published" | "url"));
    states_the_article.then(|| Record {
        labels: Labels::of_record(fields.into_iter()),
        text: Cow::Borrowed(text),
    })
}

fn unquoted(value: &str) -> &str {
    ['"', '\'']
        .iter()
        .find_map(|q| value.strip_prefix(*q)?.strip_suffix(*q))
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_name_after_the_title_goes() {
        let site = Some("Republika Online");
        assert_eq!(
            without_site_name("Harga Cabai Naik | Republika Online", site),
            "Harga Cabai Naik"
        );
        assert_eq!(
            without_site_name("Banjir di Kudus - Tribunnews.com", None),
            "Banjir di Kudus"
        );
        assert_eq!(
            without_site_name("Gempa Guncang Cianjur : Okezone News", None),
            "Gempa Guncang Cianjur"
        );
        assert_eq!(
            without_site_name("Kim tiba di Hanoi - dan Trump menyusul", None),
            "Kim tiba di Hanoi - dan Trump menyusul"
        );
        assert_eq!(without_site_name("Tribunnews.com", None), "Tribunnews.com");
    }

    #[test]
    fn a_metadata_block_is_read_as_labels() {
        let text = "---\ntitle: Kim Tiba di Hanoi: Sambutan Meriah\nauthor: Rina\n\
                    url: https://example.com/2019/02/26/kim\nhostname: example.com\n\
                    sitename: Contoh News\ndate: 2019-02-26\nfiledate: 2024-01-01\n---\n\
                    Kim tiba di Hanoi.\n";
        let record = read(text).expect("a record");
        assert_eq!(
            record.labels.title.as_deref(),
            Some("Kim Tiba di Hanoi: Sambutan Meriah")
        );
        assert_eq!(record.labels.date.as_deref(), Some("2019-02-26"));
        assert_eq!(record.labels.source.as_deref(), Some("Contoh News"));
        assert_eq!(record.labels.author.as_deref(), Some("Rina"));
        assert_eq!(
            record.labels.link.as_deref(),
            Some("https://example.com/2019/02/26/kim")
        );
        assert_eq!(record.text, "Kim tiba di Hanoi.\n");
    }

    #[test]
    fn front_matter_without_a_scrapers_key_is_not_a_record() {
        assert!(!is_record(
            "---\ntitle: Kim\ndate: 2019-02-26\n---\nKim tiba.\n"
        ));
        assert!(!is_record("---\nurl: https://example.com/a\nKim tiba.\n"));
    }

    #[test]
    fn a_json_object_is_read_with_its_text() {
        let text = r#"{"source": {"id": null, "name": "Contoh Wire"}, "title": "Kim tiba",
            "publishedAt": "2019-02-26T10:00:00Z", "url": "https://example.com/kim",
            "urlToImage": "https://example.com/kim.jpg", "content": "Kim tiba.\n\nIa disambut."}"#;
        let record = read(text).expect("a record");
        assert_eq!(record.labels.source.as_deref(), Some("Contoh Wire"));
        assert_eq!(record.labels.date.as_deref(), Some("2019-02-26T10:00:00Z"));
        assert_eq!(
            record.labels.link.as_deref(),
            Some("https://example.com/kim")
        );
        assert_eq!(record.text, "Kim tiba.\n\nIa disambut.");
    }

    #[test]
    fn json_without_a_text_is_not_a_record() {
        assert!(!is_record(r#"{"title": "Kim tiba", "date": "2019-02-26"}"#));
        assert!(!is_record("{ Kim tiba }"));
    }
}
