//! Related briefings: for each briefing, the few that share the most telling tags and words.
//!
//! A shared tag counts by its rarity (an idf weight: a tag on half the archive says little),
//! a shared distinctive word of the title or summary counts the same way but less; closeness
//! in time breaks ties, then archive order. Candidates come from inverted indexes (tag →
//! briefings, word → briefings), never from comparing all pairs: a list longer than
//! [`WINDOW`] contributes only the briefings nearest in time, which are the ones the
//! tie-break would prefer anyway, so the work per briefing is bounded at any archive size.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::groups::Group;
use super::read_reusing;
use crate::content::Briefing;
use crate::digest;
use crate::slug::slugify;

/// How many related briefings each one gets.
pub const RELATED: usize = 5;
/// The most members of one tag or word list looked at for one briefing.
const WINDOW: usize = 64;
/// A shared word weighs this much of a shared tag of the same rarity.
const WORD_WEIGHT: f64 = 0.5;
/// The least score that makes a briefing related: a tag on a quarter of the archive.
fn min_score() -> f64 {
    4f64.ln() - 1e-9
}
/// Words shorter than this are too common to tell anything.
const MIN_WORD: usize = 4;
/// A word in more than this share of the archive is not distinctive.
const COMMON_WORD: f64 = 0.05;
/// The most words of one briefing looked at: its rarest.
const WORDS: usize = 8;

/// The related lists of the last archive, kept by a rebuilding session and by the build
/// cache. An edit that leaves every briefing's date, title, summary and tags as they were
/// (most edits of a body) keeps them all; one that changes a title, summary or tags ranks
/// again only the briefings whose candidate lists it changed: those on a tag or word it
/// gained or lost. The build cache keeps the lists without the words (the bulk of them):
/// after it, such an edit ranks every briefing again.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Cache {
    /// What ranking read of the briefings the lists were made from, in archive order.
    made_from: Vec<Ranked>,
    /// Each one's distinctive words (see [`distinctive_words`]), while held.
    #[serde(skip)]
    words_of: Vec<Vec<u64>>,
    /// Word → the briefings (positions, ascending) that have it, while the words are held.
    #[serde(skip)]
    postings: Postings,
    /// The briefings `made_from` was read from: one still here (the same allocation, so the
    /// same text) is not read again.
    #[serde(skip)]
    seen: Vec<Arc<Briefing>>,
    lists: Vec<Vec<usize>>,
}

type Postings = FxHashMap<u64, Vec<usize>>;

impl Cache {
    pub fn related(
        &mut self,
        briefings: &[Arc<Briefing>],
        tags: &[Group],
        tags_of: &[Vec<usize>],
    ) -> Vec<Vec<usize>> {
        self.update(briefings, tags, tags_of);
        self.lists.clone()
    }

    /// Lets go of the words (most of what it holds), as the build cache keeps it: a later
    /// change of what ranking reads then ranks every briefing again.
    pub fn without_words(mut self) -> Cache {
        self.words_of = Vec::new();
        self.postings = Postings::default();
        self
    }

    /// Brings the lists up to date with `briefings`.
    fn update(&mut self, briefings: &[Arc<Briefing>], tags: &[Group], tags_of: &[Vec<usize>]) {
        let now = read_reusing(briefings, (&self.seen, &self.made_from), |_, b| {
            Ranked::of(b)
        });
        self.seen = briefings.to_vec();
        let before = std::mem::replace(&mut self.made_from, now);
        let words_held = self.words_of.len() == before.len();
        match changed(&before, &self.made_from) {
            Some(changed) if changed.is_empty() => {}
            Some(changed) if words_held => {
                self.rank_again(briefings, (tags, tags_of), &before, &changed)
            }
            _ => {
                self.words_of = briefings.par_iter().map(|b| distinctive_words(b)).collect();
                self.postings = postings(&self.words_of);
                let index = Index::new(briefings, tags, tags_of, &self.words_of, &self.postings);
                self.lists = (0..briefings.len())
                    .into_par_iter()
                    .map(|i| index.rank(i))
                    .collect();
            }
        }
    }

