//! Tags for a raw article: the named entities it is about, ranked by salience.
//!
//! Known entities come from a map of canonical names to aliases (built-in defaults plus the
//! site's `entities:`). Beyond the map, repeated proper-noun phrases and acronyms become
//! tags when they are seen at least twice and not only at the start of sentences.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use super::chrome;
use super::lexicon::{
    CONNECTORS, CURRENCIES, DEFAULT_ENTITIES, GENERIC_TERMS, ROLE_WORDS, STOP_WORDS,
};
use super::outlets;
use crate::summary::split_sentences;

/// The entity map, compiled: every alias finds its canonical name.
#[derive(Debug, Clone)]
pub struct Entities {
    matcher: Regex,
    canonical: HashMap<String, String>,
    /// Words of each canonical name and alias, for merging bare surnames (`Kim`).
    words: HashMap<String, Vec<String>>,
    /// Every word of every name and alias, for telling glued words apart.
    known_words: HashSet<String>,
}

impl Default for Entities {
    fn default() -> Self {
        Entities::new(&[])
    }
}

impl Entities {
    /// The built-in map with `extra` (canonical name → aliases) added; an alias written in
    /// `extra` wins over a built-in one.
    pub fn new(extra: &[(String, Vec<String>)]) -> Entities {
        let mut canonical: HashMap<String, String> = HashMap::new();
        let defaults = DEFAULT_ENTITIES.iter().map(|(name, aliases)| {
            let aliases: Vec<String> = aliases.iter().map(|a| a.to_string()).collect();
            (name.to_string(), aliases)
        });
        let mut words: HashMap<String, Vec<String>> = HashMap::new();
        for (name, aliases) in defaults.chain(extra.iter().cloned()) {
            for form in std::iter::once(&name).chain(&aliases) {
                canonical.insert(form.clone(), name.clone());
                words
                    .entry(name.clone())
                    .or_default()
                    .extend(form.split([' ', '-']).map(str::to_string));
            }
        }
        let mut forms: Vec<&String> = canonical.keys().collect();
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation: Vec<String> = forms.iter().map(|f| bounded(f)).collect();
        let matcher = Regex::new(&alternation.join("|")).expect("escaped aliases form a regex");
        let known_words = words.values().flatten().cloned().collect();
        Entities {
            matcher,
            canonical,
            words,
            known_words,
        }
    }

    /// The canonical name of `name` when it is a name or an alias in the map, as written
    /// (`AS` → `Amerika Serikat`).
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.canonical.get(name).map(String::as_str)
    }

    /// Whether `word` is a word of a name or alias in the map (`Budi`, `Korea`, `KCNA`).
    pub fn knows_word(&self, word: &str) -> bool {
        self.known_words.contains(word)
    }
}

/// An alias as a pattern that matches whole words only.
fn bounded(form: &str) -> String {
    let edge = |c: Option<char>| {
        if c.is_some_and(char::is_alphanumeric) {
            r"(?-u:\b)"
        } else {
            ""
        }
    };
    format!(
        "{}{}{}",
        edge(form.chars().next()),
        regex::escape(form),
        edge(form.chars().last())
    )
}

/// One sighting of a name.
#[derive(Debug, Clone, Copy)]
struct Sighting {
    order: usize,
    at_sentence_start: bool,
    in_lead: bool,
}

