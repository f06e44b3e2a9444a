//! The words a shard's index holds, as Pagefind indexed them (stemmed, split where it splits
//! compounds, without diacritics): read back from its word chunks, so that the word table
//! ([`super::lookup`]) knows exactly which shards can match a word, whatever rules Pagefind
//! used to make them.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use flate2::read::GzDecoder;
use minicbor::Decoder;

use crate::render::files::OutputFile;

/// In each shard's folder: the words its index holds, one a line.
pub const STEMS_FILE: &str = "kabar-stems";

/// What opens a chunk once it is unzipped.
const CHUNK_SIGNATURE: &[u8] = b"pagefind_dcd";

/// The distinct words of an index's word chunks (`index/*.pf_index` among `files`, relative to
/// the index's folder), and the other forms stored beside them, one a line.
pub fn of_index(files: &[OutputFile]) -> Result<Vec<u8>, String> {
    let mut words = BTreeSet::new();
    for (path, bytes) in files.iter().filter(|(path, _)| is_word_chunk(path)) {
        chunk_words(bytes, &mut words)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    }
    let mut text = String::new();
    for word in words {
        text.push_str(&word);
        text.push('\n');
    }
    Ok(text.into_bytes())
}

/// Whether `path` is a shard's stems file.
pub fn is_stems_file(path: &Path) -> bool {
    path.file_name() == Some(STEMS_FILE.as_ref())
}

fn is_word_chunk(path: &Path) -> bool {
    path.starts_with("index") && path.extension().is_some_and(|e| e == "pf_index")
}

/// A chunk is gzipped CBOR: `[[word, pages, [[form, pages], ...]], ...]` after a signature.
fn chunk_words(gzipped: &[u8], words: &mut BTreeSet<String>) -> Result<(), String> {
    let mut bytes = Vec::new();
    GzDecoder::new(gzipped)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    let cbor = bytes
        .strip_prefix(CHUNK_SIGNATURE)
        .ok_or("not a Pagefind word chunk")?;
    let mut d = Decoder::new(cbor);
    let broken = |e: minicbor::decode::Error| e.to_string();
    d.array().map_err(broken)?;
    let count = d
        .array()
        .map_err(broken)?
        .ok_or("a chunk of unknown length")?;
    for _ in 0..count {
        let fields = d
            .array()
            .map_err(broken)?
            .ok_or("a word of unknown length")?;
        words.insert(d.str().map_err(broken)?.to_string());
        d.skip().map_err(broken)?;
        if fields > 2 {
            let forms = d
                .array()
                .map_err(broken)?
                .ok_or("forms of unknown length")?;
            for _ in 0..forms {
                d.array().map_err(broken)?;
                words.insert(d.str().map_err(broken)?.to_string());
                d.skip().map_err(broken)?;
            }
        }
        for _ in 3..fields {
            d.skip().map_err(broken)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::render::search::pagefind;
    use crate::render::search::records::SearchRecord;

    fn record(url: &str, content: &str) -> SearchRecord {
        SearchRecord {
            url: url.into(),
            content: content.into(),
            meta: BTreeMap::from([("title".to_string(), "Judul".to_string())]),
            filters: BTreeMap::new(),
            sort: BTreeMap::new(),
        }
    }

    #[test]
    fn an_index_gives_back_the_words_pagefind_made() {
        let files = pagefind::index(
            vec![
                record("/a/", "Perundingan berlanjut di Pyongyang"),
                record("/b/", "Kim-Jong Un bertemu Trump; café KimJong"),
            ],
            "id",
        )
        .unwrap();
        let stems = String::from_utf8(of_index(&files).unwrap()).unwrap();
        let stems: Vec<&str> = stems.lines().collect();
        // Stemmed, lower-cased, compounds split, diacritics dropped, and the title too.
        let snowball = pagefind_stem::Stemmer::create(pagefind_stem::Algorithm::Indonesian);
        for word in ["perundingan", "berlanjut", "pyongyang", "trump", "judul"] {
            let stem = snowball.stem(word);
            assert!(stems.contains(&stem.as_ref()), "{stem} not in {stems:?}");
        }
        for part in ["kim", "jong", "cafe"] {
            assert!(stems.contains(&part), "{part} not in {stems:?}");
        }
    }

    #[test]
    fn a_broken_chunk_is_an_error_not_a_panic() {
        let files = vec![("index/id_1.pf_index".into(), b"not gzip".to_vec())];
        assert!(of_index(&files).is_err());
    }
}
