//! Text saved through another format on its way to kabar: a scraper that stored each article
//! as a JSON string and wrote the string out still escaped (`\n` for each line break, `\"`,
//! `\u00e9`), one that saved the page's HTML (`<p>...</p><p>...</p>`), or one that kept the
//! HTML's character references (`&quot;`, `&#8220;`, `&nbsp;`). Read as they are, the escapes
//! and tags glue a page into one line and the references stand in words; undone first, the
//! text reads like any other.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// Escaped line breaks a text needs, and more than its real ones, to be read as escaped: a
/// text that writes `\n` once or twice may be quoting code.
const FEWEST_ESCAPED_BREAKS: usize = 2;

/// Block tags a saved page has and prose does not (inline ones, `<b>dua</b>`, and a script a
/// text may quote do not count): a text with this many is read as HTML.
const FEWEST_TAGS: usize = 2;

/// `text` as it was written: JSON string escapes undone when they stand for its line breaks,
/// the text of saved HTML (each block a paragraph, each `<br>` a line), and HTML character
/// references decoded.
pub(crate) fn unescaped(text: &str) -> Cow<'_, str> {
    let text = match json_unescaped(text) {
        Some(unescaped) => Cow::Owned(unescaped),
        None => Cow::Borrowed(text),
    };
    if is_html(&text) {
        return Cow::Owned(crate::html_text::text(&text, "\n\n", "\n"));
    }
    if let Cow::Owned(decoded) = html_escape::decode_html_entities(&text) {
        return Cow::Owned(decoded);
    }
    text
}

fn is_html(text: &str) -> bool {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)</?(?:p|br|div|h[1-6]|li|ul|ol|figure|figcaption|table|tr|td|blockquote|section|article|header|footer|nav)(?:\s[^<>]*)?/?>")
            .expect("valid tag pattern")
    });
    text.contains('<') && TAG.find_iter(text).nth(FEWEST_TAGS - 1).is_some()
}

fn json_unescaped(text: &str) -> Option<String> {
    let escaped_breaks = text.matches("\\n").count();
    if escaped_breaks < FEWEST_ESCAPED_BREAKS || escaped_breaks <= text.matches('\n').count() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let mut chars = rest.chars();
        let Some(escape) = chars.next() else {
            out.push('\\');
            break;
        };
        let (written, used) = match escape {
            'n' => ("\n".into(), 1),
            // A saved `\r\n` is one break.
            'r' => (String::new(), 1),
            't' => ("\t".into(), 1),
            '"' | '\'' | '/' | '\\' => (escape.to_string(), 1),
            'u' => match unicode_escape(&rest[1..]) {
                Some((c, used)) => (c.to_string(), 1 + used),
                None => ("\\u".into(), 1),
            },
            other => (format!("\\{other}"), other.len_utf8()),
        };
        out.push_str(&written);
        rest = &rest[used..];
    }
    out.push_str(rest);
    Some(out)
}

/// The character of `\uXXXX` (after its `\u`), or of a surrogate pair `\uD83D\uDE00`, and
/// how many bytes it took.
fn unicode_escape(hex: &str) -> Option<(char, usize)> {
    let unit = |s: &str| s.get(..4).and_then(|h| u32::from_str_radix(h, 16).ok());
    let first = unit(hex)?;
    if (0xD800..0xDC00).contains(&first) {
        let low = hex
            .get(4..6)
            .filter(|s| *s == "\\u")
            .and_then(|_| unit(&hex[6..]))?;
        let c = char::from_u32(0x10000 + ((first - 0xD800) << 10) + (low.checked_sub(0xDC00)?))?;
        return Some((c, 10));
    }
    Some((char::from_u32(first)?, 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_saved_as_an_escaped_string_gets_its_lines_back() {
        let text = "Judul Berita\\n\\nJAKARTA - Ia berkata, \\\"Kami siap.\\\"\\r\\nCaf\\u00e9 itu tutup \\ud83d\\ude00.";
        assert_eq!(
            unescaped(text),
            "Judul Berita\n\nJAKARTA - Ia berkata, \"Kami siap.\"\nCafé itu tutup 😀."
        );
    }

    #[test]
    fn a_text_with_real_breaks_or_one_escape_is_left_as_it_is() {
        for text in [
            "Baris satu\nbaris dua\nmenulis \\n dua kali \\n",
            "Kode `printf(\"a\\n\")` dicetak.",
        ] {
            assert_eq!(unescaped(text), text);
        }
    }

    #[test]
    fn broken_escapes_stay_as_they_were() {
        assert_eq!(
            unescaped("a\\nb\\nc \\uZZZZ \\q \\"),
            "a\nb\nc \\uZZZZ \\q \\"
        );
    }

    #[test]
    fn saved_html_is_read_as_its_text() {
        let text = "<div class=\"menu\"><a href=\"/\">Beranda</a></div><h1>Rudal Diluncurkan</h1><p>JAKARTA &ndash; Korea Utara <b>kembali</b> meluncurkan rudal.<br>Dua kali.</p><script>track();</script>";
        let read = unescaped(text);
        let lines: Vec<&str> = read.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Beranda",
                "Rudal Diluncurkan",
                "JAKARTA \u{2013} Korea Utara kembali meluncurkan rudal.",
                "Dua kali."
            ]
        );
        // A lone angle bracket, one tag named in prose or inline tags are not a page.
        for prose in [
            "Harga naik <5% dan >3%.",
            "Tag <p> membuka paragraf.",
            "Satu <b>dua</b> <i>tiga</i>.",
        ] {
            assert_eq!(unescaped(prose), prose);
        }
    }

    #[test]
    fn html_character_references_are_decoded() {
        assert_eq!(
            unescaped("Ia berkata, &quot;Kami siap&quot; &amp; &#8220;tenang&#8221;."),
            "Ia berkata, \"Kami siap\" & \u{201c}tenang\u{201d}."
        );
        assert!(matches!(
            unescaped("Tanpa rujukan & biasa."),
            Cow::Borrowed(_)
        ));
    }
}
