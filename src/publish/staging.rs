//! The staging folder a build writes into, beside the output folder, so the site can be
//! swapped in whole once every file is written: a failed build never leaves half a site.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::mount;
use super::output::{self, MARKER};
use super::patch::Patch;
use super::stamp::Published;
use crate::error::{BuildError, Diagnostic};
use crate::render::pages::{CopySource, FileCopy};

/// A staging folder being filled. Pages are written as they are rendered, from any thread,
/// so a build never holds the whole site in memory; dropped unpublished, it is removed.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    published: bool,
    /// The mode a file kabar writes gets (the umask's), which a file linked from the last
    /// output must still have.
    mode: Option<u32>,
    /// The output is a mount point: staged inside it, swapped in entry by entry.
    in_place: bool,
    /// Only changed files are staged, to be moved into the last output (see [`Patch`]).
    patch: Option<Patch>,
}

impl Staging {
    /// Starts an empty staging folder beside `output`, marked as kabar's. (Callers clear
    /// what killed builds left there first, with [`super::remove_stale`].)
    pub fn begin(output: &Path) -> Result<Staging, BuildError> {
        let in_place = mount::is_mount_point(output);
        let dir = match in_place {
            true => mount::inside(output, output::STAGING),
            false => sibling(output, output::STAGING)?,
        };
        remove_dir_if_present(&dir)?;
        fs::create_dir_all(&dir).map_err(|e| BuildError::io("cannot create", &dir, e))?;
        let mut staging = Staging {
            dir,
            output: output.to_path_buf(),
            published: false,
            mode: None,
            in_place,
            patch: None,
        };
        let marker = staging.dir.join(MARKER);
        fs::write(&marker, "").map_err(|e| BuildError::io("cannot write", &marker, e))?;
        staging.mode = fs::metadata(&marker).ok().map(|m| mode(&m));
        Ok(staging)
    }

    /// Starts a staging folder for an edit to the output that the last build published as
    /// `last`: only files whose bytes changed are staged, and moved into place by
    /// [`Staging::swap`], when the output is still as `last` says (see [`Patch`]); else
    /// as [`Staging::begin`].
    pub fn begin_over(output: &Path, last: Option<Arc<Published>>) -> Result<Staging, BuildError> {
        let mut staging = Staging::begin(output)?;
        if !staging.in_place {
            staging.patch = last.and_then(|last| Patch::over(output, last));
        }
        Ok(staging)
    }

    /// The output folder this staging folder will replace, as the last build left it.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Makes the folders `files` go into, each once, so they can then be written in parallel.
    pub fn make_folders(
        &self,
        files: impl IntoIterator<Item = impl AsRef<Path>>,
    ) -> Result<(), BuildError> {
        if self.patch.is_some() {
            return Ok(());
        }
        let folders: BTreeSet<PathBuf> = files
            .into_iter()
            .filter_map(|file| file.as_ref().parent().map(Path::to_path_buf))
            .collect();
        for folder in folders {
            let folder = self.dir.join(folder);
            fs::create_dir_all(&folder).map_err(|e| BuildError::io("cannot create", folder, e))?;
        }
        Ok(())
    }

