//! How briefings of one story find each other. Two briefings are *linked* when they are at
//! most `gap_days` apart and share telling keys (tags and cited names, and less so
//! distinctive words of the title and summary): keys rare in the archive that come in a
//! burst around them ([`BURST`]), whose rarity adds up to [`LINK_SCORE`], at least two of
//! them or one gathered around the two. Candidates come from inverted indexes (key →
//! briefings, in date order) walked only within the gap, never from comparing all pairs.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::archive::groups::Group;
use crate::archive::related::distinctive_words;
use crate::archive::{read_reusing, set_root};
use crate::content::{Briefing, StoryMark};
use crate::digest;

/// A shared word weighs this much of a shared tag or name of the same rarity.
const WORD_WEIGHT: f64 = 0.5;
/// A key on more than this share of the archive tells nothing about a story.
const COMMON: f64 = 0.25;
/// The least shared rarity that links two briefings: one tag on a fifth of the archive, or
/// a rarer word with a commoner tag.
const LINK_SCORE: f64 = 1.5;
/// The fewest telling keys two linked briefings share, unless one is gathered around them:
/// one rare tag in common happens by chance; a story's briefings share its names, its
/// places and its words, or a name used nowhere else.
const SHARED_KEYS: usize = 2;
/// How much more often than by chance a key must come around a briefing to count there.
const BURST: f64 = 3.0;
/// The most briefings of one key's list looked at from one briefing.
const WINDOW: usize = 64;
/// The most words of one briefing looked at: its rarest.
const WORDS: usize = 8;

/// Marks the digest of a name (its lowest bit), setting it apart from a word's.
const NAME: u64 = 1;

/// What the last links were found from, and the links: each briefing's names and words as
/// digests (a name's with [`NAME`] set), so that a rebuild reads again only the briefings
/// that changed and links again only those an edit can reach. Kept by a rebuilding session
/// and by the build cache.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Cache {
    last: Option<Last>,
}

/// The last links and what they were found from, in that archive's order.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Last {
    /// Each briefing's path, by its digest.
    places: Vec<u64>,
    /// What linking read of each briefing (see [`seen`]).
    seen: Vec<u64>,
    /// The briefings themselves, while held: one still here (the same allocation) is not
    /// digested again.
    #[serde(skip)]
    briefings: Vec<Arc<Briefing>>,
    read: Vec<Arc<[u64]>>,
    /// Each briefing's tags, by the digest of their slugs.
    tags: Vec<Vec<u64>>,
    gap_days: u32,
    /// The days between the newest and the oldest briefing: a key's burst depends on them.
    span: Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)>,
    links: Vec<Vec<usize>>,
}

/// What linking reads of a briefing, as one digest: what its keys are read from, its tags,
/// its mark and its date and offset (its day is the local one).
fn seen(b: &Briefing) -> u64 {
    let date = (b.date.naive_local(), b.date.offset().local_minus_utc());
    digest::of((&b.title, &b.summary, &b.cited, &b.tags, &b.story, date))
}

/// The first and last briefings' instants.
fn span(briefings: &[Arc<Briefing>]) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
    let instant = |b: &Briefing| b.date.naive_utc();
    Some((instant(briefings.first()?), instant(briefings.last()?)))
}

impl Last {
    /// Each briefing's names and words, taken from the last build for those read as they
    /// are (`seen`), wherever they stand now (`places`).
    fn read(&self, briefings: &[Arc<Briefing>], places: &[u64], seen: &[u64]) -> Vec<Arc<[u64]>> {
        let was: FxHashMap<u64, usize> = self
            .places
            .iter()
            .enumerate()
            .map(|(j, &place)| (place, j))
            .collect();
        briefings
            .par_iter()
            .zip(places)
            .zip(seen)
            .map(|((b, place), &now)| match was.get(place) {
                Some(&j) if self.seen[j] == now => Arc::clone(&self.read[j]),
                _ => names_and_words(b).into(),
            })
            .collect()
    }

