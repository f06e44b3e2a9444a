//! Case-insensitive patterns whose every match starts with one of a few words, searched fast.
//!
//! The regex crate finds no literal to skip ahead by in a case-insensitive alternation
//! (`(?i:dilansir|dikutip|...)`): it walks such a pattern through the whole text at about
//! 100 MB/s. Aho-Corasick finds the same words in any ASCII case six times faster. So the
//! words are found first, and the whole pattern is tried only where one of them starts,
//! anchored there.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};

/// A pattern and the words its matches start with.
pub(crate) struct Cued {
    cues: AhoCorasick,
    pattern: Regex,
}

impl Cued {
    /// `pattern`, every match of which starts with one of `cues` in some ASCII case. The
    /// cues are found without overlaps (which lets Aho-Corasick skip ahead): a cue that can
    /// start inside another's occurrence would be missed there.
    pub(crate) fn new(cues: &[&str], pattern: &str) -> Cued {
        Cued {
            cues: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostFirst)
                .build(cues)
                .expect("cue words build an automaton"),
            pattern: Regex::new(pattern).expect("valid cued pattern"),
        }
    }

    /// Where group `name` stands in each match, for the leftmost matches that do not
    /// overlap, in order: what `regex::Regex::captures_iter` would find.
    pub(crate) fn group_iter<'t>(
        &'t self,
        text: &'t str,
        name: &'t str,
    ) -> impl Iterator<Item = Range<usize>> + 't {
        let mut captures = self.pattern.create_captures();
        let mut searched_to = 0;
        self.cues.find_iter(text).filter_map(move |cue| {
            let start = cue.start();
            if start < searched_to {
                return None;
            }
            let input = Input::new(text).range(start..).anchored(Anchored::Yes);
            self.pattern.search_captures(&input, &mut captures);
            searched_to = captures.get_match()?.end();
            captures.get_group_by_name(name).map(|group| group.range())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_the_whole_pattern_finds() {
        let pattern = r"(?i:(?-u:\b)(?:dikutip|dilansir))\s+(?:dari\s+)?(?P<name>AFP|Reuters)";
        let cued = Cued::new(&["dikutip", "dilansir"], pattern);
        let whole = regex::Regex::new(pattern).unwrap();
        for text in [
            "Seperti DIKUTIP dari AFP, lalu dilansir Reuters.",
            "mendikutip AFP; Dilansir dari Reuters",
            "dikutip dari media lain, dilansir AFP",
            "",
            "dilansir",
        ] {
            let ours: Vec<&str> = cued.group_iter(text, "name").map(|r| &text[r]).collect();
            let theirs: Vec<&str> = whole
                .captures_iter(text)
                .map(|c| c.name("name").unwrap().as_str())
                .collect();
            assert_eq!(ours, theirs, "{text}");
        }
    }
}
