//! A stamp beside the output folder naming the inputs it was built from, so a `kabar build`
//! with nothing changed ends in a fraction of a second and touches no file.
//!
//! Inputs are named by path and content (a hash of the bytes of `site.yaml` and of every file
//! under `content/`, `templates/` and `static/`: sizes and times can stay the same across an
//! edit, as with `sed` then `touch -r`, `cp -p`, or two saves within a second on a file system
//! that keeps whole seconds), together with the settings a build reads besides them (the
//! kabar binary, the command line's options, the site's date today). The published output is
//! named by path, size, modification and change times, mode, links and inode: the change time
//! moves on every write and `chmod` and cannot be set back by hand, so an output changed
//! since (by hand, by a deploy tool, or by `kabar watch`) is built again. The stamp lives
//! beside the output (`.public.kabar-stamp`), never inside it, so the site itself stays
//! byte-identical wherever it is built.

use std::collections::HashMap;
use std::fs;
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::digest;
use crate::error::Diagnostic;
use crate::layout::inside::walk;
use crate::layout::{CONFIG_FILE, CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR};

/// A set of files, by what identifies each version of them; equal sets give equal prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    files: u64,
    sum: u64,
}

/// What the build that wrote the output reported, to report again when nothing changed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Summary {
    pub briefings: usize,
    pub tags: usize,
    pub pages: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    #[serde(default)]
    pub drafts_left_out: usize,
    #[serde(default)]
    pub skipped: Vec<Diagnostic>,
    /// The addresses kabar made from titles (briefings with no slug of their own), by
    /// source file: a later build tells when one changed.
    #[serde(default)]
    pub made_addresses: std::collections::BTreeMap<PathBuf, String>,
}

#[derive(Serialize, Deserialize)]
struct Stamp {
    inputs: Fingerprint,
    output: Fingerprint,
    summary: Summary,
}

/// Each input file's [`version`] and the digest of its bytes, by the digest of its path
/// under the site (see [`path_key`]): plain numbers, nothing a build must allocate per file.
pub type Read = HashMap<u64, (u64, u64)>;

/// How [`Read`] names a file: the digest of its path under the site.
pub fn path_key(at: &Path) -> u64 {
    digest::of(at)
}

/// The site's inputs under `root` and `settings`, with each file's version and digest (the
/// build cache looks briefings up by it), or nothing when a file cannot be read (the build
/// then runs, and reports the problem where it belongs). A file whose version is the one
/// `known` lists (from the last build) keeps the digest listed there; the others are read
/// and hashed, in parallel: the inputs of 10,000 briefings are some 70 MB. A file `timed`
/// names (a raw article dated by its file time) counts its modification time too.
pub fn inputs(
    root: &Path,
    settings: impl Hash,
    known: Option<&Read>,
    timed: impl Fn(&Path) -> bool + Sync,
) -> Option<(Fingerprint, Read)> {
    let site = fs::canonicalize(root).ok()?;
    let mut files = Vec::new();
    let mut links_out: Vec<(PathBuf, PathBuf)> = Vec::new();
    // A link out of the site is not read (the build refuses it): its target's name stands
    // for it.
    let mut take = |path: PathBuf, is_link: bool| {
        match is_link.then(|| fs::canonicalize(&path)) {
            Some(Ok(target)) if !target.starts_with(&site) => links_out.push((path, target)),
            Some(Err(_)) => return None,
            _ => files.push(path),
        }
        Some(())
    };
    let config = root.join(CONFIG_FILE);
    let config_is_link = fs::symlink_metadata(&config).is_ok_and(|m| m.file_type().is_symlink());
    take(config, config_is_link)?;
    for dir in [CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR] {
        for entry in walk(&root.join(dir)) {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) if e.io_error().map(|e| e.kind()) == Some(std::io::ErrorKind::NotFound) => {
                    continue;
                }
                Err(_) => return None,
            };
            // Folders count through their files: an editor's swap file coming and going
            // changes a folder's time, not the site.
            if !entry.file_type().is_file() {
                continue;
            }
            let is_link = entry.path_is_symlink();
            take(entry.into_path(), is_link)?;
        }
    }
    // Each file with its version and digest (`None` for a `site.yaml` that is not there),
    // and its time when it counts.
    type Entry<'a> = (&'a Path, Option<(u64, u64)>, Option<SystemTime>);
    let read: Option<Vec<Entry>> = files
        .par_iter()
        .map(|path| {
            let at = path.strip_prefix(root).unwrap_or(path);
            match fs::metadata(path) {
                Ok(meta) => {
                    let known = known.and_then(|k| k.get(&path_key(at)));
                    let time = meta.modified().ok().filter(|_| timed(at));
                    Some((at, Some(read_file(path, &meta, known)?), time))
                }
                // Only `site.yaml` may be missing: the others were just found.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some((at, None, None)),
                Err(_) => None,
            }
        })
        .collect();
    let read = read?;
    let print = read
        .iter()
        .map(|(at, file, time)| Fingerprint::of_entry(&(at, file.map(|(_, bytes)| bytes), time)))
        .fold(Fingerprint::of_entry(&settings), Fingerprint::merge)
        .merge(Fingerprint::of_entry(&links_out));
    let files = read
        .into_iter()
        .filter_map(|(at, file, _)| Some((path_key(at), file?)))
        .collect();
    Some((print, files))
}

