//! Search, built in: a Pagefind index made during the build from the data the build already
//! holds (custom records, not re-read HTML), cut into calendar shards that index in
//! parallel and are reused while their briefings stay the same.
//!
//! Output, under `pagefind/`: `pagefind.js` (the browser API), one folder per shard with its
//! index, its distinct words and a `kabar-shard` stamp (the digest of what it was made
//! from), and the word directory (`words/`, [`directory`]), which tells the search page
//! which shards a query needs. The newest shard's folder also holds the WebAssembly, since
//! the page opens that shard first.

mod digests;
pub mod directory;
pub mod families;
pub mod lookup;
pub mod pagefind;
pub mod records;
mod reuse;
pub mod shards;
pub mod stems;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::keys::body_digest;
use super::pages::{CopySource, FileCopy};
use super::views::{Card, Views};
use crate::archive::Archive;
use crate::config::{Config, Language};
use crate::content::Briefing;
use crate::error::{BuildError, Diagnostic};
use crate::render::files::OutputFile;
pub use digests::{Digests, Wanted, shard_digest, wanted};
use families::Families;
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

    /// Indexes the shard: its files relative to the output folder, with its words, the words
    /// its index holds, and its stamp.
    pub fn run(self) -> Result<Vec<OutputFile>, Diagnostic> {
        let dir = shard_dir(&self.name);
        let records = self.records()?;
        let words = directory::words(&records);
        let index = pagefind::index(records, self.language)
            .and_then(|files| pagefind::tag_meta(files, self.language, &meta_tag(self.digest)))
            .map_err(|e| failed(&dir, e))?;
        let stems = stems::of_index(&index).map_err(|e| failed(&dir, e))?;
        let mut files: Vec<OutputFile> = index
            .into_iter()
            .map(|(path, bytes)| (dir.join(path), bytes))
            .collect();
        files.push((dir.join(directory::WORDS_FILE), words));
        files.push((dir.join(stems::STEMS_FILE), stems));
        Ok(stamped(files, self.digest, &dir))
    }

    /// The shard's distinct words, as [`Job::run`] writes them.
    pub fn words(&self) -> Result<Vec<u8>, Diagnostic> {
        Ok(directory::words(&self.records()?))
    }

    fn records(&self) -> Result<Vec<records::SearchRecord>, Diagnostic> {
        let mut families = (self.language == Language::Id.code()).then(Families::default);
        self.briefings
            .iter()
            .map(|(b, card)| records::record(b, card, families.as_mut()))
            .collect()
    }
}

/// Whether a file of the index is the build's own (a stamp, a shard's words, its index's
/// words), which readers never ask for.
pub fn is_build_file(name: &std::ffi::OsStr) -> bool {
    [STAMP_FILE, directory::WORDS_FILE, stems::STEMS_FILE]
        .iter()
        .any(|own| name == *own)
}

/// What names a shard's metadata, from its digest: the search page preloads it by this name.
pub fn meta_tag(digest: u64) -> String {
    format!("{digest:016x}")
}

/// `files` (all in `dir`) and the stamp that lists them, made from `digest`.
fn stamped(mut files: Vec<OutputFile>, digest: u64, dir: &Path) -> Vec<OutputFile> {
    let stamp = reuse::stamp(digest, dir, &files);
    files.push((dir.join(STAMP_FILE), stamp.into_bytes()));
    files
}

/// The browser's files: `pagefind/pagefind.js`, and the WebAssembly in the folder of the
/// newest shard, `primary`, which the search page opens first.
pub fn runtime(config: &Config, primary: &str) -> Result<Vec<OutputFile>, Diagnostic> {
    let dir = Path::new(SEARCH_DIR);
    let files = pagefind::runtime(config.language.code()).map_err(|e| failed(dir, e))?;
    let [script, wasm] = runtime_paths(config, primary);
    Ok(files
        .into_iter()
        .map(|(path, bytes)| {
            let to = if path == Path::new(pagefind::JS_FILE) {
                script.clone()
            } else {
                wasm.clone()
            };
            (to, bytes)
        })
        .collect())
}

