//! Writing the site: everything goes to a staging folder first, which replaces the output
//! folder only when all of it was written, so a failed build never leaves half a site (after
//! an edit, only the changed files, each renamed into place: see `patch.rs`).

mod mount;
mod output;
mod patch;
pub mod served;
mod staging;
pub mod stamp;

pub use output::{MARKER, check, marker_identity, remove_stale, resolve, scratch_path};
pub use staging::{Staging, Swapped};

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{BuildError, Diagnostic};
use crate::render::files::{Files, OutputFile};
use crate::render::pages::FileCopy;

/// Writes the site into `output` (see [`resolve`] and [`check`] for which folders may be
/// replaced). Returns a warning when the site is in place but the old output could not be
/// removed.
pub fn publish(
    root: &Path,
    output: &Path,
    files: &[OutputFile],
    copies: &[FileCopy],
) -> Result<Option<Diagnostic>, BuildError> {
    remove_stale(output);
    let staging = Staging::begin(output)?;
    write_files(&staging, files)?;
    copy_files(&staging, root, copies)?;
    staging.publish()
}

/// Writes `files` into `staging`, in parallel.
fn write_files(staging: &Staging, files: &[OutputFile]) -> Result<(), BuildError> {
    staging.make_folders(files.iter().map(|(path, _)| path))?;
    files
        .par_iter()
        .try_for_each(|(path, bytes)| staging.write(path, bytes))
}

/// Copies files as they are into `staging`, in parallel.
pub fn copy_files(staging: &Staging, root: &Path, copies: &[FileCopy]) -> Result<(), BuildError> {
    staging.make_folders(copies.iter().map(|c| &c.to))?;
    copies
        .par_iter()
        .try_for_each(|copy| staging.copy(root, copy))
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
        remove_file_if_there(&target)?;
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

/// Removes the file at `target`, unless it is already gone.
fn remove_file_if_there(target: &Path) -> Result<(), BuildError> {
    match fs::remove_file(target) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(BuildError::io("cannot remove", target, e))
        }
        _ => Ok(()),
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
