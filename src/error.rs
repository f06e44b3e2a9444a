//! Located errors: every problem a user can fix is reported as `path:line:col: message` plus a hint.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one input file, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based; 0 when the problem is about the file as a whole.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            line,
            col,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem with a whole file (it cannot be read, it names no date, ...).
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(path, 1, 1, message)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same problem, named after the file it was found in.
    pub fn in_file(self, path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            ..self
        }
    }

    /// Shows the path relative to `root`, which is how users think of their files.
    pub fn relative_to(mut self, root: &Path) -> Self {
        if let Ok(rel) = self.path.strip_prefix(root) {
            self.path = rel.to_path_buf();
        }
        self
    }
}

impl Diagnostic {
    /// `path:line:col: warning: message`, for a problem kabar worked around.
    pub fn as_warning(&self) -> String {
        Diagnostic {
            message: format!("warning: {}", self.message),
            ..self.clone()
        }
        .to_string()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", shown(&self.path.display().to_string()))?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.col > 0 {
                write!(f, ":{}", self.col)?;
            }
        }
        write!(f, ": {}", shown(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", shown(hint))?;
        }
        Ok(())
    }
}

/// `text` safe to print to a terminal: control characters that a file name, a title or a
/// tag can carry (the escape that starts a terminal command, a carriage return that
/// overwrites the line) are shown as `\u{1b}`; line breaks and tabs stay.
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Why a build (or check) stopped.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the site's own files: content, templates, configuration. Exit code 1.
    #[error("{}", render_all(.0))]
    Site(Vec<Diagnostic>),
    /// The machine failed us: a file could not be written, a folder could not be made.
    #[error("{action} {}: {source}", shown(&.path.display().to_string()))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl BuildError {
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// The problems, each located, for reports that gather problems of several kinds.
    pub fn diagnostics(self) -> Vec<Diagnostic> {
        match self {
            Self::Site(diagnostics) => diagnostics,
            Self::Io {
                action,
                path,
                source,
            } => vec![Diagnostic::file(path, format!("{action}: {source}"))],
        }
    }
}

impl From<Diagnostic> for BuildError {
    fn from(d: Diagnostic) -> Self {
        Self::Site(vec![d])
    }
}

fn render_all(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    let count = diagnostics.len();
    let noun = if count == 1 { "error" } else { "errors" };
    format!("{}\n{count} {noun}", lines.join("\n"))
}

/// The candidate nearest to a mistyped `word`, for a "did you mean": within `within` edits
/// (a swap of two letters counts as one).
pub fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    within: usize,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(word, candidate), candidate))
        .filter(|(distance, _)| *distance <= within)
        .min()
        .map(|(_, candidate)| candidate)
}

/// How far a mistyped name may be from the one meant: two edits, more for long names.
pub fn name_typos(word: &str) -> usize {
    2.max(word.len() / 4)
}

/// 1-based line and column of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    // An offset inside a character (a byte limit, say) counts from the character it is in.
    let offset = (0..=offset.min(text.len()))
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_path_line_col_and_hint() {
        let d = Diagnostic::new("content/a.md", 3, 7, "bad date").with_hint("write 2019-12-31");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:7: bad date\n  hint: write 2019-12-31"
        );
    }

    #[test]
    fn line_col_counts_from_one() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, text.find('f').unwrap()), (3, 1));
        assert_eq!(line_col(text, 7), (2, 4));
    }
}
