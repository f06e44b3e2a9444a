//! Words a scrape ran together without a capital to show the seam (`Helikopterdengan`,
//! `kencurmerupakan`, `Yogurtkerap`), split where every part is a word: an Indonesian word
//! of the dictionary, or one the article uses on its own. A form the article writes whole
//! elsewhere, a word of the dictionary, or a name that would leave a short piece stays whole.

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
pub fn cuts(core: &str, article: &Article, entities: &Entities) -> Vec<usize> {
    let letters = core.chars().count();
    let mut chars = core.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    if letters < SHORTEST_RUN
        || !chars.all(char::is_lowercase)
        || article.repeats(core)
        || entities.knows_word(core)
    {
        return Vec::new();
    }
    let lower = core.to_lowercase();
    if dictionary::is_word(&lower)
        || article.uses_lowercase(&lower, 2)
        || LOAN_ENDINGS.iter().any(|e| lower.ends_with(e))
    {
        return Vec::new();
    }
    best_split(core, first_upper, article).unwrap_or_default()
}

/// The split with the fewest parts, then the longest shortest part.
fn best_split(core: &str, name_first: bool, article: &Article) -> Option<Vec<usize>> {
    let bounds: Vec<usize> = core.char_indices().map(|(i, _)| i).skip(1).collect();
    let mut best: Option<(usize, usize, Vec<usize>)> = None;
    let mut consider = |cuts: Vec<usize>| {
        let mut parts: Vec<&str> = Vec::with_capacity(cuts.len() + 1);
        let mut start = 0;
        for &cut in cuts.iter().chain([core.len()].iter()) {
            parts.push(&core[start..cut]);
            start = cut;
        }
        let known = parts.iter().enumerate().all(|(i, part)| {
            let after_name = name_first && i == 1;
            is_part(part, i == 0 && name_first, article)
                && (!after_name
                    || SHORT_WORDS.contains(part)
                    || part.chars().count() >= SHORTEST_AFTER_NAME)
        });
        // `meru` + `pakan` is `merupakan`: no seam between two parts that make one word.
        let whole_across = parts
            .windows(2)
            .any(|w| dictionary::is_word(&format!("{}{}", w[0], w[1]).to_lowercase()));
        if whole_across {
            return;
        }
        let used = parts.iter().any(|p| {
            p.chars().count() >= SHORTEST_PART && article.uses_lowercase(&p.to_lowercase(), 1)
        });
        if !known || !used {
            return;
        }
        let shortest = parts.iter().map(|p| p.chars().count()).min().unwrap_or(0);
        let key = (parts.len(), usize::MAX - shortest);
        if best.as_ref().is_none_or(|(n, s, _)| key < (*n, *s)) {
            best = Some((key.0, key.1, cuts));
        }
    };
    for (i, &a) in bounds.iter().enumerate() {
        consider(vec![a]);
        if MOST_PARTS > 2 {
            for &b in &bounds[i + 1..] {
                consider(vec![a, b]);
            }
        }
    }
    best.map(|(_, _, cuts)| cuts)
}

/// Whether one part of a split is a word on its own: a short function word after another
/// part, a word the article uses on its own, or a root of the dictionary. A name that starts
/// the run must stand on its own in the article.
fn is_part(part: &str, name: bool, article: &Article) -> bool {
    let lower = part.to_lowercase();
    if !name && SHORT_WORDS.contains(&part) {
        return true;
    }
    if part.chars().count() < SHORTEST_PART {
        return false;
    }
    article.uses_lowercase(&lower, 1) || (!name && dictionary::is_root(&lower))
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
