//! Story pages: `stories/` (every story, newest first, paginated), `stories/<slug>/` (one
//! story's briefings oldest first, as a timeline) and its feed; and what other pages show of
//! stories: a briefing's place in its story, and the stories that ran in a month or year.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset};
use serde::Serialize;

use super::shown::{Shown, Value};
use super::views::TagLink;
use super::{Renderer, chart, i18n, pages};
use crate::archive::{Facet, Story, paginate};

/// The first page of the list of stories.
pub const STORIES_PATH: &str = "stories/";

/// `stories/<slug>/`.
pub fn story_path(slug: &str) -> String {
    format!("{STORIES_PATH}{slug}/")
}

/// A story as its page and the list of stories show it.
#[derive(Debug, Serialize)]
pub struct StoryView {
    #[serde(flatten)]
    pub link: StoryLink,
    pub feed_url: String,
    /// RFC 3339 dates of its first and last briefing.
    pub first_date: String,
    pub last_date: String,
    /// The outlets and places its briefings came from, the most frequent first.
    pub sources: Vec<TagLink>,
    pub places: Vec<TagLink>,
    /// Its briefings per day, as a small inline SVG chart.
    pub sparkline: String,
}

/// A link to a story, as month and year pages list it.
#[derive(Debug, Serialize)]
pub struct StoryLink {
    pub name: String,
    pub slug: String,
    pub url: String,
    pub count: usize,
    /// "27 Feb – 3 Mar 2019".
    pub span: String,
}

/// Where a briefing stands in its story, for its page.
#[derive(Debug, Serialize)]
pub struct StoryPlace {
    #[serde(flatten)]
    pub link: StoryLink,
    /// 1 for its first briefing.
    pub position: usize,
    /// The story's briefings just before and after this one.
    pub previous: Option<Neighbour>,
    pub next: Option<Neighbour>,
}

#[derive(Debug, Serialize)]
pub struct Neighbour {
    pub title: String,
    pub url: String,
}

impl Renderer<'_> {
    fn story(&self, s: usize) -> &Story {
        &self.archive.stories.list[s]
    }

    pub(super) fn story_link(&self, s: usize) -> StoryLink {
        let story = self.story(s);
        let [first, last] = self.story_ends(story);
        let language = self.config.language;
        let span = if first.date_naive() == last.date_naive() {
            i18n::short_date(&first, language)
        } else if first.year() == last.year() {
            let start = i18n::format_date(&first, "%-d %b", language);
            format!("{start} – {}", i18n::short_date(&last, language))
        } else {
            let start = i18n::short_date(&first, language);
            format!("{start} – {}", i18n::short_date(&last, language))
        };
        StoryLink {
            name: story.name.clone(),
            slug: story.slug.clone(),
            url: self.config.base_url.link(&story_path(&story.slug)),
            count: story.members.len(),
            span,
        }
    }

    /// The dates of a story's first and last briefing.
    fn story_ends(&self, story: &Story) -> [DateTime<FixedOffset>; 2] {
        let newest = *story.members.last().expect("a story has briefings");
        [story.members[0], newest].map(|i| self.archive.briefings[i].date)
    }

    fn story_view(&self, s: usize) -> StoryView {
        let story = self.story(s);
        let [first, last] = self.story_ends(story);
        let path = story_path(&story.slug);
        StoryView {
            link: self.story_link(s),
            feed_url: self
                .config
                .base_url
                .link(&format!("{path}{}", pages::FEED_FILE)),
            first_date: first.to_rfc3339(),
            last_date: last.to_rfc3339(),
            sources: self.most_frequent(story, Facet::Source),
            places: self.most_frequent(story, Facet::Place),
            sparkline: self.sparkline(story),
        }
    }

    /// The sources or places of a story's briefings, the most frequent first.
    fn most_frequent(&self, story: &Story, facet: Facet) -> Vec<TagLink> {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for &i in &story.members {
            for &g in self.archive.groups_of(facet, i) {
                *counts.entry(g).or_default() += 1;
            }
        }
        let mut counted: Vec<(usize, usize)> = counts.into_iter().collect();
        counted.sort_by_key(|&(g, count)| (std::cmp::Reverse(count), g));
        let links = self.views.links(facet);
        counted.into_iter().map(|(g, _)| links[g].clone()).collect()
    }

    fn sparkline(&self, story: &Story) -> String {
        let day = |i: usize| self.archive.briefings[i].date.date_naive();
        let first = day(story.members[0]);
        let mut days: Vec<usize> = Vec::new();
        for &i in &story.members {
            let d = (day(i) - first).num_days().max(0) as usize;
            if days.len() <= d {
                days.resize(d + 1, 0);
            }
            days[d] += 1;
        }
        let label = format!(
            "{} {} · {} {}",
            story.members.len(),
            self.strings["briefings"],
            days.len(),
            self.strings["days"]
        );
        chart::sparkline(&days, &label)
    }

    /// Page `number` of the list of stories.
    pub(super) fn show_stories<'r>(&'r self, shown: &mut Shown<'r>, number: usize) {
        let all: Vec<usize> = (0..self.archive.stories.list.len()).collect();
        let pager = paginate::page(&all, self.config.paginate, number);
        let members = pager.members.to_vec();
        shown.made("stories", move || {
            members
                .iter()
                .map(|&s| self.story_view(s))
                .collect::<Vec<_>>()
        });
        self.pagination(shown, STORIES_PATH.to_string(), &pager);
    }

    /// Page `number` of a story: the story, and its briefings oldest first.
    pub(super) fn show_story<'r>(&'r self, shown: &mut Shown<'r>, s: usize, number: usize) {
        shown.made("story", move || self.story_view(s));
        let story = self.story(s);
        self.list(shown, &story.members, story_path(&story.slug), number);
    }

    /// A story's feed: its newest briefings.
    pub(super) fn show_story_feed(&self, shown: &mut Shown, s: usize) {
        let newest: Vec<usize> = self.story(s).members.iter().rev().copied().collect();
        shown.add("entries", Value::Entries(self.newest(&newest)));
    }

    /// Briefing `i`'s place in its story, if it is in one.
    pub(super) fn story_place(&self, i: usize) -> Option<StoryPlace> {
        let (s, k) = self.archive.stories.of_briefing.get(i).copied().flatten()?;
        let members = &self.story(s).members;
        let neighbour = |k: usize| {
            let j = *members.get(k)?;
            Some(Neighbour {
                title: self.archive.briefings[j].title.clone(),
                url: self.views.cards[j].url.clone(),
            })
        };
        Some(StoryPlace {
            link: self.story_link(s),
            position: k + 1,
            previous: k.checked_sub(1).and_then(neighbour),
            next: neighbour(k + 1),
        })
    }

    /// The stories that ran in `month` of `year` (all of it, for `None`).
    pub(super) fn stories_in(&self, year: i32, month: Option<u32>) -> Vec<StoryLink> {
        let stories = &self.archive.stories;
        let found = match month {
            Some(month) => stories.in_month(year, month).to_vec(),
            None => stories.in_year(year),
        };
        found.into_iter().map(|s| self.story_link(s)).collect()
    }
}
