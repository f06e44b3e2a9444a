//! Characters no page may carry: XML 1.0 forbids them, and one of them makes a feed or the
//! sitemap unreadable. HTML text is held to the same rule.

/// Whether XML 1.0 forbids `c`.
pub fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}
