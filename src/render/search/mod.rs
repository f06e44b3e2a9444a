//! Search, built in: a Pagefind index made during the build from the data the build already
//! holds (custom records, not re-read HTML), cut into calendar shards that index in
//! parallel and are reused while their briefings stay the same.
//!
//! Output, under `pagefind/`: `pagefind.js` (the browser API), and one folder per shard with
//! its index and a `kabar-shard` stamp (the digest of what it was made from). The newest
//! shard's folder also holds the worker and the WebAssembly, since the search page opens it
//! first and merges the others into it.

mod digests;
pub mod pagefind;
pub mod records;
mod reuse;
pub mod shards;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::keys::body_digest;
use super::pages::FileCopy;
use super::views::{Card, Views};
use crate::archive::Archive;
use crate::config::Config;
use crate::content::Briefing;
use crate::error::{BuildError, Diagnostic};
use crate::render::files::OutputFile;
pub use digests::{Digests, Wanted, wanted};
pub use shards::{Shard, shards};

/// The folder of the index in the output.
pub const SEARCH_DIR: &str = "pagefind";
/// In each shard's folder: the digest of what the shard was made from.
pub const STAMP_FILE: &str = "kabar-shard";

/// A shard's briefings, ready to index (on another thread, if need be: records are made
/// there too, since reading bodies as text is not free).
#[derive(Debug, Clone)]
pub struct Job {
    pub name: String,
    pub digest: u64,
    pub language: &'static str,
    pub briefings: Vec<(Arc<Briefing>, Arc<Card>)>,
}

impl Job {
    pub fn new(archive: &Archive, views: &Views, config: &Config, wanted: &Wanted) -> Job {
        let briefings = wanted
            .shard
            .members
            .iter()
            .map(|&i| {
                (
                    Arc::clone(&archive.briefings[i]),
                    Arc::clone(&views.cards[i]),
                )
            })
            .collect();
        Job {
            name: wanted.shard.name.clone(),
            digest: wanted.digest,
            language: config.language.code(),
            briefings,
        }
    }

    /// Indexes the shard: its files relative to the output folder, with its stamp.
    pub fn run(self) -> Result<Vec<OutputFile>, Diagnostic> {
        let dir = shard_dir(&self.name);
        let records = self
            .briefings
            .iter()
            .map(|(b, card)| records::record(b, card))
            .collect::<Result<_, _>>()?;
        let mut files: Vec<OutputFile> = pagefind::index(records, self.language)
            .map_err(|e| failed(&dir, e))?
            .into_iter()
            .map(|(path, bytes)| (dir.join(path), bytes))
            .collect();
        let stamp = reuse::stamp(self.digest, &dir, &files);
        files.push((dir.join(STAMP_FILE), stamp.into_bytes()));
        Ok(files)
    }
}

/// The browser's files: `pagefind/pagefind.js`, and the worker and WebAssembly in the folder
/// of the shard the search page opens first.
pub fn runtime(config: &Config, primary: &str) -> Result<Vec<OutputFile>, Diagnostic> {
    let dir = Path::new(SEARCH_DIR);
    let files = pagefind::runtime(config.language.code()).map_err(|e| failed(dir, e))?;
    Ok(files
        .into_iter()
        .map(|(path, bytes)| {
            let to = if path == Path::new(pagefind::JS_FILE) {
                dir.join(path)
            } else {
                shard_dir(primary).join(path)
            };
            (to, bytes)
        })
        .collect())
}

/// What `kabar build` made for search, its files already written.
#[derive(Debug, Default)]
pub struct Indexed {
    /// Shards taken unchanged from the previous output.
    pub copies: Vec<FileCopy>,
    pub indexed: usize,
    pub reused: usize,
}

/// The whole index for `kabar build`: shards that `previous` (the output folder as the last
/// build left it, unless the build is forced) holds as they were written and made from the
/// same briefings are to be copied from there; the others are indexed, in parallel, each
/// shard's files handed to `write` as soon as it is done, so the index is never held whole.
pub fn build(
    archive: &Archive,
    views: &Views,
    config: &Config,
    previous: Option<&Path>,
    write: &(dyn Fn(&[OutputFile]) -> Result<(), BuildError> + Sync),
) -> Result<Indexed, BuildError> {
    let wanted = wanted(archive, views, config, |i| {
        body_digest(&archive.briefings[i])
    });
    let Some(primary) = wanted.first() else {
        return Ok(Indexed::default());
    };
    let mut copies = Vec::new();
    let mut stale: Vec<&Wanted> = Vec::new();
    for w in &wanted {
        match previous.and_then(|p| reuse::reusable(p, &w.shard.name, w.digest)) {
            Some(files) => copies.extend(files),
            None => stale.push(w),
        }
    }
    let jobs: Vec<Job> = stale
        .iter()
        .map(|w| Job::new(archive, views, config, w))
        .collect();
    let made = pagefind::on_plain_threads(jobs, |job| match job.run() {
        Ok(files) => write(&files).map(Ok),
        Err(e) => Ok(Err(e)),
    });
    let made: Vec<Result<(), Diagnostic>> = made.into_iter().collect::<Result<_, _>>()?;
    crate::all_or_errors(made)?;
    write(&runtime(config, &primary.shard.name)?)?;
    Ok(Indexed {
        copies,
        indexed: stale.len(),
        reused: wanted.len() - stale.len(),
    })
}

/// `pagefind/<name>/`, relative to the output folder.
pub fn shard_dir(name: &str) -> PathBuf {
    Path::new(SEARCH_DIR).join(name)
}

fn failed(dir: &Path, message: String) -> Diagnostic {
    Diagnostic::file(dir, format!("cannot build the search index: {message}")).with_hint(
        "this is a bug in kabar or Pagefind; `search: false` in site.yaml builds without search",
    )
}