    /// Writes `bytes` to `path` (relative to the site; its folder made beforehand), or carries
    /// the published file there on when it already holds them (left in place by a patch, else
    /// linked): an unchanged file keeps its modification time, so `rsync` and other deploy
    /// tools send only what changed.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
        let (previous, target) = (self.output.join(path), self.dir.join(path));
        let unchanged = self
            .linkable(&previous, bytes.len() as u64)
            .filter(|_| fs::read(&previous).is_ok_and(|old| old == bytes));
        if unchanged.is_some_and(|meta| self.carry_on(path, &meta)) {
            return Ok(());
        }
        self.made(path, &target, || {
            fs::write(&target, bytes).map_err(|e| BuildError::io("cannot write", &target, e))
        })
    }

    /// Carries the last output's file at `path` (found as `meta`) into the new one: left
    /// in place by a patch, else linked into the staging folder. False when it must be
    /// written.
    fn carry_on(&self, path: &Path, meta: &fs::Metadata) -> bool {
        match (&self.patch, super::stamp::version(meta)) {
            (Some(patch), Some(version)) => {
                patch.keep(path, version);
                true
            }
            (Some(_), None) => false,
            (None, _) => fs::hard_link(self.output.join(path), self.dir.join(path)).is_ok(),
        }
    }

    /// Writes the file at `path` (at `target` in the staging folder) with `write`; a patch
    /// makes its folder first, and takes note of it.
    fn made(
        &self,
        path: &Path,
        target: &Path,
        write: impl FnOnce() -> Result<(), BuildError>,
    ) -> Result<(), BuildError> {
        let Some(patch) = &self.patch else {
            return write();
        };
        let folder = target.parent().unwrap_or(&self.dir);
        fs::create_dir_all(folder).map_err(|e| BuildError::io("cannot create", folder, e))?;
        write()?;
        patch.wrote(path);
        Ok(())
    }

    /// Carries the published file at `path` on (relative to the site; its folder made
    /// beforehand) when it is still the `version` (see [`super::stamp::version`]) whose bytes
    /// the caller knows are right, as the build cache does, and may be linked. False when it
    /// must be written.
    pub fn keep(&self, path: &Path, version: u64) -> bool {
        fs::symlink_metadata(self.output.join(path))
            .ok()
            .filter(|m| super::stamp::version(m) == Some(version) && self.linkable_as(m, m.len()))
            .is_some_and(|meta| self.carry_on(path, &meta))
    }

    /// Copies a file as it is (from under `root`), or carries the published one on when equal.
    pub fn copy(&self, root: &Path, copy: &FileCopy) -> Result<(), BuildError> {
        let from = match &copy.from {
            CopySource::Builtin(bytes) => return self.write(&copy.to, bytes),
            CopySource::File(from) => root.join(from),
        };
        let (previous, target) = (self.output.join(&copy.to), self.dir.join(&copy.to));
        let size = fs::metadata(&from)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        // A search shard reused from the last output is copied from there: its bytes were
        // checked against its stamp, and a file is the same as itself.
        let unchanged = size
            .and_then(|size| self.linkable(&previous, size))
            .filter(|_| from == previous || same_contents(&from, &previous));
        if unchanged.is_some_and(|meta| self.carry_on(&copy.to, &meta)) {
            return Ok(());
        }
        self.made(&copy.to, &target, || copy_anew(&from, &target))
    }

    /// Whether the last output's file at `previous` may be linked into the new one, if its
    /// bytes are right: a plain file (not a link, which would carry whatever it leads to),
    /// of `size` bytes, with the mode kabar gives its files (a `chmod` there must not
    /// survive the build), and linked from nowhere else (a link elsewhere could change it).
    fn linkable(&self, previous: &Path, size: u64) -> Option<fs::Metadata> {
        fs::symlink_metadata(previous)
            .ok()
            .filter(|m| self.linkable_as(m, size))
    }

    /// [`Staging::linkable`], for a file's metadata.
    fn linkable_as(&self, m: &fs::Metadata, size: u64) -> bool {
        m.file_type().is_file() && m.len() == size && Some(mode(m)) == self.mode && links(m) == 1
    }

    /// Moves the old output aside, the staging folder in, and then deletes the old output.
    /// Returns a warning when the site is in place but the old output could not be removed.
    pub fn publish(self) -> Result<Option<Diagnostic>, BuildError> {
        Ok(self.swap()?.remove_old())
    }

    /// Moves the old output aside and the staging folder in: the new site is in place, and
    /// the old one is left for [`Swapped::remove_old`].
    pub fn swap(mut self) -> Result<Swapped, BuildError> {
        let (staging, output) = (&self.dir, &self.output);
        if let Some(patch) = self.patch.take() {
            let published = patch.apply(staging, output)?;
            self.published = true;
            let _ = fs::remove_dir_all(staging);
            return Ok(Swapped {
                old: None,
                said: None,
                published: Some(published),
            });
        }
        if self.in_place {
            let swapped = mount::swap_inside(output, staging)?;
            self.published = true;
            return Ok(Swapped {
                old: None,
                said: Some(swapped),
                published: None,
            });
        }
        let old = sibling(output, output::OLD)?;
        let had_output = output.exists();
        if had_output {
            remove_dir_if_present(&old)?;
            fs::rename(output, &old).map_err(|e| BuildError::io("cannot move aside", output, e))?;
        }
        if let Err(e) = fs::rename(staging, output) {
            if had_output {
                let _ = fs::rename(&old, output);
            }
            return Err(BuildError::io("cannot move into place", staging, e));
        }
        self.published = true;
        Ok(Swapped {
            old: had_output.then_some(old),
            said: None,
            published: None,
        })
    }
}

