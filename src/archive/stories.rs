//! Stories: briefings that follow one developing story (the run-up to a summit, the summit,
//! the reactions), found from what they share with the briefings near them in time, or
//! named by the editor with `story:`.
//!
//! Two briefings are *linked* when they are at most `gap_days` apart and share telling keys
//! (tags and cited names, and less so distinctive words of the title and summary) whose
//! rarity adds up to [`LINK_SCORE`]. A found story is a set of briefings joined by links, so
//! no gap in it is longer than `gap_days`, and it is published with at least `min`
//! briefings. Candidates come from inverted indexes (key → briefings, in date order) walked
//! only within the gap, never from comparing all pairs.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::Datelike;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::groups::Group;
use super::related::distinctive_words;
use crate::config;
use crate::content::{Briefing, StoryMark};
use crate::digest;
use crate::slug::first_free;

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Its address under `stories/`: the slug `story:` gives, or its first briefing's.
    pub slug: String,
    pub name: String,
    /// Positions in the archive, oldest first.
    pub members: Vec<usize>,
}

/// Every story of the archive, and where each briefing stands in them.
#[derive(Debug, Default)]
pub struct Stories {
    /// Newest first (by their latest briefing), then by slug.
    pub list: Vec<Story>,
    /// For each briefing: its story's position in `list` and its own place in the story.
    pub of_briefing: Vec<Option<(usize, usize)>>,
    /// Year and month → the stories with a briefing in it, newest first.
    by_month: BTreeMap<(i32, u32), Vec<usize>>,
}

impl Stories {
    /// The stories of `briefings` (newest first, as the archive holds them), with their tags.
    pub fn find(
        briefings: &[Arc<Briefing>],
        (tags, tags_of): (&[Group], &[Vec<usize>]),
        settings: &config::Stories,
        cache: &mut Cache,
    ) -> Stories {
        let read = cache.read(briefings);
        let keys = Keys::new(briefings, tags, tags_of, &read);
        let links: Vec<Vec<usize>> = (0..briefings.len())
            .into_par_iter()
            .map(|i| keys.linked(briefings, i, settings.gap_days))
            .collect();
        let sets = joined(briefings.len(), &links);
        let mut stories = assign(briefings, sets, settings.min);
        for story in &mut stories {
            story.name = name(briefings, tags, tags_of, &story.members);
        }
        Stories::ordered(briefings, stories)
    }

    /// The stories with a briefing in `month` of `year`, newest first.
    pub fn in_month(&self, year: i32, month: u32) -> &[usize] {
        self.by_month.get(&(year, month)).map_or(&[], Vec::as_slice)
    }

    /// The stories with a briefing in `year`, newest first.
    pub fn in_year(&self, year: i32) -> Vec<usize> {
        let months = self.by_month.range((year, 1)..=(year, 12));
        let found: BTreeSet<usize> = months.flat_map(|(_, s)| s.iter().copied()).collect();
        found.into_iter().collect()
    }

    /// Gives each story its slug, orders them newest first and indexes them.
    fn ordered(briefings: &[Arc<Briefing>], mut stories: Vec<Story>) -> Stories {
        // Named stories keep their slug; a found one takes its first briefing's, oldest
        // first, so a story's address does not change when a newer one appears.
        let mut taken: FxHashSet<String> = stories.iter().map(|s| s.slug.clone()).collect();
        stories.sort_by_key(|s| Reverse(s.members[0]));
        for story in stories.iter_mut().filter(|s| s.slug.is_empty()) {
            let first = &briefings[story.members[0]].slug;
            story.slug = first_free(first, |slug| !taken.contains(slug));
            taken.insert(story.slug.clone());
        }
        let newest = |s: &Story| *s.members.last().expect("a story has briefings");
        stories.sort_by(|a, b| newest(a).cmp(&newest(b)).then(a.slug.cmp(&b.slug)));
        let mut of_briefing = vec![None; briefings.len()];
        let mut by_month: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
        for (s, story) in stories.iter().enumerate() {
            for (k, &i) in story.members.iter().enumerate() {
                of_briefing[i] = Some((s, k));
                let date = briefings[i].date;
                let month = by_month.entry((date.year(), date.month())).or_default();
                if month.last() != Some(&s) {
                    month.push(s);
                }
            }
        }
        Stories {
            list: stories,
            of_briefing,
            by_month,
        }
    }
}

