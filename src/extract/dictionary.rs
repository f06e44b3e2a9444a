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
/// A prefix and a suffix Indonesian never puts on one root (`ke-` … `-kan`): `kebijakan` is
/// `ke-` + `bijak` + `-an`, not `ke-` + `bija` + `-kan`.
const UNPAIRED: &[(&str, &str)] = &[
    ("ke", "kan"),
    ("se", "kan"),
    ("di", "an"),
    ("me", "an"),
    ("te", "an"),
    ("be", "i"),
    ("ke", "i"),
    ("se", "i"),
];
/// The shortest root an affixed word is allowed to rest on.
const SHORTEST_ROOT: usize = 3;

/// Whether `word` (lowercase) is an Indonesian word, affixed or not.
pub(super) fn is_word(word: &str) -> bool {
    stems(word).any(|stem| is_root(stem) || prefixed_roots(stem, 2, &mut |_| true))
}

/// The root `word` (lowercase) is built on (`perundingan`, `berunding` → `runding`), when
/// the word list has one: the word itself when it is a root; else, with the longest suffix
/// that leaves a root and may go with the word's prefix (`mengatakan` is `kata` + `-kan`, not
/// `katak` + `-an`), the longest root under the prefixes (`menemui` is `men-` + `temu` + `-i`, not `men-` + `emu` + `-i`).
pub(crate) fn root_of(word: &str) -> Option<String> {
    if is_root(word) {
        return Some(word.to_string());
    }
    stems(word).find_map(|stem| {
        let suffix = &word[stem.len()..];
        if UNPAIRED
            .iter()
            .any(|(p, s)| suffix.starts_with(s) && word.starts_with(p))
        {
            return None;
        }
        let mut best: Option<String> = is_root(stem).then(|| stem.to_string());
        prefixed_roots(stem, 2, &mut |root| {
            let longer = best.as_deref().is_none_or(|b| {
                (root.len(), std::cmp::Reverse(root)) > (b.len(), std::cmp::Reverse(b))
            });
            if longer {
                best = Some(root.to_string());
            }
            false
        });
        best
    })
}

/// `word` with a particle, then a suffix, taken off where it has them: the shapes a root may
/// hide in under prefixes, most taken off first.
fn stems(word: &str) -> impl Iterator<Item = &str> {
    let bare = PARTICLES
        .iter()
        .find_map(|p| word.strip_suffix(p).filter(|w| w.len() >= SHORTEST_ROOT))
        .into_iter()
        .chain([word]);
    bare.flat_map(|w| {
        SUFFIXES
            .iter()
            .filter_map(move |s| w.strip_suffix(s))
            .filter(|w| w.len() >= SHORTEST_ROOT)
            .chain([w])
    })
}

/// Every root of the word list, in no order.
pub(crate) fn roots() -> impl Iterator<Item = &'static str> {
    ROOTS.iter().copied()
}

/// Whether `word` (lowercase) is a root of the word list, unaffixed.
pub(super) fn is_root(word: &str) -> bool {
    word.len() >= SHORTEST_ROOT && ROOTS.contains(word)
}

/// Offers `found` the roots `word` rests on under a prefix (at most `depth` of them), until
/// it answers true; whether it did.
fn prefixed_roots(word: &str, depth: usize, found: &mut impl FnMut(&str) -> bool) -> bool {
    depth > 0
        && PREFIXES.iter().any(|(prefix, restored)| {
            word.strip_prefix(prefix).is_some_and(|rest| {
                restored.iter().any(|letter| {
                    if letter.is_empty() {
                        return (is_root(rest) && found(rest))
                            || prefixed_roots(rest, depth - 1, found);
                    }
                    let root = format!("{letter}{rest}");
                    (is_root(&root) && found(&root)) || prefixed_roots(&root, depth - 1, found)
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

    #[test]
    fn a_word_family_shares_its_root() {
        for (word, root) in [
            ("runding", "runding"),
            ("berunding", "runding"),
            ("perundingan", "runding"),
            ("merundingkan", "runding"),
            ("pertemuan", "temu"),
            ("menemui", "temu"),
            ("ditemukannya", "temu"),
            ("memukul", "pukul"),
            ("pemerintahan", "perintah"),
            ("mengatakan", "kata"),
            ("kebijakan", "bijak"),
        ] {
            assert_eq!(root_of(word).as_deref(), Some(root), "{word}");
        }
        assert_eq!(root_of("un"), None);
        assert_eq!(root_of("prabowo"), None);
    }
}