    /// Ranks again the changed briefings and every briefing on a tag or word one of them
    /// gained or lost: no other list can differ, since a ranking reads only the lists of
    /// its own tags and words, their lengths and the briefings' dates.
    fn rank_again(
        &mut self,
        briefings: &[Arc<Briefing>],
        (tags, tags_of): (&[Group], &[Vec<usize>]),
        before: &[Ranked],
        changed: &[usize],
    ) {
        let mut gained_or_lost_words: Vec<u64> = Vec::new();
        let mut gained_or_lost_tags: Vec<u64> = Vec::new();
        for &at in changed {
            let words = distinctive_words(&briefings[at]);
            let old = std::mem::replace(&mut self.words_of[at], words);
            let sorted = |words: &[u64]| {
                let mut words = words.to_vec();
                words.sort_unstable();
                words
            };
            for word in either_not_both(&sorted(&old), &sorted(&self.words_of[at])) {
                let list = self.postings.entry(word).or_default();
                match list.binary_search(&at) {
                    Ok(found) => _ = list.remove(found),
                    Err(place) => list.insert(place, at),
                }
                if list.is_empty() {
                    self.postings.remove(&word);
                }
                gained_or_lost_words.push(word);
            }
            let (old, new) = (&before[at].tags, &self.made_from[at].tags);
            gained_or_lost_tags.extend(either_not_both(old, new));
        }
        let index = Index::new(briefings, tags, tags_of, &self.words_of, &self.postings);
        let mut again: Vec<usize> = changed.to_vec();
        for word in &gained_or_lost_words {
            again.extend(index.postings.get(word).into_iter().flatten());
        }
        for group in tags {
            if gained_or_lost_tags.contains(&digest::of(&group.slug)) {
                again.extend(&group.members);
            }
        }
        again.sort_unstable();
        again.dedup();
        let lists: Vec<(usize, Vec<usize>)> =
            again.into_par_iter().map(|i| (i, index.rank(i))).collect();
        for (i, list) in lists {
            self.lists[i] = list;
        }
    }
}

/// The positions whose ranking inputs changed from `before` to `now`, or `None` when the
/// archive is not the same briefings at the same positions and dates (then every list is
/// made again).
fn changed(before: &[Ranked], now: &[Ranked]) -> Option<Vec<usize>> {
    if before.len() != now.len() {
        return None;
    }
    let mut changed = Vec::new();
    for (at, (old, new)) in before.iter().zip(now).enumerate() {
        if old.shown == new.shown {
            continue;
        }
        if old.place != new.place {
            return None;
        }
        changed.push(at);
    }
    Some(changed)
}

/// What ranking reads of a briefing, as digests (kept between builds): two versions with the
/// same `shown` rank the same.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Ranked {
    /// Its path and date: where it stands in the archive.
    place: u64,
    /// Its slug, date, title, summary and tags.
    shown: u64,
    /// Its tags' slugs (the groups it is a member of), each digested, sorted.
    tags: Vec<u64>,
}

impl Ranked {
    fn of(b: &Briefing) -> Ranked {
        let mut tags: Vec<u64> = b.tags.iter().map(|t| digest::of(slugify(t))).collect();
        tags.sort_unstable();
        Ranked {
            place: digest::of((&b.path, b.date)),
            shown: digest::of((&b.slug, b.date, &b.title, &b.summary, &b.tags)),
            tags,
        }
    }
}

/// The items of two sorted lists that only one of them holds.
fn either_not_both<T: Ord + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let only = |x: &[T], y: &[T]| {
        x.iter()
            .filter(|w| y.binary_search(w).is_err())
            .cloned()
            .collect::<Vec<_>>()
    };
    let mut both = only(a, b);
    both.extend(only(b, a));
    both
}

/// For each briefing (by position, newest first), its related briefings, best first.
pub fn related(
    briefings: &[Arc<Briefing>],
    tags: &[Group],
    tags_of: &[Vec<usize>],
) -> Vec<Vec<usize>> {
    let mut cache = Cache::default();
    cache.update(briefings, tags, tags_of);
    cache.lists
}

/// Word → the briefings (positions, ascending) that have it.
fn postings(words_of: &[Vec<u64>]) -> Postings {
    let mut postings = Postings::default();
    for (i, words) in words_of.iter().enumerate() {
        for &word in words {
            postings.entry(word).or_default().push(i);
        }
    }
    postings
}