/// A site swapped in, its old output not yet removed.
#[must_use = "the old output is removed only by `remove_old`"]
pub struct Swapped {
    old: Option<PathBuf>,
    /// What the swap itself has to say (it was made entry by entry).
    said: Option<Diagnostic>,
    /// The output as published, when a patch knows it without walking it.
    pub published: Option<Published>,
}

impl Swapped {
    /// Deletes the old output. Returns a warning when it could not all be removed (the new
    /// site is in place: that is worth a warning only), or what the swap said.
    pub fn remove_old(self) -> Option<Diagnostic> {
        let Some(old) = self.old else {
            return self.said;
        };
        match remove_in_parallel(&old) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Some(old_output_left(&old, &e)),
            _ => self.said,
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn old_output_left(old: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::file(
        old,
        format!("the site is published, but its previous copy here could not be removed: {e}"),
    )
    .with_hint(format!(
        "make it writable and delete it: chmod -R u+w '{0}' && rm -rf '{0}'",
        old.display()
    ))
}

/// `.public.staging-<pid>` beside `public`, on the same file system so a rename can swap them.
fn sibling(output: &Path, role: &str) -> Result<PathBuf, BuildError> {
    output::sibling(output, role).ok_or_else(|| {
        Diagnostic::file(output, "the output folder needs a name")
            .with_hint("pass --output public")
            .into()
    })
}

/// Removes the folder `dir` and all it holds, its entries in parallel (an old output of
/// 10,000 briefings is some 17,000 folders).
fn remove_in_parallel(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries
        .par_iter()
        .try_for_each(|entry| match entry.file_type()?.is_dir() {
            true => fs::remove_dir_all(entry.path()),
            false => fs::remove_file(entry.path()),
        })?;
    fs::remove_dir(dir)
}

fn remove_dir_if_present(dir: &Path) -> Result<(), BuildError> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(BuildError::io("cannot remove", dir, e))
        }
        _ => Ok(()),
    }
}

/// Copies `from` into the staging folder as a new file of kabar's own: its bytes, not its
/// mode (a static file may be read-only, or executable, where it is kept).
fn copy_anew(from: &Path, target: &Path) -> Result<(), BuildError> {
    let mut reader = fs::File::open(from).map_err(|e| BuildError::io("cannot copy", from, e))?;
    let mut writer =
        fs::File::create(target).map_err(|e| BuildError::io("cannot write", target, e))?;
    std::io::copy(&mut reader, &mut writer)
        .map(drop)
        .map_err(|e| BuildError::io("cannot copy", from, e))
}

#[cfg(unix)]
fn mode(meta: &fs::Metadata) -> u32 {
    std::os::unix::fs::PermissionsExt::mode(&meta.permissions())
}

#[cfg(not(unix))]
fn mode(meta: &fs::Metadata) -> u32 {
    u32::from(meta.permissions().readonly())
}

#[cfg(unix)]
fn links(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &fs::Metadata) -> u64 {
    1
}

/// Whether two files of the same length hold the same bytes, read a piece at a time (a
/// static file may be large).
fn same_contents(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(mut a), Ok(mut b)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    let (mut x, mut y) = (vec![0; 1 << 16], vec![0; 1 << 16]);
    // Equal lengths: when `a` ends, so does `b`.
    loop {
        let Ok(n) = a.read(&mut x) else { return false };
        if n == 0 {
            return true;
        }
        if b.read_exact(&mut y[..n]).is_err() || x[..n] != y[..n] {
            return false;
        }
    }
}
