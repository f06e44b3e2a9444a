//! A briefing's text as a MinHash signature of its word pairs, with a sample of the names it
//! mentions: what lets the archive tell which briefings tell one event, or are one text twice,
//! without keeping or comparing their texts (see `archive::coverage`). Made once, when the file
//! is read.

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// Hashes in a signature: 64 estimate a Jaccard similarity within about ±0.06.
pub const HASHES: usize = 64;

/// The most names a print keeps: those of least hash, so that two texts naming the same
/// people and places keep the same ones.
pub const NAMES: usize = 32;

/// A text with fewer words is not compared: a two-line note shares too few word pairs with
/// anything for their share to mean the same event.
const FEWEST_WORDS: usize = 40;

/// The MinHash signature of a text's pairs of adjacent words (lowercase letters and digits).
///
/// One-permutation MinHash (Li, Owen and Zhang, 2012): each word pair is hashed once, the hash
/// picks one of [`HASHES`] bins, and each bin keeps the least hash it was given; a bin no pair
/// fell in takes the value of a filled bin chosen by its own fixed sequence of probes
/// (Shrivastava's optimal densification, 2017). Two texts' bins are then equal with a
/// probability equal to the share of word pairs they have in common, as with 64 hash
/// functions, at a 64th of the cost: a crate computing 64 hashes of every pair (gaoya's
/// `MinHasher32`) added 3 s of CPU to a cold build of 50,000 briefings.
///
/// Beside the bins, the hashes of the names the text mentions (runs of capitalised words), up
/// to [`NAMES`] of them: two tellings of one event worded apart share few word pairs, but the
/// rare names of the people and places they are about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Print {
    bins: Box<[u32]>,
    names: Box<[u32]>,
}

impl Print {
    /// The print of a body's paragraphs; `None` for a text too short to compare.
    pub fn of(paragraphs: &[String]) -> Option<Print> {
        let mut words: Vec<u64> = Vec::new();
        let mut names = Names::default();
        for paragraph in paragraphs {
            names.paragraph();
            let mut end = 0;
            for word in paragraph.split(|c: char| !c.is_alphanumeric()) {
                if word.is_empty() {
                    continue;
                }
                let start = word.as_ptr() as usize - paragraph.as_ptr() as usize;
                names.gap(&paragraph[end..start]);
                end = start + word.len();
                let hash = word_hash(word);
                names.word(hash, starts_with_capital(word));
                words.push(hash);
            }
        }
        if words.len() < FEWEST_WORDS {
            return None;
        }
        let mut bins = [None::<u32>; HASHES];
        for pair in words.windows(2) {
            let hash = mix(pair[0].rotate_left(29) ^ pair[1]);
            let bin = &mut bins[bin_of(hash)];
            // The low half of the hash is the value: the high half chose the bin.
            *bin = Some(bin.map_or(hash as u32, |least| least.min(hash as u32)));
        }
        let densified = (0..HASHES).map(|i| bins[i].unwrap_or_else(|| filled_for(i, &bins)));
        Some(Print {
            bins: densified.collect(),
            names: names.sample(),
        })
    }

    /// The estimated share of word pairs two texts have in common, from 0 to 1.
    pub fn similarity(&self, other: &Print) -> f64 {
        let same = self
            .bins
            .iter()
            .zip(&other.bins)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / HASHES as f64
    }

    /// The signature's hashes, in order.
    pub fn hashes(&self) -> &[u32] {
        &self.bins
    }

    /// The hashes of the names the text mentions (at most [`NAMES`]), in order.
    pub fn names(&self) -> &[u32] {
        &self.names
    }
}

/// The names of a text as it is read word by word: each run of capitalised words within a
/// sentence (`Kim Hak Song`, `Pangkalan Udara Andrews`, `PBB`), hashed from its words'
/// hashes. A lone capitalised word opening a sentence is any word there, and is left out.
#[derive(Default)]
struct Names {
    hashes: Vec<u32>,
    run: FxHasher,
    run_words: usize,
    run_opens_sentence: bool,
    sentence_start: bool,
}

impl Names {
    fn paragraph(&mut self) {
        self.flush();
        self.sentence_start = true;
    }

    /// What stands between two words: a sentence's end, or a comma or bracket, ends a run.
    fn gap(&mut self, gap: &str) {
        if gap == " " {
            return;
        }
        let ends_sentence = gap.contains(['.', '!', '?', ':', '"', '\u{201d}']);
        if ends_sentence || gap.contains([',', ';', '(', ')']) {
            self.flush();
        }
        self.sentence_start |= ends_sentence;
    }

