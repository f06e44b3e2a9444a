//! The staging folder a build writes into, beside the output folder, so the site can be
//! swapped in whole once every file is written: a failed build never leaves half a site.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::mount;
use super::output::{self, MARKER};
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
        };
        let marker = staging.dir.join(MARKER);
        fs::write(&marker, "").map_err(|e| BuildError::io("cannot write", &marker, e))?;
        staging.mode = fs::metadata(&marker).ok().map(|m| mode(&m));
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

    /// Writes `bytes` to `path` (relative to the site; its folder made beforehand), or links
    /// the published file there when it already holds them: an unchanged file keeps its
    /// modification time, so `rsync` and other deploy tools send only what changed.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
        let (previous, target) = (self.output.join(path), self.dir.join(path));
        let unchanged = self.linkable(&previous, bytes.len() as u64)
            && fs::read(&previous).is_ok_and(|old| old == bytes);
        if unchanged && fs::hard_link(&previous, &target).is_ok() {
            return Ok(());
        }
        fs::write(&target, bytes).map_err(|e| BuildError::io("cannot write", target, e))
    }

    /// Links the published file at `path` (relative to the site; its folder made
    /// beforehand) when it is still the `version` (see [`super::stamp::version`]) whose bytes
    /// the caller knows are right, as the build cache does, and may be linked. False when it
    /// must be written.
    pub fn keep(&self, path: &Path, version: u64) -> bool {
        let (previous, target) = (self.output.join(path), self.dir.join(path));
        fs::symlink_metadata(&previous).is_ok_and(|m| {
            super::stamp::version(&m) == Some(version) && self.linkable_as(&m, m.len())
        }) && fs::hard_link(&previous, &target).is_ok()
    }

    /// Copies a file as it is (from under `root`), or links the published one when equal.
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
        if size.is_some_and(|size| self.linkable(&previous, size))
            && (from == previous || same_contents(&from, &previous))
            && fs::hard_link(&previous, &target).is_ok()
        {
            return Ok(());
        }
        copy_anew(&from, &target)
    }

    /// Whether the last output's file at `previous` may be linked into the new one, if its
    /// bytes are right: a plain file (not a link, which would carry whatever it leads to),
    /// of `size` bytes, with the mode kabar gives its files (a `chmod` there must not
    /// survive the build), and linked from nowhere else (a link elsewhere could change it).
    fn linkable(&self, previous: &Path, size: u64) -> bool {
        fs::symlink_metadata(previous).is_ok_and(|m| self.linkable_as(&m, size))
    }

    /// [`Staging::linkable`], for a file's metadata.
    fn linkable_as(&self, m: &fs::Metadata, size: u64) -> bool {
        m.file_type().is_file() && m.len() == size && Some(mode(m)) == self.mode && links(m) == 1
    }

    /// Moves the old output aside, the staging folder in, and then deletes the old output.
    /// Returns a warning when the site is in place but the old output could not be removed.
    pub fn publish(mut self) -> Result<Option<Diagnostic>, BuildError> {
        let (staging, output) = (&self.dir, &self.output);
        if self.in_place {
            let swapped = mount::swap_inside(output, staging)?;
            self.published = true;
            return Ok(Some(swapped));
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
        // The new site is in place: an old copy that cannot be removed is worth a warning only.
        match remove_in_parallel(&old) {
            Err(e) if had_output && e.kind() != std::io::ErrorKind::NotFound => {
                Ok(Some(old_output_left(&old, &e)))
            }
            _ => Ok(None),
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