/// Where the browser's files are, relative to the output folder: the search API and the
/// WebAssembly (which the search page preloads), beside the newest shard `primary`.
pub fn runtime_paths(config: &Config, primary: &str) -> [PathBuf; 2] {
    let wasm = pagefind::wasm_file(config.language.code());
    [
        Path::new(SEARCH_DIR).join(pagefind::JS_FILE),
        shard_dir(primary).join(wasm),
    ]
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
    if wanted.is_empty() {
        return Ok(Indexed::default());
    }
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
    // Each shard's words are kept for the directory; the rest of its files are written.
    let made = pagefind::on_plain_threads(jobs, |job| {
        let name = job.name.clone();
        match job.run() {
            Ok(files) => {
                let known = Known::of(&files);
                write(&files).map(|()| Ok((name, known)))
            }
            Err(e) => Ok(Err(e)),
        }
    });
    let made: Vec<Result<(String, Known), Diagnostic>> =
        made.into_iter().collect::<Result<_, _>>()?;
    let mut known: HashMap<String, Known> = crate::all_or_errors(made)?.into_iter().collect();
    let language = config.language.code();
    let digest = directory::digest(
        wanted.iter().map(|w| (w.shard.name.as_str(), w.digest)),
        language,
    );
    match previous.and_then(|p| reuse::reusable(p, directory::DIRECTORY, digest)) {
        Some(files) => copies.extend(files),
        None => {
            // A reused shard's words are read from its checked copy in the last output.
            for copy in &copies {
                if let CopySource::File(from) = &copy.from
                    && let Some(shard) = copy.to.parent().and_then(|d| d.file_name())
                    && Known::is_known_file(from)
                {
                    let bytes =
                        std::fs::read(from).map_err(|e| BuildError::io("cannot read", from, e))?;
                    let shard = shard.to_string_lossy().into_owned();
                    known.entry(shard).or_default().add(from, bytes);
                }
            }
            let tags: Vec<String> = wanted.iter().map(|w| meta_tag(w.digest)).collect();
            let empty = Known::default();
            let shards: Vec<(&str, lookup::ShardWords)> = wanted
                .iter()
                .zip(&tags)
                .map(|(w, tag)| {
                    let name = w.shard.name.as_str();
                    let known = known.get(name).unwrap_or(&empty);
                    (name, known.shard_words(tag))
                })
                .collect();
            write(&directory::index(
                &shards,
                archive.briefings.len(),
                digest,
                language,
            )?)?;
        }
    }
    write(&runtime(config, &wanted[0].shard.name)?)?;
    Ok(Indexed {
        copies,
        indexed: stale.len(),
        reused: wanted.len() - stale.len(),
    })
}

/// What the directory needs of a shard: its words and the words its index holds.
#[derive(Debug, Default)]
struct Known {
    words: Vec<u8>,
    stems: Option<Vec<u8>>,
}

impl Known {
    fn of(files: &[OutputFile]) -> Known {
        let mut known = Known::default();
        for (path, bytes) in files.iter().filter(|(path, _)| Known::is_known_file(path)) {
            known.add(path, bytes.clone());
        }
        known
    }

    fn is_known_file(path: &Path) -> bool {
        directory::is_words_file(path) || stems::is_stems_file(path)
    }

    fn add(&mut self, path: &Path, bytes: Vec<u8>) {
        if directory::is_words_file(path) {
            self.words = bytes;
        } else if stems::is_stems_file(path) {
            self.stems = Some(bytes);
        }
    }

    fn shard_words<'a>(&'a self, tag: &'a str) -> lookup::ShardWords<'a> {
        lookup::ShardWords {
            tag,
            words: &self.words,
            stems: self.stems.as_deref(),
        }
    }
}

/// `pagefind/<name>/`, relative to the output folder.
pub fn shard_dir(name: &str) -> PathBuf {
    Path::new(SEARCH_DIR).join(name)
}

pub(super) fn failed(dir: &Path, message: String) -> Diagnostic {
    Diagnostic::file(dir, format!("cannot build the search index: {message}")).with_hint(
        "this is a bug in kabar or Pagefind; `search: false` in site.yaml builds without search",
    )
}
