//! Small helpers on raw text shared by the extractors.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

/// Text tokenized for machines (`Kim berbicara , kata dia .`) joined back as people write it.
pub fn detokenize(line: &str) -> Cow<'_, str> {
    // A no-break space inside a name (`CNBC\u{a0}Indonesia`), a dash split by a tokenizer
    // (`Jakarta, CNN Indonesia - - Komisi`).
    if line.contains(['\u{a0}']) || line.contains(" - - ") {
        let line = line.replace('\u{a0}', " ").replace(" - - ", " -- ");
        return Cow::Owned(detokenize(&line).into_owned());
    }
    static SPACE_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+([,.;:!?%)\]])(\s|$)").expect("valid pattern"));
    static SPACE_AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([(\[])\s+").expect("valid pattern"));
    let line = match SPACE_BEFORE.replace_all(line, "$1$2") {
        Cow::Borrowed(_) => Cow::Borrowed(line),
        Cow::Owned(s) => Cow::Owned(s),
    };
    match SPACE_AFTER.replace_all(&line, "$1") {
        Cow::Borrowed(_) => line,
        Cow::Owned(s) => Cow::Owned(s),
    }
}

/// `JAKARTA` → `Jakarta`; names already in mixed case are kept.
pub fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lowercased words of a sentence, made once, for telling repeated sentences apart.
pub struct WordSet(HashSet<String>);

impl WordSet {
    pub fn of(text: &str) -> WordSet {
        WordSet(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect(),
        )
    }

    /// Whether two sentences say nearly the same (a lead repeated as the first paragraph).
    /// Short sentences are never taken for repeats: they share words by chance.
    pub fn near_duplicate(&self, other: &WordSet) -> bool {
        const MIN_WORDS: usize = 8;
        let shared = self.0.intersection(&other.0).count();
        let smaller = self.0.len().min(other.0.len());
        smaller >= MIN_WORDS && shared * 10 >= smaller * 7
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_tokenized_punctuation() {
        assert_eq!(
            detokenize("Kim berbicara , kata ( AP ) dia ."),
            "Kim berbicara, kata (AP) dia."
        );
        assert_eq!(
            detokenize("Pukul 18.45 WIB, 2,5 mm."),
            "Pukul 18.45 WIB, 2,5 mm."
        );
        assert!(matches!(detokenize("Biasa saja."), Cow::Borrowed(_)));
    }

    #[test]
    fn title_cases_capitals_only() {
        assert_eq!(title_case("JAKARTA"), "Jakarta");
        assert_eq!(title_case("KUALA LUMPUR"), "Kuala Lumpur");
        assert_eq!(title_case("McAllen"), "McAllen");
    }

    #[test]
    fn near_duplicates() {
        let near_duplicate = |a, b| WordSet::of(a).near_duplicate(&WordSet::of(b));
        assert!(near_duplicate(
            "Kim menyerukan militer dan diplomat menyiapkan langkah ofensif jelang tenggat.",
            "Kim menyerukan militer dan diplomat menyiapkan langkah aktif dan ofensif."
        ));
        assert!(!near_duplicate(
            "Kalimat pembuka nomor 1 cukup panjang.",
            "Kalimat pembuka nomor 2 cukup panjang."
        ));
        assert!(!near_duplicate(
            "Kim tiba di Hanoi.",
            "Trump pulang ke Washington."
        ));
    }
}
