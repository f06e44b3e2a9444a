//! [`Plan`] + [`Archive`] → bytes: Tera for pages, `atom_syndication` for feeds.

pub mod chart;
pub mod counts;
pub mod feeds;
pub mod files;
pub mod i18n;
pub mod keys;
pub mod pages;
pub mod pagination;
pub mod search;
pub mod statics;
pub mod structured;
pub mod templates;
pub mod views;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;
use tera::Context;

use crate::archive::{Archive, Facet, paginate, timeline};
use crate::config::Config;
use crate::error::Diagnostic;
pub use pages::{Page, PageKind, Plan, plan};
use pagination::Pagination;
pub use templates::Templates;
use views::{BriefingView, SiteView, Views};

/// How many earlier briefings the timeline's "on this day" block shows.
const ON_THIS_DAY: usize = 10;
/// Briefings the 404 page offers.
const LATEST: usize = 5;

/// Everything pages are rendered from, computed once per build and shared across threads.
pub struct Renderer<'a> {
    archive: &'a Archive,
    config: &'a Config,
    templates: &'a Templates,
    views: Views,
    /// Every briefing's position, newest first: the home pages' and site feed's list.
    all: Vec<usize>,
    site: SiteView,
    strings: BTreeMap<&'static str, &'static str>,
    /// Each group's briefings per year, by facet: counted once, on first use, for all of a
    /// facet's pages (a tag on every briefing has thousands of pages).
    per_year: [OnceLock<Vec<Vec<counts::YearCount>>>; 3],
}

/// A sitemap line.
#[derive(Serialize, Hash)]
struct SitemapEntry {
    loc: String,
    lastmod: Option<String>,
}

impl<'a> Renderer<'a> {
    pub fn new(archive: &'a Archive, config: &'a Config, templates: &'a Templates) -> Self {
        Self::with_views(archive, config, templates, Views::new(archive, config))
    }

    /// A renderer over views made beforehand (from a rebuild's card cache).
    pub fn with_views(
        archive: &'a Archive,
        config: &'a Config,
        templates: &'a Templates,
        views: Views,
    ) -> Self {
        Renderer {
            views,
            all: (0..archive.briefings.len()).collect(),
            site: SiteView::new(config, archive),
            strings: i18n::strings(config.language),
            per_year: Default::default(),
            archive,
            config,
            templates,
        }
    }

    /// The views pages are rendered from, for what is made beside the pages (search).
    pub fn views(&self) -> &Views {
        &self.views
    }

    /// The views back, for a rebuild to keep.
    pub fn into_views(self) -> Views {
        self.views
    }

    pub fn render(&self, page: &Page, plan: &Plan) -> Result<Vec<u8>, Diagnostic> {
        let Some(template) = page.kind.template() else {
            return self.feed(page).map(String::into_bytes);
        };
        let mut context = self.common(page);
        self.fill(&mut context, page, plan)?;
        self.templates
            .render(template, &context)
            .map(String::into_bytes)
    }

    fn common(&self, page: &Page) -> Context {
        let base = &self.config.base_url;
        let mut context = Context::new();
        context.insert("site", &self.site);
        context.insert("t", &self.strings);
        context.insert(
            "page",
            &serde_json::json!({
                "path": page.path,
                "url": base.link(&page.path),
                "permalink": base.absolute(&page.path),
                "title": self.title(page),
                "kind": kind_name(page.kind),
            }),
        );
        context
    }

