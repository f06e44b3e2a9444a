//! Publishing an edit in place. After one edit nearly all of a site is as the last build
//! left it, and swapping in a whole new folder costs file-system work for every page: each
//! unchanged one linked into the staging folder, the old folder's entries removed, the new
//! one walked for the stamp (some 170,000 entries at 50,000 briefings). When the last output
//! is exactly as it was published (every folder at the version the last build recorded,
//! nothing added at its top), the staging folder holds only the files whose bytes changed;
//! once all of them were written, each is moved into place by a rename, and the files the
//! site no longer has are removed. The stamp is then told what was published, not walked.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::output::MARKER;
use super::stamp::{self, Published};
use crate::error::BuildError;

/// An edit being published in place over the last output.
pub(super) struct Patch {
    last: Arc<Published>,
    /// Files left in place, with their version as found.
    kept: Mutex<Vec<(PathBuf, u64)>>,
    /// Files written into the staging folder, to be moved into place.
    written: Mutex<Vec<PathBuf>>,
}

impl Patch {
    /// A patch over `output`, when it is still as `last` records it: every folder at its
    /// version (a file added, removed or renamed by hand moves its folder's times), and
    /// nothing at its top that the last build did not write.
    pub(super) fn over(output: &Path, last: Arc<Published>) -> Option<Patch> {
        let only_known_tops = fs::read_dir(output).ok()?.all(|entry| {
            entry.is_ok_and(|entry| {
                let at = PathBuf::from(entry.file_name());
                last.files.contains_key(&at) || last.folders.contains_key(&at)
            })
        });
        // Checked only when the top is as left: stating every folder costs 85,000 calls at
        // 50,000 briefings.
        let as_left = only_known_tops
            && last.folders.par_iter().all(|(at, &version)| {
                fs::symlink_metadata(output.join(at))
                    .is_ok_and(|meta| stamp::version(&meta) == Some(version))
            });
        let marker = fs::symlink_metadata(output.join(MARKER)).ok()?;
        let marker = (PathBuf::from(MARKER), stamp::version(&marker)?);
        as_left.then(|| Patch {
            last,
            kept: Mutex::new(vec![marker]),
            written: Mutex::default(),
        })
    }

    /// Leaves the file at `path` in place: its bytes are right, and it was found at `version`.
    pub(super) fn keep(&self, path: &Path, version: u64) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.push((path.to_path_buf(), version));
    }

    /// Takes note that `path` was written into the staging folder.
    pub(super) fn wrote(&self, path: &Path) {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        written.push(path.to_path_buf());
    }

    /// Moves the files written into `staging` into `output`, after removing the files the
    /// site no longer has (and the folders that leaves empty), and returns the output as it
    /// now is: the versions of files kept as found, of the others read again.
    pub(super) fn apply(self, staging: &Path, output: &Path) -> Result<Published, BuildError> {
        let kept = self.kept.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut written = self.written.into_inner().unwrap_or_else(|e| e.into_inner());
        written.sort();
        let mut files: HashMap<PathBuf, u64> = kept.into_iter().collect();
        let Published {
            files: last_files,
            mut folders,
        } = Arc::unwrap_or_clone(self.last);
        let mut touched = BTreeSet::new();
        let written_now: HashSet<&PathBuf> = written.iter().collect();
        let gone: Vec<&PathBuf> = last_files
            .keys()
            .filter(|p| !files.contains_key(*p) && !written_now.contains(p))
            .collect();
        remove_gone(output, &gone, &mut folders, &mut touched)?;
        for path in &written {
            let parent = path.parent().unwrap_or(Path::new(""));
            make_folders(output, parent, &mut folders, &mut touched)?;
            let (from, to) = (staging.join(path), output.join(path));
            fs::rename(&from, &to).map_err(|e| BuildError::io("cannot move into place", &to, e))?;
            touched.insert(parent.to_path_buf());
        }
        for path in written {
            let version = version_now(&output.join(&path))?;
            files.insert(path, version);
        }
        for folder in touched {
            if let Some(version) = folders.get_mut(&folder) {
                *version = version_now(&output.join(&folder))?;
            }
        }
        Ok(Published { files, folders })
    }
}

/// Removes the files the site no longer has, then the folders left empty, deepest first.
fn remove_gone(
    output: &Path,
    gone: &[&PathBuf],
    folders: &mut HashMap<PathBuf, u64>,
    touched: &mut BTreeSet<PathBuf>,
) -> Result<(), BuildError> {
    let mut emptied = BTreeSet::new();
    for path in gone {
        super::remove_file_if_there(&output.join(path))?;
        emptied.extend(path.parent().filter(|p| !p.as_os_str().is_empty()));
    }
    while let Some(folder) = emptied.pop_last() {
        touched.insert(folder.parent().unwrap_or(Path::new("")).to_path_buf());
        if fs::remove_dir(output.join(folder)).is_ok() {
            folders.remove(folder);
            emptied.extend(folder.parent().filter(|p| !p.as_os_str().is_empty()));
        } else {
            touched.insert(folder.to_path_buf());
        }
    }
    Ok(())
}

/// Makes the folders down to `folder` (under `output`) that the output does not have yet.
fn make_folders(
    output: &Path,
    folder: &Path,
    folders: &mut HashMap<PathBuf, u64>,
    touched: &mut BTreeSet<PathBuf>,
) -> Result<(), BuildError> {
    let missing: Vec<&Path> = folder
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty() && !folders.contains_key(*a))
        .collect();
    for at in missing.into_iter().rev() {
        let target = output.join(at);
        fs::create_dir(&target).map_err(|e| BuildError::io("cannot create", &target, e))?;
        touched.insert(at.parent().unwrap_or(Path::new("")).to_path_buf());
        touched.insert(at.to_path_buf());
        folders.insert(at.to_path_buf(), 0);
    }
    Ok(())
}

/// The [`stamp::version`] of the entry at `path`, just written or touched.
fn version_now(path: &Path) -> Result<u64, BuildError> {
    fs::symlink_metadata(path)
        .and_then(|meta| {
            stamp::version(&meta)
                .ok_or_else(|| std::io::Error::other("this file system gives no modification time"))
        })
        .map_err(|e| BuildError::io("cannot read", path, e))
}
