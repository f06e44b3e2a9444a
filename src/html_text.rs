//! The text of an HTML fragment as a reader sees it: without scripts, styles or the page's
//! `<title>` (a tab's label, which a page repeats as its headline), and each
//! block (a paragraph, a heading, a list item, a line break) set apart from the next, so that
//! words of two paragraphs never join.

use html5gum::{Token, Tokenizer};

/// The text of `html`, with `block` where a block element begins or ends and `line` for each
/// `<br>`. Character references are decoded.
pub(crate) fn text(html: &str, block: &str, line: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut hidden = 0usize;
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) if is_hidden(&tag.name) && !tag.self_closing => hidden += 1,
            Token::EndTag(tag) if is_hidden(&tag.name) => hidden = hidden.saturating_sub(1),
            Token::String(s) if hidden == 0 => text.push_str(&String::from_utf8_lossy(&s)),
            Token::StartTag(tag) if &tag.name[..] == b"br" => text.push_str(line),
            Token::StartTag(tag) if !is_inline(&tag.name) => text.push_str(block),
            Token::EndTag(tag) if !is_inline(&tag.name) => text.push_str(block),
            _ => {}
        }
    }
    text
}

fn is_inline(name: &[u8]) -> bool {
    matches!(
        name,
        b"a" | b"abbr"
            | b"b"
            | b"cite"
            | b"code"
            | b"em"
            | b"i"
            | b"mark"
            | b"q"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"sub"
            | b"sup"
            | b"u"
    )
}

fn is_hidden(name: &[u8]) -> bool {
    matches!(name, b"script" | b"style" | b"template" | b"title")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_breaks_stay_apart_and_scripts_go() {
        let html = "<title>Kim - Kabar</title><p>Kim &amp; <b>Trump</b><br>bertemu</p><script>var x;</script><p>di Hanoi</p>";
        assert_eq!(text(html, "|", "/"), "|Kim & Trump/bertemu||di Hanoi|");
    }
}
