//! Raw news text (`.txt`): paragraphs of untrusted plain text, turned into safe HTML.

use super::Content;
use crate::extract::summary::word_count;

/// The first line is the headline; every other non-empty line is a paragraph.
pub fn content(text: &str) -> Content {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().map(str::to_string);
    let paragraphs: Vec<String> = lines.map(str::to_string).collect();
    let mut html = String::new();
    for paragraph in &paragraphs {
        html.push_str("<p>");
        pulldown_cmark_escape::escape_html_body_text(&mut html, paragraph)
            .expect("writing to a String");
        html.push_str("</p>\n");
    }
    Content {
        title,
        words: paragraphs.iter().map(|p| word_count(p)).sum(),
        html,
        paragraphs,
        before_more: None,
        links: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_and_escaped_paragraphs() {
        let c = content("Judul Berita\n\nSatu <b>dua</b>.\nTiga & empat.\n");
        assert_eq!(c.title.as_deref(), Some("Judul Berita"));
        assert_eq!(
            c.html,
            "<p>Satu &lt;b&gt;dua&lt;/b&gt;.</p>\n<p>Tiga &amp; empat.</p>\n"
        );
        assert_eq!(c.words, 4);
    }
}
