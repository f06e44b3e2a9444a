//! The body `kabar new` writes into a new briefing, and the warning for a published briefing
//! that still holds it.

use std::path::Path;

use crate::error::{Diagnostic, line_col};

/// The body a new briefing starts with.
pub const PLACEHOLDER: &str = "Tulis paragraf pembuka di sini: siapa, apa, kapan, di mana.";

/// A warning where `text` still holds the placeholder; a draft may.
pub(super) fn left_in(path: &Path, text: &str, draft: bool) -> Option<Diagnostic> {
    let at = text.find(PLACEHOLDER).filter(|_| !draft)?;
    let (line, col) = line_col(text, at);
    Some(
        Diagnostic::new(
            path,
            line,
            col,
            "this published briefing still holds the placeholder text of `kabar new`",
        )
        .with_hint("write the briefing in its place, or keep it a draft with `draft: true`"),
    )
}
