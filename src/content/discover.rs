//! Finds briefings and the files that travel with them under `content/`.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::BuildError;
use crate::layout::CONTENT_DIR;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A `.md` briefing with front matter.
    Markdown,
    /// A `.txt` raw news article.
    Raw,
}

/// One briefing file, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Path relative to the site root, e.g. `content/2019/ktt-hanoi.md`.
    pub path: PathBuf,
    pub kind: SourceKind,
}

/// A non-briefing file under `content/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Path relative to the site root.
    pub path: PathBuf,
    /// The page bundle (`index.md` beside it or in a parent folder) it belongs to, if any.
    pub bundle: Option<PathBuf>,
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub sources: Vec<Source>,
    pub assets: Vec<Asset>,
}

/// Walks `root/content` in a stable (sorted) order.
pub fn discover(root: &Path) -> Result<Discovery, BuildError> {
    let content = root.join(CONTENT_DIR);
    let mut found = Discovery::default();
    if !content.is_dir() {
        return Ok(found);
    }
    let mut files = Vec::new();
    for entry in super::inside::walk_inside(root, &content) {
        let entry = entry?;
        if entry.file_type().is_file() {
            let path = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .to_path_buf();
            files.push(path);
        }
    }
    let bundles: Vec<PathBuf> = files
        .iter()
        .filter(|p| is_bundle_index(p))
        .cloned()
        .collect();
    for path in files {
        match source_kind(&path) {
            Some(kind) => found.sources.push(Source { path, kind }),
            None => {
                let bundle = owning_bundle(&path, &bundles);
                found.assets.push(Asset { path, bundle });
            }
        }
    }
    Ok(found)
}

/// Everything under `dir`, in name order, without hidden files and editor litter.
pub fn walk(dir: &Path) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> {
    WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or("")))
}

fn source_kind(path: &Path) -> Option<SourceKind> {
    match path.extension()?.to_str()? {
        "md" | "markdown" => Some(SourceKind::Markdown),
        "txt" => Some(SourceKind::Raw),
        _ => None,
    }
}

fn is_bundle_index(path: &Path) -> bool {
    source_kind(path).is_some() && path.file_stem().is_some_and(|s| s == "index")
}

/// The nearest bundle index in the file's folder or above it.
fn owning_bundle(asset: &Path, bundles: &[PathBuf]) -> Option<PathBuf> {
    bundles
        .iter()
        .filter(|index| index.parent().is_some_and(|dir| asset.starts_with(dir)))
        .max_by_key(|index| index.components().count())
        .cloned()
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

    #[test]
    fn finds_sources_assets_and_bundles() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "content/2019/a.md",
            "content/2019/b/index.md",
            "content/2019/b/foto.jpg",
            "content/raw.txt",
            "content/media/peta.png",
            "content/.draft.md",
            "content/2019/a.md~",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let found = discover(root).unwrap();
        let sources: Vec<_> = found
            .sources
            .iter()
            .map(|s| (s.path.to_str().unwrap(), s.kind))
            .collect();
        assert_eq!(
            sources,
            [
                ("content/2019/a.md", SourceKind::Markdown),
                ("content/2019/b/index.md", SourceKind::Markdown),
                ("content/raw.txt", SourceKind::Raw),
            ]
        );
        let assets: Vec<_> = found
            .assets
            .iter()
            .map(|a| {
                (
                    a.path.to_str().unwrap(),
                    a.bundle.as_ref().map(|b| b.to_str().unwrap()),
                )
            })
            .collect();
        assert_eq!(
            assets,
            [
                ("content/2019/b/foto.jpg", Some("content/2019/b/index.md")),
                ("content/media/peta.png", None),
            ]
        );
    }
}
