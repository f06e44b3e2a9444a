//! Files copied as is: the site's `static/` over the built-in theme's.

use std::path::{Path, PathBuf};

use super::pages::{CopySource, FileCopy};
use crate::error::BuildError;
use crate::layout::STATIC_DIR;
use crate::layout::inside::walk_inside;

/// The theme's own static files, compiled into the binary.
pub const BUILTIN_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
    (SEARCH_SCRIPT, include_bytes!("../../static/search.js")),
];

/// The search page's script, left out of sites without search.
pub const SEARCH_SCRIPT: &str = "search.js";

pub fn static_copies(root: &Path, search: bool) -> Result<Vec<FileCopy>, BuildError> {
    let dir = root.join(STATIC_DIR);
    let mut copies = Vec::new();
    if dir.is_dir() {
        for entry in walk_inside(root, &dir) {
            let entry = entry?;
            if entry.file_type().is_file() {
                let to = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                let from = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                copies.push(FileCopy {
                    from: CopySource::File(from),
                    to,
                });
            }
        }
    }
    for (name, bytes) in BUILTIN_STATIC {
        if *name == SEARCH_SCRIPT && !search {
            continue;
        }
        copies.push(FileCopy {
            from: CopySource::Builtin(bytes),
            to: PathBuf::from(name),
        });
    }
    Ok(copies)
}