    /// The briefings whose links an edit since can have changed, when that can be told: the
    /// same briefings in the same places, as many and spanning the same days (a key's weight
    /// and burst depend on those), with few edited. An edited briefing's keys, before and
    /// after, are the keys whose counts and lists may have changed; the briefings carrying
    /// one of them are the only ones whose links may differ.
    fn reached(
        &self,
        (briefings, places, seen): (&[Arc<Briefing>], &[u64], &[u64]),
        read: &[Arc<[u64]>],
        tags: &[Vec<u64>],
        gap_days: u32,
    ) -> Option<Vec<usize>> {
        let same_places = self.gap_days == gap_days && self.places == places;
        if !same_places || self.span != span(briefings) {
            return None;
        }
        let edited: Vec<usize> = (0..briefings.len())
            .filter(|&i| self.seen[i] != seen[i])
            .collect();
        if edited.len() > briefings.len() / EDITED_AT_MOST {
            return None;
        }
        let moved: rustc_hash::FxHashSet<u64> = edited
            .iter()
            .flat_map(|&i| [&self.read[i][..], &read[i][..], &self.tags[i], &tags[i]])
            .flatten()
            .copied()
            .collect();
        let reached = (0..briefings.len())
            .into_par_iter()
            .filter(|&i| {
                let carries = |keys: &[u64]| keys.iter().any(|k| moved.contains(k));
                self.seen[i] != seen[i] || carries(&read[i]) || carries(&tags[i])
            })
            .collect();
        Some(reached)
    }
}

/// Past this share of the briefings edited, a rebuild links every briefing again.
const EDITED_AT_MOST: usize = 8;

/// A briefing's cited names and distinctive words, each by its digest; none for one kept
/// out of every story.
fn names_and_words(b: &Briefing) -> Vec<u64> {
    if b.story == StoryMark::Out {
        return Vec::new();
    }
    let mut keys: Vec<u64> = b
        .cited
        .iter()
        .map(|c| digest::of(c.to_lowercase()) | NAME)
        .collect();
    keys.extend(distinctive_words(b).into_iter().map(|word| word & !NAME));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Every briefing's telling keys, weighted, and the briefings of each key in archive order.
/// Names and words are numbered after the tags, and only the telling ones: most words of an
/// archive are in one briefing, or in a quarter of them.
struct Keys<'a> {
    /// The days from the oldest briefing to the newest, at least one.
    span_days: f64,
    /// Per briefing: (key, weight) pairs; tags are keys `0..tags.len()`.
    of: Vec<Vec<(usize, f64)>>,
    tags: &'a [Group],
    /// The briefings of each telling name or word, one list after the other: those of key
    /// `tags.len() + k` are `postings[ends[k - 1]..ends[k]]`.
    postings: Vec<usize>,
    ends: Vec<usize>,
}

impl<'a> Keys<'a> {
    fn new(
        briefings: &[Arc<Briefing>],
        tags: &'a [Group],
        tags_of: &[Vec<usize>],
        read: &[Arc<[u64]>],
    ) -> Self {
        let n = briefings.len() as f64;
        let telling = |df: usize| df >= 2 && df as f64 <= n * COMMON;
        let idf = |df: usize| (n / df as f64).ln();
        let mut counts: FxHashMap<u64, usize> = FxHashMap::default();
        for keys in read {
            for &key in keys.iter() {
                *counts.entry(key).or_default() += 1;
            }
        }
        // Telling keys numbered in archive order of first use, so the same at any thread
        // count, each list's place kept as its end.
        let mut numbered: FxHashMap<u64, usize> = FxHashMap::default();
        let mut ends: Vec<usize> = Vec::new();
        for &key in read.iter().flat_map(|keys| keys.iter()) {
            let df = counts[&key];
            if telling(df) && !numbered.contains_key(&key) {
                numbered.insert(key, ends.len());
                ends.push(ends.last().copied().unwrap_or(0) + df);
            }
        }
        let mut postings = vec![0; ends.last().copied().unwrap_or(0)];
        let mut filled: Vec<usize> = std::iter::once(0).chain(ends.iter().copied()).collect();
        for (i, keys) in read.iter().enumerate() {
            for key in keys.iter() {
                if let Some(&k) = numbered.get(key) {
                    postings[filled[k]] = i;
                    filled[k] += 1;
                }
            }
        }
        let of = read
            .iter()
            .enumerate()
            .map(|(i, keys)| {
                if briefings[i].story == StoryMark::Out {
                    return Vec::new();
                }
                let tag_keys = tags_of[i].iter().map(|&g| (g, tags[g].members.len(), 1.0));
                let own = keys.iter().filter_map(|key| {
                    let k = *numbered.get(key)?;
                    Some((tags.len() + k, counts[key], key & NAME != 0))
                });
                let (names, mut words): (Vec<_>, Vec<_>) = own.partition(|&(.., name)| name);
                words.sort_by_key(|&(id, df, _)| (df, id));
                words.truncate(WORDS);
                let names = names.into_iter().map(|(id, df, _)| (id, df, 1.0));
                let words = words.into_iter().map(|(id, df, _)| (id, df, WORD_WEIGHT));
                tag_keys
                    .filter(|&(_, df, _)| telling(df))
                    .chain(names)
                    .chain(words)
                    .map(|(id, df, weight)| (id, weight * idf(df)))
                    .collect()
            })
            .collect();
        let span_days = match (briefings.first(), briefings.last()) {
            (Some(newest), Some(oldest)) => (newest.date - oldest.date).num_days().max(1) as f64,
            _ => 1.0,
        };
        Keys {
            span_days,
            of,
            tags,
            postings,
            ends,
        }
    }

