//! The plain data each template receives. Every field is documented in README.md.

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::i18n;
use super::pages::{self, FEED_FILE};
use crate::archive::{Archive, Facet, Month, Year};
use crate::config::Config;
use crate::content::{Briefing, Outlet};
use crate::digest;

/// What the theme shows of the site itself, on every page.
#[derive(Debug, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub base_url: String,
    pub base_path: String,
    pub language: &'static str,
    pub author: Option<String>,
    pub home_url: String,
    pub tags_url: String,
    /// The index of sources, when some briefing names its source.
    pub sources_url: Option<String>,
    /// The index of places, when some briefing has a dateline.
    pub places_url: Option<String>,
    pub timeline_url: String,
    pub feed_url: String,
    /// The search page, when the site has search.
    pub search_url: Option<String>,
    /// The list of stories, when the site has some.
    pub stories_url: Option<String>,
}

impl SiteView {
    pub fn new(config: &Config, archive: &Archive) -> SiteView {
        let base = &config.base_url;
        let index = |facet: Facet| {
            (!archive.groups(facet).is_empty()).then(|| base.link(&pages::groups_path(facet)))
        };
        SiteView {
            title: config.title.clone(),
            description: config.description.clone(),
            base_url: base.full(),
            base_path: base.path().to_string(),
            language: config.language.code(),
            author: config.author.clone(),
            home_url: base.link(""),
            tags_url: base.link(&pages::groups_path(Facet::Tag)),
            sources_url: index(Facet::Source),
            places_url: index(Facet::Place),
            timeline_url: base.link("timeline/"),
            feed_url: base.link(FEED_FILE),
            search_url: config.search.then(|| base.link(pages::SEARCH_PATH)),
            stories_url: (!archive.stories.list.is_empty())
                .then(|| base.link(super::stories::STORIES_PATH)),
        }
    }
}

/// What the search page needs to open the index.
#[derive(Debug, Hash, Serialize)]
pub struct SearchView {
    /// `pagefind/`, where `pagefind.js` is.
    pub bundle_url: String,
    /// The word directory's folder, whose word table the page reads first.
    pub directory: String,
    /// How many files the word table is cut into.
    pub lookup_files: usize,
    /// The index's language, which names each shard's metadata.
    pub language: &'static str,
    /// None in an archive without briefings, which has no index.
    #[serde(flatten)]
    pub preloads: Option<SearchPreloads>,
    /// Shard folder names, newest first: merged in as a query needs them.
    pub shards: Vec<String>,
    /// How many briefings each shard holds.
    pub sizes: Vec<usize>,
}

/// The newest shard's files, which the search page preloads, since Pagefind asks for them
/// one after the other.
#[derive(Debug, Hash, Serialize)]
pub struct SearchPreloads {
    /// The WebAssembly the search runs.
    pub wasm_url: String,
    /// What names the shard's metadata; it changes whenever the shard does.
    pub meta_tag: String,
    /// The shard's entry and metadata, as Pagefind asks for them.
    pub entry_url: String,
    pub meta_url: String,
}

/// A briefing as lists show it: everything but the body.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct Card {
    pub title: String,
    pub url: String,
    pub permalink: String,
    /// RFC 3339 with the briefing's own offset.
    pub date: String,
    /// In the site's zone, so a list reads in one zone.
    pub date_long: String,
    /// The date as the briefing states it, in its own zone, when that is not the site's
    /// (for a `title` on the shown date); empty otherwise.
    pub date_stated: Option<String>,
    pub date_short: String,
    pub has_time: bool,
    pub tags: Vec<TagLink>,
    /// The outlet, with its address when known.
    pub source: Option<Outlet>,
    /// The source's page on this site.
    pub source_page: Option<TagLink>,
    pub dateline: Option<String>,
    /// The dateline's page on this site.
    pub place: Option<TagLink>,
    pub author: Option<String>,
    /// The author is a desk's code (`dea`), not a person's name.
    pub desk_code: bool,
    pub summary: String,
    pub words: usize,
    pub reading_minutes: usize,
    /// Marked `draft: true`: shown only by `--drafts`, with a mark, and never indexed.
    pub draft: bool,
    /// The story it is part of, on a site with stories.
    pub story: Option<StoryTag>,
    /// The other briefings that tell its event, oldest first.
    pub coverage: Vec<Version>,
    /// When its text repeats an older briefing's: that briefing's permalink, which its page
    /// names canonical.
    pub canonical: Option<String>,
}

