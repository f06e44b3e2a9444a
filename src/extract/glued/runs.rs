//! Words a scrape ran together without a capital to show the seam (`Helikopterdengan`,
//! `kencurmerupakan`, `Yogurtkerap`), split where every part is a word: an Indonesian word
//! of the dictionary, or one the article uses on its own. A form the article writes whole
//! elsewhere, a word of the dictionary, or a name that would leave a short piece stays whole.

use std::borrow::Cow;

use super::Article;
use crate::extract::dictionary;
use crate::extract::entities::Entities;

/// Words that may be glued after another word however short they are.
const SHORT_WORDS: &[&str] = &["di", "ke", "dan", "ini", "itu", "yang"];
/// The shortest part of a split, but for [`SHORT_WORDS`].
const SHORTEST_PART: usize = 4;
/// The shortest word after a name (`Hongkong` is no `Hong kong`).
const SHORTEST_AFTER_NAME: usize = 5;
/// The shortest run worth a look.
const SHORTEST_RUN: usize = 7;
/// A run is at most this many words.
const MOST_PARTS: usize = 3;
/// Endings of words borrowed whole (`moderasi`, `disabilitas`, `posting`): their pieces
/// may look like words (`mode rasi`), but the word is one.
const LOAN_ENDINGS: &[&str] = &["asi", "itas", "isme", "ing", "tik", "sir", "si"];

/// Byte offsets inside `core` where it should be split, or none.
pub(super) fn cuts(core: &str, article: &Article, entities: &Entities) -> Vec<usize> {
    let bytes = core.as_bytes();
    if bytes.len() < SHORTEST_RUN
        || !bytes[1..].iter().all(u8::is_ascii_lowercase)
        || !bytes[0].is_ascii_alphabetic()
    {
        return Vec::new();
    }
    let first_upper = bytes[0].is_ascii_uppercase();
    let lower = lowercase(core, first_upper);
    if dictionary::is_root(&lower)
        || LOAN_ENDINGS.iter().any(|e| lower.ends_with(e))
        || !may_split(&lower, first_upper)
        || dictionary::is_word(&lower)
        || article.repeats(core)
        || article.uses_lowercase(&lower, 2)
        || entities.knows_word(core)
    {
        return Vec::new();
    }
    best_split(core, first_upper, article).unwrap_or_default()
}

/// `core` in lowercase. A run past its first letter is lowercase already: only a name's first
/// letter needs a copy.
fn lowercase(core: &str, name_first: bool) -> Cow<'_, str> {
    if name_first {
        Cow::Owned(core.to_ascii_lowercase())
    } else {
        Cow::Borrowed(core)
    }
}

/// Whether some split of `lower` starts or ends with a root of the dictionary or ends with a
/// short word: a cheap look that spares most words (names, borrowed words) the rest.
fn may_split(lower: &str, name_first: bool) -> bool {
    let n = lower.len();
    if name_first {
        // After a name only a word of some length (`Helikopterdengan`): `Pyongyang` does not
        // end in `yang` the word.
        return (SHORTEST_PART..=n - SHORTEST_AFTER_NAME).any(|a| dictionary::is_root(&lower[a..]));
    }
    let short_end = SHORT_WORDS.iter().any(|w| lower.ends_with(w));
    short_end
        || (SHORTEST_PART..=n - SHORTEST_PART)
            .any(|a| dictionary::is_root(&lower[..a]) || dictionary::is_root(&lower[a..]))
}

/// The split with the fewest parts, then the longest shortest part. Parts are checked
/// once each, the cheap tests first, since most runs split nowhere.
fn best_split(core: &str, name_first: bool, article: &Article) -> Option<Vec<usize>> {
    let n = core.len();
    let lower = lowercase(core, name_first);
    let part = |i: usize, j: usize| &core[i..j];
    let known = |i: usize, j: usize, after_name: bool| {
        let p = part(i, j);
        is_part(p, &lower[i..j], i == 0 && name_first, article)
            && (!after_name || SHORT_WORDS.contains(&p) || j - i >= SHORTEST_AFTER_NAME)
    };
    let used =
        |i: usize, j: usize| j - i >= SHORTEST_PART && article.uses_lowercase(&lower[i..j], 1);
    // `meru` + `pakan` is `merupakan`: no seam between two parts that make one word.
    let one_word = |i: usize, k: usize| dictionary::is_word(&lower[i..k]);
    let firsts: Vec<usize> = (1..n).filter(|&j| known(0, j, false)).collect();
    if firsts.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize, Vec<usize>)> = None;
    let mut consider = |cuts: Vec<usize>, shortest: usize| {
        let key = (cuts.len() + 1, usize::MAX - shortest);
        if best.as_ref().is_none_or(|(parts, s, _)| key < (*parts, *s)) {
            best = Some((key.0, key.1, cuts));
        }
    };
    for &a in &firsts {
        if known(a, n, name_first) && (used(0, a) || used(a, n)) && !one_word(0, n) {
            consider(vec![a], a.min(n - a));
        }
        if MOST_PARTS < 3 {
            continue;
        }
        for b in a + 1..n {
            if known(b, n, false)
                && known(a, b, name_first)
                && (used(0, a) || used(a, b) || used(b, n))
                && !one_word(0, b)
                && !one_word(a, n)
            {
                consider(vec![a, b], a.min(b - a).min(n - b));
            }
        }
    }
    best.map(|(_, _, cuts)| cuts)
}

/// Whether one part of a split is a word on its own: a short function word after another
/// part, a word the article uses on its own, or a root of the dictionary. A name that starts
/// the run must stand on its own in the article.
fn is_part(part: &str, lower: &str, name: bool, article: &Article) -> bool {
    if !name && SHORT_WORDS.contains(&part) {
        return true;
    }
    if part.len() < SHORTEST_PART {
        return false;
    }
    article.uses_lowercase(lower, 1) || (!name && dictionary::is_root(lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str, text: &str) -> String {
        let article = Article::of(text);
        let cuts = cuts(word, &article, &Entities::default());
        let mut out = word.to_string();
        for cut in cuts.iter().rev() {
            out.insert(*cut, ' ');
        }
        out
    }

    #[test]
    fn runs_of_words_are_split() {
        assert_eq!(
            split(
                "Helikopterdengan",
                "Helikopterdengan nomor itu. Helikopter jatuh."
            ),
            "Helikopter dengan"
        );
        assert_eq!(
            split(
                "kencurmerupakan",
                "Jamu beras kencurmerupakan minuman. Jahe merupakan rimpang."
            ),
            "kencur merupakan"
        );
        assert_eq!(
            split("arusbanjirdi", "terseret arusbanjirdi kota. Banjir datang."),
            "arus banjir di"
        );
        assert_eq!(
            split(
                "Yogurtkerap",
                "Yogurtkerap disukai. Makan yogurt setiap hari."
            ),
            "Yogurt kerap"
        );
    }

    #[test]
    fn words_and_names_stay_whole() {
        for (word, text) in [
            ("pemerintahan", "pemerintahan baru"),
            ("ketidakadilan", "ketidakadilan itu"),
            ("Setiawan", "kata Setiawan. Ia setia."),
            ("moderasi", "mode dan rasi"),
            ("Hongkong", "di Hong Kong"),
            ("berkerjasama", "kerja sama"),
            ("Prabowo", "Prabowo tiba"),
            ("Sulastri", "Endang Sulastri tewas"),
            // Written whole twice: the article's own word.
            ("pilihandesert", "pilihandesert dan pilihandesert"),
        ] {
            assert_eq!(split(word, text), word, "{text}");
        }
    }
}
