//! Small helpers on raw text shared by the extractors.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// Text tokenized for machines (`Kim berbicara , kata dia .`) joined back as people write it.
pub(super) fn detokenize(line: &str) -> Cow<'_, str> {
    // A no-break space inside a name (`CNBC\u{a0}Indonesia`), a dash split by a tokenizer
    // (`Jakarta, CNN Indonesia - - Komisi`).
    if line.contains(['\u{a0}']) || line.contains(" - - ") {
        static NO_BREAK: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\s*\u{a0}\s*").expect("valid pattern"));
        let line = NO_BREAK.replace_all(line, " ").replace(" - - ", " -- ");
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
pub(super) fn title_case(name: &str) -> String {
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

/// The largest char boundary of `text` at or below `at`.
pub(super) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A line this long is prose, however it ends, unless it is written in title case.
pub(super) const PROSE_WORDS: usize = 12;
/// A line this long that ends a sentence is prose.
const SENTENCE_WORDS: usize = 6;

/// Whether `line` reads as prose: a sentence or more of the story, not a headline or menu.
pub(super) fn is_prose(line: &str) -> bool {
    prose_words(line) > 0
}

/// The words of `line` when it reads as prose, else 0.
pub(super) fn prose_words(line: &str) -> usize {
    prose_words_of(line, line.split_whitespace().count())
}

/// [`prose_words`] of a line of `words` words.
pub(super) fn prose_words_of(line: &str, words: usize) -> usize {
    let sentence = ends_a_sentence(line);
    let long = words >= PROSE_WORDS && !is_title_case(line);
    if long || (words >= SENTENCE_WORDS && sentence) {
        words
    } else {
        0
    }
}

/// Whether a sentence ends `line` (a desk's code or video box after it aside).
pub(super) fn ends_a_sentence(line: &str) -> bool {
    let line = without_closing_mark(line.trim()).trim_end_matches(['"', '”', '\'', '’', ')']);
    line.ends_with(['.', '!', '?', '…']) && line.chars().any(char::is_lowercase)
}

/// A line without what may close a story's last sentence: the desk's code (`(dea)`), a
/// video box (`[Gambas:Video CNN]`).
pub(super) fn without_closing_mark(line: &str) -> &str {
    const LONGEST: usize = 40;
    let open = match line.chars().last() {
        Some(')') => '(',
        Some(']') => '[',
        _ => return line,
    };
    match line.rfind(open) {
        Some(at) if line.len() - at <= LONGEST => line[..at].trim_end(),
        _ => line,
    }
}

/// Whether most words of `line` start with a capital, small joining words aside.
pub(super) fn is_title_case(line: &str) -> bool {
    const SMALL: &[&str] = &[
        "di", "ke", "dari", "dan", "yang", "untuk", "dengan", "soal", "atau", "pada", "oleh",
        "jadi", "usai", "jelang", "of", "the", "and", "to", "in", "on", "for", "at", "a", "an",
    ];
    let (mut words, mut capitalized) = (0, 0);
    for word in line.split_whitespace() {
        let first = word.chars().find(|c| c.is_alphabetic());
        if first.is_some_and(char::is_uppercase) {
            capitalized += 1;
        } else if SMALL.contains(&word) {
            continue;
        }
        words += 1;
    }
    words >= 3 && capitalized * 5 >= words * 4
}

/// Whether a quotation is open after `text`, given whether one was open before it: `“`
/// opens, `”` closes, a straight `"` does either.
pub(super) fn quoting_after(mut open: bool, text: &str) -> bool {
    for c in text.chars() {
        match c {
            '“' => open = true,
            '”' => open = false,
            '"' => open = !open,
            _ => {}
        }
    }
    open
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
        assert_eq!(
            detokenize("CNBC\u{a0}Indonesia dan Hongkong\u{a0} berkomitmen"),
            "CNBC Indonesia dan Hongkong berkomitmen"
        );
    }

    #[test]
    fn title_cases_capitals_only() {
        assert_eq!(title_case("JAKARTA"), "Jakarta");
        assert_eq!(title_case("KUALA LUMPUR"), "Kuala Lumpur");
        assert_eq!(title_case("McAllen"), "McAllen");
    }
}
