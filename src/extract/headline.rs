//! Titles: the headline a raw article opens with, or one made from its lead sentence.

use super::summary::is_abbreviation;

/// Whether a line reads as a headline: a few words, no final full stop, not a date or
/// outlet line.
pub fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let full_stop = line
        .strip_suffix('.')
        .is_some_and(|before| !before.ends_with("..") && !is_abbreviation(before));
    let ends_like_a_sentence = full_stop || line.ends_with([',', ';', ':']);
    let opens_well = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘".contains(c));
    (2..=20).contains(&words)
        && line.chars().count() <= 200
        && !ends_like_a_sentence
        && opens_well
        && !line.contains(" | ")
}

/// Words before which a clause starts, best places to cut a long sentence.
const CLAUSE_WORDS: &[&str] = &[
    "untuk",
    "karena",
    "setelah",
    "ketika",
    "saat",
    "sebelum",
    "sementara",
    "namun",
    "tetapi",
    "bahwa",
    "agar",
    "supaya",
    "sehingga",
    "meski",
    "meskipun",
    "walau",
    "jika",
    "usai",
    "jelang",
    "menjelang",
    "guna",
    "demi",
    "because",
    "after",
    "before",
    "while",
    "when",
    "although",
    "which",
    "but",
    "as",
];

/// Words that join phrases: second-best places to cut.
const JOINING_WORDS: &[&str] = &[
    "yang", "dengan", "dan", "atau", "serta", "that", "and", "with",
];

/// Words a title must not end on.
const DANGLING: &[&str] = &[
    "di", "ke", "dari", "dan", "yang", "untuk", "dengan", "pada", "oleh", "bagi", "atau", "akan",
    "para", "sang", "the", "of", "to", "a", "an", "and", "in", "on", "for", "at", "by",
];

/// A title of at most `max_words` made from a lead sentence: the whole sentence when short,
/// else cut at the last clause boundary that keeps at least five words, never mid-word.
pub fn title_from_lead(sentence: &str, max_words: usize) -> String {
    let sentence = sentence.trim().trim_end_matches(['.', '!', '?', '…']);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= max_words {
        return clean_end(&words);
    }
    let cut_before = |k: &usize, boundary: &dyn Fn(&str) -> bool| {
        let previous_closes = words[k - 1].ends_with([',', ';', ':']);
        previous_closes
            || boundary(&words[*k].to_lowercase())
            || words[*k].starts_with(['(', '—', '–'])
    };
    let candidates = 5..=max_words.min(words.len() - 1);
    let cut = candidates
        .clone()
        .rev()
        .find(|k| cut_before(k, &|w| CLAUSE_WORDS.contains(&w)))
        .or_else(|| {
            candidates
                .rev()
                .find(|k| cut_before(k, &|w| JOINING_WORDS.contains(&w)))
        })
        .unwrap_or(max_words);
    clean_end(&words[..cut])
}

fn clean_end(words: &[&str]) -> String {
    let mut words = words.to_vec();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    words
        .join(" ")
        .trim_end_matches([',', ';', ':', '-', '—', '–', ' '])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_and_not() {
        assert!(looks_like_headline(
            "Kim Jong-un Serukan Militer Korut Siapkan Langkah Ofensif"
        ));
        assert!(looks_like_headline("Akankah Kim Bertemu Trump Lagi?"));
        assert!(looks_like_headline(
            "North Korea says it has no interest in talks with U.S."
        ));
        assert!(!looks_like_headline(
            "Korea Utara bersumpah akan meningkatkan kekuatan militernya."
        ));
        assert!(!looks_like_headline(
            "CNN Indonesia | Selasa, 31/12/2019 18:19 WIB"
        ));
        assert!(!looks_like_headline("Korut"));
        assert!(!looks_like_headline("kata dia kepada wartawan"));
    }

    #[test]
    fn title_from_a_long_lead_cuts_at_a_clause() {
        assert_eq!(
            title_from_lead(
                "Korea Utara bersumpah akan meningkatkan kekuatan militernya untuk melawan apa \
                 yang dianggapnya sebagai ancaman dari Amerika Serikat (AS).",
                12
            ),
            "Korea Utara bersumpah akan meningkatkan kekuatan militernya"
        );
        assert_eq!(
            title_from_lead(
                "Pemimpin Korea Utara Kim Jong-un, yang jarang tampil di depan umum sejak \
                 pertemuan di Hanoi, tiba di Vladivostok.",
                12
            ),
            "Pemimpin Korea Utara Kim Jong-un"
        );
    }

    #[test]
    fn short_leads_are_whole_and_cuts_never_split_words() {
        assert_eq!(
            title_from_lead("Kim tiba di Hanoi.", 12),
            "Kim tiba di Hanoi"
        );
        let title = title_from_lead(
            "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas duabelas \
             tigabelas.",
            12,
        );
        assert_eq!(
            title,
            "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas duabelas"
        );
        assert_eq!(
            title_from_lead(
                "Rapat itu digelar oleh para menteri luar negeri dari negara di kawasan \
                 Asia Timur.",
                12
            ),
            "Rapat itu digelar oleh para menteri luar negeri dari negara di kawasan"
        );
        assert_eq!(
            title_from_lead(
                "Satu dua tiga empat lima enam tujuh delapan sembilan dari sebelas duabelas tigabelas.",
                10
            ),
            "Satu dua tiga empat lima enam tujuh delapan sembilan"
        );
    }
}
