//! What a deploy sends and deletes, and in which order, from the output's files and what
//! the target holds. Plain data in, plain data out.
//!
//! The order keeps every page a reader can reach whole at every moment: files no page links
//! to yet go first, then files that change in place, pages after what they load, the search
//! index after the pages it points at, the sitemap after everything it lists, and deletes
//! last, when nothing published links to them any more. Each step waits for the one before.

use std::collections::HashMap;

use super::local::{Kind, LocalFile};
use crate::publish::MARKER;

/// Whether the target held the file before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    New,
    Changed,
}

/// One file to send: its place in the output's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Upload {
    pub(super) file: usize,
    pub(super) change: Change,
}

#[derive(Debug, Default)]
pub(super) struct Plan {
    /// Uploads in steps; a step starts when the one before is done.
    pub(super) steps: Vec<Vec<Upload>>,
    /// Keys the target holds that the output does not, deleted after every upload.
    pub(super) deletes: Vec<String>,
    pub(super) unchanged: usize,
}

impl Plan {
    pub(super) fn uploads(&self) -> impl Iterator<Item = &Upload> {
        self.steps.iter().flatten()
    }
}

/// The plan for `files` against `remote`: each key the target holds, with the digest kabar
/// stored with it (`None` when it has none, or another tool wrote it).
pub(super) fn plan(files: &[LocalFile], remote: &HashMap<String, Option<u128>>) -> Plan {
    let mut uploads: Vec<(Kind, Upload)> = Vec::new();
    let mut unchanged = 0;
    for (at, file) in files.iter().enumerate() {
        let change = match remote.get(&file.key) {
            None => Change::New,
            Some(Some(digest)) if *digest == file.digest => {
                unchanged += 1;
                continue;
            }
            Some(_) => Change::Changed,
        };
        uploads.push((file.kind, Upload { file: at, change }));
    }
    uploads.sort_by_key(|(kind, upload)| (*kind, upload.change, upload.file));
    let steps = uploads
        .chunk_by(|(a, x), (b, y)| a == b && x.change == y.change)
        .map(|step| step.iter().map(|(_, upload)| *upload).collect())
        .collect();
    let local: HashMap<&str, ()> = files.iter().map(|f| (f.key.as_str(), ())).collect();
    let mut deletes: Vec<String> = remote
        .keys()
        .filter(|key| !local.contains_key(key.as_str()) && key.as_str() != MARKER)
        .cloned()
        .collect();
    deletes.sort();
    Plan {
        steps,
        deletes,
        unchanged,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::deploy::headers::Headers;

    fn file(key: &str, kind: Kind, digest: u128) -> LocalFile {
        LocalFile {
            key: key.into(),
            path: PathBuf::from(key),
            size: 1,
            kind,
            headers: Headers {
                content_type: String::new(),
                cache_control: String::new(),
                encoding: None,
            },
            digest,
        }
    }

    #[test]
    fn new_before_changed_pages_after_assets_and_deletes_apart() {
        let files = [
            file("sitemap.xml", Kind::Sitemap, 1),
            file("a/index.html", Kind::Page, 2),
            file("b/index.html", Kind::Page, 3),
            file("style.css", Kind::Asset, 4),
            file("pagefind/x.pf_meta", Kind::Search, 5),
            file("same.svg", Kind::Asset, 6),
        ];
        let remote: HashMap<String, Option<u128>> = [
            ("sitemap.xml", Some(9)),
            ("a/index.html", None),
            ("style.css", Some(8)),
            ("same.svg", Some(6)),
            ("gone/index.html", Some(7)),
            (".kabar-output", Some(0)),
        ]
        .into_iter()
        .map(|(k, d)| (k.to_string(), d))
        .collect();
        let plan = plan(&files, &remote);
        let steps: Vec<Vec<&str>> = plan
            .steps
            .iter()
            .map(|s| s.iter().map(|u| files[u.file].key.as_str()).collect())
            .collect();
        assert_eq!(
            steps,
            [
                vec!["style.css"],
                vec!["b/index.html"],
                vec!["a/index.html"],
                vec!["pagefind/x.pf_meta"],
                vec!["sitemap.xml"],
            ]
        );
        assert_eq!(plan.deletes, ["gone/index.html"]);
        assert_eq!(plan.unchanged, 1);
    }
}
