//! A folder of briefings that vanished for a moment: a `git checkout`, a sync or a restore
//! removes `content/` or a year's folder and writes it again a moment later. Rebuilding in
//! that moment would publish, and serve, a site missing those briefings (an empty site when
//! `content/` itself is gone), so a rebuild that would lose more than half of the briefings
//! because their folders vanished waits for them instead, the last good site staying up.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use crate::content::Discovery;
use crate::error::Diagnostic;

/// An error naming the vanished folder, when `now` lost more than half of the briefings
/// `before` had to folders that are gone; else nothing.
pub(super) fn check(root: &Path, before: &Discovery, now: &Discovery) -> Result<(), Diagnostic> {
    let present: HashSet<&Path> = now.sources.iter().map(|s| s.path.as_path()).collect();
    let lost: Vec<&Path> = before
        .sources
        .iter()
        .map(|s| s.path.as_path())
        .filter(|p| !present.contains(p))
        .collect();
    if lost.len() * 2 <= before.sources.len() {
        return Ok(());
    }
    let gone: BTreeSet<PathBuf> = lost
        .iter()
        .filter_map(|p| vanished_folder(root, p))
        .collect();
    let Some(first) = gone.first() else {
        // The files were removed one by one: an editor's choice, built as it is.
        return Ok(());
    };
    Err(Diagnostic::file(
        first,
        format!(
            "this folder vanished with {} of the {} briefings: waiting for it to come back \
             (a checkout or a sync in progress?); the last good site stays up",
            lost.len(),
            before.sources.len()
        ),
    )
    .with_hint("if the folder was removed on purpose, stop kabar and start it again"))
}

/// The outermost folder of `source` (relative to `root`) that no longer exists, if any.
fn vanished_folder(root: &Path, source: &Path) -> Option<PathBuf> {
    source
        .ancestors()
        .skip(1)
        .filter(|dir| !dir.as_os_str().is_empty() && !root.join(dir).exists())
        .last()
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::discover::{Source, SourceKind};

    fn found(paths: &[&str]) -> Discovery {
        Discovery {
            sources: paths
                .iter()
                .map(|p| Source {
                    path: PathBuf::from(p),
                    kind: SourceKind::Markdown,
                })
                .collect(),
            assets: Vec::new(),
        }
    }

    #[test]
    fn waits_only_for_folders_that_took_most_briefings_with_them() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/2020")).unwrap();
        let before = found(&[
            "content/2019/a.md",
            "content/2019/b.md",
            "content/2020/c.md",
        ]);
        let now = found(&["content/2020/c.md"]);
        let err = check(site.path(), &before, &now).unwrap_err();
        assert_eq!(err.path, Path::new("content/2019"));
        assert!(
            err.message.contains("2 of the 3 briefings"),
            "{}",
            err.message
        );
        // Files removed from a folder still there: built as asked.
        std::fs::create_dir_all(site.path().join("content/2019")).unwrap();
        assert!(check(site.path(), &before, &now).is_ok());
        // Half or less lost: built as it is.
        let now = found(&["content/2019/a.md", "content/2020/c.md"]);
        assert!(check(site.path(), &before, &now).is_ok());
    }

    #[test]
    fn a_vanished_content_folder_is_named_whole() {
        let site = tempfile::tempdir().unwrap();
        let before = found(&["content/2019/a.md", "content/b.md"]);
        let err = check(site.path(), &before, &found(&[])).unwrap_err();
        assert_eq!(err.path, Path::new("content"));
    }
}