/// Marks the digest of a name (its lowest bit), setting it apart from a word's.
const NAME: u64 = 1;

/// Each briefing's names and words as digests (a name's with [`NAME`] set), kept by file
/// between rebuilds: a rebuild reads again only the briefings that changed.
#[derive(Debug, Default)]
pub struct Cache(FxHashMap<std::path::PathBuf, (Arc<Briefing>, Arc<[u64]>)>);

impl Cache {
    /// The names and words of every briefing, read afresh only for those not seen as they
    /// are; the cache then holds these briefings alone.
    fn read(&mut self, briefings: &[Arc<Briefing>]) -> Vec<Arc<[u64]>> {
        let read: Vec<Arc<[u64]>> = briefings
            .par_iter()
            .map(|b| match self.0.get(&b.path) {
                Some((seen, keys)) if Arc::ptr_eq(seen, b) => Arc::clone(keys),
                _ => names_and_words(b).into(),
            })
            .collect();
        self.0 = briefings
            .iter()
            .zip(&read)
            .map(|(b, keys)| (b.path.clone(), (Arc::clone(b), Arc::clone(keys))))
            .collect();
        read
    }
}

/// A briefing's cited names and distinctive words, each by its digest; none for one kept
/// out of every story.
fn names_and_words(b: &Briefing) -> Vec<u64> {
    if b.story == StoryMark::Out {
        return Vec::new();
    }
    let names = b.cited.iter().map(|c| digest::of(c.to_lowercase()) | NAME);
    let words = distinctive_words(b)
        .into_iter()
        .map(|w| digest::of(w) & !NAME);
    names.chain(words).collect()
}

/// Every briefing's telling keys, weighted, and the briefings of each key in archive order.
struct Keys<'a> {
    /// The days from the oldest briefing to the newest, at least one.
    span_days: f64,
    /// Per briefing: (key, weight) pairs; tags are keys `0..tags.len()`.
    of: Vec<Vec<(usize, f64)>>,
    tags: &'a [Group],
    /// Names and words, after the tags.
    postings: Vec<Vec<usize>>,
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
        // Numbered in archive order, so the same at any thread count.
        let mut interned: FxHashMap<u64, usize> = FxHashMap::default();
        let mut postings: Vec<Vec<usize>> = Vec::new();
        let mut named: Vec<Vec<(usize, bool)>> = Vec::with_capacity(briefings.len());
        for (i, keys) in read.iter().enumerate() {
            let mut own = Vec::with_capacity(keys.len());
            for &key in keys.iter() {
                let is_name = key & NAME != 0;
                let next = tags.len() + postings.len();
                let id = *interned.entry(key).or_insert(next);
                if id == next {
                    postings.push(Vec::new());
                }
                let list = &mut postings[id - tags.len()];
                if list.last() != Some(&i) {
                    list.push(i);
                }
                own.push((id, is_name));
            }
            own.sort_unstable();
            own.dedup();
            named.push(own);
        }
        let of = briefings
            .iter()
            .zip(named)
            .enumerate()
            .map(|(i, (b, own))| {
                if b.story == StoryMark::Out {
                    return Vec::new();
                }
                let tag_keys = tags_of[i].iter().map(|&g| (g, tags[g].members.len(), 1.0));
                let (names, mut words): (Vec<_>, Vec<_>) = own
                    .into_iter()
                    .map(|(id, is_name)| (id, postings[id - tags.len()].len(), is_name))
                    .partition(|&(_, _, is_name)| is_name);
                words.retain(|&(_, df, _)| telling(df));
                words.sort_by_key(|&(id, df, _)| (df, id));
                words.truncate(WORDS);
                let names = names.into_iter().map(|(id, df, _)| (id, df, 1.0));
                let words = words.into_iter().map(|(id, df, _)| (id, df, WORD_WEIGHT));
                tag_keys
                    .chain(names)
                    .chain(words)
                    .filter(|&(_, df, _)| telling(df))
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
            None => &self.postings[id - self.tags.len()],
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
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, linked) in links.iter().enumerate() {
        for &j in linked {
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        sets.entry(r).or_default().push(i);
    }
    sets.into_values().filter(|set| set.len() > 1).collect()
}

/// The stories, unnamed and with members oldest first: each slug `story:` names with its
/// briefings, joined by the found ones linked to them alone; each other set of at least
/// `min` briefings. A set linked to two named stories joins neither.
fn assign(briefings: &[Arc<Briefing>], sets: Vec<Vec<usize>>, min: usize) -> Vec<Story> {
    let mut named: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, b) in briefings.iter().enumerate() {
        if let StoryMark::Named(slug) = &b.story {
            named.entry(slug).or_default().push(i);
        }
    }
    let mut found = Vec::new();
    for set in sets {
        let names: BTreeSet<&str> = set
            .iter()
            .filter_map(|&i| match &briefings[i].story {
                StoryMark::Named(slug) => Some(slug.as_str()),
                _ => None,
            })
            .collect();
        let unnamed = set
            .iter()
            .copied()
            .filter(|&i| briefings[i].story == StoryMark::Found);
        match names.len() {
            0 if set.len() >= min => found.push(set),
            1 => {
                let slug = names.into_iter().next().expect("one name");
                named.get_mut(slug).expect("named").extend(unnamed);
            }
            _ => {}
        }
    }
    let story = |slug: &str, mut members: Vec<usize>| {
        members.sort_unstable_by(|a, b| b.cmp(a));
        Story {
            slug: slug.to_string(),
            name: String::new(),
            members,
        }
    };
    let named = named
        .into_iter()
        .map(|(slug, members)| story(slug, members));
    named
        .chain(found.into_iter().map(|set| story("", set)))
        .collect()
}

