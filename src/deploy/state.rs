//! What the last deploy to a target knew, kept beside the output as the stamp is
//! (`.public.kabar-deploy-prod`): a cache, never the truth. Each object's digest is trusted
//! only while the target lists it with the same ETag and size it had when kabar sent or read
//! it; otherwise it is asked again. A lost or unreadable state file costs time, not a file.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::local::Versions;

/// Bumped when the layout changes: an older file is then ignored.
const FORMAT: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct State {
    format: u32,
    /// The target's address: a state file is never used for another bucket. (Its endpoint
    /// may change: what is known of an object holds only while its ETag and size do.)
    target: String,
    /// Each output file's version and the digest of its bytes.
    pub(super) local: Versions,
    /// Each object as the target last showed it.
    pub(super) remote: HashMap<String, Known>,
    /// Keys sent or deleted that no CDN purge or `--changed` list has named yet: a deploy
    /// that failed midway leaves them for the next.
    pub(super) unpurged: BTreeSet<String>,
}

/// An object as kabar sent or read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Known {
    pub(super) etag: String,
    pub(super) size: u64,
    pub(super) digest: u128,
}

/// `.public.kabar-deploy-<target>` beside the output folder as the editor named it.
pub(super) fn path(output: &Path, target: &str) -> Option<PathBuf> {
    let name = output.file_name()?.to_string_lossy();
    Some(output.with_file_name(format!(".{name}.kabar-deploy-{target}")))
}

impl State {
    /// The state kept at `path` for `target`, or an empty one.
    pub(super) fn load(path: Option<&Path>, target: &str) -> State {
        let kept = path
            .and_then(|p| fs::read(p).ok())
            .and_then(|bytes| postcard::from_bytes::<State>(&bytes).ok())
            .filter(|s| s.format == FORMAT && s.target == target);
        kept.unwrap_or_else(|| State {
            format: FORMAT,
            target: target.to_string(),
            ..State::default()
        })
    }

    /// Written whole then renamed into place; a state that cannot be written is only a
    /// slower next deploy, so failing here is not an error.
    pub(super) fn save(&self, path: Option<&Path>) {
        let Some(path) = path else { return };
        let temporary = path.with_extension(std::process::id().to_string());
        let written = postcard::to_stdvec(self)
            .ok()
            .is_some_and(|bytes| fs::write(&temporary, bytes).is_ok())
            && fs::rename(&temporary, path).is_ok();
        if !written {
            let _ = fs::remove_file(&temporary);
        }
    }
}
