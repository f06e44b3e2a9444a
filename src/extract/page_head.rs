//! A saved HTML page's own account of its article: the `<meta>` tags and JSON-LD a news site
//! puts in its head for search engines and social cards (`og:title`, `og:site_name`,
//! `article:published_time`, a `NewsArticle`'s `headline`, `datePublished` and
//! `publisher`), or, in trafilatura's XML, the attributes of its `<doc>`. They state the
//! page's headline, day and outlet more surely than anything in its text, so they are read
//! as a scraper's record is: as labels over the page's text.

use html5gum::{StartTag, Token, Tokenizer};
use serde_json::Value;

/// `<meta>` names and properties (lowercased) and the record key each fills; the first
/// found of a key is kept, after JSON-LD's.
const META_KEYS: &[(&str, &str)] = &[
    ("og:title", "headline"),
    ("twitter:title", "headline"),
    ("article:published_time", "published"),
    ("og:article:published_time", "published"),
    ("datepublished", "published"),
    ("publishdate", "published"),
    ("publish-date", "published"),
    ("pubdate", "published"),
    ("content_publisheddate", "published"),
    ("dc.date.issued", "published"),
    ("parsely-pub-date", "published"),
    ("sailthru.date", "published"),
    ("og:site_name", "sitename"),
    ("author", "author"),
    ("article:author", "author"),
    ("byl", "author"),
    ("dc.creator", "author"),
    ("og:url", "url"),
];

/// trafilatura's `<doc>` attributes and the record key each fills.
const DOC_KEYS: &[(&str, &str)] = &[
    ("title", "headline"),
    ("date", "published"),
    ("sitename", "sitename"),
    ("author", "author"),
    ("url", "url"),
];

/// JSON-LD types that describe an article (not the site or the page around it).
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
];

/// The fields a page's head states, as a record's `(key, value)` pairs; empty for a text
/// that is not an HTML page.
pub(super) fn fields(text: &str) -> Vec<(&'static str, String)> {
    if !text.trim_start().starts_with('<') {
        return Vec::new();
    }
    let mut from_json_ld = Vec::new();
    let mut from_meta = Vec::new();
    let mut in_json_ld = false;
    let mut in_body = false;
    for token in Tokenizer::new(text).flatten() {
        match token {
            // A `<meta>` in the body describes something on the page (a related story, an
            // image), not the page; JSON-LD anywhere describes what its type says.
            Token::StartTag(tag) if &tag.name[..] == b"body" => in_body = true,
            Token::StartTag(tag) if &tag.name[..] == b"meta" && !in_body => {
                let named = attribute(&tag, "property").or_else(|| attribute(&tag, "name"));
                if let (Some(named), Some(content)) = (named, attribute(&tag, "content")) {
                    from_meta.extend(meta_field(&named, content));
                }
            }
            Token::StartTag(tag) if &tag.name[..] == b"doc" => {
                for (name, key) in DOC_KEYS {
                    let value = attribute(&tag, name).filter(|v| !v.is_empty());
                    from_meta.extend(value.map(|v| (*key, v)));
                }
            }
            Token::Comment(comment) if !in_body => {
                from_meta.extend(saved_from(&lossy(&comment)).map(|url| ("url", url)));
            }
            Token::StartTag(tag) if &tag.name[..] == b"link" && !in_body => {
                let rel = attribute(&tag, "rel");
                if rel.is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) {
                    from_meta.extend(attribute(&tag, "href").map(|href| ("url", href)));
                }
            }
            Token::StartTag(tag) if &tag.name[..] == b"script" => {
                in_json_ld = attribute(&tag, "type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
            }
            Token::String(json) if in_json_ld => from_json_ld.extend(json_ld_fields(&lossy(&json))),
            Token::EndTag(tag) if &tag.name[..] == b"script" => in_json_ld = false,
            _ => {}
        }
    }
    from_json_ld.extend(from_meta);
    from_json_ld
}

/// A tag's attribute, trimmed.
fn attribute(tag: &StartTag<()>, name: &str) -> Option<String> {
    tag.attributes.get(name.as_bytes()).map(|v| lossy(v))
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_string()
}

/// A `<meta>` tag's field: an author given as an address (a profile page) names no one.
fn meta_field(named: &str, content: String) -> Option<(&'static str, String)> {
    let named = named.to_ascii_lowercase();
    let (_, key) = META_KEYS.iter().find(|(meta, _)| *meta == named)?;
    if *key == "author" {
        return person(&content).map(|name| ("author", name));
    }
    Some((*key, content)).filter(|(_, value)| !value.is_empty())
}

/// The address a browser notes it saved the page from (`<!-- saved from
/// url=(0052)https://... -->`).
fn saved_from(comment: &str) -> Option<String> {
    let rest = comment.trim().strip_prefix("saved from url=(")?;
    let (_, url) = rest.split_once(')')?;
    let url = url.trim();
    url.starts_with("http").then(|| url.to_string())
}