/// A story's name: the `story_title` one of its briefings gives, else the tag most of them
/// carry (the rarest, the longest if tied), else its first briefing's title.
fn name(
    briefings: &[Arc<Briefing>],
    tags: &[Group],
    tags_of: &[Vec<usize>],
    members: &[usize],
) -> String {
    if let Some(title) = members
        .iter()
        .find_map(|&i| briefings[i].story_title.clone())
    {
        return title;
    }
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in members {
        for &g in &tags_of[i] {
            *counts.entry(g).or_default() += 1;
        }
    }
    let best = counts.into_iter().max_by_key(|&(g, count)| {
        let tag = &tags[g];
        (
            count,
            Reverse(tag.members.len()),
            tag.name.chars().count(),
            Reverse(tag.name.as_str()),
        )
    });
    match best {
        Some((g, count)) if 2 * count >= members.len() => tags[g].name.clone(),
        _ => briefings[members[0]].title.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Archive;
    use crate::archive::test_support::briefing;

    /// Each story's slug, name and members' slugs, newest story first.
    fn found(archive: &Archive) -> Vec<(String, String, Vec<String>)> {
        archive
            .stories
            .list
            .iter()
            .map(|s| {
                let slugs = s.members.iter().map(|&i| archive.briefings[i].slug.clone());
                (s.slug.clone(), s.name.clone(), slugs.collect())
            })
            .collect()
    }

    /// Background briefings, one every fifteen days of a year after a summit, that share
    /// the archive's common tags and nothing else.
    fn background() -> Vec<Arc<Briefing>> {
        (0..24)
            .map(|k| {
                let day = chrono::NaiveDate::from_ymd_opt(2019, 4, 1).unwrap()
                    + chrono::Days::new(15 * k);
                let topic = format!("Topik {k}");
                briefing(
                    &format!("latar-{k}"),
                    &format!("{day}T10:00:00+07:00"),
                    &["Korea Utara", "Amerika Serikat", &topic],
                )
            })
            .collect()
    }

    fn hanoi(slug: &str, day: &str) -> Arc<Briefing> {
        briefing(
            slug,
            &format!("2019-02-{day}T10:00:00+07:00"),
            &["KTT Hanoi", "Vietnam", "Korea Utara", "Amerika Serikat"],
        )
    }

    fn archive(briefings: Vec<Arc<Briefing>>) -> Archive {
        let settings = config::Stories::default();
        Archive::new(briefings).with_stories(Some(&settings), &mut Cache::default())
    }

    #[test]
    fn briefings_sharing_rare_tags_within_the_gap_are_one_story() {
        let mut all = background();
        all.extend([
            hanoi("tiba", "26"),
            hanoi("bubar", "27"),
            hanoi("jumpa-pers", "28"),
        ]);
        let archive = archive(all);
        assert_eq!(
            found(&archive),
            [(
                "tiba".to_string(),
                "KTT Hanoi".to_string(),
                vec!["tiba".to_string(), "bubar".into(), "jumpa-pers".into()]
            )]
        );
        let bubar = archive
            .briefings
            .iter()
            .position(|b| b.slug == "bubar")
            .unwrap();
        assert_eq!(archive.stories.of_briefing[bubar], Some((0, 1)));
        assert_eq!(archive.stories.in_month(2019, 2), [0]);
        assert!(archive.stories.in_month(2019, 4).is_empty());
        assert_eq!(archive.stories.in_year(2019), [0]);
    }

    #[test]
    fn a_gap_longer_than_gap_days_ends_a_story_and_a_short_one_is_none() {
        let mut all = background();
        all.extend([
            hanoi("tiba", "01"),
            hanoi("bubar", "20"),
            hanoi("jumpa-pers", "21"),
        ]);
        assert!(
            found(&archive(all)).is_empty(),
            "two briefings are not a story"
        );
    }

    #[test]
    fn a_subject_written_about_all_year_is_no_story() {
        // Two tags on a briefing every twelve days: near in time and rare enough, but no
        // nearer together than anywhere else in the year.
        let mut all: Vec<Arc<Briefing>> = (0..100)
            .map(|k| {
                let day = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()
                    + chrono::Days::new(k * 365 / 100);
                let topic = format!("Topik {k}");
                briefing(
                    &format!("latar-{k}"),
                    &format!("{day}T09:00:00+07:00"),
                    &[&topic],
                )
            })
            .collect();
        all.extend((0..30).map(|k| {
            let day =
                chrono::NaiveDate::from_ymd_opt(2019, 1, 3).unwrap() + chrono::Days::new(12 * k);
            briefing(
                &format!("sanksi-{k}"),
                &format!("{day}T10:00:00+07:00"),
                &["Sanksi", "Dewan Keamanan"],
            )
        }));
        assert!(found(&archive(all)).is_empty());
    }

    #[test]
    fn common_tags_alone_make_no_story() {
        assert!(found(&archive(background())).is_empty());
    }

    #[test]
    fn an_editor_names_a_story_and_keeps_a_briefing_out() {
        let mut all = background();
        let named = |slug: &str, day: &str, mark: StoryMark, title: Option<&str>| {
            let mut b = (*hanoi(slug, day)).clone();
            b.story = mark;
            b.story_title = title.map(str::to_string);
            Arc::new(b)
        };
        let story = || StoryMark::Named("hanoi-2019".into());
        all.extend([
            named("tiba", "26", story(), Some("Pekan Hanoi")),
            named("bubar", "27", StoryMark::Found, None),
            named("jumpa-pers", "28", StoryMark::Out, None),
        ]);
        // Named, a story of two is published; linked to it, a found briefing joins it.
        let mut lone = (*briefing("jauh", "2019-12-01T10:00:00+07:00", &[])).clone();
        lone.story = story();
        all.push(Arc::new(lone));
        assert_eq!(
            found(&archive(all)),
            [(
                "hanoi-2019".to_string(),
                "Pekan Hanoi".to_string(),
                vec!["tiba".to_string(), "bubar".into(), "jauh".into()]
            )]
        );
    }

    #[test]
    fn the_same_briefings_give_the_same_stories_in_any_order() {
        let mut all = background();
        all.extend([
            hanoi("tiba", "26"),
            hanoi("bubar", "27"),
            hanoi("jumpa-pers", "28"),
        ]);
        let forward = found(&archive(all.clone()));
        all.reverse();
        assert_eq!(found(&archive(all)), forward);
    }
}
