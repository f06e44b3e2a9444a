//! Walking the site's own folders without leaving the site: a symlink whose target lies
//! outside the site folder would publish a file of the machine (`/etc/passwd`, a build's
//! environment from `/proc/self/environ`), so it is an error naming the link and its target.
//! Links inside the site are followed; a loop of links is reported by path.

use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use crate::error::{BuildError, Diagnostic};

/// Every entry under `dir` (a folder of the site at `root`), in name order; a link that
/// leads out of the site, nowhere, or round in a loop is an error.
pub fn walk_inside(root: &Path, dir: &Path) -> impl Iterator<Item = Result<DirEntry, BuildError>> {
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let root = root.to_path_buf();
    walk(dir).map(move |entry| match entry {
        Ok(entry) if entry.path_is_symlink() => stays_inside(&site, &root, entry),
        Ok(entry) => Ok(entry),
        Err(e) => Err(walk_error(&root, e)),
    })
}

fn stays_inside(site: &Path, root: &Path, entry: DirEntry) -> Result<DirEntry, BuildError> {
    let named = relative(root, entry.path());
    follow_link(site, &named, entry.path(), "which would be published")?;
    Ok(entry)
}

/// Where the link at `link` (shown as `named`) leads, when that is inside `site` (the site
/// folder, canonical); else an error saying so, and what reading it would do (`outcome`).
pub fn follow_link(
    site: &Path,
    named: &Path,
    link: &Path,
    outcome: &str,
) -> Result<PathBuf, Diagnostic> {
    let target = std::fs::canonicalize(link).map_err(|_| {
        Diagnostic::file(named, "this link leads to nothing").with_hint("remove the link")
    })?;
    if target.starts_with(site) {
        return Ok(target);
    }
    Err(Diagnostic::file(
        named,
        format!(
            "this is a link to {}, outside the site folder, {outcome}",
            target.display()
        ),
    )
    .with_hint("copy what you need into the site folder, or remove the link"))
}

fn walk_error(root: &Path, e: walkdir::Error) -> BuildError {
    let path = e.path().map(|p| relative(root, p)).unwrap_or_default();
    if let Some(ancestor) = e.loop_ancestor() {
        return Diagnostic::file(
            &path,
            format!(
                "this link leads back to {}, a loop",
                relative(root, ancestor).display()
            ),
        )
        .with_hint("remove the link, or point it at a folder that does not hold it")
        .into();
    }
    BuildError::io("cannot read", path, e.into())
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Everything under `dir`, in name order, without hidden files and editor litter.
pub fn walk(dir: &Path) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> {
    WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or("")))
}

/// Hidden files, and the temporary and backup files editors leave beside what they edit.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || is_sed_temporary(name)
        || [".swp", ".swo", ".swx", ".tmp", ".bak", ".orig"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// `sed -i` writes its result to `sedXXXXXX` beside the file, then renames it over it. The
/// six characters are random letters and digits: a word (`sedangkan`) has no capital or digit.
fn is_sed_temporary(name: &str) -> bool {
    name.strip_prefix("sed").is_some_and(|rest| {
        rest.len() == 6
            && rest.chars().all(|c| c.is_ascii_alphanumeric())
            && rest
                .chars()
                .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_litter_is_ignored() {
        for name in [
            "sedAb12xZ",
            ".hidden.md",
            "a.md~",
            "#a.md#",
            ".#a.md",
            "4913",
            "a.md.swp",
            "a.tmp",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        for name in ["a.md", "foto.jpg", "2019", "sedangkan"] {
            assert!(!is_ignored(name), "{name}");
        }
    }
}