/// Another briefing telling the same event: its outlet's name (its title when it names no
/// outlet, or the same outlet), its title and its page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Version {
    pub name: String,
    pub title: String,
    pub url: String,
}

/// The story a card's briefing is part of: its name and page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct StoryTag {
    pub name: String,
    pub url: String,
}

/// A link to a tag's, source's or place's page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TagLink {
    pub name: String,
    pub slug: String,
    pub url: String,
    pub count: usize,
}

/// A briefing's own page: its card, its body and its dates of change.
#[derive(Debug, Serialize)]
pub struct BriefingView<'a> {
    #[serde(flatten)]
    pub card: &'a Card,
    pub body: &'a str,
    pub updated: Option<String>,
    pub updated_long: Option<String>,
    /// The source file, relative to the site root.
    pub path: String,
    /// Agencies and media the briefing cites.
    pub cited: &'a [String],
    /// The summary, shown above the body as its lede unless the body opens with the same
    /// words (a summary made from the lead sentences would be read twice).
    pub lede: Option<&'a str>,
}

/// Links to every group of `facet`, in the archive's order.
fn group_links(archive: &Archive, facet: Facet, config: &Config) -> Vec<TagLink> {
    archive
        .groups(facet)
        .iter()
        .map(|g| TagLink {
            name: g.name.clone(),
            slug: g.slug.clone(),
            url: config.base_url.link(&pages::group_path(facet, &g.slug)),
            count: g.members.len(),
        })
        .collect()
}

/// The summary as a lede for `body_html`, unless the body's text opens with it.
pub fn lede<'a>(summary: &'a str, body_html: &str) -> Option<&'a str> {
    const COMPARED: usize = 60;
    let letters = |text: &str| -> String {
        let mut in_tag = false;
        text.chars()
            .filter(|c| match c {
                '<' => {
                    in_tag = true;
                    false
                }
                '>' => {
                    in_tag = false;
                    false
                }
                _ => !in_tag && c.is_alphanumeric(),
            })
            .take(COMPARED)
            .collect()
    };
    let opening = letters(summary);
    (!opening.is_empty() && !letters(body_html).starts_with(&opening)).then_some(summary)
}

/// How many lead briefings a year page shows for each month.
pub const LEADS_PER_MONTH: usize = 3;

#[derive(Debug, Serialize)]
pub struct YearView {
    pub year: i32,
    pub url: String,
    pub count: usize,
    /// All twelve months, January first, with their counts (empty months too).
    pub calendar: Vec<CalendarMonth>,
    /// The months that have briefings, newest first, each with a few lead briefings; empty
    /// where only the overview is wanted (the timeline, the month page's breadcrumb).
    pub months: Vec<MonthView>,
}

/// A month in a year's calendar row.
#[derive(Debug, Serialize)]
pub struct CalendarMonth {
    pub month: u32,
    /// "Jun".
    pub label: String,
    /// None for a month without briefings.
    pub url: Option<String>,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct MonthView {
    pub year: i32,
    pub month: u32,
    /// "Desember 2019".
    pub label: String,
    pub url: String,
    pub count: usize,
    pub briefings: Vec<Arc<Card>>,
}

/// A year as a link: `{year, url, count}`.
#[derive(Debug, Serialize, Hash)]
pub struct YearLink {
    pub year: i32,
    pub url: String,
    pub count: usize,
}

impl YearLink {
    pub fn new(year: &Year, config: &Config) -> YearLink {
        YearLink {
            year: year.year,
            url: config.base_url.link(&pages::year_path(year.year)),
            count: year.count(),
        }
    }
}

/// Views computed once per build and shared by every page that lists briefings.
#[derive(Default)]
pub struct Views {
    pub cards: Vec<Arc<Card>>,
    /// A hash of each card, for rebuilds to tell which lists changed.
    pub card_keys: Vec<u64>,
    /// Links to every tag, source and place (see [`Views::links`]).
    groups: [Vec<TagLink>; 3],
}

/// Cards of the last build, by source file, reused while the briefing, its address and its
/// tags' links are the same. Rebuilds keep one; a full build starts empty.
#[derive(Default)]
pub struct CardCache(FxHashMap<PathBuf, Cached>);

struct Cached {
    briefing: Arc<Briefing>,
    path: String,
    /// A hash of the card's links to its tags, source and place.
    links: u64,
    card: Arc<Card>,
    key: u64,
}

impl CardCache {
    /// Drops the cards of briefings that are gone: now and then, not on every rebuild.
    fn forget_the_gone(&mut self, archive: &Archive) {
        if self.0.len() > 2 * archive.briefings.len() + 64 {
            let present: std::collections::HashSet<&std::path::Path> =
                archive.briefings.iter().map(|b| b.path.as_path()).collect();
            self.0.retain(|path, _| present.contains(path.as_path()));
        }
    }
}

impl Views {
    pub fn new(archive: &Archive, config: &Config) -> Views {
        Views::cached(archive, config, &mut CardCache::default())
    }