/// Tags for an article with this title and these paragraphs, at most `max`, best first.
/// Names in `exclude` (the outlet, cited agencies) and every known outlet or agency, also
/// glued to another name, are never tags.
pub(crate) fn tags(
    title: &str,
    paragraphs: &[String],
    entities: &Entities,
    exclude: &[String],
    max: usize,
) -> Vec<String> {
    let (mut known, runs) = sightings(paragraphs, entities);
    let mut found = phrases(&runs);
    merge_bare_words(&mut found, &mut known, entities);
    let excluded = |name: &str| {
        outlets::names_an_outlet(name) || exclude.iter().any(|e| e.eq_ignore_ascii_case(name))
    };
    let title_words = format!(
        " {} ",
        title.replace(|c: char| !c.is_alphanumeric() && c != '-', " ")
    );
    let known_in_title: Vec<&String> = entities
        .matcher
        .find_iter(title)
        .map(|m| &entities.canonical[m.as_str()])
        .collect();
    let in_title =
        |name: &str| known_in_title.iter().any(|n| *n == name) || has_word(&title_words, name);
    let mut scored: Vec<(usize, usize, String)> = Vec::new();
    let mut score = |name: &String, sightings: &[Sighting], from_map: bool| {
        let mentions = sightings.len();
        let mid_sentence = sightings.iter().any(|s| !s.at_sentence_start);
        // The cheap tests first: most runs of capitals are seen once.
        if (!from_map && (mentions < 2 || !mid_sentence || is_noise(name))) || excluded(name) {
            return;
        }
        let lead = usize::from(sightings.iter().any(|s| s.in_lead));
        let value = mentions + 2 * usize::from(in_title(name)) + lead;
        if value >= 2 {
            let first = sightings
                .iter()
                .map(|s| s.order)
                .min()
                .unwrap_or(usize::MAX);
            scored.push((value, first, name.clone()));
        }
    };
    for (name, sightings) in &known {
        score(name, sightings, true);
    }
    for (name, sightings) in &found {
        if !known.contains_key(name) {
            score(name, sightings, false);
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    scored
        .into_iter()
        .take(max)
        .map(|(_, _, name)| name)
        .collect()
}

/// Whether `words` (spaced, with a space at each end) holds `name` between two spaces.
fn has_word(words: &str, name: &str) -> bool {
    words.match_indices(' ').any(|(at, _)| {
        words[at + 1..]
            .strip_prefix(name)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// Names, each with where it was seen.
type Seen = BTreeMap<String, Vec<Sighting>>;
/// A run of capitalised words, and where it was seen.
type Run = (Vec<String>, Sighting);

/// Every sighting of a known name (by its canonical form), and every run of capitalised
/// words outside known names, numbered in reading order.
fn sightings(paragraphs: &[String], entities: &Entities) -> (Seen, Vec<Run>) {
    let mut known = Seen::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut order = 0;
    for (p, paragraph) in paragraphs.iter().enumerate() {
        for (s, sentence) in split_sentences(paragraph).into_iter().enumerate() {
            let in_lead = p == 0 && s < 2;
            let mut masked = String::with_capacity(sentence.len());
            let mut last = 0;
            for m in entities.matcher.find_iter(sentence) {
                let name = &entities.canonical[m.as_str()];
                known.entry(name.clone()).or_default().push(Sighting {
                    order,
                    at_sentence_start: m.start() == 0,
                    in_lead,
                });
                order += 1;
                masked.push_str(&sentence[last..m.start()]);
                masked.push_str(" \u{1} ");
                last = m.end();
            }
            masked.push_str(&sentence[last..]);
            for (words, at_sentence_start) in capitalized_runs(&masked) {
                runs.push((
                    words,
                    Sighting {
                        order,
                        at_sentence_start,
                        in_lead,
                    },
                ));
                order += 1;
            }
        }
    }
    (known, runs)
}

/// A name that is no subject: a single letter, a currency, a generic term of law or
/// economics alone (`Pasal`, `PDB`), a section or navigation word (`News`, `Home`).
fn is_noise(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphanumeric()).count() <= 1
        || CURRENCIES.contains(&name)
        || GENERIC_TERMS.contains(&name)
        || name.split([' ', '-']).all(chrome::is_navigation_word)
}

/// [`STOP_WORDS`] as a set: every capitalized word of every sentence is looked up.
static STOPS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Runs of capitalized words in a sentence, each with whether it opens the sentence (or a
/// quotation). Role words at the start of a run are dropped.
fn capitalized_runs(sentence: &str) -> Vec<(Vec<String>, bool)> {
    let mut runs = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut current_at_start = false;
    let mut flush = |current: &mut Vec<String>, at_start: bool| {
        while current
            .last()
            .is_some_and(|w| CONNECTORS.contains(&w.as_str()))
        {
            current.pop();
        }
        let first_name = current
            .iter()
            .position(|w| !ROLE_WORDS.contains(&w.as_str()));
        if let Some(first) = first_name {
            runs.push((current[first..].to_vec(), at_start && first == 0));
        }
        current.clear();
    };
    for (i, token) in sentence.split_whitespace().enumerate() {
        let opens = token.starts_with(['"', '“', '\'', '‘', '(', '[']);
        let word = token.trim_start_matches(['"', '“', '\'', '‘', '(', '[']);
        let closes = word.ends_with([',', '.', ';', ':', '!', '?', '"', '”', '\'', '’', ')', ']']);
        let word =
            word.trim_end_matches([',', '.', ';', ':', '!', '?', '"', '”', '\'', '’', ')', ']']);
        let capitalized = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_alphabetic)
            && !STOPS.contains(word);
        let connector = !current.is_empty() && CONNECTORS.contains(&word);
        if opens && !current.is_empty() {
            flush(&mut current, current_at_start);
        }
        if capitalized || connector {
            if current.is_empty() {
                current_at_start = i == 0 || opens;
            }
            current.push(word.to_string());
        } else {
            flush(&mut current, current_at_start);
        }
        if closes {
            flush(&mut current, current_at_start);
        }
    }
    flush(&mut current, current_at_start);
    runs
}

/// Each distinct run, sighted wherever it appears inside any run: `Partai Buruh` is also
/// seen in `Komite Pusat Partai Buruh`.
fn phrases(runs: &[Run]) -> Seen {
    let distinct: FxHashSet<&[String]> = runs.iter().map(|(w, _)| w.as_slice()).collect();
    let mut found: Seen = distinct
        .iter()
        .map(|phrase| (phrase.join(" "), Vec::new()))
        .collect();
    // Each run is sighted once for each phrase it holds: its windows that are phrases. A
    // name is a few words: longer windows are only the whole run, so a text of capitalized
    // words without end costs its length, not its square.
    for (words, sighting) in runs {
        let mut seen: FxHashSet<&[String]> = FxHashSet::default();
        for (at, window) in windows(words) {
            if distinct.contains(window)
                && seen.insert(window)
                && let Some(sightings) = found.get_mut(&window.join(" "))
            {
                sightings.push(Sighting {
                    at_sentence_start: sighting.at_sentence_start && at == 0,
                    ..*sighting
                });
            }
        }
    }
    found
}

/// The most words of a phrase looked for inside longer runs.
const NAME_WORDS: usize = 10;

/// Every window of `words` of up to [`NAME_WORDS`] words, and the whole, each with where it
/// starts, in order of where they start.
fn windows(words: &[String]) -> impl Iterator<Item = (usize, &[String])> {
    (0..words.len()).flat_map(move |at| {
        let longest = (words.len() - at).min(NAME_WORDS);
        let whole = (at == 0 && words.len() > NAME_WORDS).then_some(words.len());
        (1..=longest)
            .chain(whole)
            .map(move |len| (at, &words[at..at + len]))
    })
}

/// A bare word (`Kim`, `Ri`) that belongs to exactly one longer name in the article counts
/// as that name; one that belongs to several (`Korea`) is dropped.
fn merge_bare_words(found: &mut Seen, known: &mut Seen, entities: &Entities) {
    let bare: Vec<String> = found.keys().filter(|k| !k.contains(' ')).cloned().collect();
    for word in bare {
        let in_known = known
            .keys()
            .filter(|name| entities.words[*name].contains(&word) && name.as_str() != word);
        // A phrase seen only at sentence starts (`Pejabat Mongolia`) owns nothing.
        let in_found = found
            .iter()
            .filter(|(name, sightings)| {
                name.contains(' ')
                    && name.split(' ').any(|w| w == word)
                    && sightings.iter().any(|s| !s.at_sentence_start)
            })
            .map(|(name, _)| name);
        let owners: Vec<String> = in_known.chain(in_found).cloned().collect();
        match owners.as_slice() {
            [] => {}
            [owner] => {
                let sightings = found.remove(&word).unwrap_or_default();
                let target = if known.contains_key(owner) {
                    known.get_mut(owner)
                } else {
                    found.get_mut(owner)
                };
                if let Some(target) = target {
                    target.extend(sightings);
                }
            }
            _ => {
                found.remove(&word);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags_of(title: &str, text: &str) -> Vec<String> {
        let paragraphs: Vec<String> = text.lines().map(str::to_string).collect();
        tags(title, &paragraphs, &Entities::default(), &[], 6)
    }

    #[test]
    fn aliases_count_for_their_entity() {
        let tags = tags_of(
            "Korut Kecam AS",
            "Korut menuding AS ingkar. Pejabat North Korea menyebut Washington lalai.\n\
             Trump membalas lewat Twitter. Trump menyebut Kim Jong Un temannya.",
        );
        assert_eq!(
            tags[..3],
            ["Korea Utara", "Amerika Serikat", "Donald Trump"]
        );
    }

    #[test]
    fn repeated_proper_nouns_become_tags() {
        let tags = tags_of(
            "Rapat Pleno Berakhir",
            "Sidang Presidium Majelis Rakyat Tertinggi dibuka.\n\
             Delegasi dari Mongolia datang. Pejabat Mongolia memuji Majelis Rakyat Tertinggi.\n\
             Namun tidak ada pernyataan. Namun rapat berlanjut.",
        );
        assert!(
            tags.contains(&"Majelis Rakyat Tertinggi".to_string()),
            "{tags:?}"
        );
        assert!(tags.contains(&"Mongolia".to_string()), "{tags:?}");
        assert!(!tags.contains(&"Namun".to_string()), "{tags:?}");
        assert!(
            !tags
                .iter()
                .any(|t| t.contains("Presidium") || t.contains("Pejabat")),
            "{tags:?}"
        );
    }

    #[test]
    fn once_is_not_enough_and_roles_are_not_names() {
        let tags = tags_of(
            "Pertemuan",
            "Menteri Luar Negeri Ri Son Gwon tiba di Swedia. Kata Ri, rapat penting. \
             Menurut Ri, Menteri Luar Negeri akan pulang.",
        );
        assert!(tags.contains(&"Ri Son-gwon".to_string()), "{tags:?}");
        assert!(!tags.iter().any(|t| t.contains("Menteri")), "{tags:?}");
        assert!(!tags.contains(&"Swedia".to_string()), "{tags:?}");
    }

    #[test]
    fn bare_surname_joins_the_only_full_name() {
        let tags = tags_of(
            "Kim Jong-un Berpidato",
            "Kim Jong-un berpidato. Pidato Kim panjang. Lalu Kim pulang.",
        );
        assert_eq!(tags, ["Kim Jong-un"]);
    }

    #[test]
    fn outlets_and_excluded_names_are_not_tags() {
        let paragraphs = vec![
            "Laporan KCNA dikutip AFP. Menurut KCNA dan AFP, rapat usai di Pyongyang.".to_string(),
            "Warga Pyongyang bersorak.".to_string(),
        ];
        let tags = tags(
            "Rapat",
            &paragraphs,
            &Entities::default(),
            &["Pyongyang".into()],
            6,
        );
        assert!(tags.is_empty(), "{tags:?}");
    }

    #[test]
    fn site_map_adds_and_overrides() {
        let extra = vec![("Amerika".to_string(), vec!["AS".to_string()])];
        let entities = Entities::new(&extra);
        let paragraphs = vec!["AS marah. Lalu AS diam.".to_string()];
        assert_eq!(tags("", &paragraphs, &entities, &[], 6), ["Amerika"]);
    }

    #[test]
    fn keeps_the_most_salient() {
        let paragraphs = vec![
            "Korut dan AS bertemu. Korut kecewa. AS diam. Korut pulang. Trump marah. Trump pergi."
                .to_string(),
        ];
        assert_eq!(
            tags("", &paragraphs, &Entities::default(), &[], 2),
            ["Korea Utara", "Amerika Serikat"]
        );
    }
}