    /// The share of the archive's days within `gap_days` of one day.
    fn window_share(&self, gap_days: u32) -> f64 {
        ((2 * gap_days + 1) as f64 / self.span_days).min(1.0)
    }

    /// The briefings of key `id`, newest first.
    fn members(&self, id: usize) -> &[usize] {
        match self.tags.get(id) {
            Some(tag) => &tag.members,
            None => {
                let k = id - self.tags.len();
                let start = k.checked_sub(1).map_or(0, |before| self.ends[before]);
                &self.postings[start..self.ends[k]]
            }
        }
    }

    /// The older briefings within `gap_days` of `i` that share enough with it. A key counts
    /// only where it comes in a burst: seen around `i` at least [`BURST`] times as often as
    /// its rate over the whole archive would bring it by chance. A subject written about
    /// every week (a topic, a minister) would otherwise chain briefings across years.
    fn linked(&self, briefings: &[Arc<Briefing>], i: usize, gap_days: u32) -> Vec<usize> {
        let day = |j: usize| briefings[j].date.date_naive();
        let gap = chrono::Days::new(u64::from(gap_days));
        let (from, to) = (day(i) - gap, day(i) + gap);
        let mut shared: Vec<(usize, Shared)> = Vec::new();
        for &(id, weight) in &self.of[i] {
            let members = self.members(id);
            // Newest first: the members around `i` are one run of the list.
            let start = members.partition_point(|&j| day(j) > to);
            let end = members.partition_point(|&j| day(j) >= from);
            let around = end - start;
            let chance = members.len() as f64 * self.window_share(gap_days);
            if (around as f64 - 1.0) < BURST * chance {
                continue;
            }
            let gathered = 2 * around >= members.len();
            let at = members.partition_point(|&j| j <= i);
            for &j in members[at..end.max(at)].iter().take(WINDOW) {
                if briefings[j].story == StoryMark::Out {
                    continue;
                }
                let entry = match shared.iter_mut().find(|(k, _)| *k == j) {
                    Some((_, entry)) => entry,
                    None => {
                        shared.push((j, Shared::default()));
                        &mut shared.last_mut().expect("just pushed").1
                    }
                };
                entry.score += weight;
                entry.keys += 1;
                entry.gathered |= gathered;
            }
        }
        let mut linked: Vec<usize> = shared
            .into_iter()
            .filter(|(_, s)| s.score >= LINK_SCORE && (s.keys >= SHARED_KEYS || s.gathered))
            .map(|(j, _)| j)
            .collect();
        linked.sort_unstable();
        linked
    }
}

/// What two briefings share: the rarity of their keys summed, how many, and whether one of
/// them is gathered around the two (at least half its briefings are within the gap).
#[derive(Default)]
struct Shared {
    score: f64,
    keys: usize,
    gathered: bool,
}

