//! A stamp beside the output folder naming the inputs it was built from, so a `kabar build`
//! with nothing changed ends in a fraction of a second and touches no file.
//!
//! Inputs are named by path, size and modification time (`site.yaml`, `content/`,
//! `templates/`, `static/`), together with the settings a build reads besides them (the kabar
//! binary, the command line's options, the site's date today); the published output by path,
//! size, time and inode, so an output changed since (by hand, or by `kabar watch`) is built
//! again. The stamp lives beside the output (`.public.kabar-stamp`), never inside it, so the
//! site itself stays byte-identical wherever it is built.

use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::CONFIG_FILE;
use crate::content::discover::{CONTENT_DIR, walk};
use crate::error::Diagnostic;
use crate::render::{statics::STATIC_DIR, templates::TEMPLATES_DIR};

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
}

#[derive(Serialize, Deserialize)]
struct Stamp {
    inputs: Fingerprint,
    output: Fingerprint,
    summary: Summary,
}

/// The site's inputs under `root` and `settings`, or nothing when a file cannot be read
/// (the build then runs, and reports the problem where it belongs).
pub fn inputs(root: &Path, settings: impl Hash) -> Option<Fingerprint> {
    let mut print = Fingerprint::of_entry(&settings);
    print.add(&file_entry(root, Path::new(CONFIG_FILE))?);
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
            let meta = entry.metadata().ok()?;
            if meta.is_file() {
                let at = entry.path().strip_prefix(root).unwrap_or(entry.path());
                print.add(&(at, meta.len(), meta.modified().ok()?));
            }
        }
    }
    Some(print)
}

fn file_entry(root: &Path, file: &Path) -> Option<impl Hash> {
    match fs::metadata(root.join(file)) {
        Ok(meta) => Some((
            file.to_path_buf(),
            Some((meta.len(), meta.modified().ok()?)),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some((file.to_path_buf(), None)),
        Err(_) => None,
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

/// Records at `path` that `output`, as it is now, was built from `inputs`. A stamp that
/// cannot be written only means the next build runs in full, so failing here is not an error.
pub fn write(path: &Path, output: &Path, inputs: Fingerprint, summary: Summary) {
    let Some(output_print) = published(output) else {
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

/// The output folder's files, read in parallel by top-level entry (a site of 10,000
/// briefings has some 17,000 folders).
fn published(output: &Path) -> Option<Fingerprint> {
    let mut tops: Vec<PathBuf> = fs::read_dir(output)
        .ok()?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .ok()?;
    tops.sort();
    let prints: Option<Vec<Fingerprint>> = tops
        .par_iter()
        .map(|top| {
            let mut print = Fingerprint::default();
            for entry in walkdir::WalkDir::new(top) {
                let entry = entry.ok()?;
                let meta = entry.metadata().ok()?;
                let at = entry.path().strip_prefix(output).unwrap_or(entry.path());
                print.add(&(at, meta.len(), meta.modified().ok()?, inode(&meta)));
            }
            Some(print)
        })
        .collect();
    Some(
        prints?
            .into_iter()
            .fold(Fingerprint::default(), |mut all, p| {
                all.files += p.files;
                all.sum = all.sum.wrapping_add(p.sum);
                all
            }),
    )
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> u64 {
    0
}

impl Fingerprint {
    fn of_entry(entry: &impl Hash) -> Self {
        let mut print = Fingerprint::default();
        print.add(entry);
        print
    }

    /// Adds one entry; the order entries come in does not matter.
    fn add(&mut self, entry: &impl Hash) {
        let mut hasher = DefaultHasher::new();
        entry.hash(&mut hasher);
        self.files += 1;
        self.sum = self.sum.wrapping_add(hasher.finish());
    }
}
