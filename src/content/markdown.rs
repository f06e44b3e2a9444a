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
    let mut walk = Walk::new(options.take_title);
    for (event, range) in Parser::new_ext(markdown, parser_options()).into_offset_iter() {
        if walk.keeps(&event, &range, &options) {
            let event = adjust(event, range, &options, &mut walk.body.links);
            walk.events.push(event);
        }
    }
    walk.finish(&options)
}

/// What a walk over a body's events has seen so far.
struct Walk<'a> {
    body: Body,
    /// The events to render.
    events: Vec<Event<'a>>,
    /// The text of the paragraph being read, at the top level.
    paragraph: Option<String>,
    /// The text of the heading taken as the title, and where its events start.
    heading: Option<(String, usize)>,
    /// No block but a first-level heading came yet: one would be the title.
    title_pending: bool,
    depth: usize,
    /// Depths of links left out, whose end tags are left out too.
    dropped: Vec<usize>,
    has_html: bool,
    /// Inside an image: its alt text describes a picture, and is no sentence of the story.
    in_image: usize,
}

impl<'a> Walk<'a> {
    fn new(take_title: bool) -> Self {
        Walk {
            body: Body::default(),
            events: Vec::new(),
            paragraph: None,
            heading: None,
            title_pending: take_title,
            depth: 0,
            dropped: Vec::new(),
            has_html: false,
            in_image: 0,
        }
    }

    /// Reads `event`; whether it is rendered.
    fn keeps(
        &mut self,
        event: &Event<'a>,
        range: &Range<usize>,
        options: &MarkdownOptions,
    ) -> bool {
        if let Some(url) = script_target(event) {
            self.body
                .script_links
                .push((url.to_string(), range.clone()));
            self.dropped.push(self.depth);
            self.depth += 1;
            return false;
        }
        if matches!(event, Event::End(_)) && self.dropped.last() == Some(&(self.depth - 1)) {
            self.dropped.pop();
            self.depth -= 1;
            return false;
        }
        match event {
            Event::Start(Tag::Image { .. }) => {
                self.in_image += 1;
                self.depth += 1;
            }
            Event::End(TagEnd::Image) => {
                self.in_image -= 1;
                self.depth -= 1;
            }
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => return self.end(*tag),
            Event::Text(_) if self.in_image > 0 => {}
            Event::Text(text) | Event::Code(text) => self.text(text),
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = self.paragraph.as_mut() {
                    p.push(' ');
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) if raw.trim() == MORE_MARKER => {
                if self.body.before_more.is_none() {
                    self.body.before_more = Some(self.body.paragraphs.join(" "));
                }
                return false;
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                self.has_html = true;
                if options.raw_html == RawHtml::Cleaned {
                    let found = super::html::removed(raw);
                    let at = |what| (what, range.clone());
                    self.body.unsafe_html.extend(found.into_iter().map(at));
                }
            }
            _ => {}
        }
        true
    }

    fn start(&mut self, tag: &Tag) {
        let title = matches!(
            tag,
            Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }
        );
        if self.depth == 0 {
            match tag {
                Tag::Paragraph => self.paragraph = Some(String::new()),
                _ if title && self.title_pending => {
                    self.heading = Some((String::new(), self.events.len()));
                }
                _ => {}
            }
            self.title_pending &= title;
        }
        self.depth += 1;
    }

    /// Closes `tag`; whether its end is rendered (a heading taken as the title is not).
    fn end(&mut self, tag: TagEnd) -> bool {
        self.depth -= 1;
        if self.depth > 0 {
            return true;
        }
        if tag == TagEnd::Paragraph
            && let Some(text) = self.paragraph.take()
            && !text.trim().is_empty()
        {
            self.body.paragraphs.push(single_spaced(text));
        }
        let Some((text, start)) = self.heading.take() else {
            return true;
        };
        self.title_pending = false;
        self.body.heading_title = Some(text.trim().to_string());
        self.events.truncate(start);
        false
    }

    fn text(&mut self, text: &str) {
        let heading = self.heading.as_mut().map(|(t, _)| t);
        for sink in [self.paragraph.as_mut(), heading].into_iter().flatten() {
            sink.push_str(text);
        }
        // Each piece of text counts alone: a word never runs from one into the next.
        self.body.words += crate::summary::word_count(text);
    }

    fn finish(mut self, options: &MarkdownOptions) -> Body {
        html::push_html(&mut self.body.html, self.events.into_iter());
        // A body of Markdown alone is safe as rendered, and left byte for byte as it was.
        if self.has_html && options.raw_html == RawHtml::Cleaned {
            self.body.html = super::html::clean(&self.body.html);
        }
        self.body
    }
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

/// `text` with its words one space apart, as summaries and prints read paragraphs; most
/// paragraphs are so already, and are kept without being split.
fn single_spaced(text: String) -> String {
    let other_space = match text.is_ascii() {
        true => text
            .bytes()
            .any(|b| b != b' ' && b.is_ascii_whitespace() || b == 0x0B),
        false => text.chars().any(|c| c != ' ' && c.is_whitespace()),
    };
    let spaced_once =
        !other_space && !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  ");
    match spaced_once {
        true => text,
        false => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_single_spaced_as_if_split_and_joined() {
        for text in [
            "Kim dan Trump bertemu di Hanoi.",
            " Kim dan  Trump ",
            "Kim\tdan\nTrump\u{b}bertemu",
            "Kim\u{a0}dan Trump\u{2003}di Hanoi",
            "Pertemuan ‘kedua’ di Hanoi",
        ] {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(text.to_string()), joined, "{text:?}");
        }
    }

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
