//! The word table: for each whole word of the archive, which shards hold a word Pagefind
//! would match it to, and each shard's tag. The search page reads the one small file its
//! word hashes to as soon as it starts, before Pagefind has loaded: it learns which older
//! shards a rare word needs while the runtime downloads, and preloads their entries and
//! metadata. A word the table does not hold (part of a word, a word with symbols) is asked
//! of the word directory instead ([`super::directory`]).
//!
//! A word's shards are read off the words each shard's index holds ([`super::stems`]), the
//! way Pagefind's search matches them: the query's word is stemmed, and every indexed word
//! that starts with that stem matches. So the table names every shard where the word can
//! match, never fewer (the page would miss results); where a shard's words are not known yet,
//! it names that shard for every word.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use pagefind_stem::{Algorithm, Stemmer};
use serde::Serialize;

use crate::render::files::OutputFile;

/// The table's folder, inside the directory's.
pub const LOOKUP_DIR: &str = "lookup";
/// Briefings per file of the table, about: a file of a large archive holds a few hundred
/// words, a few kilobytes.
const BRIEFINGS_PER_FILE: usize = 64;
const MOST_FILES: usize = 4096;
/// Words shorter than this are not looked up (the search page waits for a second letter).
const SHORTEST: usize = 2;

/// A shard as the table sees it.
#[derive(Debug, Clone, Copy)]
pub struct ShardWords<'a> {
    /// What names its entry and metadata ([`super::meta_tag`]).
    pub tag: &'a str,
    /// Its distinct words as written, one a line ([`super::directory::words`]).
    pub words: &'a [u8],
    /// The words its index holds, one a line, when known.
    pub stems: Option<&'a [u8]>,
}

/// How many files the table of an archive of `briefings` is cut into: a power of two, known
/// to the search page before the table is made.
pub fn file_count(briefings: usize) -> usize {
    (briefings / BRIEFINGS_PER_FILE)
        .next_power_of_two()
        .clamp(1, MOST_FILES)
}

/// The table's files, relative to the directory's folder, for `shards` newest first (their
/// positions are what the table names).
pub fn files(shards: &[ShardWords], briefings: usize, language: &str) -> Vec<OutputFile> {
    let count = file_count(briefings);
    let holders = Holders::new(shards, language);
    let mut table: Vec<BTreeMap<String, String>> = vec![BTreeMap::new(); count];
    for key in keys(shards) {
        let held = holders.of(&key);
        table[file_of(&key, count)].insert(key, ranges(&held));
    }
    let tags: Vec<&str> = shards.iter().map(|s| s.tag).collect();
    table
        .into_iter()
        .enumerate()
        .map(|(i, words)| {
            let file = TableFile { tags: &tags, words };
            let bytes = serde_json::to_vec(&file).expect("strings serialise");
            (PathBuf::from(LOOKUP_DIR).join(format!("{i}.json")), bytes)
        })
        .collect()
}

#[derive(Serialize)]
struct TableFile<'a> {
    tags: &'a [&'a str],
    words: BTreeMap<String, String>,
}

/// The word as the search page looks it up, when it can: Pagefind's reading of a query word
/// (punctuation dropped, lower-cased) when that leaves only ASCII letters and digits.
fn key(word: &str) -> Option<String> {
    let mut key = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !is_punctuation(c) {
            return None;
        }
    }
    (key.len() >= SHORTEST).then_some(key)
}

/// Punctuation Pagefind drops from a query: ASCII's, but not its symbols, and the quotes,
/// dashes and ellipsis of typeset text.
fn is_punctuation(c: char) -> bool {
    (c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c))
        || matches!(
            c,
            '\u{2010}'..='\u{2027}' | '\u{00ab}' | '\u{00bb}' | '\u{00bf}' | '\u{00a1}'
        )
}

/// Every word the table answers for: the archive's words that have a key.
fn keys(shards: &[ShardWords]) -> BTreeSet<String> {
    shards
        .iter()
        .flat_map(|s| lines(s.words))
        .filter_map(key)
        .collect()
}

fn lines(bytes: &[u8]) -> impl Iterator<Item = &str> {
    std::str::from_utf8(bytes)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty())
}

/// Which file of `count` holds `key`: FNV-1a of its bytes, as the search page computes it.
fn file_of(key: &str, count: usize) -> usize {
    let hash = key.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    hash as usize % count
}

/// A set of shards, by position.
type Shards = Vec<bool>;

/// Which shards hold each indexed word, and what a query word is stemmed to.
struct Holders<'a> {
    stems: BTreeMap<&'a str, Shards>,
    /// Shards whose words are not known: they hold every word.
    unknown: Shards,
    stemmer: Option<Stemmer>,
}

