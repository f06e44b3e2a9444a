//! Writing the site: everything goes to a staging folder first, which replaces the output
//! folder only when all of it was written, so a failed build never leaves half a site.

mod output;

pub use output::{MARKER, check, remove_stale, resolve};

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{BuildError, Diagnostic};
use crate::incremental::Files;
use crate::render::pages::{Copy, CopySource};

/// A file's bytes and where they go, relative to the output folder.
pub type OutputFile = (PathBuf, Vec<u8>);

/// Writes the site into `output` (see [`resolve`] and [`check`] for which folders may be
/// replaced). Returns a warning when the site is in place but the old output could not be
/// removed.
pub fn publish(
    root: &Path,
    output: &Path,
    files: &[OutputFile],
    copies: &[Copy],
) -> Result<Option<Diagnostic>, BuildError> {
    remove_stale(output);
    let staging = sibling(output, output::STAGING)?;
    remove_dir_if_present(&staging)?;
    let written = write_all(root, &staging, output, files, copies);
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    swap_in(&staging, output)
}

/// Publishes a build held in memory, replacing the output folder whole, like [`publish`].
pub fn publish_files(output: &Path, files: &Files) -> Result<Option<Diagnostic>, BuildError> {
    let list: Vec<OutputFile> = files
        .iter()
        .map(|(p, b)| (p.to_path_buf(), b.to_vec()))
        .collect();
    publish(Path::new("."), output, &list, &[])
}

/// Writes only what a rebuild changed into a published output folder. Each file goes
/// through a temporary file and a rename, so a reader never sees half of it; files the site
/// no longer has are removed, with folders left empty.
pub fn apply(
    output: &Path,
    files: &Files,
    written: &[PathBuf],
    removed: &[PathBuf],
) -> Result<(), BuildError> {
    for path in written {
        let Some(bytes) = files.get(path.as_path()) else {
            continue;
        };
        let target = output.join(path);
        let folder = target.parent().unwrap_or(output);
        fs::create_dir_all(folder).map_err(|e| BuildError::io("cannot create", folder, e))?;
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        let temporary = folder.join(format!(".{name}.kabar-{}", std::process::id()));
        fs::write(&temporary, bytes.as_slice())
            .and_then(|()| fs::rename(&temporary, &target))
            .map_err(|e| BuildError::io("cannot write", &target, e))?;
    }
    for path in removed {
        let target = output.join(path);
        match fs::remove_file(&target) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(BuildError::io("cannot remove", &target, e));
            }
            _ => {}
        }
        let mut folder = target.parent();
        while let Some(dir) = folder.filter(|d| d.starts_with(output) && *d != output) {
            if fs::remove_dir(dir).is_err() {
                break;
            }
            folder = dir.parent();
        }
    }
    Ok(())
}

/// `.public.staging-<pid>` beside `public`, on the same file system so a rename can swap them.
fn sibling(output: &Path, role: &str) -> Result<PathBuf, BuildError> {
    output::sibling(output, role).ok_or_else(|| {
        Diagnostic::file(output, "the output folder needs a name")
            .with_hint("pass --output public")
            .into()
    })
}

fn remove_dir_if_present(dir: &Path) -> Result<(), BuildError> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(BuildError::io("cannot remove", dir, e))
        }
        _ => Ok(()),
    }
}

fn write_all(
    root: &Path,
    staging: &Path,
    previous: &Path,
    files: &[OutputFile],
    copies: &[Copy],
) -> Result<(), BuildError> {
    // Each folder is made once, before the files are written in parallel.
    let targets = files
        .iter()
        .map(|(path, _)| path)
        .chain(copies.iter().map(|c| &c.to));
    let folders: BTreeSet<&Path> = targets.filter_map(|p| p.parent()).collect();
    fs::create_dir_all(staging).map_err(|e| BuildError::io("cannot create", staging, e))?;
    let marker = staging.join(MARKER);
    fs::write(&marker, "").map_err(|e| BuildError::io("cannot write", marker, e))?;
    for folder in folders {
        let folder = staging.join(folder);
        fs::create_dir_all(&folder).map_err(|e| BuildError::io("cannot create", folder, e))?;
    }
    files.par_iter().try_for_each(|(path, bytes)| {
        write_or_keep(&previous.join(path), &staging.join(path), bytes)
    })?;
    copies.par_iter().try_for_each(|copy| {
        let target = staging.join(&copy.to);
        match &copy.from {
            CopySource::File(from) => {
                let (from, previous) = (root.join(from), previous.join(&copy.to));
                if same_contents(&from, &previous) && fs::hard_link(&previous, &target).is_ok() {
                    return Ok(());
                }
                fs::copy(&from, &target)
                    .map(drop)
                    .map_err(|e| BuildError::io("cannot copy", &from, e))
            }
            CopySource::Builtin(bytes) => write_or_keep(&previous.join(&copy.to), &target, bytes),
        }
    })
}

/// Whether two files hold the same bytes, read a piece at a time (a static file may be large).
fn same_contents(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let length = |p: &Path| {
        fs::metadata(p)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len())
    };
    if length(a).is_none() || length(a) != length(b) {
        return false;
    }
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

/// Writes `bytes` to `target`, or links the last build's file at `previous` there when it
/// already holds them: an unchanged file keeps its modification time, so `rsync` and other
/// deploy tools send only what changed.
fn write_or_keep(previous: &Path, target: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    let unchanged = fs::metadata(previous)
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(previous).is_ok_and(|old| old == bytes);
    if unchanged && fs::hard_link(previous, target).is_ok() {
        return Ok(());
    }
    fs::write(target, bytes).map_err(|e| BuildError::io("cannot write", target, e))
}

/// Moves the old output aside, the staging folder in, and then deletes the old output.
fn swap_in(staging: &Path, output: &Path) -> Result<Option<Diagnostic>, BuildError> {
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
    // The new site is in place: an old copy that cannot be removed is worth a warning only.
    match fs::remove_dir_all(&old) {
        Err(e) if had_output && e.kind() != std::io::ErrorKind::NotFound => Ok(Some(
            Diagnostic::file(
                &old,
                format!(
                    "the site is published, but its previous copy here could not be removed: {e}"
                ),
            )
            .with_hint(format!(
                "make it writable and delete it: chmod -R u+w '{0}' && rm -rf '{0}'",
                old.display()
            )),
        )),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("stale.html"), "old").unwrap();
        let files = vec![(PathBuf::from("a/index.html"), b"new".to_vec())];
        publish(dir.path(), &out, &files, &[]).unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"new");
        assert!(!out.join("stale.html").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, ["public"]);
    }
}
