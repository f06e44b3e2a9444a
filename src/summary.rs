//! Summaries: whole lead sentences, cut within a word budget, never mid-word.

use std::hash::Hasher;

/// Words whose final full stop does not end a sentence (compared lowercase, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "dll", "dsb", "dkk", "dst", "tsb", "yth", "no", "nos", "jl", "jln", "h", "hj", "dr", "drs",
    "prof", "ir", "sdr", "bpk", "ibu", "tn", "ny", "kh", "st", "mr", "mrs", "ms", "jr", "sr", "vs",
    "etc", "e.g", "i.e", "u.s", "a.s", "u.n", "p.m", "a.m", "gen", "lt", "col", "sen", "rep",
    "gov", "kol", "mayjen", "letjen", "brigjen", "pol", "jan", "feb", "mar", "apr", "jun", "jul",
    "agu", "aug", "sep", "sept", "okt", "oct", "nov", "des", "dec",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// Splits text into sentences, keeping each sentence's own punctuation and quotes.
pub(crate) fn split_sentences(text: &str) -> Vec<&str> {
    sentences(text, usize::MAX)
}

/// The first sentence of `text`, found without splitting the rest.
pub(crate) fn first_sentence(text: &str) -> Option<&str> {
    sentences(text, 1).into_iter().next()
}

/// Up to `limit` sentences of `text`, from its start.
fn sentences(text: &str, limit: usize) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some((pos, stop)) = next_stop(text, from) {
        // The sentence runs on through closing quotes and further stops (`?!`, `."`).
        let after_stop = &text[pos + stop.len_utf8()..];
        let closing = after_stop
            .find(|c: char| !(CLOSERS.contains(&c) || matches!(c, '.' | '!' | '?')))
            .unwrap_or(after_stop.len());
        let end_byte = text.len() - after_stop.len() + closing;
        from = end_byte;
        let after = &text[end_byte..];
        let next_is_space = after.starts_with(char::is_whitespace);
        let starts_sentence = after.chars().find(|c| !c.is_whitespace()).is_some_and(|f| {
            f.is_uppercase()
                || f.is_ascii_digit()
                || matches!(f, '"' | '“' | '\'' | '‘' | '(' | '[' | '«')
        });
        if next_is_space && starts_sentence && !(stop == '.' && is_abbreviation(&text[start..pos]))
        {
            push_trimmed(&mut sentences, &text[start..end_byte]);
            start = end_byte;
            if sentences.len() >= limit {
                return sentences;
            }
        }
    }
    push_trimmed(&mut sentences, &text[start..]);
    sentences
}

/// The next `.`, `!`, `?` or `…` in `text` from byte `from`, found by its bytes: a sentence
/// splitter reads every byte of every paragraph, and decoding each to a `char` cost more than
/// the rest of the splitting.
fn next_stop(text: &str, from: usize) -> Option<(usize, char)> {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        at += bytes[at..]
            .iter()
            .position(|b| matches!(b, b'.' | b'!' | b'?' | 0xE2))?;
        match bytes[at] {
            b'.' => return Some((at, '.')),
            b'!' => return Some((at, '!')),
            b'?' => return Some((at, '?')),
            _ if bytes[at..].starts_with(ELLIPSIS) => return Some((at, '…')),
            _ => at += 1,
        }
    }
}

fn push_trimmed<'a>(sentences: &mut Vec<&'a str>, piece: &'a str) {
    let piece = piece.trim();
    if !piece.is_empty() {
        sentences.push(piece);
    }
}

