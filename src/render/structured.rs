//! What a briefing page tells search engines and link previews: its breadcrumb trail (home,
//! timeline, year, month) and schema.org `NewsArticle` and `BreadcrumbList` as JSON-LD, made
//! from the same card the page shows and escaped to sit inside a `<script>` element.

use chrono::{DateTime, Datelike, FixedOffset};
use serde::Serialize;
use serde_json::{Value, json};

use super::i18n;
use super::pages;
use super::views::{Card, SiteView};
use crate::config::Config;

/// One step of a breadcrumb trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Crumb {
    pub name: String,
    /// The page's address on the site (for links).
    pub url: String,
    /// The page's absolute address (for JSON-LD).
    pub permalink: String,
}

/// The trail from the home page to the month a briefing dated `date` is listed in.
pub fn crumbs(
    date: &DateTime<FixedOffset>,
    config: &Config,
    home: &str,
    timeline: &str,
) -> Vec<Crumb> {
    let base = &config.base_url;
    let crumb = |name: String, path: &str| Crumb {
        name,
        url: base.link(path),
        permalink: base.absolute(path),
    };
    vec![
        crumb(home.to_string(), ""),
        crumb(timeline.to_string(), "timeline/"),
        crumb(date.year().to_string(), &pages::year_path(date.year())),
        crumb(
            i18n::month_label(date, config.language),
            &pages::month_path(date.year(), date.month()),
        ),
    ]
}

/// The JSON-LD of a briefing page: a `NewsArticle` and its `BreadcrumbList`.
pub fn briefing(card: &Card, updated: Option<&str>, crumbs: &[Crumb], site: &SiteView) -> String {
    let publisher = json!({
        "@type": "Organization",
        "name": site.title,
        "url": site.base_url,
    });
    // A byline names a person; a desk's code does not, and the site's `author` is the desk.
    let author = match (&card.author, card.desk_code, &site.author) {
        (Some(name), false, _) => json!({"@type": "Person", "name": name}),
        (_, _, Some(desk)) => json!({"@type": "Organization", "name": desk}),
        _ => publisher.clone(),
    };
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": card.title,
        "description": card.summary,
        "url": card.permalink,
        "mainEntityOfPage": card.permalink,
        "datePublished": card.date,
        "dateModified": updated.unwrap_or(&card.date),
        "inLanguage": site.language,
        "author": author,
        "publisher": publisher,
        "keywords": card.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        "wordCount": card.words,
    });
    if let Some(url) = card.source.as_ref().and_then(|s| s.url.as_ref()) {
        article["isBasedOn"] = Value::from(url.as_str());
    }
    if let Some(place) = &card.dateline {
        // A dateline says where the story was filed, not what it is about.
        article["locationCreated"] = json!({"@type": "Place", "name": place});
    }
    let trail: Vec<Value> = crumbs
        .iter()
        .map(|c| (c.name.as_str(), c.permalink.as_str()))
        .chain(std::iter::once((card.title.as_str(), card.permalink.as_str())))
        .enumerate()
        .map(|(i, (name, url))| {
            json!({"@type": "ListItem", "position": i + 1, "name": name, "item": url})
        })
        .collect();
    let breadcrumbs = json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": trail,
    });
    script_safe(&Value::Array(vec![article, breadcrumbs]))
}

/// JSON that cannot end the `<script>` element it sits in nor open a comment: `<`, `>` and
/// `&` written as `\u003c`, `\u003e`, `\u0026` (still the same JSON), and the two line
/// separators JavaScript once refused.
fn script_safe(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("JSON values serialize")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_endings_are_escaped_and_the_json_is_the_same() {
        let value = json!({"headline": "Kim </script><script>alert(1)</script> & <!-- x"});
        let safe = script_safe(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
