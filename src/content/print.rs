//! A briefing's text as a MinHash signature of its word pairs: what lets the archive tell which
//! briefings tell one event, or are one text twice, without keeping or comparing their texts
//! (see `archive::coverage`). Made once, when the file is read.

use std::hash::Hasher;
use std::sync::LazyLock;

use gaoya::minhash::{MinHasher, MinHasher32};

use rustc_hash::{FxBuildHasher, FxHasher};

/// Hashes in a signature: 64 estimate a Jaccard similarity within about ±0.06.
pub const HASHES: usize = 64;

/// A text with fewer words is not compared: a two-line note shares too few word pairs with
/// anything for their share to mean the same event.
const FEWEST_WORDS: usize = 40;

static HASHER: LazyLock<MinHasher32<FxBuildHasher>> =
    LazyLock::new(|| MinHasher32::new_with_hasher(HASHES, FxBuildHasher));

/// The MinHash signature of a text's pairs of adjacent words (lowercase letters and digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Print(Box<[u32]>);

impl Print {
    /// The print of a body's paragraphs; `None` for a text too short to compare.
    pub fn of(paragraphs: &[String]) -> Option<Print> {
        let words: Vec<u64> = paragraphs
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(word_hash)
            .collect();
        let pairs = words.windows(2).map(|w| w[0].rotate_left(29) ^ w[1]);
        (words.len() >= FEWEST_WORDS).then(|| Print(HASHER.create_signature(pairs).into()))
    }

    /// The estimated share of word pairs two texts have in common, from 0 to 1.
    pub fn similarity(&self, other: &Print) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The signature's hashes, in order.
    pub fn hashes(&self) -> &[u32] {
        &self.0
    }
}

/// A word's hash, whatever its case: hashed as it is read rather than lowercased into a new
/// string, which took a third of a print's time.
fn word_hash(word: &str) -> u64 {
    const SHORT: usize = 24;
    let mut hasher = FxHasher::default();
    if word.len() <= SHORT && word.is_ascii() {
        let mut lower = [0u8; SHORT];
        for (to, from) in lower.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        hasher.write(&lower[..word.len()]);
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            hasher.write_u32(c.into());
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(words: &str, times: usize) -> Vec<String> {
        vec![vec![words; times].join(" ")]
    }

    #[test]
    fn the_same_words_give_the_same_print_whatever_the_case_and_punctuation() {
        let a = Print::of(&text("Kim tiba di Hanoi, kata juru bicara.", 8)).unwrap();
        let b = Print::of(&text("kim tiba di hanoi kata juru bicara", 8)).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.similarity(&b), 1.0);
    }

    #[test]
    fn texts_with_no_word_pair_in_common_are_not_alike() {
        let a = Print::of(&text("kereta lapis baja melintasi perbatasan", 10)).unwrap();
        let b = Print::of(&text("harga saham bank naik tajam pagi", 10)).unwrap();
        assert!(a.similarity(&b) < 0.1, "{}", a.similarity(&b));
    }

    #[test]
    fn a_short_text_has_no_print() {
        assert_eq!(Print::of(&text("Kim tiba di Hanoi.", 2)), None);
    }
}
