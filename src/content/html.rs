//! HTML written inside Markdown. Desks paste HTML from other sites into briefings (a figure,
//! a table, an embedded post), and with it whatever those sites put there: by default the
//! tags and attributes of an article are kept and what runs script or takes over the page is
//! removed (`<script>`, event handlers, `javascript:` addresses, `<base>`, `<meta>`, forms),
//! by ammonia, a sanitizer built on a browser's HTML parser. What it removes is named here
//! too, so each removal is a warning at its line.

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use html5gum::{Token, Tokenizer};

use super::sanitize::runs_script;
use crate::error::Diagnostic;

/// The cleaner: ammonia's article tags, plus embedded players (an `<iframe>` from a web
/// address), classes and ids (code blocks' languages, footnotes), and table cells' alignment.
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut cleaner = ammonia::Builder::default();
    cleaner
        .add_tags(["iframe"])
        .add_tag_attributes(
            "iframe",
            [
                "src",
                "width",
                "height",
                "title",
                "allow",
                "allowfullscreen",
                "loading",
                "referrerpolicy",
                "frameborder",
            ],
        )
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .filter_style_properties(["text-align"].into())
        .add_generic_attributes(["class", "id"])
        .add_url_schemes(["data"])
        .attribute_filter(|element, attribute, value| {
            let image = element == "img" && attribute == "src";
            match is_url(attribute) && runs_script(value, image) {
                true => None,
                false => Some(Cow::Borrowed(value)),
            }
        })
        .link_rel(None);
    cleaner
});

/// `html` (a body rendered from Markdown holding raw HTML) with only what is safe to show.
pub(super) fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// Tags removed whole, with what they hold.
const REMOVED_TAGS: &[&str] = &[
    "script", "style", "base", "meta", "link", "object", "embed", "applet", "form", "input",
    "button", "textarea", "select", "frame", "frameset", "noscript", "template", "svg", "math",
];

/// What cleaning removes from a piece of raw HTML, as an editor would name it, in order.
pub(super) fn removed(raw: &str) -> Vec<String> {
    let mut found = Vec::new();
    for token in Tokenizer::new(raw).flatten() {
        let Token::StartTag(tag) = token else {
            continue;
        };
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        if REMOVED_TAGS.contains(&name.as_str()) {
            found.push(format!("`<{name}>`"));
            continue;
        }
        for (attribute, value) in &tag.attributes {
            let attribute = String::from_utf8_lossy(attribute).to_ascii_lowercase();
            let value = String::from_utf8_lossy(&value.value);
            if attribute.starts_with("on") {
                found.push(format!("the `{attribute}` attribute of `<{name}>`"));
            } else if is_url(&attribute) && runs_script(&value, name == "img" && attribute == "src")
            {
                let scheme = value
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                found.push(format!("the `{scheme}:` address of `<{name}>`"));
            } else if attribute == "srcdoc" {
                found.push(format!("the `srcdoc` of `<{name}>`"));
            }
        }
    }
    found
}

/// The warning for one thing cleaning took out.
pub(super) fn removed_warning(path: &Path, line: usize, col: usize, what: &str) -> Diagnostic {
    Diagnostic::new(
        path,
        line,
        col,
        format!("{what} was taken out of this HTML: it could run a script or take over the page"),
    )
    .with_hint(
        "remove it from the file; if the desk trusts every HTML it publishes, \
         `markdown: {raw_html: trusted}` in site.yaml keeps it",
    )
}

/// Attributes that hold an address a browser follows or loads.
fn is_url(attribute: &str) -> bool {
    matches!(
        attribute,
        "href" | "src" | "xlink:href" | "action" | "formaction" | "data" | "poster" | "ping"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_go_and_the_article_stays() {
        let dirty = concat!(
            "<figure class=\"foto\"><img src=\"/a.jpg\" alt=\"Kim\" onerror=\"alert(1)\">",
            "<figcaption>Kim di <a href=\"https://a.example/\">Hanoi</a></figcaption></figure>",
            "<script>alert(2)</script><iframe src=\"javascript:alert(3)\"></iframe>",
            "<base href=\"javascript:x\"><meta http-equiv=\"refresh\" content=\"0;url=https://x\">",
            "<table><tr><td style=\"text-align: right; background: url(x)\">1</td></tr></table>",
            "<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\"></iframe>",
            "<img src=\"data:image/png;base64,AAAA\" alt=\"titik\">",
        );
        let clean = clean(dirty);
        for gone in [
            "onerror",
            "alert",
            "<base",
            "<meta",
            "refresh",
            "background",
        ] {
            assert!(!clean.contains(gone), "{gone} in {clean}");
        }
        for kept in [
            "<figure class=\"foto\">",
            "alt=\"Kim\"",
            "<a href=\"https://a.example/\">Hanoi</a>",
            "style=\"text-align:right\"",
            "src=\"https://www.youtube.com/embed/x\"",
            "src=\"data:image/png;base64,AAAA\"",
        ] {
            assert!(clean.contains(kept), "{kept} not in {clean}");
        }
        assert_eq!(
            removed(dirty),
            [
                "the `onerror` attribute of `<img>`",
                "`<script>`",
                "the `javascript:` address of `<iframe>`",
                "`<base>`",
                "`<meta>`",
            ]
        );
    }
}