    /// The page's title; a later page of a list says which (`Korea Utara · Halaman 2`), so
    /// no two pages of a site share one.
    fn title(&self, page: &Page) -> String {
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
        }
    }

    fn fill(&self, context: &mut Context, page: &Page, plan: &Plan) -> Result<(), Diagnostic> {
        let (a, config, views) = (self.archive, self.config, &self.views);
        match page.kind {
            PageKind::Home(number) => {
                self.list(context, &self.all, "", number);
                if number == 1 {
                    let tags = counts::top_tags(views.links(Facet::Tag), counts::TOP_TAGS);
                    context.insert("top_tags", &tags);
                }
            }
            PageKind::Briefing(i) => {
                let b = &a.briefings[i];
                let body = b.body.html()?;
                context.insert(
                    "briefing",
                    &BriefingView {
                        card: &views.cards[i],
                        body: &body,
                        updated: b.updated.map(|d| d.to_rfc3339()),
                        updated_long: b
                            .updated
                            .map(|d| i18n::long_date(&d, true, config.language, &config.timezone)),
                        path: b.path.display().to_string(),
                        cited: &b.cited,
                        lede: views::lede(&b.summary, &body),
                    },
                );
                let crumbs = structured::crumbs(
                    &b.date,
                    config,
                    self.strings["home"],
                    self.strings["timeline"],
                );
                let updated = b.updated.map(|d| d.to_rfc3339());
                context.insert(
                    "json_ld",
                    &structured::briefing(&views.cards[i], updated.as_deref(), &crumbs, &self.site),
                );
                context.insert("crumbs", &crumbs);
                context.insert("related", &views.cards(&a.related[i]));
                context.insert("previous", &a.older(i).map(|j| &views.cards[j]));
                context.insert("next", &a.newer(i).map(|j| &views.cards[j]));
            }
            PageKind::Redirect(j) => {
                let original = a.copies[j].1;
                let path = pages::briefing_path(a, config, original);
                context.insert(
                    "original",
                    &serde_json::json!({
                        "title": a.briefings[original].title,
                        "url": config.base_url.link(&path),
                        "permalink": config.base_url.absolute(&path),
                    }),
                );
            }
            PageKind::Groups(facet) => {
                context.insert(facet.dir(), views.links(facet));
                context.insert("initials", &counts::by_initial(views.links(facet)));
            }
            PageKind::Group(facet, g, number) => {
                let group = &a.groups(facet)[g];
                let first = pages::group_path(facet, &group.slug);
                context.insert(facet.name(), &views.links(facet)[g]);
                context.insert("per_year", &self.per_year(facet)[g]);
                context.insert(
                    "feed_url",
                    &config
                        .base_url
                        .link(&format!("{first}{}", pages::FEED_FILE)),
                );
                self.list(context, &group.members, &first, number);
            }
            PageKind::Timeline => {
                let years: Vec<_> = a
                    .years
                    .iter()
                    .map(|y| Views::year_overview(y, config))
                    .collect();
                context.insert("chart", &chart::archive(&years, &self.strings));
                context.insert("years", &years);
                let today = a
                    .briefings
                    .first()
                    .map(|b| i18n::day_label(&b.date, config.language));
                context.insert("on_this_day_date", &today);
                context.insert("on_this_day", &views.cards(&self.on_this_day()));
            }
            PageKind::Year(y) => {
                let year = views.year(&a.years[y], config);
                context.insert("chart", &chart::year(&year, &self.strings));
                context.insert("year", &year);
                let [older, newer] = self.year_neighbours(y);
                context.insert("older_year", &older);
                context.insert("newer_year", &newer);
            }
            PageKind::Month(y, m, number) => {
                let month = &a.years[y].months[m];
                context.insert("year", &Views::year_overview(&a.years[y], config));
                context.insert("month", &Views::month(month, config));
                let [older, newer] = self.month_neighbours(y, m);
                context.insert("older_month", &older);
                context.insert("newer_month", &newer);
                let first = pages::month_path(month.year, month.month);
                self.list(context, &month.members, &first, number);
            }
            PageKind::Sitemap => context.insert("entries", &self.sitemap(plan, None)),
            PageKind::SitemapPart(part) => {
                context.insert("entries", &self.sitemap(plan, Some(part)))
            }
            PageKind::SitemapIndex => context.insert("sitemaps", &self.sitemap_index(plan)),
            PageKind::Robots => {
                context.insert("sitemap_url", &config.base_url.absolute("sitemap.xml"))
            }
            PageKind::Search => context.insert("search", &self.search_view()),
            PageKind::NotFound => context.insert("latest", &views.cards(&self.latest())),
            PageKind::Feed(_) => {}
        }
        Ok(())
    }

    /// Every group of `facet`, its briefings counted per year.
    fn per_year(&self, facet: Facet) -> &[Vec<counts::YearCount>] {
        self.per_year[facet as usize].get_or_init(|| {
            let briefings = &self.archive.briefings;
            self.archive
                .groups(facet)
                .iter()
                .map(|group| {
                    let first = pages::group_path(facet, &group.slug);
                    let link = |n| self.config.base_url.link(&paginate::page_path(&first, n));
                    counts::per_year(&group.members, briefings, self.config.paginate, link)
                })
                .collect()
        })
    }

    /// The newest briefings, offered where a reader is lost (the 404 page).
    pub fn latest(&self) -> Vec<usize> {
        (0..self.archive.briefings.len().min(LATEST)).collect()
    }

    /// The months with briefings before and after month `m` of year `y`.
    pub fn month_neighbours(&self, y: usize, m: usize) -> [Option<views::MonthView>; 2] {
        let years = &self.archive.years;
        let view = |(y, m): (usize, usize)| Views::month(&years[y].months[m], self.config);
        [
            timeline::older_month(years, y, m).map(view),
            timeline::newer_month(years, y, m).map(view),
        ]
    }

    /// The years with briefings before and after year `y`: `{year, url, count}`.
    pub fn year_neighbours(&self, y: usize) -> [Option<views::YearLink>; 2] {
        let years = &self.archive.years;
        let view = |y: usize| views::YearLink::new(&years[y], self.config);
        [
            (y + 1 < years.len()).then(|| view(y + 1)),
            y.checked_sub(1).map(view),
        ]
    }

    /// A paginated list of briefings: `briefings` and `pagination`.
    fn list(&self, context: &mut Context, members: &[usize], first: &str, number: usize) {
        let pager = paginate::page(members, self.config.paginate, number);
        context.insert("briefings", &self.views.cards(pager.members));
        let pagination = Pagination::new(self.config, first, pager.number, pager.total);
        context.insert("pagination", &pagination);
    }

    /// Earlier briefings of the newest briefing's day and month.
    fn on_this_day(&self) -> Vec<usize> {
        let a = self.archive;
        crate::archive::timeline::on_this_day(&a.briefings, &a.years, ON_THIS_DAY)
    }

    /// Where the search page finds the index: the bundle and its shards, newest first.
    pub fn search_view(&self) -> views::SearchView {
        views::SearchView {
            bundle_url: self
                .config
                .base_url
                .link(&format!("{}/", search::SEARCH_DIR)),
            shards: search::shards(self.archive)
                .into_iter()
                .map(|s| s.name)
                .collect(),
        }
    }

    fn feed(&self, page: &Page) -> Result<String, Diagnostic> {
        let a = self.archive;
        let title = self.title(page);
        match page.kind {
            PageKind::Feed(Some((facet, g))) => feeds::atom(
                a,
                &self.views,
                self.config,
                &a.groups(facet)[g].members,
                &title,
                &pages::group_path(facet, &a.groups(facet)[g].slug),
            ),
            _ => feeds::atom(a, &self.views, self.config, &self.all, &title, ""),
        }
    }

    /// The sitemap's lines: the whole sitemap's, or those of part `part` of a split one. A
    /// briefing's line carries the date it last changed.
    fn sitemap(&self, plan: &Plan, part: Option<usize>) -> Vec<SitemapEntry> {
        plan.sitemap_part(part)
            .map(|p| SitemapEntry {
                loc: self.config.base_url.absolute(&p.path),
                lastmod: match p.kind {
                    PageKind::Briefing(i) => self.archive.last_change([i]).map(|d| d.to_rfc3339()),
                    _ => None,
                },
            })
            .collect()
    }

    /// The index of a split sitemap: each part's address, and the newest change it lists.
    fn sitemap_index(&self, plan: &Plan) -> Vec<SitemapEntry> {
        let briefings = |part: usize| {
            plan.sitemap_part(Some(part)).filter_map(|p| match p.kind {
                PageKind::Briefing(i) => Some(i),
                _ => None,
            })
        };
        (0..plan.sitemap_parts.len())
            .map(|part| SitemapEntry {
                loc: self
                    .config
                    .base_url
                    .absolute(&pages::sitemap_part_path(part)),
                lastmod: self
                    .archive
                    .last_change(briefings(part))
                    .map(|d| d.to_rfc3339()),
            })
            .collect()
    }
}

fn kind_name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Home(_) => "home",
        PageKind::Briefing(_) => "briefing",
        PageKind::Redirect(_) => "redirect",
        PageKind::Groups(facet) => facet.dir(),
        PageKind::Group(facet, ..) => facet.name(),
        PageKind::Timeline => "timeline",
        PageKind::Year(_) => "year",
        PageKind::Month(..) => "month",
        PageKind::NotFound => "404",
        PageKind::Search => "search",
        PageKind::Sitemap | PageKind::SitemapPart(_) => "sitemap",
        PageKind::SitemapIndex => "sitemap_index",
        PageKind::Robots => "robots",
        PageKind::Feed(_) => "feed",
    }
}