    /// Views that reuse `cache`'s cards where nothing they show changed, and refill it.
    pub fn cached(archive: &Archive, config: &Config, cache: &mut CardCache) -> Views {
        let mut groups: [Vec<TagLink>; 3] = Default::default();
        groups.par_iter_mut().enumerate().for_each(|(k, links)| {
            *links = group_links(archive, Facet::ALL[k], config);
        });
        let keys = groups
            .each_ref()
            .map(|links| links.iter().map(digest::of).collect::<Vec<u64>>());
        let story_of = |i: usize| {
            let (s, _) = archive.stories.of_briefing.get(i).copied().flatten()?;
            let story = &archive.stories.list[s];
            Some(StoryTag {
                name: story.name.clone(),
                url: config
                    .base_url
                    .link(&super::stories::story_path(&story.slug)),
            })
        };
        type Coverage = (Vec<Version>, Option<String>);
        let entries: Vec<(u64, String, Coverage)> = (0..archive.briefings.len())
            .into_par_iter()
            .map(|i| {
                let links = Facet::ALL.map(|f| {
                    archive
                        .groups_of(f, i)
                        .iter()
                        .map(|&g| keys[f as usize][g])
                        .collect::<Vec<_>>()
                });
                let story = story_of(i);
                let coverage = coverage_links(archive, config, i);
                let links = digest::of((links, story, &coverage));
                (links, pages::briefing_path(archive, config, i), coverage)
            })
            .collect();
        let links_of = |facet: Facet, i: usize| -> Vec<TagLink> {
            archive
                .groups_of(facet, i)
                .iter()
                .map(|&g| groups[facet as usize][g].clone())
                .collect()
        };
        let reusable = |i: usize, links: u64, path: &str| {
            let b = &archive.briefings[i];
            cache
                .0
                .get(&b.path)
                .filter(|c| Arc::ptr_eq(&c.briefing, b) && c.links == links && c.path == path)
                .map(|c| (Arc::clone(&c.card), c.key))
        };
        let made: Vec<(Arc<Card>, u64, bool)> = entries
            .par_iter()
            .enumerate()
            .map(
                |(i, (links, path, coverage))| match reusable(i, *links, path) {
                    Some((card, key)) => (card, key, false),
                    None => {
                        let mut card = card(&archive.briefings[i], path, config);
                        card.tags = links_of(Facet::Tag, i);
                        card.source_page = links_of(Facet::Source, i).pop();
                        card.place = links_of(Facet::Place, i).pop();
                        card.story = story_of(i);
                        (card.coverage, card.canonical) = coverage.clone();
                        let key = digest::of(&card);
                        (Arc::new(card), key, true)
                    }
                },
            )
            .collect();
        for ((i, (links, path, _)), (card, key, new)) in entries.into_iter().enumerate().zip(&made)
        {
            if *new {
                let briefing = Arc::clone(&archive.briefings[i]);
                let cached = Cached {
                    briefing: Arc::clone(&briefing),
                    path,
                    links,
                    card: Arc::clone(card),
                    key: *key,
                };
                cache.0.insert(briefing.path.clone(), cached);
            }
        }
        cache.forget_the_gone(archive);
        let cards = made.iter().map(|(card, ..)| Arc::clone(card)).collect();
        let card_keys = made.iter().map(|(_, key, _)| *key).collect();
        Views {
            cards,
            card_keys,
            groups,
        }
    }

    /// Links to every tag, source or place, ordered by slug.
    pub fn links(&self, facet: Facet) -> &[TagLink] {
        &self.groups[facet as usize]
    }

