//! Atom feeds, written with `atom_syndication` so they are valid by construction.

use atom_syndication::{Category, Content, Entry, Feed, Link, Person, Text};

use super::pages::FEED_FILE;
use super::views::Views;
use crate::archive::Archive;
use crate::config::Config;
use crate::error::Diagnostic;

/// The most tags an entry names: each tag's feed carries the entry too, so all of them
/// would cost a feed per tag times the tags.
const FEED_CATEGORIES: usize = 8;

/// The feed of `shown` (positions, newest first), the list at `page_path`'s.
pub fn atom(
    archive: &Archive,
    views: &Views,
    config: &Config,
    shown: &[usize],
    title: &str,
    page_path: &str,
) -> Result<String, Diagnostic> {
    let base = &config.base_url;
    let author = Person {
        name: config
            .author
            .clone()
            .unwrap_or_else(|| config.title.clone()),
        ..Default::default()
    };
    let entries = shown.iter().map(|&i| {
        let b = &archive.briefings[i];
        let card = &views.cards[i];
        Ok(Entry {
            title: Text::plain(b.title.clone()),
            id: card.permalink.clone(),
            updated: b.last_change(),
            published: Some(b.date),
            authors: b
                .author
                .iter()
                .map(|name| Person {
                    name: name.clone(),
                    ..Default::default()
                })
                .collect(),
            links: vec![Link {
                href: card.permalink.clone(),
                rel: "alternate".into(),
                ..Default::default()
            }],
            categories: card
                .tags
                .iter()
                .take(FEED_CATEGORIES)
                .map(|t| Category {
                    term: t.slug.clone(),
                    label: Some(t.name.clone()),
                    ..Default::default()
                })
                .collect(),
            summary: Some(Text::plain(b.summary.clone())),
            content: Some(Content {
                value: Some(b.body.html()?.into_owned()),
                content_type: Some("html".into()),
                ..Default::default()
            }),
            ..Default::default()
        })
    });
    let feed = Feed {
        title: Text::plain(title.to_string()),
        id: base.absolute(page_path),
        updated: archive
            .last_change(shown.iter().copied())
            .unwrap_or_default(),
        authors: vec![author],
        links: vec![
            Link {
                href: base.absolute(page_path),
                rel: "alternate".into(),
                ..Default::default()
            },
            Link {
                href: base.absolute(&format!("{page_path}{FEED_FILE}")),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
        ],
        subtitle: (!config.description.is_empty()).then(|| Text::plain(config.description.clone())),
        lang: Some(config.language.code().into()),
        entries: entries.collect::<Result<_, Diagnostic>>()?,
        ..Default::default()
    };
    Ok(feed.to_string())
}
