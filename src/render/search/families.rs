//! Indonesian word families in the search index. Pagefind stems words with Snowball, which
//! reads `berunding` as `ber-` + `unding` but leaves `runding` whole, so a root and the words
//! built on it can miss each other. After the first word of each family a briefing's text
//! holds, the index is given the family's other forms that Snowball stems differently, each
//! marked [`HIDDEN`]: the search page never shows them and moves their highlight onto the word
//! before, which is the word the reader's query found.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use pagefind_stem::{Algorithm, Stemmer};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::extract::dictionary;

/// Opens a word only the index reads (the search page drops it). A combining mark that counts
/// as a letter: Pagefind keeps it in the word, so the word is not split as a compound, then
/// drops it with the other diacritics, so the word is indexed as if it were not there.
pub const HIDDEN: char = '\u{345}';

/// The affixes Indonesian builds most words with: each prefix with the suffixes it takes. `N`
/// is the nasal of `meN-` and `peN-`; `ber-`, `per-` and `ter-` lose their `r` before a root
/// that starts with one (`be` + `runding`).
const AFFIXES: &[(&str, &[&str])] = &[
    ("", &["", "kan", "an", "i"]),
    ("ber", &["", "kan", "an"]),
    ("di", &["", "kan", "i"]),
    ("ter", &[""]),
    ("ke", &["an"]),
    ("per", &["an"]),
    ("memper", &["kan", "i"]),
    ("diper", &["kan", "i"]),
    ("meN", &["", "kan", "i"]),
    ("peN", &["", "an"]),
];
/// The nasal of `meN-` and `peN-` by the root's first letter, and whether that letter is
/// dropped (`me` + `ny` + `sapu` without `s` = `menyapu`).
const NASALS: &[(&str, &str, bool)] = &[
    ("aeiou", "ng", false),
    ("gh", "ng", false),
    ("k", "ng", true),
    ("bfv", "m", false),
    ("p", "m", true),
    ("cdjz", "n", false),
    ("t", "n", true),
    ("s", "ny", true),
];
/// A stem cut shorter than this would reach too many words by prefix.
const SHORTEST_CUT: usize = 3;

static SNOWBALL: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Indonesian));

/// A word as the index reads it: the root of its family and its own Snowball stem, as ids.
#[derive(Clone, Copy)]
struct Reading {
    root: u32,
    stem: u32,
}

/// What a shard's texts share while their families are found: how each word reads, and each
/// root's hidden forms.
#[derive(Default)]
pub struct Families {
    /// By each letter run as written; none for a word of no root.
    readings: FxHashMap<Box<str>, Option<Reading>>,
    /// Each root and stem met, by id, and the other way.
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    /// By root id: the forms to add, each with the id of the stem it gives.
    forms: FxHashMap<u32, Vec<(u32, Box<str>)>>,
}

/// A family in one text: where its first word ends, its root, the stems its words give.
struct Met {
    end: usize,
    root: u32,
    stems: Vec<u32>,
}

impl Families {
    /// `text` with the hidden forms after the first word of each family that needs them.
    pub fn widen(&mut self, text: &str) -> String {
        let mut met: Vec<Met> = Vec::new();
        let mut by_root: FxHashMap<u32, usize> = FxHashMap::default();
        for word in text.split_whitespace() {
            // `word` is a slice of `text`: where it ends there.
            let end = word.as_ptr() as usize - text.as_ptr() as usize + word.len();
            for part in parts(word) {
                let Some(Reading { root, stem }) = self.reading(part) else {
                    continue;
                };
                let at = *by_root.entry(root).or_insert_with(|| {
                    met.push(Met {
                        end,
                        root,
                        stems: Vec::new(),
                    });
                    met.len() - 1
                });
                if !met[at].stems.contains(&stem) {
                    met[at].stems.push(stem);
                }
            }
        }
        let mut widened = String::with_capacity(text.len() + text.len() / 4);
        let mut copied = 0;
        for family in met {
            let missing = self
                .forms(family.root)
                .iter()
                .filter(|(stem, _)| !family.stems.contains(stem));
            for (_, form) in missing {
                widened.push_str(&text[copied..family.end]);
                copied = family.end;
                widened.push(' ');
                widened.push(HIDDEN);
                widened.push_str(form);
            }
        }
        widened.push_str(&text[copied..]);
        widened
    }

    fn reading(&mut self, part: &str) -> Option<Reading> {
        if let Some(reading) = self.readings.get(part) {
            return *reading;
        }
        let lower = part.to_lowercase();
        let reading = dictionary::root_of(&lower).map(|root| Reading {
            root: self.id(&root),
            stem: self.id(&SNOWBALL.stem(&lower)),
        });
        self.readings.insert(part.into(), reading);
        reading
    }

    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).expect("fewer than 2^32 distinct words");
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    fn forms(&mut self, root: u32) -> &[(u32, Box<str>)] {
        if !self.forms.contains_key(&root) {
            let by_stem = forms_by_stem(&self.names[root as usize].clone());
            let forms = by_stem
                .into_iter()
                .map(|(stem, form)| (self.id(&stem), form.into_boxed_str()))
                .collect();
            self.forms.insert(root, forms);
        }
        &self.forms[&root]
    }
}

