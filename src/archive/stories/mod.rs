//! Stories: briefings that follow one developing story (the run-up to a summit, the summit,
//! the reactions), found from what they share with the briefings near them in time
//! ([`links`]), or named by the editor with `story:`. A found story is a set of briefings
//! joined by links, so no gap in it is longer than `gap_days`, and it is published with at
//! least `min` briefings; a story is named by the tag most of its briefings carry and has
//! its first briefing's slug, so its address stays as newer briefings join it.

mod links;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::Datelike;
use rustc_hash::FxHashSet;

use super::groups::Group;
use crate::config;
use crate::content::{Briefing, StoryMark};
use crate::slug::first_free;
pub use links::Cache;

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
        let sets = links::linked_sets(briefings, (tags, tags_of), settings.gap_days, cache);
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
    pub(super) fn background() -> Vec<Arc<Briefing>> {
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

    pub(super) fn hanoi(slug: &str, day: &str) -> Arc<Briefing> {
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
    fn an_edit_that_makes_a_tag_common_unlinks_briefings_it_did_not_touch() {
        let mut all: Vec<Arc<Briefing>> = background().into_iter().take(9).collect();
        all.extend([
            hanoi("tiba", "26"),
            hanoi("bubar", "27"),
            hanoi("jumpa-pers", "28"),
        ]);
        let settings = config::Stories::default();
        let mut cache = Cache::default();
        let first = Archive::new(all.clone()).with_stories(Some(&settings), &mut cache);
        assert_eq!(found(&first).len(), 1);
        // A briefing far from the summit takes its tags: on 4 of 12 briefings, more than a
        // quarter, they tell nothing, and the summit's briefings are linked no more.
        let tags = [
            "Korea Utara",
            "Amerika Serikat",
            "Topik 0",
            "KTT Hanoi",
            "Vietnam",
        ];
        all[0] = briefing("latar-0", "2019-04-01T10:00:00+07:00", &tags);
        let again = Archive::new(all.clone()).with_stories(Some(&settings), &mut cache);
        let fresh = archive(all);
        assert!(found(&fresh).is_empty(), "{:?}", found(&fresh));
        assert_eq!(found(&again), found(&fresh));
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