    fn word(&mut self, hash: u64, capital: bool) {
        if !capital {
            self.flush();
        } else {
            if self.run_words == 0 {
                self.run_opens_sentence = self.sentence_start;
            }
            self.run.write_u64(hash);
            self.run_words += 1;
        }
        self.sentence_start = false;
    }

    fn flush(&mut self) {
        let run = std::mem::take(&mut self.run);
        if self.run_words > 1 || (self.run_words == 1 && !self.run_opens_sentence) {
            self.hashes.push(mix(run.finish()) as u32);
        }
        self.run_words = 0;
    }

    /// The [`NAMES`] names of least hash.
    fn sample(mut self) -> Box<[u32]> {
        self.flush();
        self.hashes.sort_unstable();
        self.hashes.dedup();
        self.hashes.truncate(NAMES);
        self.hashes.into()
    }
}

fn starts_with_capital(word: &str) -> bool {
    match word.as_bytes()[0] {
        first if first.is_ascii() => first.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The value an empty bin takes: that of the first filled bin its probes reach. A text has
/// at least one filled bin, and the probes of a bin are the same for every text.
fn filled_for(empty: usize, bins: &[Option<u32>; HASHES]) -> u32 {
    (0u64..)
        .find_map(|attempt| bins[bin_of(mix(((empty as u64) << 32) | attempt))])
        .unwrap_or_default()
}

fn bin_of(hash: u64) -> usize {
    (hash >> 32) as usize % HASHES
}

/// SplitMix64's finalizer: every bit of the input moves about half of the output's.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
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
    fn the_same_words_give_the_same_bins_whatever_the_case_and_punctuation() {
        let a = Print::of(&text("Kim tiba di Hanoi, kata juru bicara.", 8)).unwrap();
        let b = Print::of(&text("kim tiba di hanoi kata juru bicara", 8)).unwrap();
        assert_eq!(a.hashes(), b.hashes());
        assert_eq!(a.similarity(&b), 1.0);
    }

    #[test]
    fn texts_with_no_word_pair_in_common_are_not_alike() {
        let a = Print::of(&text("kereta lapis baja melintasi perbatasan", 10)).unwrap();
        let b = Print::of(&text("harga saham bank naik tajam pagi", 10)).unwrap();
        assert!(a.similarity(&b) < 0.1, "{}", a.similarity(&b));
    }

    #[test]
    fn the_share_of_bins_alike_estimates_the_share_of_word_pairs_alike() {
        // 400 distinct words; the second text keeps the first 240 of them and goes on with
        // 160 of its own: 239 of the 399 + 399 - 239 = 559 distinct pairs are shared.
        let words = |from: usize, to: usize| -> Vec<String> {
            vec![
                (from..to)
                    .map(|n| format!("kata{n}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            ]
        };
        let a = Print::of(&words(0, 400)).unwrap();
        let mut b = words(0, 240);
        b[0].push(' ');
        b[0].push_str(&words(1000, 1160)[0]);
        let b = Print::of(&b).unwrap();
        let truth = 239.0 / 559.0;
        let estimate = a.similarity(&b);
        assert!((estimate - truth).abs() < 0.15, "{estimate} for {truth}");
    }

    #[test]
    fn names_are_the_runs_of_capitals_within_sentences_wherever_they_stand() {
        let a = Print::of(&text(
            "Juru bicara mengatakan Kim Jong Un bertemu Moon Jae-in di Panmunjom pada pagi hari.",
            6,
        ))
        .unwrap();
        let b = Print::of(&text(
            "Pertemuan di Panmunjom mempertemukan Kim Jong Un dan Moon Jae-in setelah tertunda.",
            6,
        ))
        .unwrap();
        assert_eq!(a.names().len(), 3, "{:?}", a.names());
        assert_eq!(a.names(), b.names());
    }

    #[test]
    fn a_lone_capital_opening_a_sentence_is_no_name() {
        let print = Print::of(&text("Kemarin hujan turun deras sekali di kota itu.", 8)).unwrap();
        assert!(print.names().is_empty(), "{:?}", print.names());
    }

    #[test]
    fn a_short_text_has_no_print() {
        assert_eq!(Print::of(&text("Kim tiba di Hanoi.", 2)), None);
    }
}
