//! Finds briefings and the files that travel with them under `content/`.

use std::path::{Path, PathBuf};

use crate::error::BuildError;
use crate::layout::CONTENT_DIR;
use crate::layout::inside::walk_inside;

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
    for entry in walk_inside(root, &content) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