/// The sets of briefings joined by `links`, each in archive order; briefings linked to none
/// are left out.
fn joined(n: usize, links: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, linked) in links.iter().enumerate() {
        for &j in linked {
            let (a, b) = (set_root(&mut parent, i), set_root(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = set_root(&mut parent, i);
        sets.entry(r).or_default().push(i);
    }
    sets.into_values().filter(|set| set.len() > 1).collect()
}

/// The sets of `briefings` (newest first, with their tags) linked to each other within
/// `gap_days`, each in archive order, reading again only the briefings `cache` has not seen.
pub(super) fn linked_sets(
    briefings: &[Arc<Briefing>],
    (tags, tags_of): (&[Group], &[Vec<usize>]),
    gap_days: u32,
    cache: &mut Cache,
) -> Vec<Vec<usize>> {
    let places: Vec<u64> = briefings.par_iter().map(|b| digest::of(&b.path)).collect();
    let held = cache.last.as_ref().map_or((&[][..], &[][..]), |last| {
        (last.briefings.as_slice(), last.seen.as_slice())
    });
    let seen = read_reusing(briefings, held, |_, b| seen(b));
    let read = match &cache.last {
        Some(last) => last.read(briefings, &places, &seen),
        None => briefings
            .par_iter()
            .map(|b| names_and_words(b).into())
            .collect(),
    };
    let tag_keys: Vec<Vec<u64>> = tags_of
        .iter()
        .map(|of| of.iter().map(|&g| digest::of(&tags[g].slug)).collect())
        .collect();
    let keys = Keys::new(briefings, tags, tags_of, &read);
    let reached = cache.last.as_ref().and_then(|last| {
        let now = (briefings, places.as_slice(), seen.as_slice());
        Some((last, last.reached(now, &read, &tag_keys, gap_days)?))
    });
    let links: Vec<Vec<usize>> = match reached {
        Some((last, reached)) => {
            let mut links = last.links.clone();
            let again: Vec<Vec<usize>> = reached
                .par_iter()
                .map(|&i| keys.linked(briefings, i, gap_days))
                .collect();
            for (i, linked) in reached.into_iter().zip(again) {
                links[i] = linked;
            }
            links
        }
        None => (0..briefings.len())
            .into_par_iter()
            .map(|i| keys.linked(briefings, i, gap_days))
            .collect(),
    };
    let sets = joined(briefings.len(), &links);
    cache.last = Some(Last {
        places,
        seen,
        briefings: briefings.to_vec(),
        read,
        tags: tag_keys,
        gap_days,
        span: span(briefings),
        links,
    });
    sets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::stories::tests::{background, hanoi};
    use crate::archive::test_support::{parsed_again, read_back};
    use crate::archive::{Archive, Facet};

    fn sets(all: &[Arc<Briefing>], cache: &mut Cache) -> Vec<Vec<usize>> {
        let archive = Archive::new(all.to_vec());
        let tags = &archive.facets[Facet::Tag as usize];
        let tags = (tags.groups.as_slice(), tags.of_briefing.as_slice());
        linked_sets(&archive.briefings, tags, 14, cache)
    }

    #[test]
    fn links_read_back_from_their_bytes_are_kept_where_no_edit_reaches() {
        let mut all = background();
        all.extend([
            hanoi("tiba", "26"),
            hanoi("bubar", "27"),
            hanoi("jumpa-pers", "28"),
        ]);
        let mut cache = Cache::default();
        let first = sets(&all, &mut cache);
        assert_eq!(first.len(), 1);

        // A link planted between the two newest briefings, which share nothing telling, is
        // still there: the links no edit reaches were taken, not found again.
        let mut planted = read_back(&cache);
        planted.last.as_mut().unwrap().links[0].push(1);
        let kept = sets(&parsed_again(&all), &mut planted);
        assert_eq!(kept, [vec![0, 1], first[0].clone()]);

        // An edit is linked again as a fresh build links it.
        let mut edited = parsed_again(&all);
        let at = edited.len() - 2;
        let mut moved = Briefing::clone(&edited[at]);
        moved.tags = vec!["Topik 3".into()];
        edited[at] = Arc::new(moved);
        let again = sets(&edited, &mut read_back(&cache));
        assert_eq!(again, sets(&edited, &mut Cache::default()));
        assert_ne!(again, first);
    }
}
