//! Whether a lowercase string is an Indonesian word: a root of the Hunspell word list
//! (`dictionary/id.txt`, see its README), or a root with the prefixes and suffixes Indonesian
//! builds words with (`pilihan` = `pilih` + `-an`, `merupakan` = `me-` + `rupa` + `-kan`,
//! `penyelenggara` = `peny-` + `selenggara`).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

static ROOTS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| include_str!("dictionary/id.txt").lines().collect());

/// Particles and possessives that close a word: `-nya`, `-lah`, `-kah`, `-pun`, `-ku`, `-mu`.
const PARTICLES: &[&str] = &["nya", "lah", "kah", "pun", "ku", "mu"];
/// Suffixes that make a word from a root.
const SUFFIXES: &[&str] = &["kan", "an", "i"];
/// Prefixes, each with the letters a nasal prefix takes from the root it joins (`meny-` +
/// `sapu` = `menyapu`): the root starts with one of them or with the rest as written.
const PREFIXES: &[(&str, &[&str])] = &[
    ("memper", &[""]),
    ("diper", &[""]),
    ("ketidak", &[""]),
    ("meng", &["", "k"]),
    ("meny", &["s"]),
    ("mem", &["", "p"]),
    ("men", &["", "t"]),
    ("me", &[""]),
    ("peng", &["", "k"]),
    ("peny", &["s"]),
    ("pem", &["", "p"]),
    ("pen", &["", "t"]),
    ("per", &[""]),
    ("pe", &[""]),
    ("ber", &[""]),
    ("be", &[""]),
    ("ter", &[""]),
    ("di", &[""]),
    ("ke", &[""]),
    ("se", &[""]),
];
/// The shortest root an affixed word is allowed to rest on.
const SHORTEST_ROOT: usize = 3;

/// Whether `word` (lowercase) is an Indonesian word, affixed or not.
pub(super) fn is_word(word: &str) -> bool {
    let bare = PARTICLES
        .iter()
        .find_map(|p| word.strip_suffix(p).filter(|w| w.len() >= SHORTEST_ROOT))
        .into_iter()
        .chain([word]);
    bare.into_iter().any(|w| {
        SUFFIXES
            .iter()
            .filter_map(|s| w.strip_suffix(s))
            .filter(|w| w.len() >= SHORTEST_ROOT)
            .chain([w])
            .any(|stem| is_root(stem) || has_prefixed_root(stem, 2))
    })
}

/// Whether `word` (lowercase) is a root of the word list, unaffixed.
pub(super) fn is_root(word: &str) -> bool {
    word.len() >= SHORTEST_ROOT && ROOTS.contains(word)
}

/// Whether `word` is a prefix (at most `depth` of them) on a root.
fn has_prefixed_root(word: &str, depth: usize) -> bool {
    depth > 0
        && PREFIXES.iter().any(|(prefix, restored)| {
            word.strip_prefix(prefix).is_some_and(|rest| {
                restored.iter().any(|letter| {
                    if letter.is_empty() {
                        return is_root(rest) || has_prefixed_root(rest, depth - 1);
                    }
                    let root = format!("{letter}{rest}");
                    is_root(&root) || has_prefixed_root(&root, depth - 1)
                })
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_and_affixed_words_are_words() {
        for word in [
            "helikopter",
            "dengan",
            "pilihan",
            "merupakan",
            "terbaru",
            "merilis",
            "kebijakan",
            "ketidakadilan",
            "penyelenggara",
            "menyapu",
            "memukul",
            "pemerintahan",
            "diperkirakan",
            "keberangkatannya",
        ] {
            assert!(is_word(word), "{word}");
        }
    }

    #[test]
    fn glued_pairs_and_names_are_not() {
        for word in [
            "helikopterdengan",
            "pilihandesertyang",
            "prabowo",
            "xqzt",
            "kencurmerupakan",
        ] {
            assert!(!is_word(word), "{word}");
        }
    }
}