/// Whether the word just before a full stop is an abbreviation or an initial (`J.`).
pub(crate) fn is_abbreviation(before_stop: &str) -> bool {
    let word = before_stop
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    let single_initial = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    single_initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The lead sentences of `paragraphs`, ending at the sentence end nearest `max_words` (the
/// sentence that crosses the budget is taken when that leaves the summary nearer it); a
/// first sentence longer than the budget is cut at a word boundary and marked with an
/// ellipsis. A sentence that repeats one
/// already taken (a lead restated as the first paragraph) is skipped.
pub(crate) fn summarize<S: AsRef<str>>(paragraphs: &[S], max_words: usize) -> String {
    let mut taken: Vec<&str> = Vec::new();
    let mut seen: Vec<WordSet> = Vec::new();
    let mut words = 0;
    for sentence in paragraphs.iter().flat_map(|p| split_sentences(p.as_ref())) {
        let set = WordSet::of(sentence);
        if seen.iter().any(|s| s.near_duplicate(&set)) {
            continue;
        }
        let count = sentence.split_whitespace().count();
        if words + count > max_words {
            if taken.is_empty() {
                return cut_words(sentence, max_words);
            }
            // The sentence that crosses the budget is taken when it leaves the summary
            // nearer the budget than stopping short would.
            if words + count - max_words < max_words - words {
                taken.push(sentence);
            }
            break;
        }
        words += count;
        taken.push(sentence);
        seen.push(set);
    }
    taken.join(" ")
}

fn cut_words(sentence: &str, max_words: usize) -> String {
    let kept: Vec<&str> = sentence.split_whitespace().take(max_words).collect();
    let text = kept.join(" ");
    format!("{}…", text.trim_end_matches([',', ';', ':', '-', '—']))
}

/// Words in a text, as readers count them: runs between white space that hold a letter or
/// a digit.
pub(crate) fn word_count(text: &str) -> usize {
    // Bytes first: most words are ASCII, and only a word without an ASCII letter or digit
    // needs its characters read. (A loop over bytes that decodes only other characters was
    // measured half again slower than `split_whitespace`.)
    text.split_whitespace()
        .filter(|w| {
            w.bytes().any(|b| b.is_ascii_alphanumeric())
                || (!w.is_ascii() && w.chars().any(char::is_alphanumeric))
        })
        .count()
}

/// The lowercased words of a sentence, made once, for telling repeated sentences apart.
/// Held as the sorted hashes of the words, so making one costs no allocation per word.
pub(crate) struct WordSet(Vec<u64>);

impl WordSet {
    pub(crate) fn of(text: &str) -> WordSet {
        let mut hashes: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut hasher = rustc_hash::FxHasher::default();
                if w.is_ascii() {
                    for chunk in w.as_bytes().chunks(16) {
                        let mut lower = [0u8; 16];
                        for (l, b) in lower.iter_mut().zip(chunk) {
                            *l = b.to_ascii_lowercase();
                        }
                        hasher.write(&lower[..chunk.len()]);
                    }
                } else {
                    for c in w.chars().flat_map(char::to_lowercase) {
                        hasher.write_u32(c as u32);
                    }
                }
                hasher.finish()
            })
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        WordSet(hashes)
    }

    /// Whether two sentences say nearly the same (a lead repeated as the first paragraph).
    /// Short sentences are never taken for repeats: they share words by chance.
    pub(crate) fn near_duplicate(&self, other: &WordSet) -> bool {
        const MIN_WORDS: usize = 8;
        let smaller = self.0.len().min(other.0.len());
        if smaller < MIN_WORDS {
            return false;
        }
        let (mut a, mut b, mut shared) = (0, 0, 0);
        while a < self.0.len() && b < other.0.len() {
            match self.0[a].cmp(&other.0[b]) {
                std::cmp::Ordering::Less => a += 1,
                std::cmp::Ordering::Greater => b += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    a += 1;
                    b += 1;
                }
            }
        }
        shared * 10 >= smaller * 7
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split_sentences("Satu dua. Tiga empat! Lima?"),
            ["Satu dua.", "Tiga empat!", "Lima?"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        let text =
            "Rapat di Jl. Merdeka No. 5 dimulai pukul 18.45 WIB. Dr. Lee datang dll. Lalu pulang.";
        assert_eq!(
            split_sentences(text),
            [
                "Rapat di Jl. Merdeka No. 5 dimulai pukul 18.45 WIB.",
                "Dr. Lee datang dll. Lalu pulang."
            ]
        );
        assert_eq!(
            split_sentences("Kata J. Doe, hujan 2,5 mm. Ya."),
            ["Kata J. Doe, hujan 2,5 mm.", "Ya."]
        );
    }

    #[test]
    fn a_country_acronym_ends_a_sentence() {
        // `AS` is Amerika Serikat, not an initial: its full stop ends the sentence.
        assert_eq!(
            split_sentences("Kim menolak tawaran AS. Trump diam. H. Agus Salim datang."),
            [
                "Kim menolak tawaran AS.",
                "Trump diam.",
                "H. Agus Salim datang."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text = "\"Kami siap,\" kata Kim. \"Tidak ada janji lagi.\" Ri menutup pidato.";
        assert_eq!(
            split_sentences(text),
            [
                "\"Kami siap,\" kata Kim.",
                "\"Tidak ada janji lagi.\"",
                "Ri menutup pidato."
            ]
        );
    }

    #[test]
    fn tokenized_text_with_spaces_before_stops() {
        assert_eq!(
            split_sentences("Kim berbicara . Trump diam ."),
            ["Kim berbicara .", "Trump diam ."]
        );
    }

    #[test]
    fn summary_ends_at_the_sentence_end_nearest_the_budget() {
        let paragraphs = ["Satu dua tiga. Empat lima enam tujuh.", "Delapan."];
        assert_eq!(summarize(&paragraphs, 3), "Satu dua tiga.");
        // Stopping at 3 words is 2 short of 5; going on to 7 is 2 over: stop short.
        assert_eq!(summarize(&paragraphs, 5), "Satu dua tiga.");
        // 3 words are 3 short of 6, 7 words only 1 over: the second sentence is taken.
        assert_eq!(
            summarize(&paragraphs, 6),
            "Satu dua tiga. Empat lima enam tujuh."
        );
        assert_eq!(
            summarize(&paragraphs, 8),
            "Satu dua tiga. Empat lima enam tujuh. Delapan."
        );
    }

    #[test]
    fn a_restated_lead_is_taken_once() {
        let paragraphs = [
            "Kim menyerukan militer dan diplomat menyiapkan langkah ofensif jelang tenggat.",
            "Kim menyerukan militer dan diplomat menyiapkan langkah aktif dan ofensif jelang \
             tenggat. Rapat berlangsung lama.",
        ];
        assert_eq!(
            summarize(&paragraphs, 60),
            "Kim menyerukan militer dan diplomat menyiapkan langkah ofensif jelang tenggat. \
             Rapat berlangsung lama."
        );
    }

    #[test]
    fn long_first_sentence_is_cut_between_words() {
        let summary = summarize(&["Satu dua, tiga empat lima."], 2);
        assert_eq!(summary, "Satu dua…");
    }

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(word_count("Kim , Trump — dan Moon ."), 4);
    }

    /// Every kind of white space, words of letters from other scripts, digits alone, and
    /// punctuation glued to words or standing alone: counted as the runs between white
    /// space (`split_whitespace`) that hold a letter or digit.
    #[test]
    fn counts_as_the_runs_between_white_space_that_hold_a_letter_or_digit() {
        let texts = [
            "",
            "   ",
            "“Kami siap,” kata Kim\u{a0}Jong\u{2009}Un — 12\u{3000}Juni\u{b}2018 …",
            "Pyongyang\t\n\r\x0cSeoul\u{85}Hanoi\u{2028}平壤 Пхеньян ١٢",
            "«—» … !!! (AS) 2019/2020 e-mail d'Ivoire ,. ; x",
            "ende\u{200b}nicht\u{feff}leer",
        ];
        for text in texts {
            let runs = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(word_count(text), runs, "{text:?}");
        }
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
