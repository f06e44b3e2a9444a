//! A scrape saved as Markdown, as tools that turn pages into Markdown write it: `# ` before
//! the headline, links as `[text](address)`, images as `![alt](address)`, bold as `**text**`,
//! quotes opening with `> `, bullets, rules and a headline's underline. The marks are dropped, a link keeping its text, so
//! that the text reads as a plain scrape does: a headline marked `# ` is a headline, and a
//! dateline after a bullet still opens its line.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// Each mark and what stands in its place.
static MARKS: LazyLock<[(Regex, &str); 8]> = LazyLock::new(|| {
    let mark = |pattern: &str| Regex::new(pattern).expect("valid Markdown pattern");
    [
        (mark(r#"!\[[^\]\n]*\]\([^)\s]*(?:\s+"[^"\n]*")?\)"#), ""),
        (
            mark(r#"\[([^\]\n]+)\]\((?:https?://|/|#|mailto:)[^)\s]*(?:\s+"[^"\n]*")?\)"#),
            "$1",
        ),
        (
            mark(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$"),
            "$1",
        ),
        (mark(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__"), "$1$2"),
        (mark(r"(?m)^[ \t]{0,3}>[ \t]?"), ""),
        (mark(r"(?m)^[ \t]{0,3}(?:[-*_][ \t]*){3,}$"), ""),
        (mark(r"(?m)^[ \t]{0,3}=+[ \t]*$"), ""),
        (mark(r"(?m)^[ \t]{0,3}[-*+][ \t]+"), ""),
    ]
});

/// A line a page-to-Markdown reader writes between its header and the page.
const CONTENT_LABEL: &str = "Markdown Content:";

/// `text` without Markdown's marks.
pub(crate) fn unmarked(text: &str) -> Cow<'_, str> {
    let mut text = Cow::Borrowed(text);
    for (mark, with) in MARKS.iter() {
        if let Cow::Owned(replaced) = mark.replace_all(&text, *with) {
            text = Cow::Owned(replaced);
        }
    }
    if text.contains(CONTENT_LABEL) {
        let kept: Vec<&str> = text.lines().filter(|l| l.trim() != CONTENT_LABEL).collect();
        text = Cow::Owned(kept.join("\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_dropped_and_a_link_keeps_its_text() {
        let text = "# Rudal Diluncurkan Lagi #\n\n![Foto peluncuran](https://x.example/a.jpg \"KCNA\")\n\n**JAKARTA** - Korea Utara meluncurkan [rudal balistik](https://x.example/tag/rudal) lagi.\n\n> \"Kami siap,\" katanya.\n\n- Baca juga: Sanksi Baru\n\n---\n\nHalaman __dua__.";
        assert_eq!(
            unmarked(text),
            "Rudal Diluncurkan Lagi\n\n\n\nJAKARTA - Korea Utara meluncurkan rudal balistik lagi.\n\n\"Kami siap,\" katanya.\n\nBaca juga: Sanksi Baru\n\n\n\nHalaman dua."
        );
    }

    #[test]
    fn plain_text_is_left_as_it_is() {
        for text in [
            "JAKARTA - Tagar #KoreaUtara ramai. Harga naik 5 * 2 kali [sic] (lihat tabel).",
            "Skor 3-1 - laga berakhir.",
        ] {
            assert!(matches!(unmarked(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn a_reader_s_content_label_is_dropped() {
        let text =
            "Title: Rudal\n\nURL Source: https://x.example/a\n\nMarkdown Content:\nJAKARTA - Isi.";
        assert_eq!(
            unmarked(text),
            "Title: Rudal\n\nURL Source: https://x.example/a\n\nJAKARTA - Isi."
        );
    }
}
