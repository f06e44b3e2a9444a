//! Related briefings: for each briefing, the few that share the most telling tags and words.
//!
//! A shared tag counts by its rarity (an idf weight: a tag on half the archive says little),
//! a shared distinctive word of the title or summary counts the same way but less; closeness
//! in time breaks ties, then archive order. Candidates come from inverted indexes (tag →
//! briefings, word → briefings), never from comparing all pairs: a list longer than
//! [`WINDOW`] contributes only the briefings nearest in time, which are the ones the
//! tie-break would prefer anyway, so the work per briefing is bounded at any archive size.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::groups::Group;
use crate::content::Briefing;

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

/// The related lists of the last archive, kept by a rebuilding session: an edit that leaves
/// every briefing's date, title, summary and tags as they were (most edits of a body) keeps
/// them as they are.
#[derive(Debug, Default)]
pub struct Cache {
    /// The briefings the lists were made from, in archive order.
    made_from: Vec<Arc<Briefing>>,
    lists: Vec<Vec<usize>>,
}

impl Cache {
    pub fn related(
        &mut self,
        briefings: &[Arc<Briefing>],
        tags: &[Group],
        tags_of: &[Vec<usize>],
    ) -> Vec<Vec<usize>> {
        let same = self.made_from.len() == briefings.len()
            && self
                .made_from
                .iter()
                .zip(briefings)
                .all(|(old, new)| Arc::ptr_eq(old, new) || shows_the_same(old, new));
        if !same {
            self.lists = related(briefings, tags, tags_of);
            self.made_from = briefings.to_vec();
        }
        self.lists.clone()
    }
}

/// Whether two versions of a briefing rank the same: what ranking reads did not change.
fn shows_the_same(old: &Briefing, new: &Briefing) -> bool {
    (&old.slug, old.date, &old.title, &old.summary, &old.tags)
        == (&new.slug, new.date, &new.title, &new.summary, &new.tags)
}

/// For each briefing (by position, newest first), its related briefings, best first.
pub fn related(
    briefings: &[Arc<Briefing>],
    tags: &[Group],
    tags_of: &[Vec<usize>],
) -> Vec<Vec<usize>> {
    let words_of: Vec<Vec<String>> = briefings.par_iter().map(|b| distinctive_words(b)).collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, words) in words_of.iter().enumerate() {
        for word in words {
            postings.entry(word.as_str()).or_default().push(i);
        }
    }
    let n = briefings.len() as f64;
    let idf = |df: usize| (n / df as f64).ln();
    let common = (n * COMMON_WORD).max(2.0) as usize;
    let times: Vec<i64> = briefings.iter().map(|b| b.date.timestamp()).collect();
    (0..briefings.len())
        .into_par_iter()
        .map(|i| {
            let tag_lists = tags_of[i]
                .iter()
                .map(|&t| (tags[t].members.as_slice(), idf(tags[t].members.len())));
            let mut words: Vec<&[usize]> = words_of[i]
                .iter()
                .map(|w| postings[w.as_str()].as_slice())
                .filter(|list| list.len() > 1 && list.len() <= common)
                .collect();
            words.sort_by_key(|list| list.len());
            words.truncate(WORDS);
            let word_lists = words
                .into_iter()
                .map(|list| (list, WORD_WEIGHT * idf(list.len())));
            rank(&times, i, tag_lists.chain(word_lists))
        })
        .collect()
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

/// The briefing's distinct words of title and summary that can tell it apart.
fn distinctive_words(b: &Briefing) -> Vec<String> {
    let mut words: Vec<String> = format!("{} {}", b.title, b.summary)
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() >= MIN_WORD && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Indonesian and English words of four letters or more that any briefing may use.
const STOPWORDS: &[&str] = &[
    "akan", "antara", "atas", "bagi", "bahwa", "belum", "bisa", "dalam", "dari", "dengan", "hari",
    "harus", "juga", "kata", "kami", "karena", "kedua", "kepada", "ketika", "lagi", "lain", "lalu",
    "lebih", "masih", "menjadi", "mereka", "namun", "oleh", "pada", "para", "pekan", "saat",
    "sama", "sebagai", "sejak", "sudah", "tahun", "tanpa", "telah", "tentang", "tersebut", "untuk",
    "yang", "about", "after", "also", "been", "from", "have", "said", "that", "their", "there",
    "they", "this", "were", "when", "which", "will", "with", "would",
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
}