/// The letter runs of a word as Pagefind reads them (`Jong-un` is `Jong`, `un`); a word with
/// digits is left alone.
fn parts(word: &str) -> impl Iterator<Item = &str> {
    word.split(|c: char| !c.is_alphanumeric())
        .filter(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
}

/// The words Indonesian builds on `root`, one for each Snowball stem a reader's query could
/// give and a text of the family might lack (the shortest such word, so the index stays
/// small): the root's own stem, and stems where Snowball took a prefix together with the
/// root's first letters (`berunding` gives `unding`, `mengirim` gives `irim`). Stems cut at
/// the end (`bertemu` gives `berte`, the `-mu` read as "your") or holding the whole root
/// (`pertemukan` gives `temuk`, reached from the root by prefix) are left out, and so is a
/// stem another root's words give too, so that a search for those words does not find this
/// family (`menemui` gives `emu`).
fn forms_by_stem(root: &str) -> BTreeMap<String, String> {
    let own = SNOWBALL.stem(root).into_owned();
    let mut forms = stems_of_forms(root);
    forms.retain(|stem, _| {
        *stem == own
            || (stem.len() >= SHORTEST_CUT
                && root.ends_with(stem.as_str())
                && stem != root
                && OWNERS.get(stem) == Some(&Some(root)))
    });
    forms
}

/// Each Snowball stem the affixed forms of `root` give, with the shortest form that gives it.
fn stems_of_forms(root: &str) -> BTreeMap<String, String> {
    let mut by_stem: BTreeMap<String, String> = BTreeMap::new();
    for form in affixed(root) {
        let stem = SNOWBALL.stem(&form).into_owned();
        let shorter = by_stem
            .get(&stem)
            .is_none_or(|kept| (form.len(), &form) < (kept.len(), kept));
        if shorter {
            by_stem.insert(stem, form);
        }
    }
    by_stem
}

/// For each stem the word list's roots give through their forms, the one root that gives it,
/// or none when several do.
static OWNERS: LazyLock<FxHashMap<String, Option<&'static str>>> = LazyLock::new(|| {
    let mut roots: Vec<&'static str> = dictionary::roots().collect();
    roots.sort_unstable();
    let stems: Vec<(&'static str, Vec<String>)> = roots
        .par_iter()
        .map(|&root| (root, stems_of_forms(root).into_keys().collect()))
        .collect();
    let mut owners: FxHashMap<String, Option<&'static str>> = FxHashMap::default();
    for (root, stems) in stems {
        for stem in stems {
            owners
                .entry(stem)
                .and_modify(|owner| {
                    if *owner != Some(root) {
                        *owner = None;
                    }
                })
                .or_insert(Some(root));
        }
    }
    owners
});

/// `root` with each pair of affixes.
fn affixed(root: &str) -> impl Iterator<Item = String> + '_ {
    AFFIXES.iter().flat_map(move |(prefix, suffixes)| {
        let start = match prefix.strip_suffix('N') {
            Some(nasal_prefix) => format!("{nasal_prefix}{}", nasalised(root)),
            None => match prefix.strip_suffix('r') {
                Some(short) if root.starts_with('r') => format!("{short}{root}"),
                _ => format!("{prefix}{root}"),
            },
        };
        suffixes.iter().map(move |s| format!("{start}{s}"))
    })
}

/// `root` after the nasal of `meN-` and `peN-` (`sapu` → `nyapu`, `runding` → `runding`).
fn nasalised(root: &str) -> String {
    let Some(first) = root.chars().next() else {
        return String::new();
    };
    match NASALS.iter().find(|(letters, ..)| letters.contains(first)) {
        Some((_, nasal, true)) => format!("{nasal}{}", &root[first.len_utf8()..]),
        Some((_, nasal, false)) => format!("{nasal}{root}"),
        None => root.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stems Pagefind indexes for `text`, hidden forms included.
    fn indexed(text: &str) -> Vec<String> {
        text.split_whitespace()
            .flat_map(parts)
            .map(|w| {
                let bare: String = w.chars().filter(|&c| c != HIDDEN).collect();
                SNOWBALL.stem(&bare.to_lowercase()).into_owned()
            })
            .collect()
    }

    #[test]
    fn a_text_is_found_by_every_form_of_its_words() {
        let family = [
            "runding",
            "berunding",
            "perundingan",
            "merundingkan",
            "dirundingkan",
        ];
        for word in family {
            let text = Families::default().widen(&format!("Kedua pihak {word} lagi."));
            let stems = indexed(&text);
            for query in family {
                let stem = SNOWBALL.stem(query);
                assert!(stems.iter().any(|s| *s == stem), "{query} misses {text}");
            }
        }
    }

    #[test]
    fn hidden_forms_follow_the_first_word_of_a_family_only() {
        let text = Families::default().widen("Perundingan, lalu perundingan lagi; Jong-un.");
        let hidden: Vec<&str> = text.split(' ').filter(|w| w.starts_with(HIDDEN)).collect();
        assert!(!hidden.is_empty(), "{text}");
        assert!(
            text.starts_with(&format!("Perundingan, {HIDDEN}")),
            "{text}"
        );
        assert!(text.ends_with(" lalu perundingan lagi; Jong-un."), "{text}");
        let shown: Vec<&str> = text.split(' ').filter(|w| !w.starts_with(HIDDEN)).collect();
        assert_eq!(
            shown.join(" "),
            "Perundingan, lalu perundingan lagi; Jong-un."
        );
    }

    #[test]
    fn words_without_a_root_are_left_alone() {
        let text = "Jong Un di Panmunjom 2019, Washington.";
        assert_eq!(Families::default().widen(text), text);
    }

    #[test]
    fn nasals_join_roots_as_indonesian_writes_them() {
        for (root, joined) in [
            ("sapu", "nyapu"),
            ("pukul", "mukul"),
            ("temu", "nemu"),
            ("kirim", "ngirim"),
            ("ambil", "ngambil"),
            ("runding", "runding"),
            ("beli", "mbeli"),
        ] {
            assert_eq!(nasalised(root), joined);
        }
    }
}
