//! What each page kind shows: its title and the values its template gets.

use super::pagination::Pagination;
use super::shown::{Shown, Value};
use super::views::{self, Views};
use super::{Page, PageKind, Plan, Renderer, chart, counts, i18n, pages, structured};
use crate::archive::paginate::{self, Pager};
use crate::archive::{Facet, Month, timeline};

impl Renderer<'_> {
    /// The page's title; a later page of a list says which (`Korea Utara · Halaman 2`), so
    /// no two pages of a site share one.
    pub(super) fn title(&self, page: &Page) -> String {
        let numbered = |title: String, number: usize| match number {
            0 | 1 => title,
            n => format!("{title} · {} {n}", self.strings["page"]),
        };
        let a = self.archive;
        match page.kind {
            PageKind::Home(n) if n > 1 => format!("{} {n}", self.strings["page"]),
            PageKind::Group(facet, g, n) => numbered(a.groups(facet)[g].name.clone(), n),
            PageKind::Month(y, m, n) => {
                numbered(views::month_label(&a.years[y].months[m], self.config), n)
            }
            PageKind::Home(_)
            | PageKind::Sitemap
            | PageKind::SitemapIndex
            | PageKind::SitemapPart(_)
            | PageKind::Robots => self.config.title.clone(),
            PageKind::Briefing(i) => a.briefings[i].title.clone(),
            PageKind::Redirect(j) => a.briefings[a.copies[j].1].title.clone(),
            PageKind::Groups(facet) => self.strings[facet.dir()].to_string(),
            PageKind::Timeline => self.strings["timeline"].to_string(),
            PageKind::Year(y) => a.years[y].year.to_string(),
            PageKind::NotFound => self.strings["not_found_title"].to_string(),
            PageKind::Search => self.strings["search"].to_string(),
            PageKind::Feed(None) => self.config.title.clone(),
            PageKind::Feed(Some((facet, g))) => {
                format!("{} — {}", a.groups(facet)[g].name, self.config.title)
            }
            PageKind::Stories(n) => numbered(self.strings["stories"].to_string(), n),
            PageKind::Story(s, n) => numbered(a.stories.list[s].name.clone(), n),
            PageKind::StoryFeed(s) => {
                format!("{} — {}", a.stories.list[s].name, self.config.title)
            }
        }
    }

    /// What `page` shows: its title and every value its template gets.
    pub(crate) fn shown<'r>(&'r self, page: &Page, plan: &'r Plan) -> Shown<'r> {
        let (a, config, views) = (self.archive, self.config, &self.views);
        let mut shown = Shown::new(self.title(page));
        match page.kind {
            PageKind::Home(number) => {
                self.list(&mut shown, &self.all, String::new(), number);
                if number == 1 {
                    shown.made("top_tags", move || {
                        counts::top_tags(views.links(Facet::Tag), counts::TOP_TAGS)
                    });
                }
            }
            PageKind::Briefing(i) => self.show_briefing(&mut shown, i),
            PageKind::Redirect(j) => shown.made("original", move || {
                let original = a.copies[j].1;
                let path = pages::briefing_path(a, config, original);
                serde_json::json!({
                    "title": a.briefings[original].title,
                    "url": config.base_url.link(&path),
                    "permalink": config.base_url.absolute(&path),
                })
            }),
            PageKind::Groups(facet) => {
                shown.made(facet.dir(), move || views.links(facet));
                shown.made("initials", move || counts::by_initial(views.links(facet)));
            }
            PageKind::Group(facet, g, number) => {
                let group = &a.groups(facet)[g];
                let first = pages::group_path(facet, &group.slug);
                // Keyed by hashing, not by serialising: a group has a page per ten briefings.
                shown.made_from(facet.name(), &views.links(facet)[g], |link| *link);
                shown.made_from("per_year", &self.per_year(facet)[g], |years| *years);
                let feed = format!("{first}{}", pages::FEED_FILE);
                shown.made_from("feed_url", feed, |feed| config.base_url.link(feed));
                self.list(&mut shown, &group.members, first, number);
            }
            PageKind::Timeline => self.show_timeline(&mut shown),
            PageKind::Year(y) => self.show_year(&mut shown, y),
            PageKind::Month(y, m, number) => self.show_month(&mut shown, y, m, number),
            PageKind::Sitemap | PageKind::SitemapPart(_) => {
                let part = match page.kind {
                    PageKind::SitemapPart(part) => Some(part),
                    _ => None,
                };
                let listed = self.sitemap_listed(plan, part);
                shown.made_from("entries", listed, |listed| self.sitemap(listed));
            }
            PageKind::SitemapIndex => shown.made("sitemaps", move || self.sitemap_index(plan)),
            PageKind::Robots => shown.made("sitemap_url", move || {
                config.base_url.absolute("sitemap.xml")
            }),
            // The view names the newest shard's tag, which changes with its briefings' texts.
            PageKind::Search => {
                let newest = crate::render::search::shards(a).into_iter().next();
                let members = newest.map(|s| s.members).unwrap_or_default();
                shown.made_from_bodies("search", members, move || self.search_view());
            }
            PageKind::NotFound => shown.add("latest", Value::Cards(self.latest())),
            PageKind::Feed(None) => shown.add("entries", Value::Entries(self.newest(&self.all))),
            PageKind::Feed(Some((facet, g))) => {
                let members = &a.groups(facet)[g].members;
                shown.add("entries", Value::Entries(self.newest(members)));
            }
            PageKind::Stories(number) => self.show_stories(&mut shown, number),
            PageKind::Story(s, number) => self.show_story(&mut shown, s, number),
            PageKind::StoryFeed(s) => self.show_story_feed(&mut shown, s),
        }
        shown
    }

    /// A briefing's page: its body, crumbs, JSON-LD, related cards and neighbours.
    fn show_briefing<'r>(&'r self, shown: &mut Shown<'r>, i: usize) {
        let (a, config, views) = (self.archive, self.config, &self.views);
        let b = &a.briefings[i];
        let crumbs = move || {
            structured::crumbs(
                &b.date,
                config,
                self.strings["home"],
                self.strings["timeline"],
            )
        };
        shown.add("briefing", Value::Briefing(i));
        shown.made_from_briefing("json_ld", i, move || {
            let updated = b.updated.map(|d| d.to_rfc3339());
            structured::briefing(&views.cards[i], updated.as_deref(), &crumbs(), &self.site)
        });
        shown.made_from_briefing("crumbs", i, crumbs);
        shown.made("story", move || self.story_place(i));
        // The other versions of its event are listed above the body already.
        let related = a.related[i].iter().copied();
        let related = related.filter(|&j| !a.coverage.same_event(i, j)).collect();
        shown.add("related", Value::Cards(related));
        shown.add("previous", Value::Card(a.older(i)));
        shown.add("next", Value::Card(a.newer(i)));
    }

    /// A year's page: its calendar, chart and leads, and the years either side.
    fn show_year<'r>(&'r self, shown: &mut Shown<'r>, y: usize) {
        let (a, config, views) = (self.archive, self.config, &self.views);
        let year = move || views.year(&a.years[y], config);
        shown.made("chart", move || chart::year(&year(), &self.strings));
        let number = a.years[y].year;
        shown.made("stories", move || self.stories_in(number, None));
        shown.made("year", year);
        shown.made("older_year", move || {
            let [older, _] = self.year_neighbours(y);
            older
        });
        shown.made("newer_year", move || {
            let [_, newer] = self.year_neighbours(y);
            newer
        });
    }

    /// A page of a month's briefings, with its year's calendar and the months either side.
    fn show_month<'r>(&'r self, shown: &mut Shown<'r>, y: usize, m: usize, number: usize) {
        let (a, config) = (self.archive, self.config);
        let year = &a.years[y];
        let month = &year.months[m];
        // Each view is keyed by what it is made from: a year's counts by month, a month's
        // count. A month page is one of many, and serialising its views to key it cost more
        // than all else it shows.
        let counted = |month: &Month| (month.year, month.month, month.members.len());
        shown.made_from("year", (year.year, year.calendar()), move |_| {
            Views::year_overview(year, config)
        });
        shown.made_from("month", counted(month), move |_| {
            Views::month(month, config)
        });
        let [older, newer] = [timeline::older_month, timeline::newer_month]
            .map(|step| step(&a.years, y, m).map(|(y, m)| &a.years[y].months[m]));
        shown.made_from("older_month", older.map(counted), move |_| {
            older.map(|month| Views::month(month, config))
        });
        shown.made_from("newer_month", newer.map(counted), move |_| {
            newer.map(|month| Views::month(month, config))
        });
        let (in_year, in_month) = (month.year, month.month);
        shown.made("stories", move || self.stories_in(in_year, Some(in_month)));
        let first = pages::month_path(month.year, month.month);
        self.list(shown, &month.members, first, number);
    }

    /// The timeline: every year's overview, the chart, and "on this day".
    fn show_timeline<'r>(&'r self, shown: &mut Shown<'r>) {
        let (a, config) = (self.archive, self.config);
        let years = move || -> Vec<_> {
            a.years
                .iter()
                .map(|y| Views::year_overview(y, config))
                .collect()
        };
        shown.made("chart", move || chart::archive(&years(), &self.strings));
        shown.made("years", years);
        shown.made("on_this_day_date", move || {
            a.briefings
                .first()
                .map(|b| i18n::day_label(&b.date, config.language))
        });
        shown.add("on_this_day", Value::Cards(self.on_this_day()));
    }

    /// A paginated list of briefings, `first` the address of its first page: `briefings`
    /// and `pagination`.
    pub(super) fn list<'r>(
        &'r self,
        shown: &mut Shown<'r>,
        members: &[usize],
        first: String,
        number: usize,
    ) {
        let pager = paginate::page(members, self.config.paginate, number);
        shown.add("briefings", Value::Cards(pager.members.to_vec()));
        self.pagination(shown, first, &pager);
    }

    /// `pagination`: the links of a list whose first page is at `first`.
    pub(super) fn pagination<'r>(&'r self, shown: &mut Shown<'r>, first: String, pager: &Pager) {
        let page = (first, pager.number, pager.total);
        shown.made_from("pagination", page, |(first, number, total)| {
            Pagination::new(self.config, first, *number, *total)
        });
    }

    /// The newest of `members` a feed carries.
    pub(super) fn newest(&self, members: &[usize]) -> Vec<usize> {
        members[..members.len().min(self.config.feed_entries)].to_vec()
    }
}
