//! An output folder that is a mount point (a docker bind mount, a mounted volume) cannot be
//! renamed, so the site cannot be swapped in as one folder. It is staged inside the folder
//! instead (same file system, so entries can be renamed), and swapped entry by entry: the
//! old entries moved aside into a hidden folder, the new ones moved in, the old ones
//! removed. A reader may see a mix of the two sites for that moment, which a warning says.

use std::fs;
use std::path::{Path, PathBuf};

use super::output::{OLD, STAGING};
use crate::error::{BuildError, Diagnostic};

/// The name kabar's own folders take inside a mount point: `.kabar.staging-PID`.
pub(super) const INSIDE: &str = "kabar";

/// Whether `output` is a folder another file system is mounted on.
#[cfg(unix)]
pub(super) fn is_mount_point(output: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (fs::metadata(output), fs::metadata(parent)) {
        (Ok(folder), Ok(parent)) => folder.is_dir() && folder.dev() != parent.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
pub(super) fn is_mount_point(_output: &Path) -> bool {
    false
}

/// `output/.kabar.ROLE-PID`.
pub(super) fn inside(output: &Path, role: &str) -> PathBuf {
    output.join(format!(".{INSIDE}.{role}-{}", std::process::id()))
}

/// Moves the old site's entries of `output` aside, `staging`'s in, and removes the old ones.
/// Returns the warning that says the swap was not in one step.
pub(super) fn swap_inside(output: &Path, staging: &Path) -> Result<Diagnostic, BuildError> {
    let old = inside(output, OLD);
    fs::create_dir_all(&old).map_err(|e| BuildError::io("cannot create", &old, e))?;
    for entry in entries(output)? {
        if entry == staging || entry == old {
            continue;
        }
        let aside = old.join(entry.file_name().unwrap_or_default());
        fs::rename(&entry, &aside).map_err(|e| BuildError::io("cannot move aside", &entry, e))?;
    }
    for entry in entries(staging)? {
        let into = output.join(entry.file_name().unwrap_or_default());
        fs::rename(&entry, &into)
            .map_err(|e| BuildError::io("cannot move into place", &entry, e))?;
    }
    let _ = fs::remove_dir(staging);
    let _ = fs::remove_dir_all(&old);
    Ok(Diagnostic::new(
        output,
        0,
        0,
        "this folder is a mount point, so the site was swapped in file by file inside it, not \
         in one step: a reader may have seen the two sites mixed for a moment",
    )
    .with_hint(format!(
        "build into a folder inside the mount (--output {}) for a swap in one step",
        output.join("public").display()
    )))
}

fn entries(dir: &Path) -> Result<Vec<PathBuf>, BuildError> {
    let mut all: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| BuildError::io("cannot read", dir, e))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| BuildError::io("cannot read", dir, e))?;
    all.sort();
    Ok(all)
}

/// Whether `name` is a staging or old folder of a build inside a mount point.
pub(super) fn is_ours(name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_prefix(INSIDE))
        .and_then(|n| n.strip_prefix('.'))
        .is_some_and(|n| n.starts_with(STAGING) || n.starts_with(OLD))
}
