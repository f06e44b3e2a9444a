//! Raw news text (`.txt`): read by [`crate::extract::article`], rendered as safe HTML.

use chrono::NaiveDate;

use super::Content;
use super::Reader;
use crate::extract::article::{self, Block, Settings};
use crate::summary::word_count;

/// What the reading of raw articles takes from the site's settings.
pub fn settings<'a>(reader: &'a Reader, today: NaiveDate) -> Settings<'a> {
    Settings {
        boilerplate: &reader.tables.boilerplate,
        entities: &reader.tables.entities,
        max_tags: reader.config.raw.max_tags,
        summary_words: reader.config.summary_words,
        today,
    }
}

/// Reads a raw article's body; `today` bounds the years guessed for dates without one.
pub fn content(text: &str, reader: &Reader, today: NaiveDate) -> Content {
    let mut read = article::extract(text, &settings(reader, today));
    let paragraphs: Vec<String> = read.paragraphs().map(str::to_string).collect();
    Content {
        title: read.title.take(),
        title_inferred: read.title_inferred,
        html: html(&read.blocks),
        // Words on the page: a photo story's captions are its text.
        words: read
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(text) | Block::Caption(text) => word_count(text),
            })
            .sum(),
        paragraphs,
        article: Some(read),
        ..Content::default()
    }
}

/// Paragraphs, and captions set apart; all text escaped, as raw text is untrusted.
fn html(blocks: &[Block]) -> String {
    let mut html = String::new();
    for block in blocks {
        let (open, text) = match block {
            Block::Paragraph(text) => ("<p>", text),
            Block::Caption(text) => ("<p class=\"caption\">", text),
        };
        html.push_str(open);
        pulldown_cmark_escape::escape_html_body_text(&mut html, text).expect("writing to a String");
        html.push_str("</p>\n");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_paragraphs_and_captions() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let config = crate::config::Config::default();
        let c = content(
            "Judul Berita\n\nSatu <b>dua</b>. Kim tiba. (AFP Photo/Ed Jones)\nTiga & empat.\n",
            &Reader::new(&config).unwrap(),
            today,
        );
        assert_eq!(c.title.as_deref(), Some("Judul Berita"));
        assert_eq!(
            c.html,
            "<p>Satu &lt;b&gt;dua&lt;/b&gt;.</p>\n<p class=\"caption\">Kim tiba. (AFP Photo/Ed \
             Jones)</p>\n<p>Tiga &amp; empat.</p>\n"
        );
        // Words on the page: the caption's too.
        assert_eq!(c.words, 9);
    }
}
