//! Which folder a build may replace, and what killed builds left beside it.
//!
//! A build replaces its output folder whole, so it must never be pointed at someone's files:
//! it replaces only a folder that is new, empty, or marked as kabar's own by [`MARKER`]
//! (unless `--force`), never a file, and never a folder holding the site itself.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::error::Diagnostic;

/// Written into every output folder: a folder holding it was written by kabar.
pub const MARKER: &str = ".kabar-output";

/// Staging and old-output folders beside the output carry these roles in their names.
pub(super) const STAGING: &str = "staging";
pub(super) const OLD: &str = "old";
/// A build's scratch file of briefings' bodies (see [`crate::content::Shelf`]).
const SHELF: &str = "shelf";

/// Which marker file the output folder holds: a build that replaced the folder left a new
/// one (another inode), so `kabar watch` can tell its own folder from one written since.
pub fn marker_identity(output: &Path) -> Option<(u64, u64)> {
    let meta = fs::symlink_metadata(output.join(MARKER)).ok()?;
    identity(&meta)
}

#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(meta: &fs::Metadata) -> Option<(u64, u64)> {
    let made = meta.created().or_else(|_| meta.modified()).ok()?;
    let since = made.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some((since.as_secs(), u64::from(since.subsec_nanos())))
}

/// The folder a build writes: absolute and without `.` parts (`public/.` is `public`, whose
/// staging folder then sits beside it, not inside), and a symlink to a folder followed to
/// that folder, so the link stays and its target is what is updated.
pub fn resolve(output: &Path) -> PathBuf {
    let absolute = std::path::absolute(output).unwrap_or_else(|_| output.to_path_buf());
    let normal: PathBuf = absolute
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    let is_link = fs::symlink_metadata(&normal).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && normal.is_dir() {
        return fs::canonicalize(&normal).unwrap_or(normal);
    }
    normal
}

/// Refuses an output whose replacement would lose files: the site's own, a file that is not
/// a folder, or a folder of files kabar did not write (allowed with `force`).
pub fn check(root: &Path, output: &Path, force: bool) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let out = absolute(output);
    let protected = ["content", "templates", "static", "src"].map(|d| root.join(d));
    if root.starts_with(&out) || protected.iter().any(|p| out.starts_with(p)) {
        return Err(Diagnostic::file(
            output,
            "this output folder holds the site's own files, and building would replace it",
        )
        .with_hint("build into a folder of its own, e.g. --output public"));
    }
    let Ok(meta) = fs::metadata(output) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return Err(Diagnostic::file(
            output,
            "this is a file, not a folder: building here would replace it with the site",
        )
        .with_hint("name a folder for the site, e.g. --output public"));
    }
    if force || output.join(MARKER).is_file() {
        return Ok(());
    }
    match first_entry(output) {
        None => Ok(()),
        Some(name) => Err(Diagnostic::file(
            output,
            format!(
                "this folder holds files kabar did not write (such as `{name}`), and building \
                 would delete them"
            ),
        )
        .with_hint("build into a new or empty folder, or pass --force to replace this one")),
    }
}

fn first_entry(dir: &Path) -> Option<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.into_iter().next()
}

/// `.public.staging-<pid>` beside `public`, on the same file system so a rename can swap them.
pub(super) fn sibling(output: &Path, role: &str) -> Option<PathBuf> {
    let name = output.file_name()?;
    Some(output.with_file_name(format!(
        ".{}.{role}-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Where a build keeps briefings' bodies while it runs: `.public.shelf-PID` beside `public`.
pub fn scratch_path(output: &Path) -> Option<PathBuf> {
    sibling(output, SHELF)
}

/// Removes the staging and old-output folders and scratch files that builds killed midway left beside
/// `output`; those of builds still running are left alone.
pub fn remove_stale(output: &Path) {
    remove_stale_inside(output);
    let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let name = name.to_string_lossy();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = leftover_pid(&file_name.to_string_lossy(), &name) else {
            continue;
        };
        if pid != std::process::id() && !running(pid, &entry.path()) {
            let _ = match entry.file_type().is_ok_and(|t| t.is_dir()) {
                true => fs::remove_dir_all(entry.path()),
                false => fs::remove_file(entry.path()),
            };
        }
    }
}

/// The same, inside an output folder that is a mount point (see [`super::mount`]).
fn remove_stale_inside(output: &Path) {
    let Ok(entries) = fs::read_dir(output) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !super::mount::is_ours(&file_name) {
            continue;
        }
        let pid = leftover_pid(&file_name, super::mount::INSIDE);
        if pid.is_some_and(|pid| pid != std::process::id() && !running(pid, &entry.path())) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// The process id in `.NAME.staging-PID`, `.NAME.old-PID` or `.NAME.shelf-PID`.
fn leftover_pid(file_name: &str, output_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(output_name)?;
    let rest = rest.strip_prefix('.')?;
    let pid = [STAGING, OLD, SHELF]
        .iter()
        .find_map(|role| rest.strip_prefix(role)?.strip_prefix('-'))?;
    pid.parse().ok()
}

#[cfg(target_os = "linux")]
fn running(pid: u32, _folder: &Path) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// Where a platform cannot tell whether a process lives, its folders count as stale after a day.
#[cfg(not(target_os = "linux"))]
fn running(_pid: u32, folder: &Path) -> bool {
    use std::time::{Duration, SystemTime};
    const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);
    let age = fs::metadata(folder)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok());
    age.is_none_or(|age| age < STALE_AFTER)
}

/// The path made absolute, with the part that exists resolved (the rest may not exist yet).
fn absolute(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(ToOwned::to_owned),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                };
            }
            _ => break,
        }
    }
    let mut resolved = fs::canonicalize(&existing).unwrap_or(existing);
    resolved.extend(rest.into_iter().rev());
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_replace_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check(root, root, true).is_err());
        assert!(check(root, &root.join("content"), true).is_err());
        assert!(check(root, &root.join("content/x"), true).is_err());
        assert!(check(root, root.parent().unwrap(), true).is_err());
        assert!(check(root, &root.join("public"), false).is_ok());
    }

    #[test]
    fn refuses_files_and_folders_of_others() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(&root).unwrap();
        let file = dir.path().join("site.yaml");
        fs::write(&file, "title: x").unwrap();
        assert!(check(&root, &file, true).is_err());
        let theirs = dir.path().join("p");
        fs::create_dir_all(theirs.join("d")).unwrap();
        let err = check(&root, &theirs, false).unwrap_err();
        assert!(err.message.contains("such as `d`"), "{err}");
        assert!(check(&root, &theirs, true).is_ok());
        fs::write(theirs.join(MARKER), "").unwrap();
        assert!(check(&root, &theirs, false).is_ok());
    }

    #[test]
    fn leftovers_are_named_by_output_role_and_pid() {
        assert_eq!(leftover_pid(".public.staging-42", "public"), Some(42));
        assert_eq!(leftover_pid(".public.old-7", "public"), Some(7));
        assert_eq!(leftover_pid(".publik.old-7", "public"), None);
        assert_eq!(leftover_pid(".public.staging-x", "public"), None);
        assert_eq!(leftover_pid("public", "public"), None);
    }

    #[test]
    fn output_paths_are_normalised() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        assert_eq!(resolve(&dir.path().join("public/.")), out);
        assert_eq!(resolve(&dir.path().join("./public")), out);
    }
}
