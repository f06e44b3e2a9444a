//! The word directory: which shards hold which words, so that a query opens only the shards
//! its words are in rather than every shard of the archive. It is itself a small Pagefind
//! index with one record per shard, whose text is that shard's distinct words: the browser
//! asks it first, and Pagefind's own matching (its stemming, its prefixes) decides which
//! shards a query needs exactly as it then decides within them.
//!
//! Each shard's words are written beside its index (`kabar-words`, listed in its stamp), so
//! a shard reused from the last output brings them along and is not read again.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::lookup::{self, ShardWords};
use super::records::SearchRecord;
use super::{pagefind, shard_dir};
use crate::digest;
use crate::error::Diagnostic;
use crate::render::files::OutputFile;

/// The directory's folder under `pagefind/`.
pub const DIRECTORY: &str = "words";
/// In each shard's folder: its distinct words, one a line.
pub const WORDS_FILE: &str = "kabar-words";

/// The distinct words of a shard's records (titles, texts, tags), lower-cased, one a line.
/// Words are split only at white space, as Pagefind splits them, so that the directory sees
/// every word the shard's index holds.
pub fn words(records: &[SearchRecord]) -> Vec<u8> {
    let mut distinct = BTreeSet::new();
    for record in records {
        let title = record.meta.get("title").map_or("", String::as_str);
        for word in title
            .split_whitespace()
            .chain(record.content.split_whitespace())
        {
            if !distinct.contains(word) {
                distinct.insert(word.to_lowercase());
            }
        }
    }
    let mut text = String::new();
    for word in distinct {
        text.push_str(&word);
        text.push('\n');
    }
    text.into_bytes()
}

/// What the directory holds, named so that one an older kabar made is not reused.
const FORMAT: &str = "directory index, word table";

/// What the directory is made from: every shard's name and digest, in order (which also
/// gives the number of briefings, hence the table's files).
pub fn digest<'a>(shards: impl Iterator<Item = (&'a str, u64)>, language: &str) -> u64 {
    let named: Vec<(&str, u64)> = shards.collect();
    digest::of((
        env!("CARGO_PKG_VERSION"),
        FORMAT,
        language,
        DIRECTORY,
        named,
    ))
}

/// The directory's files, relative to the output folder, from each shard's name and words
/// (newest first), for an archive of `briefings`: its index and its word table.
pub fn index(
    shards: &[(&str, ShardWords)],
    briefings: usize,
    digest: u64,
    language: &str,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let records = shards
        .iter()
        .map(|(name, shard)| record(name, shard.words))
        .collect();
    let dir = shard_dir(DIRECTORY);
    let table: Vec<ShardWords> = shards.iter().map(|(_, shard)| *shard).collect();
    let files: Vec<OutputFile> = pagefind::index(records, language)
        .map_err(|e| super::failed(&dir, e))?
        .into_iter()
        .chain(lookup::files(&table, briefings, language))
        .map(|(path, bytes)| (dir.join(path), bytes))
        .collect();
    Ok(super::stamped(files, digest, &dir))
}

/// A shard as the directory holds it: found by its words, named by its `holds` filter (the
/// browser reads which shards matched from the filter's counts, without loading a fragment;
/// briefings have no such filter).
fn record(name: &str, words: &[u8]) -> SearchRecord {
    let text = String::from_utf8_lossy(words);
    SearchRecord {
        url: format!("/{name}/"),
        content: text.split('\n').collect::<Vec<_>>().join(" "),
        meta: BTreeMap::new(),
        filters: BTreeMap::from([("holds".to_string(), vec![name.to_string()])]),
        sort: BTreeMap::new(),
    }
}

/// Whether `path` is a shard's words file.
pub fn is_words_file(path: &Path) -> bool {
    path.file_name() == Some(WORDS_FILE.as_ref())
}
