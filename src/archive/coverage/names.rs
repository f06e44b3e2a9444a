//! The links of tellings worded apart: two outlets writing one event in their own words share
//! few word pairs (a tenth, where a rewritten wire story shares a quarter or more), but they
//! name the same people, firms and places, names few other briefings of those days carry.
//! Two briefings at most [`WINDOW_DAYS`] apart that share [`SHARED_NAMES`] such names and at
//! least [`NAMED_EVENT`] of their word pairs are linked. Candidates come from the names' lists
//! of briefings, each walked in date order: never all pairs.

use std::sync::Arc;

use rayon::prelude::*;

use super::WINDOW_DAYS;
use super::links::Link;
use crate::archive::read_reusing;
use crate::content::Briefing;
use crate::content::print::Print;
use crate::digest;

/// The share of word pairs two tellings sharing rare names have at least: above what two
/// unrelated texts of one language share by their common phrases.
pub(super) const NAMED_EVENT: f64 = 0.10;
/// The fewest rare names two tellings share: one or two come together by chance (a venue,
/// a firm in the day's market report).
pub(super) const SHARED_NAMES: usize = 3;
/// The least share of the rare names of the briefing naming fewer that the other names too:
/// two reports of one tournament day, or of one morning on the exchange, share a few rare
/// names, but each has its own match or its own stocks.
pub(super) const NAMES_ALIKE: f64 = 0.5;
/// A name is rare for a briefing when at most this many briefings within [`WINDOW_DAYS`] of
/// it carry it: a name every report of the week carries (the summit's city) tells the week,
/// not the event.
pub(super) const RARE: usize = 3;

/// The last build's briefings and days, and the pairs of them sharing enough rare names: an
/// edit that leaves every briefing's names and day as they were leaves those pairs too. Kept
/// by a rebuilding session and by the build cache.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Cache {
    /// Each briefing's path, names and day, by one digest, in that archive's order.
    seen: Vec<u64>,
    /// The briefings themselves, while held: one still here (the same allocation) is not
    /// digested again.
    #[serde(skip)]
    briefings: Vec<Arc<Briefing>>,
    sharing: Vec<(usize, usize)>,
}

impl Cache {
    /// What finding pairs reads of each of `briefings`, digested anew only for those not
    /// held as they are.
    fn seen_now(&self, briefings: &[Arc<Briefing>], days: &[i32]) -> Vec<u64> {
        read_reusing(briefings, (&self.briefings, &self.seen), |i, b| {
            digest::of((&b.path, names(b), days[i]))
        })
    }
}

/// The names a briefing's print keeps, if it has one.
fn names(b: &Briefing) -> Option<&[u32]> {
    b.print.as_ref().map(Print::names)
}

/// Every pair of briefings sharing enough rare names and word pairs, the lesser position
/// first, in order of pairs.
pub(super) fn named_pairs(
    briefings: &[Arc<Briefing>],
    days: &[i32],
    cache: &mut Cache,
) -> Vec<Link> {
    let seen = cache.seen_now(briefings, days);
    if seen != cache.seen {
        cache.sharing = sharing_rare_names(briefings, days);
        cache.seen = seen;
    }
    cache.briefings = briefings.to_vec();
    cache
        .sharing
        .iter()
        .filter_map(|&pair| Link::at_least(briefings, pair, NAMED_EVENT))
        .collect()
}

/// The pairs of briefings sharing at least [`SHARED_NAMES`] rare names, and at least
/// [`NAMES_ALIKE`] of the rare names of the one naming fewer.
fn sharing_rare_names(briefings: &[Arc<Briefing>], days: &[i32]) -> Vec<(usize, usize)> {
    let mut carried: Vec<(u32, i32, usize)> = briefings
        .iter()
        .enumerate()
        .filter_map(|(i, b)| Some((names(b)?, days[i], i)))
        .flat_map(|(names, day, i)| names.iter().map(move |&name| (name, day, i)))
        .collect();
    carried.par_sort_unstable();
    let found: Vec<Rare> = carried
        .par_chunk_by(|a, b| a.0 == b.0)
        .map(rare_for)
        .collect();
    let mut own = vec![0usize; briefings.len()];
    for i in found.iter().flat_map(|rare| &rare.carriers) {
        own[*i] += 1;
    }
    let mut pairs: Vec<(usize, usize)> = found.into_iter().flat_map(|rare| rare.pairs).collect();
    pairs.par_sort_unstable();
    pairs
        .chunk_by(|a, b| a == b)
        .filter(|same| {
            let (a, b) = same[0];
            let fewer = own[a].min(own[b]) as f64;
            same.len() >= SHARED_NAMES && same.len() as f64 >= NAMES_ALIKE * fewer
        })
        .map(|same| same[0])
        .collect()
}