/// A file's version and the digest of its bytes: `known`'s digest when the version is the
/// same (a write or `chmod` moves the change time, which no one can set back), else read.
fn read_file(path: &Path, meta: &fs::Metadata, known: Option<&(u64, u64)>) -> Option<(u64, u64)> {
    let version = version(meta)?;
    match known {
        Some(&(was, bytes)) if was == version => Some((version, bytes)),
        _ => Some((version, digest::of_bytes(&fs::read(path).ok()?))),
    }
}

/// Where the stamp of an output folder goes: `.public.kabar-stamp` beside `public` as the
/// editor named it (beside a link, not beside the folder it leads to).
pub fn path(named: &Path) -> Option<PathBuf> {
    let name = named.file_name()?.to_string_lossy();
    Some(named.with_file_name(format!(".{name}.kabar-stamp")))
}

/// What the last build reported, when `output` is still as that build left it and was built
/// from `inputs`, as the stamp at `stamp` says.
pub fn up_to_date(stamp: &Path, output: &Path, inputs: Fingerprint) -> Option<Summary> {
    let stamp: Stamp = serde_json::from_slice(&fs::read(stamp).ok()?).ok()?;
    (stamp.inputs == inputs && published(output)? == stamp.output).then_some(stamp.summary)
}

/// What the last build reported, whatever has changed since.
pub fn last_summary(stamp: &Path) -> Option<Summary> {
    let stamp: Stamp = serde_json::from_slice(&fs::read(stamp).ok()?).ok()?;
    Some(stamp.summary)
}

/// Records at `path` that the output, `published` as it is now, was built from `inputs`. A
/// stamp that cannot be written only means the next build runs in full, so failing here is
/// not an error.
pub fn write(path: &Path, published: Option<Fingerprint>, inputs: Fingerprint, summary: Summary) {
    let Some(output_print) = published else {
        let _ = fs::remove_file(path);
        return;
    };
    let stamp = Stamp {
        inputs,
        output: output_print,
        summary,
    };
    let temporary = path.with_extension(std::process::id().to_string());
    let written = serde_json::to_vec(&stamp)
        .ok()
        .is_some_and(|json| fs::write(&temporary, json).is_ok())
        && fs::rename(&temporary, path).is_ok();
    if !written {
        let _ = fs::remove_file(&temporary);
        let _ = fs::remove_file(path);
    }
}

/// The output folder's files as they are now, read in parallel by top-level entry (a site
/// of 10,000 briefings has some 17,000 folders).
pub fn published(output: &Path) -> Option<Fingerprint> {
    published_files(output).map(|published| published.print())
}

/// Every entry under an output folder (files and folders, by path under it) with its
/// [`version`], as published.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub files: HashMap<PathBuf, u64>,
    pub folders: HashMap<PathBuf, u64>,
}

impl Published {
    /// The fingerprint of these entries, as [`published`] gives it for the folder.
    pub fn print(&self) -> Fingerprint {
        let mut print = Fingerprint::default();
        self.files
            .iter()
            .chain(&self.folders)
            .for_each(|entry| print.add(&entry));
        print
    }
}

/// Every entry of the output folder as it is now, with its version: what [`published`]
/// fingerprints.
pub fn published_files(output: &Path) -> Option<Published> {
    let mut tops: Vec<PathBuf> = fs::read_dir(output)
        .ok()?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .ok()?;
    tops.sort();
    type Entry = (PathBuf, u64, bool);
    let entries: Option<Vec<Vec<Entry>>> = tops
        .par_iter()
        .map(|top| {
            let mut entries = Vec::new();
            for entry in walkdir::WalkDir::new(top) {
                let entry = entry.ok()?;
                let meta = entry.metadata().ok()?;
                let at = entry.path().strip_prefix(output).unwrap_or(entry.path());
                entries.push((at.to_path_buf(), version(&meta)?, meta.is_dir()));
            }
            Some(entries)
        })
        .collect();
    let mut published = Published::default();
    for (at, version, folder) in entries?.into_iter().flatten() {
        match folder {
            true => published.folders.insert(at, version),
            false => published.files.insert(at, version),
        };
    }
    Some(published)
}

/// One version of a file, as a digest of its size, its modification time and its
/// [`identity`]: any write or `chmod` gives another.
pub fn version(meta: &fs::Metadata) -> Option<u64> {
    Some(digest::of((
        meta.len(),
        meta.modified().ok()?,
        identity(meta),
    )))
}

/// What tells one version of a file from another besides its size and modification time:
/// its inode, mode, number of links, and change time (which no one can set by hand).
#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> impl Hash {
    use std::os::unix::fs::MetadataExt;
    (
        meta.ino(),
        meta.mode(),
        meta.nlink(),
        meta.ctime(),
        meta.ctime_nsec(),
    )
}

#[cfg(not(unix))]
fn identity(meta: &fs::Metadata) -> impl Hash {
    meta.permissions().readonly()
}

impl Fingerprint {
    fn of_entry(entry: &impl Hash) -> Self {
        let mut print = Fingerprint::default();
        print.add(entry);
        print
    }

    /// Both sets as one.
    fn merge(mut self, other: Fingerprint) -> Fingerprint {
        self.files += other.files;
        self.sum = self.sum.wrapping_add(other.sum);
        self
    }

    /// Adds one entry; the order entries come in does not matter.
    fn add(&mut self, entry: &impl Hash) {
        self.files += 1;
        self.sum = self.sum.wrapping_add(crate::digest::of(entry));
    }
}
