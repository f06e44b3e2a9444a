//! Shards taken from the last output only when they are exactly what kabar wrote there. The
//! output is anyone's to change between builds (a deploy tool, a person, a script), so each
//! shard's stamp lists the hash of every file written into it, and a shard is reused only
//! when its folder holds those files with those bytes, and nothing else: no file missing,
//! corrupt or planted, no link (which would carry whatever it leads to into the site).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;
use xxhash_rust::xxh3::xxh3_64;

use super::{STAMP_FILE, shard_dir};
use crate::render::files::OutputFile;
use crate::render::pages::{CopySource, FileCopy};

/// The stamp of a shard made from `digest`, listing its `files` (paths relative to the
/// output folder, all inside the shard's folder `dir`).
pub(super) fn stamp(digest: u64, dir: &Path, files: &[OutputFile]) -> String {
    let listed: BTreeMap<String, u64> = files
        .iter()
        .map(|(path, bytes)| (inside(dir, path), xxh3_64(bytes)))
        .collect();
    let mut stamp = format!("{digest:016x}\n");
    for (path, hash) in listed {
        stamp.push_str(&format!("{hash:016x} {path}\n"));
    }
    stamp
}

/// The files of the shard `name` in `previous` (the output as the last build left it), to
/// copy on, when it was made from `digest` and is still exactly as it was written.
pub(super) fn reusable(previous: &Path, name: &str, digest: u64) -> Option<Vec<FileCopy>> {
    let dir = shard_dir(name);
    let absolute = previous.join(&dir);
    let real_dir = |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_dir());
    if !real_dir(&previous.join(super::SEARCH_DIR)) || !real_dir(&absolute) {
        return None;
    }
    let stamp = fs::read_to_string(absolute.join(STAMP_FILE)).ok()?;
    let mut lines = stamp.lines();
    if lines.next()? != format!("{digest:016x}") {
        return None;
    }
    let mut listed: BTreeMap<&str, &str> = lines
        .map(|line| line.split_once(' ').map(|(hash, path)| (path, hash)))
        .collect::<Option<_>>()?;
    let mut copies = Vec::with_capacity(listed.len());
    for entry in WalkDir::new(&absolute)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = entry.ok()?;
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            return None;
        }
        let at = entry.path().strip_prefix(&absolute).ok()?;
        // The runtime is written anew by every build; the stamp was read above.
        if is_runtime(at) {
            continue;
        }
        if at != Path::new(STAMP_FILE) {
            let hash = listed.remove(at.to_string_lossy().as_ref())?;
            if format!("{:016x}", xxh3_64(&fs::read(entry.path()).ok()?)) != hash {
                return None;
            }
        }
        copies.push(FileCopy {
            from: CopySource::File(entry.path().to_path_buf()),
            to: dir.join(at),
        });
    }
    listed.is_empty().then_some(copies)
}

/// The WebAssembly, beside the index in the newest shard's folder.
fn is_runtime(at: &Path) -> bool {
    let file = at.to_string_lossy();
    file.starts_with("wasm.") && !file.contains('/')
}

fn inside(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .map_or_else(|_| path.to_path_buf(), PathBuf::from)
        .to_string_lossy()
        .into_owned()
}
