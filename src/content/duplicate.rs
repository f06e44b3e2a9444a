//! `duplicate_of:`: an editor's mark that a briefing is a copy of another (the same article
//! pasted twice, a syndicated copy), so the site publishes the story once.

use std::path::{Component, Path, PathBuf};

use crate::layout::CONTENT_DIR;

/// The original a copy names, as a path from the site's root (`content/2019/x.md`), and
/// where in the copy's file the mark is written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Mark {
    pub original: PathBuf,
    pub line: usize,
    pub col: usize,
}

/// The path of the original as written, under `content/` with or without that folder
/// named; `None` for a path that leaves `content/` or names no file.
pub fn original_path(written: &str) -> Option<PathBuf> {
    let written = Path::new(written.trim().trim_start_matches('/'));
    let under = written.strip_prefix(CONTENT_DIR).unwrap_or(written);
    let plain = under
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    let path: PathBuf = under
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    (plain && path.file_name().is_some()).then(|| Path::new(CONTENT_DIR).join(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_original_is_named_with_or_without_content() {
        for written in [
            "2019/02/ktt.md",
            "content/2019/02/ktt.md",
            "/content/2019/02/ktt.md",
            "./2019/02/ktt.md",
        ] {
            assert_eq!(
                original_path(written),
                Some(PathBuf::from("content/2019/02/ktt.md")),
                "{written}"
            );
        }
    }

    #[test]
    fn a_path_out_of_content_names_nothing() {
        assert_eq!(original_path("../site.yaml"), None);
        assert_eq!(original_path("content/../x.md"), None);
        assert_eq!(original_path(""), None);
    }
}
