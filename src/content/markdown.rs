//! Markdown bodies: HTML, plain-text paragraphs for summaries, and the internal links to check.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::config::RawHtml;

/// How to render a body.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownOptions<'a> {
    /// Prefix for root-relative links, e.g. `/arsip/` (a site under a sub-path).
    pub base_path: &'a str,
    /// What happens to HTML written in the Markdown.
    pub raw_html: RawHtml,
    /// Whether the first `# heading` is the title (and so is taken out of the body).
    pub take_title: bool,
}

/// What a Markdown body turned into.
#[derive(Debug, Default, PartialEq)]
pub struct Body {
    pub html: String,
    /// Plain text of each top-level paragraph, in order.
    pub paragraphs: Vec<String>,
    /// Plain text of the paragraphs before `<!-- more -->`, when the marker is present.
    pub before_more: Option<String>,
    pub heading_title: Option<String>,
    pub words: usize,
    /// Links to pages of this site, with the byte range of each in the Markdown.
    pub links: Vec<(String, Range<usize>)>,
    /// Links and images left out because they would run script (their text is kept).
    pub script_links: Vec<(String, Range<usize>)>,
    /// What cleaning took out of the HTML written in the Markdown, where it was written.
    pub unsafe_html: Vec<(String, Range<usize>)>,
}

const MORE_MARKER: &str = "<!-- more -->";

pub fn render(markdown: &str, options: MarkdownOptions<'_>) -> Body {
    let mut body = Body::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut paragraph: Option<String> = None;
    let mut heading: Option<(String, usize)> = None;
    let mut title_pending = options.take_title;
    let mut depth = 0usize;
    let mut all_text = String::new();
    // Depths of links left out, whose end tags are left out too.
    let mut dropped: Vec<usize> = Vec::new();
    let mut has_html = false;
    // Inside an image: its alt text describes a picture, and is no sentence of the story.
    let mut in_image = 0usize;

    for (event, range) in Parser::new_ext(markdown, parser_options()).into_offset_iter() {
        if let Some(url) = script_target(&event) {
            body.script_links.push((url.to_string(), range));
            dropped.push(depth);
            depth += 1;
            continue;
        }
        if matches!(event, Event::End(_)) && dropped.last() == Some(&(depth - 1)) {
            dropped.pop();
            depth -= 1;
            continue;
        }
        match &event {
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                depth += 1;
            }
            Event::End(TagEnd::Image) => {
                in_image -= 1;
                depth -= 1;
            }
            Event::Start(tag) => {
                if depth == 0 {
                    match tag {
                        Tag::Paragraph => paragraph = Some(String::new()),
                        Tag::Heading {
                            level: HeadingLevel::H1,
                            ..
                        } if title_pending => {
                            heading = Some((String::new(), events.len()));
                        }
                        _ => {}
                    }
                    title_pending &= matches!(
                        tag,
                        Tag::Heading {
                            level: HeadingLevel::H1,
                            ..
                        }
                    );
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth -= 1;
                if depth == 0 {
                    if *tag == TagEnd::Paragraph
                        && let Some(text) = paragraph.take()
                        && !text.trim().is_empty()
                    {
                        body.paragraphs
                            .push(text.split_whitespace().collect::<Vec<_>>().join(" "));
                    }
                    if let Some((text, start)) = heading.take() {
                        title_pending = false;
                        body.heading_title = Some(text.trim().to_string());
                        events.truncate(start);
                        continue;
                    }
                }
            }
            Event::Text(_) if in_image > 0 => {}
            Event::Text(text) | Event::Code(text) => {
                for sink in [paragraph.as_mut(), heading.as_mut().map(|(t, _)| t)]
                    .into_iter()
                    .flatten()
                {
                    sink.push_str(text);
                }
                all_text.push_str(text);
                all_text.push(' ');
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = paragraph.as_mut() {
                    p.push(' ');
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) if raw.trim() == MORE_MARKER => {
                if body.before_more.is_none() {
                    body.before_more = Some(body.paragraphs.join(" "));
                }
                continue;
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                has_html = true;
                if options.raw_html == RawHtml::Cleaned {
                    let at = range.clone();
                    let found = super::html::removed(raw);
                    body.unsafe_html
                        .extend(found.into_iter().map(|what| (what, at.clone())));
                }
            }
            _ => {}
        }
        events.push(adjust(event, range, &options, &mut body.links));
    }
    body.words = crate::extract::summary::word_count(&all_text);
    html::push_html(&mut body.html, events.into_iter());
    // A body of Markdown alone is safe as rendered, and left byte for byte as it was.
    if has_html && options.raw_html == RawHtml::Cleaned {
        body.html = super::html::clean(&body.html);
    }
    body
}

/// The target of a link or image that would run script.
fn script_target<'e>(event: &'e Event<'_>) -> Option<&'e str> {
    let (url, image) = match event {
        Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
        Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
        _ => return None,
    };
    super::sanitize::runs_script(url, image).then_some(url.as_ref())
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Rewrites root-relative links under the base path, records internal links, and turns raw HTML
/// into text when the site does not allow it.
fn adjust<'a>(
    event: Event<'a>,
    range: Range<usize>,
    options: &MarkdownOptions<'_>,
    links: &mut Vec<(String, Range<usize>)>,
) -> Event<'a> {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = site_link(dest_url, range, options, links);
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = site_link(dest_url, range, options, links);
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Html(raw) | Event::InlineHtml(raw) if options.raw_html == RawHtml::Escaped => {
            Event::Text(raw)
        }
        other => other,
    }
}

