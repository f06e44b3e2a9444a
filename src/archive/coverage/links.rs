//! The links coverage groups are made of: pairs of briefings at most [`WINDOW_DAYS`] apart
//! whose prints have a band in common and share at least [`SAME_EVENT`] of their word pairs.
//! A full build finds them through buckets of bands; a rebuild keeps the last build's links and
//! looks again only around the briefings whose print or day changed, which gives the same
//! links (the same three tests, on the pairs that could have changed).

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{SAME_EVENT, WINDOW_DAYS};
use crate::archive::read_reusing;
use crate::content::Briefing;
use crate::content::print::{HASHES, Print};
use crate::digest;

/// Hashes per band: two briefings are compared when a band of their prints is equal. Two
/// hashes in 32 bands bring up 87% of pairs sharing a quarter of their word pairs, 99% of
/// those sharing 40%, and few pairs sharing little.
const ROWS: usize = 2;
const _: () = assert!(HASHES.is_multiple_of(ROWS));

/// Past this share of briefings changed, a rebuild finds every link again.
const MOST_CHANGED: usize = 8;

/// Two briefings (positions in the archive, the lesser first) and the share of word pairs
/// they have in common.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub(super) struct Link {
    pub pair: (usize, usize),
    pub alike: f64,
}

impl Link {
    /// The link between the briefings at `a` and `b` (the lesser first), when both have a
    /// print and their prints share at least `least` of their word pairs.
    pub(super) fn at_least(
        briefings: &[Arc<Briefing>],
        (a, b): (usize, usize),
        least: f64,
    ) -> Option<Link> {
        let (x, y) = (briefings[a].print.as_ref()?, briefings[b].print.as_ref()?);
        let alike = x.similarity(y);
        (alike >= least).then_some(Link {
            pair: (a, b),
            alike,
        })
    }
}

/// The links of the last build and what they were found from. Kept by a rebuilding session
/// and by the build cache.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Cache {
    /// Each briefing's path, print and day, in that archive's order.
    seen: Vec<Seen>,
    /// The briefings themselves, while held: one still here (the same allocation) is not
    /// digested again.
    #[serde(skip)]
    briefings: Vec<Arc<Briefing>>,
    links: Vec<Link>,
}

/// A briefing's path, and its print with its day, each as a digest.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
struct Seen {
    place: u64,
    print: u64,
}

impl Cache {
    /// What linking reads of each of `briefings`, digested anew only for those not held as
    /// they are.
    fn seen_now(&self, briefings: &[Arc<Briefing>], days: &[i32]) -> Vec<Seen> {
        read_reusing(briefings, (&self.briefings, &self.seen), |i, b| Seen {
            place: digest::of(&b.path),
            print: digest::of((&b.print, days[i])),
        })
    }
}

/// Every link of `briefings`, in no order.
pub(super) fn alike_pairs(
    briefings: &[Arc<Briefing>],
    days: &[i32],
    cache: &mut Cache,
) -> Vec<Link> {
    let seen = cache.seen_now(briefings, days);
    let links = match changed_since(&cache.seen, &seen) {
        Some((kept, changed)) if changed.len() <= briefings.len() / MOST_CHANGED => {
            relinked(&cache.links, &kept, &changed, briefings, days)
        }
        _ => bucketed(briefings, days),
    };
    cache.seen = seen;
    cache.briefings = briefings.to_vec();
    cache.links = links.clone();
    links
}

/// For each briefing of the last build, its position now; and the positions of briefings
/// that are new or whose print or day changed. `None` when there was no last build.
fn changed_since(last: &[Seen], now: &[Seen]) -> Option<(Vec<Option<usize>>, Vec<usize>)> {
    if last.is_empty() {
        return None;
    }
    let same_places =
        last.len() == now.len() && last.iter().zip(now).all(|(a, b)| a.place == b.place);
    let kept: Vec<Option<usize>> = match same_places {
        true => (0..last.len()).map(Some).collect(),
        false => {
            let at: FxHashMap<u64, usize> =
                now.iter().enumerate().map(|(i, b)| (b.place, i)).collect();
            last.iter().map(|b| at.get(&b.place).copied()).collect()
        }
    };
    let mut was: Vec<Option<&Seen>> = vec![None; now.len()];
    for (old, new) in last.iter().zip(&kept) {
        if let Some(new) = *new {
            was[new] = Some(old);
        }
    }
    let changed = (0..now.len())
        .filter(|&i| was[i].is_none_or(|old| old.print != now[i].print))
        .collect();
    Some((kept, changed))
}

/// The day a briefing was told, as a number of days.
pub(super) fn day(b: &Briefing) -> i32 {
    chrono::Datelike::num_days_from_ce(&b.date.date_naive())
}