    pub fn cards(&self, members: &[usize]) -> Vec<Arc<Card>> {
        members
            .iter()
            .map(|&i| Arc::clone(&self.cards[i]))
            .collect()
    }

    /// The year with its months and each month's lead briefings.
    pub fn year(&self, year: &Year, config: &Config) -> YearView {
        YearView {
            months: year
                .months
                .iter()
                .map(|m| MonthView {
                    briefings: self.cards(&m.members[..m.members.len().min(LEADS_PER_MONTH)]),
                    ..Self::month(m, config)
                })
                .collect(),
            ..Self::year_overview(year, config)
        }
    }

    /// The year and its calendar of counts, without briefings.
    pub fn year_overview(year: &Year, config: &Config) -> YearView {
        let calendar = year
            .calendar()
            .iter()
            .zip(1..)
            .map(|(&count, month)| CalendarMonth {
                month,
                label: i18n::format_date(&first_day(year.year, month), "%b", config.language),
                url: (count > 0)
                    .then(|| config.base_url.link(&pages::month_path(year.year, month))),
                count,
            })
            .collect();
        YearView {
            year: year.year,
            url: config.base_url.link(&pages::year_path(year.year)),
            count: year.count(),
            calendar,
            months: Vec::new(),
        }
    }

    /// The month without its briefings (which its page lists a page at a time).
    pub fn month(month: &Month, config: &Config) -> MonthView {
        MonthView {
            year: month.year,
            month: month.month,
            label: month_label(month, config),
            url: config
                .base_url
                .link(&pages::month_path(month.year, month.month)),
            count: month.members.len(),
            briefings: Vec::new(),
        }
    }
}

fn first_day(year: i32, month: u32) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().fixed_offset())
        .expect("a month of a real date")
}

/// "Desember 2019".
pub fn month_label(month: &Month, config: &Config) -> String {
    i18n::month_label(&first_day(month.year, month.month), config.language)
}

/// The other versions of briefing `i`'s event, and the permalink of the first telling of its
/// text when it repeats one.
fn coverage_links(archive: &Archive, config: &Config, i: usize) -> (Vec<Version>, Option<String>) {
    let coverage = &archive.coverage;
    let outlet = |j: usize| archive.briefings[j].source.as_ref().map(|s| &s.name);
    let versions = coverage
        .others(i)
        .map(|j| {
            let b = &archive.briefings[j];
            // An outlet's name tells versions apart only when it is not this briefing's own.
            let name = outlet(j)
                .filter(|&name| Some(name) != outlet(i))
                .unwrap_or(&b.title);
            Version {
                name: name.clone(),
                title: b.title.clone(),
                url: config
                    .base_url
                    .link(&pages::briefing_path(archive, config, j)),
            }
        })
        .collect();
    let canonical = coverage.original_of(i).map(|copy| {
        config
            .base_url
            .absolute(&pages::briefing_path(archive, config, copy.original))
    });
    (versions, canonical)
}

/// A card without its links to tags, source and place.
fn card(b: &Briefing, path: &str, config: &Config) -> Card {
    // A time of day is shown on the site's clocks; a day alone stays the day stated.
    let shown = match b.has_time {
        true => config.timezone.at(b.date.with_timezone(&chrono::Utc)),
        false => b.date,
    };
    Card {
        title: b.title.clone(),
        url: config.base_url.link(path),
        permalink: config.base_url.absolute(path),
        date: b.date.to_rfc3339(),
        date_long: i18n::long_date(&shown, b.has_time, config.language, &config.timezone),
        date_stated: (shown.offset() != b.date.offset())
            .then(|| i18n::long_date(&b.date, b.has_time, config.language, &config.timezone)),
        date_short: i18n::short_date(&b.date, config.language),
        has_time: b.has_time,
        tags: Vec::new(),
        source: b.source.clone(),
        source_page: None,
        dateline: b.dateline.clone(),
        place: None,
        author: b.author.clone(),
        desk_code: b
            .author
            .as_deref()
            .is_some_and(crate::extract::article::is_desk_code),
        summary: b.summary.clone(),
        words: b.words,
        reading_minutes: b.words.div_ceil(200).max(1),
        draft: b.draft,
        story: None,
        coverage: Vec::new(),
        canonical: None,
    }
}