fn site_link<'a>(
    dest: CowStr<'a>,
    range: Range<usize>,
    options: &MarkdownOptions<'_>,
    links: &mut Vec<(String, Range<usize>)>,
) -> CowStr<'a> {
    if !is_internal(&dest) {
        return dest;
    }
    let dest: CowStr<'a> = match dest.strip_prefix('/') {
        Some(rest) => format!("{}{rest}", options.base_path).into(),
        None => dest,
    };
    links.push((dest.to_string(), range));
    dest
}

/// A link to this site: root-relative or relative, not another host, scheme or in-page anchor.
pub fn is_internal(dest: &str) -> bool {
    !(dest.is_empty()
        || dest.starts_with('#')
        || dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> MarkdownOptions<'static> {
        MarkdownOptions {
            base_path: "/arsip/",
            raw_html: RawHtml::Trusted,
            take_title: true,
        }
    }

    #[test]
    fn first_heading_becomes_title_and_leaves_the_body() {
        let body = render("# KTT Hanoi\n\nKim dan Trump bertemu.\n", options());
        assert_eq!(body.heading_title.as_deref(), Some("KTT Hanoi"));
        assert_eq!(body.html, "<p>Kim dan Trump bertemu.</p>\n");
        assert_eq!(body.paragraphs, ["Kim dan Trump bertemu."]);
    }

    #[test]
    fn heading_stays_when_title_is_stated() {
        let body = render(
            "# KTT\n\nIsi.",
            MarkdownOptions {
                take_title: false,
                ..options()
            },
        );
        assert_eq!(body.heading_title, None);
        assert!(body.html.starts_with("<h1>KTT</h1>"));
    }

    #[test]
    fn later_heading_is_not_a_title() {
        let body = render("Isi.\n\n# Bukan judul\n", options());
        assert_eq!(body.heading_title, None);
        assert!(body.html.contains("<h1>Bukan judul</h1>"));
    }

    #[test]
    fn more_marker_marks_the_summary() {
        let body = render(
            "Satu *dua*.\n\nTiga.\n\n<!-- more -->\n\nEmpat.\n",
            options(),
        );
        assert_eq!(body.before_more.as_deref(), Some("Satu dua. Tiga."));
        assert!(!body.html.contains("more"));
        assert_eq!(body.words, 4);
    }

    #[test]
    fn root_links_get_the_base_path_and_are_recorded() {
        let text =
            "Lihat [KTT](/2019/02/ktt-hanoi/), [luar](https://x.org/) dan ![peta](peta.png).";
        let body = render(text, options());
        assert!(
            body.html.contains("href=\"/arsip/2019/02/ktt-hanoi/\""),
            "{}",
            body.html
        );
        assert!(body.html.contains("href=\"https://x.org/\""));
        let links: Vec<&str> = body.links.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(links, ["/arsip/2019/02/ktt-hanoi/", "peta.png"]);
        assert_eq!(&text[body.links[0].1.clone()], "[KTT](/2019/02/ktt-hanoi/)");
    }

    #[test]
    fn raw_html_can_be_turned_off() {
        let body = render(
            "<script>x()</script>\n\nA <b>b</b>.",
            MarkdownOptions {
                raw_html: RawHtml::Escaped,
                ..options()
            },
        );
        assert!(!body.html.contains("<script>"), "{}", body.html);
        assert!(body.html.contains("&lt;b&gt;"));
        let allowed = render("A <b>b</b>.", options());
        assert!(allowed.html.contains("<b>b</b>"));
    }

    #[test]
    fn internal_links() {
        for link in ["/a/", "a.png", "../b/", "a/b?x=1"] {
            assert!(is_internal(link), "{link}");
        }
        for link in ["https://x", "mailto:a@b", "#top", "//cdn.x/a.js", ""] {
            assert!(!is_internal(link), "{link}");
        }
    }
}
