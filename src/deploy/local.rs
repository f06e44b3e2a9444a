//! The output folder as `kabar deploy` sends it: every file with its key, its kind and the
//! digest of what it would be stored as (its bytes and its headers).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::headers::{Headers, Rules};
use crate::error::{BuildError, Diagnostic};
use crate::publish::{MARKER, stamp};
use crate::render::search::is_build_file;

/// Characters that `object_store` escapes in keys (those AWS and Google advise against),
/// so that a file named with one would be stored under another name.
const UNSTORABLE: &str = "\\{^}%`]\">[~<#|*?";

/// What a file is to a reader, which decides when it is sent: what pages link to goes
/// before the pages, the search index after them, the sitemap last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Kind {
    /// `.kabar-output`: first, so a target half deployed to is still known as kabar's.
    Marker,
    /// Styles, scripts, images: what pages load.
    Asset,
    /// Pages and feeds.
    Page,
    /// The search index, which points at pages.
    Search,
    /// `sitemap.xml` (and its parts) and `robots.txt`, which point crawlers at pages.
    Sitemap,
}

impl Kind {
    fn of(key: &str) -> Kind {
        let name = key.rsplit('/').next().unwrap_or(key);
        if key == MARKER {
            Kind::Marker
        } else if key.starts_with("pagefind/") {
            Kind::Search
        } else if key == "robots.txt" || (name.starts_with("sitemap") && name.ends_with(".xml")) {
            Kind::Sitemap
        } else if [".html", ".xml"].iter().any(|end| name.ends_with(end)) {
            Kind::Page
        } else {
            Kind::Asset
        }
    }
}

/// A file of the output, ready to compare with what the target holds.
#[derive(Debug, Clone)]
pub(super) struct LocalFile {
    /// Its path under the output folder, with `/`: also its key under the target's prefix.
    pub(super) key: String,
    pub(super) path: PathBuf,
    /// Its size on disk, before any compression.
    pub(super) size: u64,
    pub(super) kind: Kind,
    pub(super) headers: Headers,
    /// The digest of its bytes and headers, as stored in the object's metadata.
    pub(super) digest: u128,
}

/// What the last deploy knew of each file: its version and the digest of its bytes, so an
/// unchanged file is not read again.
pub(super) type Versions = HashMap<String, (u64, u128)>;

/// Every file of `output` (but the search shards' own stamps and word lists, which only the
/// build reads), sorted by key, and the versions to remember for the next deploy.
pub(super) fn scan(
    output: &Path,
    rules: &Rules,
    known: &Versions,
) -> Result<(Vec<LocalFile>, Versions), BuildError> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(output).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let at = e.path().unwrap_or(output).to_path_buf();
            BuildError::io("cannot read", at, e.into())
        })?;
        let name = entry.file_name();
        if entry.file_type().is_file() && !is_build_file(name) {
            paths.push(entry.into_path());
        }
    }
    let unstorable: Vec<Diagnostic> = paths
        .iter()
        .filter_map(|path| {
            let under = path.strip_prefix(output).unwrap_or(path).to_string_lossy();
            let c = under.chars().find(|&c| UNSTORABLE.contains(c) || c.is_control())?;
            Some(
                Diagnostic::new(path, 0, 0, format!("`{c}` in a file name cannot be deployed under that name"))
                    .with_hint("the storage client stores such names escaped, so links to it would break: rename the file in static/ or content/ (letters, digits, spaces, - _ . are safe)"),
            )
        })
        .collect();
    if !unstorable.is_empty() {
        return Err(BuildError::Site(unstorable));
    }
    let scanned: Vec<(LocalFile, (u64, u128))> = paths
        .into_par_iter()
        .map(|path| read(output, path, rules, known))
        .collect::<Result<_, _>>()?;
    let versions = scanned
        .iter()
        .map(|(file, version)| (file.key.clone(), *version))
        .collect();
    Ok((
        scanned.into_iter().map(|(file, _)| file).collect(),
        versions,
    ))
}

/// The file at `path`, and its version with the digest of its bytes.
fn read(
    output: &Path,
    path: PathBuf,
    rules: &Rules,
    known: &Versions,
) -> Result<(LocalFile, (u64, u128)), BuildError> {
    let relative = path.strip_prefix(output).unwrap_or(&path);
    let key = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let meta = fs::metadata(&path).map_err(|e| BuildError::io("cannot read", &path, e))?;
    // A file whose version cannot be told is read every time.
    let version = stamp::version(&meta).unwrap_or_default();
    let bytes = match known.get(&key) {
        Some(&(was, bytes)) if was == version && version != 0 => bytes,
        _ => {
            let content = fs::read(&path).map_err(|e| BuildError::io("cannot read", &path, e))?;
            xxhash_rust::xxh3::xxh3_128(&content)
        }
    };
    let kind = Kind::of(&key);
    let headers = rules.for_file(&key, kind);
    let file = LocalFile {
        digest: stored_digest(bytes, &headers),
        key,
        path,
        size: meta.len(),
        kind,
        headers,
    };
    Ok((file, (version, bytes)))
}

/// What a file is stored as: its bytes and its headers, so a changed header sends it again.
fn stored_digest(bytes: u128, headers: &Headers) -> u128 {
    let mut text = format!(
        "{bytes:032x}\n{}\n{}",
        headers.content_type, headers.cache_control
    );
    if let Some(encoding) = headers.encoding {
        text.push('\n');
        text.push_str(encoding);
    }
    xxhash_rust::xxh3::xxh3_128(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_the_store_would_escape_is_refused() {
        let output = tempfile::tempdir().unwrap();
        std::fs::write(output.path().join("a b.css"), "").unwrap();
        let rules = Rules::new(&[], crate::config::Compress::None);
        assert!(scan(output.path(), &rules, &Versions::new()).is_ok());
        std::fs::write(output.path().join("gaya~lama.css"), "").unwrap();
        let Err(BuildError::Site(errors)) = scan(output.path(), &rules, &Versions::new()) else {
            panic!("refused")
        };
        assert!(
            errors[0].to_string().contains("`~` in a file name"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn kinds_by_path() {
        assert_eq!(Kind::of(".kabar-output"), Kind::Marker);
        assert_eq!(Kind::of("2019/02/a/index.html"), Kind::Page);
        assert_eq!(Kind::of("tags/as/atom.xml"), Kind::Page);
        assert_eq!(Kind::of("sitemap.xml"), Kind::Sitemap);
        assert_eq!(Kind::of("sitemap-2.xml"), Kind::Sitemap);
        assert_eq!(Kind::of("pagefind/pagefind.js"), Kind::Search);
        assert_eq!(Kind::of("style.css"), Kind::Asset);
    }
}