/// What ranking reads: each briefing's tags and words, and who else has them.
struct Index<'a> {
    tags: &'a [Group],
    tags_of: &'a [Vec<usize>],
    words_of: &'a [Vec<u64>],
    postings: &'a Postings,
    times: Vec<i64>,
    /// How many briefings there are.
    n: f64,
    /// A word on more briefings than this is not distinctive.
    common: usize,
}

impl<'a> Index<'a> {
    fn new(
        briefings: &[Arc<Briefing>],
        tags: &'a [Group],
        tags_of: &'a [Vec<usize>],
        words_of: &'a [Vec<u64>],
        postings: &'a Postings,
    ) -> Self {
        let n = briefings.len() as f64;
        Index {
            tags,
            tags_of,
            words_of,
            postings,
            times: briefings.iter().map(|b| b.date.timestamp()).collect(),
            n,
            common: (n * COMMON_WORD).max(2.0) as usize,
        }
    }

    fn idf(&self, df: usize) -> f64 {
        (self.n / df as f64).ln()
    }

    /// Briefing `i`'s related briefings, best first.
    fn rank(&self, i: usize) -> Vec<usize> {
        let tag_lists = self.tags_of[i].iter().map(|&t| {
            let members = self.tags[t].members.as_slice();
            (members, self.idf(members.len()))
        });
        let mut words: Vec<&[usize]> = self.words_of[i]
            .iter()
            .map(|w| self.postings[w].as_slice())
            .filter(|list| list.len() > 1 && list.len() <= self.common)
            .collect();
        words.sort_by_key(|list| list.len());
        words.truncate(WORDS);
        let word_lists = words
            .into_iter()
            .map(|list| (list, WORD_WEIGHT * self.idf(list.len())));
        rank(&self.times, i, tag_lists.chain(word_lists))
    }
}

/// The best [`RELATED`] candidates for `i` from weighted lists of positions.
fn rank<'a>(
    times: &[i64],
    i: usize,
    lists: impl Iterator<Item = (&'a [usize], f64)>,
) -> Vec<usize> {
    let mut votes: Vec<(usize, f64)> = Vec::new();
    for (list, weight) in lists {
        if weight <= 0.0 {
            continue;
        }
        votes.extend(
            nearest(list, i)
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| (j, weight)),
        );
    }
    votes.sort_unstable_by_key(|&(j, _)| j);
    let mut scores: Vec<(usize, f64)> = Vec::with_capacity(votes.len());
    for (j, weight) in votes {
        match scores.last_mut() {
            Some((last, score)) if *last == j => *score += weight,
            _ => scores.push((j, weight)),
        }
    }
    let when = |j: usize| times[j].abs_diff(times[i]);
    let better = |a: &(usize, f64, u64), b: &(usize, f64, u64)| {
        b.1.total_cmp(&a.1)
            .then_with(|| a.2.cmp(&b.2))
            .then_with(|| a.0.cmp(&b.0))
    };
    // The best few of many candidates: kept sorted as they come, never sorting them all.
    let mut best: Vec<(usize, f64, u64)> = Vec::with_capacity(RELATED + 1);
    let floor = min_score();
    for (j, score) in scores.into_iter().filter(|&(_, s)| s >= floor) {
        if best.len() == RELATED && score < best[RELATED - 1].1 {
            continue;
        }
        let candidate = (j, score, when(j));
        if best.len() == RELATED && better(&candidate, &best[RELATED - 1]).is_ge() {
            continue;
        }
        let at = best.partition_point(|b| better(b, &candidate).is_lt());
        best.insert(at, candidate);
        best.truncate(RELATED);
    }
    best.into_iter().map(|(j, ..)| j).collect()
}

/// The members of `list` (positions, ascending) nearest in time to `i`: all of a short list,
/// or a window around where `i` falls in a long one.
fn nearest(list: &[usize], i: usize) -> &[usize] {
    if list.len() <= WINDOW {
        return list;
    }
    let at = list.partition_point(|&j| j < i);
    let start = at.saturating_sub(WINDOW / 2).min(list.len() - WINDOW);
    &list[start..start + WINDOW]
}