/// A byline's name: `By ` left off; an address, the outlet's own name (`CNN Indonesia`,
/// as some sites fill the field) or nothing is no one's name.
fn person(byline: &str) -> Option<String> {
    let name = byline
        .trim()
        .strip_prefix("By ")
        .or_else(|| byline.trim().strip_prefix("by "))
        .unwrap_or(byline.trim());
    let no_one = name.is_empty() || name.contains("://") || super::outlets::names_an_outlet(name);
    (!no_one).then(|| name.to_string())
}

/// The fields of the article a JSON-LD block describes, if it describes one (alone, in a
/// list, or in an `@graph`).
fn json_ld_fields(json: &str) -> Vec<(&'static str, String)> {
    let Ok(value) = serde_json::from_str::<Value>(json) else {
        return Vec::new();
    };
    let Some(article) = find_article(&value) else {
        return Vec::new();
    };
    let text = |key: &str| article.get(key).and_then(Value::as_str).map(str::trim);
    let mut fields = Vec::new();
    fields.extend(text("headline").map(|h| ("headline", h.to_string())));
    fields.extend(text("datePublished").map(|d| ("published", d.to_string())));
    fields.extend(name_of(article.get("publisher")).map(|p| ("sitename", p)));
    fields.extend(
        name_of(article.get("author"))
            .and_then(|a| person(&a))
            .map(|a| ("author", a)),
    );
    fields.extend(text("url").map(|u| ("url", u.to_string())));
    fields.retain(|(_, value)| !value.is_empty());
    fields
}

fn find_article(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(object) => {
            let is_article = match object.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(types)) => types
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                Some(value)
            } else {
                object.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

/// A person's or an organisation's name: a string, an object's `name`, or the names of a
/// list joined.
fn name_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(name) => Some(name.trim().to_string()),
        Value::Object(object) => object.get("name")?.as_str().map(|n| n.trim().to_string()),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(|i| name_of(Some(i))).collect();
            Some(names.join(", "))
        }
        _ => None,
    }
    .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_state_the_article() {
        let page = r#"<!DOCTYPE html><html><head>
            <meta property="og:title" content="Harga Cabai Naik">
            <meta property="og:site_name" content="Ekonomi Harian">
            <meta property="article:published_time" content="2024-03-04T09:15:00+07:00">
            <meta name="author" content="https://ekonomi.example/penulis/dewi">
            <meta name="dc.creator" content="detikcom">
            <meta name="byl" content="By Dewi Lestari">
            <link rel="canonical" href="https://ekonomi.example/a">
            </head><body><meta property="og:title" content="Lain"><p>Teks.</p></body></html>"#;
        assert_eq!(
            fields(page),
            [
                ("headline", "Harga Cabai Naik".to_string()),
                ("sitename", "Ekonomi Harian".to_string()),
                ("published", "2024-03-04T09:15:00+07:00".to_string()),
                ("author", "Dewi Lestari".to_string()),
                ("url", "https://ekonomi.example/a".to_string()),
            ]
        );
    }

    #[test]
    fn json_ld_comes_first_and_is_found_in_a_graph() {
        let page = r#"<html><head><meta property="og:title" content="Judul Sosial">
            <script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "X"},
            {"@type": ["NewsArticle"], "headline": "Judul Berita", "datePublished": "2024-03-28",
             "publisher": {"@type": "Organization", "name": "Warta Rel"},
             "author": [{"name": "Budi"}, {"name": "Sari"}]}]}</script></head></html>"#;
        assert_eq!(
            fields(page),
            [
                ("headline", "Judul Berita".to_string()),
                ("published", "2024-03-28".to_string()),
                ("sitename", "Warta Rel".to_string()),
                ("author", "Budi, Sari".to_string()),
                ("headline", "Judul Sosial".to_string()),
            ]
        );
    }

    #[test]
    fn trafilatura_xml_states_its_article_on_its_doc() {
        let xml = r#"<doc sitename="Warta Rel" title="Kereta Cepat" date="2024-03-28" hostname="warta.example"><main><p>Teks.</p></main></doc>"#;
        assert_eq!(
            fields(xml),
            [
                ("headline", "Kereta Cepat".to_string()),
                ("published", "2024-03-28".to_string()),
                ("sitename", "Warta Rel".to_string()),
            ]
        );
    }

    #[test]
    fn a_browser_notes_where_it_saved_the_page_from() {
        assert_eq!(
            fields("<!-- saved from url=(0030)https://warta.example/a -->\n<html><body><p>X</p>"),
            [("url", "https://warta.example/a".to_string())]
        );
    }

    #[test]
    fn text_that_is_not_a_page_states_nothing() {
        assert!(fields("Judul\n\n<meta property=\"og:title\" content=\"X\">").is_empty());
        assert!(fields("<p>Teks</p><script type=\"application/ld+json\">{</script>").is_empty());
    }
}