impl<'a> Holders<'a> {
    fn new(shards: &[ShardWords<'a>], language: &str) -> Holders<'a> {
        let mut stems: BTreeMap<&str, Shards> = BTreeMap::new();
        let mut unknown = vec![false; shards.len()];
        for (at, shard) in shards.iter().enumerate() {
            let Some(words) = shard.stems else {
                unknown[at] = true;
                continue;
            };
            for stem in lines(words) {
                stems
                    .entry(stem)
                    .or_insert_with(|| vec![false; shards.len()])[at] = true;
            }
        }
        Holders {
            stems,
            unknown,
            stemmer: stemmer(language),
        }
    }

    /// The shards where a query of `key` can find something: those holding a word that starts
    /// with its stem (or, to be safe, with the word itself).
    fn of(&self, key: &str) -> Shards {
        let stem = self
            .stemmer
            .as_ref()
            .map_or(key.into(), |s| s.stem(key).into_owned());
        let mut held = self.unknown.clone();
        for prefix in [stem.as_str(), key] {
            for (_, shards) in self
                .stems
                .range(prefix..)
                .take_while(|(word, _)| word.starts_with(prefix))
            {
                for (h, s) in held.iter_mut().zip(shards) {
                    *h |= s;
                }
            }
        }
        held
    }
}

/// The stemmer Pagefind's search uses for `language`.
fn stemmer(language: &str) -> Option<Stemmer> {
    let algorithm = match language {
        "id" => Algorithm::Indonesian,
        "en" => Algorithm::English,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Positions as runs: `0-3,7`.
fn ranges(shards: &Shards) -> String {
    let mut runs: Vec<String> = Vec::new();
    let mut at = 0;
    while at < shards.len() {
        if !shards[at] {
            at += 1;
            continue;
        }
        let start = at;
        while at + 1 < shards.len() && shards[at + 1] {
            at += 1;
        }
        runs.push(if start == at {
            start.to_string()
        } else {
            format!("{start}-{at}")
        });
        at += 1;
    }
    runs.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shard<'a>(tag: &'a str, words: &'a str, stems: Option<&'a str>) -> ShardWords<'a> {
        ShardWords {
            tag,
            words: words.as_bytes(),
            stems: stems.map(str::as_bytes),
        }
    }

    fn table(shards: &[ShardWords]) -> BTreeMap<String, String> {
        files(shards, 10, "id")
            .into_iter()
            .flat_map(|(_, bytes)| {
                let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                let words: BTreeMap<String, String> =
                    serde_json::from_value(file["words"].clone()).unwrap();
                words
            })
            .collect()
    }

    #[test]
    fn a_key_is_a_query_word_as_pagefind_reads_it_or_none() {
        assert_eq!(key("Perundingan,").as_deref(), Some("perundingan"));
        assert_eq!(key("“AS-Korea”").as_deref(), Some("askorea"));
        assert_eq!(key("(KCNA)").as_deref(), Some("kcna"));
        // Symbols stay in a Pagefind query, and letters beyond ASCII are left to the directory.
        assert_eq!(key("a+b"), None);
        assert_eq!(key("café"), None);
        assert_eq!(key("x."), None);
    }

    #[test]
    fn a_word_s_file_is_fnv_1a_as_the_page_computes_it() {
        // FNV-1a 32 of "a" is 0xe40c292c.
        assert_eq!(file_of("a", 1 << 16), 0x292c);
        assert_eq!(file_of("a", 1), 0);
        assert_eq!(file_count(20), 1);
        assert_eq!(file_count(10_000), 256);
        assert_eq!(file_count(50_000), 1024);
    }

    #[test]
    fn a_word_names_every_shard_holding_a_word_its_stem_starts() {
        // Snowball stems `perundingan` and `berunding` to `unding`.
        let shards = [
            shard("t0", "berunding\nhanoi\n", Some("hanoi\nunding\n")),
            shard("t1", "perundingan\n", Some("unding\n")),
            shard("t2", "seoul\n", Some("seoul\nundingnya\n")),
            shard("t3", "pyongyang\n", Some("pyongyang\n")),
        ];
        let table = table(&shards);
        assert_eq!(table["perundingan"], "0-2");
        assert_eq!(table["berunding"], "0-2");
        assert_eq!(table["seoul"], "2");
        assert_eq!(table["pyongyang"], "3");
        assert_eq!(table["hanoi"], "0");
    }

    #[test]
    fn a_shard_whose_words_are_unknown_is_named_for_every_word() {
        let shards = [
            shard("t0", "hanoi\n", Some("hanoi\n")),
            shard("t1", "seoul\n", None),
        ];
        let table = table(&shards);
        assert_eq!(table["hanoi"], "0-1");
        assert_eq!(table["seoul"], "1");
    }

    #[test]
    fn each_file_carries_every_shard_s_tag_in_order() {
        let shards = [
            shard("aa", "hanoi\n", Some("hanoi\n")),
            shard("bb", "", Some("")),
        ];
        for (path, bytes) in files(&shards, 200, "id") {
            assert!(path.starts_with(LOOKUP_DIR));
            let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(file["tags"], serde_json::json!(["aa", "bb"]));
        }
    }

    #[test]
    fn positions_are_written_as_runs() {
        assert_eq!(ranges(&vec![true, true, true, false, true]), "0-2,4");
        assert_eq!(ranges(&vec![false, true, false]), "1");
        assert_eq!(ranges(&vec![false, false]), "");
    }
}
