//! What no page may carry, whatever a file holds: characters XML 1.0 forbids (one of them
//! makes a feed unreadable) and links that run script when followed.

use std::borrow::Cow;
use std::path::Path;

use super::Briefing;
use crate::chars::forbidden;
use crate::error::{Diagnostic, line_col};

/// `text` without the characters XML forbids, and a warning naming where the first was.
pub fn strip_forbidden<'a>(path: &Path, text: &'a str) -> (Cow<'a, str>, Option<Diagnostic>) {
    let Some(first) = text.find(forbidden) else {
        return (Cow::Borrowed(text), None);
    };
    let count = text.chars().filter(|&c| forbidden(c)).count();
    let code = text[first..].chars().next().map_or(0, u32::from);
    let (line, col) = line_col(text, first);
    let plural = if count == 1 { "" } else { "s" };
    let warning = Diagnostic::new(
        path,
        line,
        col,
        format!(
            "{count} control character{plural} (the first is U+{code:04X}) left out: \
             pages and feeds cannot carry them"
        ),
    )
    .with_hint("delete them from the file; they often come with text pasted from another program");
    let kept = text.chars().filter(|&c| !forbidden(c)).collect();
    (Cow::Owned(kept), Some(warning))
}

/// Takes the characters XML forbids out of a value (YAML escapes such as `"\x01"` make
/// them in front matter, after the file's own text was cleaned); whether any were there.
pub fn strip_forbidden_in(value: &mut String) -> bool {
    let had = value.contains(forbidden);
    if had {
        value.retain(|c| !forbidden(c));
    }
    had
}

/// Whether following `url` would run script: `javascript:`, `vbscript:`, or `data:` other
/// than an image shown by `<img>`. Browsers ignore case, spaces and control characters in a
/// scheme, so this does too.
pub fn runs_script(url: &str, image: bool) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    // An image in `data:` is safe shown, and safe followed but for SVG, which can hold script.
    let data_image =
        scheme.starts_with("data:image/") && (image || !scheme.starts_with("data:image/svg"));
    scheme.starts_with("javascript:")
        || scheme.starts_with("vbscript:")
        || (scheme.starts_with("data:") && !data_image)
}

/// The warning for a link or address that was left out because it would run script.
pub fn script_link_warning(path: &Path, line: usize, col: usize, url: &str) -> Diagnostic {
    let shown: String = url.chars().take(40).collect();
    Diagnostic::new(
        path,
        line,
        col,
        format!("the link to `{shown}` would run a script, so it was left out (its text stays)"),
    )
    .with_hint("link to a web address (https://...) or a page of this site")
}

/// Front matter keys whose values held characters no page may carry (taken out now).
pub(super) fn strip_escaped_controls(b: &mut Briefing) -> Vec<&'static str> {
    let strip = strip_forbidden_in;
    let mut keys = Vec::new();
    let mut check = |key: &'static str, stripped: bool| {
        if stripped {
            keys.push(key);
        }
    };
    check("title", strip(&mut b.title));
    check("summary", strip(&mut b.summary));
    check(
        "tags",
        b.tags.iter_mut().fold(false, |any, t| strip(t) | any),
    );
    check(
        "cited",
        b.cited.iter_mut().fold(false, |any, t| strip(t) | any),
    );
    check(
        "source",
        b.source.as_mut().is_some_and(|s| strip(&mut s.name)),
    );
    check("dateline", b.dateline.as_mut().is_some_and(strip));
    check("author", b.author.as_mut().is_some_and(strip));
    check("story_title", b.story_title.as_mut().is_some_and(strip));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_what_xml_forbids_and_keeps_the_rest() {
        let (text, warning) =
            strip_forbidden(Path::new("a.md"), "Satu\n\tdua\u{1b}[31m\0 tiga\r\n");
        assert_eq!(text, "Satu\n\tdua[31m tiga\r\n");
        let warning = warning.unwrap();
        assert_eq!((warning.line, warning.col), (2, 5));
        assert!(
            warning
                .message
                .starts_with("2 control characters (the first is U+001B)")
        );
        let (text, warning) = strip_forbidden(Path::new("a.md"), "Bersih — “kutipan”.");
        assert!(matches!(text, Cow::Borrowed(_)) && warning.is_none());
    }

    #[test]
    fn script_schemes_are_caught_however_written() {
        for url in [
            "javascript:alert(1)",
            "  JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "vbscript:msgbox",
            "data:text/html;base64,PHNjcmlwdD4=",
        ] {
            assert!(runs_script(url, false), "{url}");
        }
        assert!(runs_script("data:text/html,x", true));
        assert!(!runs_script("data:image/png;base64,iVBOR", true));
        for url in [
            "https://kompas.com",
            "/2019/02/hanoi/",
            "#catatan",
            "mailto:meja@x.id",
        ] {
            assert!(!runs_script(url, false), "{url}");
        }
    }
}