/// Of one name: the briefings it is rare for, and the pairs of them at most [`WINDOW_DAYS`]
/// apart.
struct Rare {
    carriers: Vec<usize>,
    pairs: Vec<(usize, usize)>,
}

/// [`Rare`] of the briefings carrying one name, in date order.
fn rare_for(carriers: &[(u32, i32, usize)]) -> Rare {
    let around = |day: i32| {
        let from = carriers.partition_point(|c| c.1 < day - WINDOW_DAYS);
        let to = carriers.partition_point(|c| c.1 <= day + WINDOW_DAYS);
        to - from
    };
    let rare: Vec<(i32, usize)> = carriers
        .iter()
        .filter(|c| around(c.1) <= RARE)
        .map(|c| (c.1, c.2))
        .collect();
    let mut pairs = Vec::new();
    for (k, &(day, i)) in rare.iter().enumerate() {
        let near = rare[k + 1..]
            .iter()
            .take_while(|c| c.0 - day <= WINDOW_DAYS);
        pairs.extend(near.map(|&(_, j)| (i.min(j), i.max(j))));
    }
    Rare {
        carriers: rare.into_iter().map(|(_, i)| i).collect(),
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::coverage::links::day;
    use crate::archive::test_support::{briefing, parsed_again, read_back};

    const NAMED: &str = "Kemarin Kim Hak Song, Tony Kim dan Kim Dong Chul mendarat di Pangkalan \
        Udara Andrews bersama Mike Pompeo.";

    /// A briefing of 9 May 2018 whose body is `text` and 45 words of `own`'s.
    fn told(slug: &str, text: &str, own: &str) -> Arc<Briefing> {
        let mut b = Arc::unwrap_or_clone(briefing(slug, "2018-05-09T10:00:00+07:00", &[]));
        let words: Vec<String> = (0..45).map(|n| format!("{own}{n}")).collect();
        b.print = Print::of(&[format!("{text} {}", words.join(" "))]);
        Arc::new(b)
    }

    fn pairs(briefings: &[Arc<Briefing>], cache: &mut Cache) -> Vec<(usize, usize)> {
        let days: Vec<i32> = briefings.iter().map(|b| day(b)).collect();
        let links = named_pairs(briefings, &days, cache);
        links.iter().map(|link| link.pair).collect()
    }

    #[test]
    fn a_rebuild_keeps_the_pairs_only_while_the_names_stand() {
        let mut cache = Cache::default();
        let mut briefings = vec![told("a", NAMED, "alfa"), told("b", NAMED, "beta")];
        assert_eq!(pairs(&briefings, &mut cache), [(0, 1)]);
        // Other words, the same names: the pairs kept, their words alike read again from the
        // prints (with "gamma" words, the print puts them under a tenth).
        for (words, linked) in [("delta", true), ("gamma", false)] {
            briefings[1] = told("b", NAMED, words);
            let kept = pairs(&briefings, &mut cache);
            assert_eq!(kept, pairs(&briefings, &mut Cache::default()));
            assert_eq!(kept == [(0, 1)], linked, "{words}: {kept:?}");
        }
        briefings[1] = told("b", "", "beta");
        let again = pairs(&briefings, &mut cache);
        assert!(again.is_empty(), "{again:?}");
    }

    #[test]
    fn pairs_read_back_from_their_bytes_are_kept_while_the_names_stand() {
        let briefings = vec![
            told("a", NAMED, "alfa"),
            told("b", NAMED, "beta"),
            told("c", "", "alfa"),
        ];
        let mut cache = Cache::default();
        assert_eq!(pairs(&briefings, &mut cache), [(0, 1)]);
        let mut planted = read_back(&cache);
        // A pair naming no one in common but alike in words, planted: still there, so the
        // pairs were taken, not found again.
        planted.sharing.push((0, 2));
        let again = parsed_again(&briefings);
        assert_eq!(pairs(&again, &mut planted), [(0, 1), (0, 2)]);
    }

    #[test]
    fn a_name_few_carry_pairs_the_briefings_days_apart_within_the_window() {
        let found = rare_for(&[(7, 100, 4), (7, 102, 1), (7, 110, 0)]);
        assert_eq!(found.carriers, [4, 1, 0]);
        assert_eq!(found.pairs, [(1, 4)]);
    }

    #[test]
    fn a_name_many_carry_around_a_briefing_is_not_rare_there() {
        let found = rare_for(&[
            (7, 100, 9),
            (7, 100, 8),
            (7, 101, 7),
            (7, 103, 6),
            (7, 120, 5),
        ]);
        assert_eq!(found.carriers, [5]);
        assert!(found.pairs.is_empty());
    }
}