/// The briefing's distinct words of title and summary that can tell it apart, each by its
/// digest (the words of 50,000 briefings as strings took some 80 MB), in the words'
/// alphabetical order: ranking takes the rarest, and of words as rare, the first.
pub(super) fn distinctive_words(b: &Briefing) -> Vec<u64> {
    let mut text = String::new();
    let mut words: Vec<std::ops::Range<usize>> = Vec::new();
    each_distinctive_word(b, |word| {
        words.push(text.len()..text.len() + word.len());
        text.push_str(word);
    });
    words.sort_unstable_by(|a, b| text[a.clone()].cmp(&text[b.clone()]));
    words.dedup_by(|a, b| text[a.clone()] == text[b.clone()]);
    words
        .into_iter()
        .map(|word| digest::of_bytes(text[word].as_bytes()))
        .collect()
}

/// Calls `found` with each word of the briefing's title and summary that can tell it apart,
/// lowercased, in order and with repeats: one buffer for every word, since this runs over
/// every briefing of the archive.
fn each_distinctive_word(b: &Briefing, mut found: impl FnMut(&str)) {
    let mut lower = String::new();
    let words = [&b.title, &b.summary]
        .into_iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric() && c != '-'));
    for word in words {
        // A word's bytes are at least its letters: most short words go without counting.
        let short = word.len() < MIN_WORD || word.chars().count() < MIN_WORD;
        if short || word.bytes().all(|c| c.is_ascii_digit()) {
            continue;
        }
        lower.clear();
        match word.is_ascii() {
            true => {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            }
            false => lower.push_str(&word.to_lowercase()),
        }
        if STOPWORDS.binary_search(&lower.as_str()).is_err() {
            found(&lower);
        }
    }
}

