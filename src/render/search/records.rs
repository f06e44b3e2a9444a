//! What Pagefind is told about each briefing: a custom record made from the data the build
//! already holds, not from its rendered page.

use std::collections::BTreeMap;

use chrono::{Datelike, Utc};

use super::families::Families;
use crate::content::Briefing;
use crate::error::Diagnostic;
use crate::render::views::Card;

/// One briefing as the search index takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRecord {
    pub url: String,
    /// The body as plain text.
    pub content: String,
    /// `title`, `date` (as the site writes it), `datetime` (RFC 3339), `source`, `place`.
    pub meta: BTreeMap<String, String>,
    /// `tag`, `source`, `place`, `year`, `story`.
    pub filters: BTreeMap<String, Vec<String>>,
    /// `date`: the instant in UTC, so that text order is time order.
    pub sort: BTreeMap<String, String>,
}

/// The record of one briefing; with `families`, its text is widened to the word families it
/// holds (an Indonesian site).
pub fn record(
    b: &Briefing,
    card: &Card,
    families: Option<&mut Families>,
) -> Result<SearchRecord, Diagnostic> {
    let mut meta = BTreeMap::from([
        ("title".to_string(), b.title.clone()),
        ("date".to_string(), card.date_long.clone()),
        ("datetime".to_string(), card.date.clone()),
    ]);
    let mut filters = BTreeMap::from([
        ("year".to_string(), vec![b.date.year().to_string()]),
        (
            "tag".to_string(),
            card.tags.iter().map(|t| t.name.clone()).collect(),
        ),
    ]);
    if let Some(source) = &card.source {
        meta.insert("source".into(), source.name.clone());
        filters.insert("source".into(), vec![source.name.clone()]);
    }
    if let Some(place) = &card.place {
        meta.insert("place".into(), place.name.clone());
        filters.insert("place".into(), vec![place.name.clone()]);
    }
    if let Some(story) = &card.story {
        filters.insert("story".into(), vec![story.name.clone()]);
    }
    filters.retain(|_, values| !values.is_empty());
    let instant = b.date.with_timezone(&Utc).format("%Y-%m-%dT%H:%M:%SZ");
    let content = searchable(&b.body.html()?, card);
    Ok(SearchRecord {
        url: card.url.clone(),
        content: match families {
            Some(families) => families.widen(&content),
            None => content,
        },
        meta,
        filters,
        sort: BTreeMap::from([("date".to_string(), instant.to_string())]),
    })
}

/// What a query is matched against: the body's text, then the tags, so a briefing is found
/// by a tag its text never writes out; the title when there is neither (a picture alone),
/// since Pagefind leaves out a record without words.
fn searchable(body_html: &str, card: &Card) -> String {
    let text = plain_text(body_html);
    let tags: Vec<&str> = card.tags.iter().map(|t| t.name.as_str()).collect();
    match (text.is_empty(), tags.is_empty()) {
        (true, true) => card.title.clone(),
        (_, true) => text,
        _ => format!("{text} — {}", tags.join(", ")),
    }
}

/// The text of an HTML fragment on one line: words of two paragraphs never join.
pub fn plain_text(html: &str) -> String {
    crate::html_text::text(html, " ", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_words_apart_and_drops_scripts() {
        let html =
            "<p>Kim &amp; Trump</p><p>bertemu<script>var x = 1;</script> di <em>Hanoi</em>.</p>";
        assert_eq!(plain_text(html), "Kim & Trump bertemu di Hanoi.");
    }
}