/// The last build's links between briefings that did not change, at their positions now,
/// and the links of the changed ones found again within their window.
fn relinked(
    last: &[Link],
    kept: &[Option<usize>],
    changed: &[usize],
    briefings: &[Arc<Briefing>],
    days: &[i32],
) -> Vec<Link> {
    let mut is_changed = vec![false; briefings.len()];
    for &i in changed {
        is_changed[i] = true;
    }
    let mut links: Vec<Link> = last
        .iter()
        .filter_map(|link| {
            let (a, b) = (kept[link.pair.0]?, kept[link.pair.1]?);
            (!is_changed[a] && !is_changed[b]).then_some(Link {
                pair: (a.min(b), a.max(b)),
                alike: link.alike,
            })
        })
        .collect();
    for &i in changed {
        // Newest first: the window's briefings are the run of days within reach of `i`'s.
        let first = days.partition_point(|&d| d > days[i] + WINDOW_DAYS);
        let end = days.partition_point(|&d| d >= days[i] - WINDOW_DAYS);
        // A pair of two changed briefings is found once, from its lesser position.
        let others = (first..end).filter(|&j| j != i && !(is_changed[j] && j < i));
        links.extend(others.filter_map(|j| link(briefings, i.min(j), i.max(j))));
    }
    links
}

/// The link between two briefings, if they have a band in common and share enough.
fn link(briefings: &[Arc<Briefing>], a: usize, b: usize) -> Option<Link> {
    let (x, y) = (briefings[a].print.as_ref()?, briefings[b].print.as_ref()?);
    let banded = (0..HASHES / ROWS).any(|band| band_of(x, band) == band_of(y, band));
    banded.then(|| Link::at_least(briefings, (a, b), SAME_EVENT))?
}

/// Every link, found through buckets of equal bands, each walked in date order within the
/// window: never all pairs. One band at a time, so the buckets take a band's room, not 32.
fn bucketed(briefings: &[Arc<Briefing>], days: &[i32]) -> Vec<Link> {
    let bands = HASHES / ROWS;
    let mut pairs: Vec<(usize, usize)> = (0..bands)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut bucket: Vec<(&[u32], i32, usize)> = briefings
                .iter()
                .enumerate()
                .filter_map(|(i, b)| Some((band_of(b.print.as_ref()?, band), days[i], i)))
                .collect();
            bucket.sort_unstable();
            let mut pairs = Vec::new();
            for same in bucket.chunk_by(|a, b| a.0 == b.0) {
                for (n, &(_, day, i)) in same.iter().enumerate() {
                    let near = same[n + 1..]
                        .iter()
                        .take_while(|e| e.1 - day <= WINDOW_DAYS);
                    pairs.extend(near.map(|&(.., j)| (i.min(j), i.max(j))));
                }
            }
            pairs
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
        .into_par_iter()
        .filter_map(|pair| Link::at_least(briefings, pair, SAME_EVENT))
        .collect()
}

/// The hashes of one band of a print.
fn band_of(print: &Print, band: usize) -> &[u32] {
    &print.hashes()[band * ROWS..(band + 1) * ROWS]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::test_support::{briefing, parsed_again, read_back};

    /// A briefing of `day` May 2018 whose body is 60 words of `own`'s.
    fn told(slug: &str, day: u32, own: &str) -> Arc<Briefing> {
        let date = format!("2018-05-{day:02}T10:00:00+07:00");
        let mut b = Arc::unwrap_or_clone(briefing(slug, &date, &[]));
        let words: Vec<String> = (0..60).map(|n| format!("{own}{n}")).collect();
        b.print = Print::of(&[words.join(" ")]);
        Arc::new(b)
    }

    fn pairs(briefings: &[Arc<Briefing>], cache: &mut Cache) -> Vec<(usize, usize)> {
        let days: Vec<i32> = briefings.iter().map(|b| day(b)).collect();
        let mut found: Vec<_> = alike_pairs(briefings, &days, cache)
            .iter()
            .map(|link| link.pair)
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn links_read_back_from_their_bytes_are_kept_where_no_print_changed() {
        let mut briefings = vec![told("a", 20, "alfa"), told("b", 20, "alfa")];
        let others = ["beta", "gamma", "delta", "eko", "foxtrot", "golf", "hotel"];
        briefings.extend(
            others
                .iter()
                .zip(1..)
                .map(|(own, day)| told(own, 20 - day, own)),
        );
        let mut cache = Cache::default();
        assert_eq!(pairs(&briefings, &mut cache), [(0, 1)]);

        // A link planted between two texts alike in nothing is still there: the links of
        // briefings whose print did not change were taken, not found again.
        let mut planted = read_back(&cache);
        planted.links.push(Link {
            pair: (0, 2),
            alike: 0.5,
        });
        assert_eq!(
            pairs(&parsed_again(&briefings), &mut planted),
            [(0, 1), (0, 2)]
        );

        // A briefing now telling the first text is linked as a fresh build links it.
        let mut edited = parsed_again(&briefings);
        edited[2] = told("beta", 19, "alfa");
        let again = pairs(&edited, &mut read_back(&cache));
        assert_eq!(again, pairs(&edited, &mut Cache::default()));
        assert_eq!(again, [(0, 1), (0, 2), (1, 2)]);
    }
}