/// Indonesian and English words of four letters or more that any briefing may use, sorted
/// (searched by halves).
const STOPWORDS: &[&str] = &[
    "about", "after", "akan", "also", "antara", "atas", "bagi", "bahwa", "been", "belum", "bisa",
    "dalam", "dari", "dengan", "from", "hari", "harus", "have", "juga", "kami", "karena", "kata",
    "kedua", "kepada", "ketika", "lagi", "lain", "lalu", "lebih", "masih", "menjadi", "mereka",
    "namun", "oleh", "pada", "para", "pekan", "saat", "said", "sama", "sebagai", "sejak", "sudah",
    "tahun", "tanpa", "telah", "tentang", "tersebut", "that", "their", "there", "they", "this",
    "untuk", "were", "when", "which", "will", "with", "would", "yang",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Archive;
    use crate::archive::test_support::briefing;

    fn slugs(archive: &Archive, of: usize) -> Vec<&str> {
        archive.related[of]
            .iter()
            .map(|&j| archive.briefings[j].slug.as_str())
            .collect()
    }

    #[test]
    fn stopwords_are_sorted_for_their_search() {
        assert!(STOPWORDS.is_sorted());
    }

    #[test]
    fn distinctive_words_are_lowercased_without_numbers_or_stopwords_and_digested_once_each_in_order()
     {
        let mut b = (*briefing("x", "2019-02-28T10:00:00+07:00", &[])).clone();
        b.title = "Perundingan DAMAI di Hanoi yang diundur".into();
        b.summary = "Perundingan 2019 Ekonomi-politik Ölçü akan Hanoi".into();
        let mut words = Vec::new();
        each_distinctive_word(&b, |word| words.push(word.to_string()));
        assert_eq!(
            words,
            [
                "perundingan",
                "damai",
                "hanoi",
                "diundur",
                "perundingan",
                "ekonomi-politik",
                "ölçü",
                "hanoi"
            ]
        );
        let alphabetical = [
            "damai",
            "diundur",
            "ekonomi-politik",
            "hanoi",
            "perundingan",
            "ölçü",
        ];
        let digests: Vec<u64> = alphabetical
            .iter()
            .map(|word| digest::of_bytes(word.as_bytes()))
            .collect();
        assert_eq!(distinctive_words(&b), digests);
    }

    #[test]
    fn a_rare_shared_tag_relates_and_a_common_one_alone_does_not() {
        let mut all = vec![
            briefing(
                "hanoi",
                "2019-02-28T10:00:00+07:00",
                &["Korea", "KTT Hanoi"],
            ),
            briefing(
                "hanoi-2",
                "2019-02-27T10:00:00+07:00",
                &["Korea", "KTT Hanoi"],
            ),
            briefing("dekat", "2019-02-28T09:00:00+07:00", &["Korea"]),
        ];
        for n in 0..6 {
            all.push(briefing(
                &format!("lain-{n}"),
                "2018-01-01T10:00:00+07:00",
                &["Korea"],
            ));
            all.push(briefing(
                &format!("jauh-{n}"),
                "2018-01-01T10:00:00+07:00",
                &["Iran"],
            ));
        }
        let archive = Archive::new(all);
        let hanoi = archive
            .briefings
            .iter()
            .position(|b| b.slug == "hanoi")
            .unwrap();
        assert_eq!(slugs(&archive, hanoi), ["hanoi-2"]);
        let dekat = archive
            .briefings
            .iter()
            .position(|b| b.slug == "dekat")
            .unwrap();
        assert!(
            slugs(&archive, dekat).is_empty(),
            "`Korea` is on most briefings"
        );
    }

    #[test]
    fn among_equals_the_nearest_in_time_comes_first() {
        let mut all = vec![
            briefing("hanoi", "2019-02-28T10:00:00+07:00", &["KTT Hanoi"]),
            briefing("jauh", "2019-01-27T10:00:00+07:00", &["KTT Hanoi"]),
            briefing("dekat", "2019-02-27T10:00:00+07:00", &["KTT Hanoi"]),
        ];
        for n in 0..12 {
            all.push(briefing(
                &format!("lain-{n}"),
                "2018-01-01T10:00:00+07:00",
                &["Iran"],
            ));
        }
        let archive = Archive::new(all);
        assert_eq!(slugs(&archive, 0), ["dekat", "jauh"]);
    }

    #[test]
    fn long_lists_look_only_near_in_time() {
        let list: Vec<usize> = (0..1000).collect();
        assert_eq!(nearest(&list, 500).len(), WINDOW);
        assert!(nearest(&list, 500).contains(&500));
        assert_eq!(nearest(&list, 0)[0], 0);
        assert_eq!(*nearest(&list, 999).last().unwrap(), 999);
        assert_eq!(nearest(&list[..10], 3), &list[..10]);
    }

    /// Titles, summaries and tags edited one after another, a cache kept throughout: every
    /// step's related lists and facet indexes (kept across a title edit, made again after a
    /// tag edit) equal those made from scratch.
    #[test]
    fn lists_ranked_again_after_edits_equal_lists_made_afresh() {
        // Rare words (a few briefings each), so word lists count, beside common tags.
        let words: Vec<String> = (0..150).map(|n| format!("kata{n}")).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        const TAGS: &[&str] = &["Korea Utara", "KTT Hanoi", "Sanksi", "Rudal", "Kim Jong-un"];
        let mut seed: u64 = 11;
        let mut below = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % n as u64) as usize
        };
        let pick = |below: &mut dyn FnMut(usize) -> usize, from: &[&str], n: usize| {
            (0..n)
                .map(|_| from[below(from.len())].to_string())
                .collect::<Vec<_>>()
        };
        // Every briefing starts with words and a tag of its own.
        let mut all: Vec<Arc<Briefing>> = (0..120)
            .map(|n| {
                let date = format!("2019-{:02}-{:02}T10:00:00+07:00", 1 + n % 12, 1 + n % 28);
                let mut b = (*briefing(&format!("k{n:03}"), &date, &[])).clone();
                b.title = pick(&mut below, &words, 3).join(" ");
                b.tags = vec![TAGS[below(TAGS.len())].to_string()];
                Arc::new(b)
            })
            .collect();
        let mut cache = crate::archive::Cache::default();
        for step in 0..150 {
            if step > 0 {
                let at = below(all.len());
                let mut edited = (*all[at]).clone();
                match below(3) {
                    0 => edited.title = pick(&mut below, &words, 3).join(" "),
                    1 => edited.summary = pick(&mut below, &words, 6).join(" "),
                    _ => {
                        let mut tags = pick(&mut below, TAGS, 2);
                        tags.dedup();
                        edited.tags = tags;
                    }
                }
                all[at] = Arc::new(edited);
            }
            let kept = Archive::reusing(all.clone(), &mut cache);
            let afresh = Archive::new(all.clone());
            assert_eq!(kept.related, afresh.related, "step {step}");
            for facet in crate::archive::Facet::ALL {
                assert_eq!(kept.groups(facet), afresh.groups(facet), "step {step}");
                for i in 0..all.len() {
                    assert_eq!(kept.groups_of(facet, i), afresh.groups_of(facet, i));
                }
            }
        }
    }
}
