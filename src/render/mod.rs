//! [`Plan`] + [`Archive`] → bytes: Tera for pages, `atom_syndication` for feeds.

pub mod chart;
mod context;
pub mod counts;
pub mod feeds;
pub mod files;
pub mod i18n;
pub mod keys;
pub mod pages;
pub mod pagination;
pub mod search;
mod shown;
pub mod statics;
pub mod stories;
pub mod structured;
pub mod templates;
pub mod views;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;
use tera::Context;

use crate::archive::{Archive, Facet, paginate};
use crate::config::Config;
use crate::digest;
use crate::error::Diagnostic;
pub use pages::{Page, PageKind, Plan, plan};
use shown::Shown;
pub use templates::Templates;
use views::{SiteView, Views};

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
    /// The digest of what every page's template gets alike (the site, the strings).
    common_digest: u64,
    strings: BTreeMap<&'static str, &'static str>,
    /// The site and the strings as templates get them, made once: every page clones them,
    /// which shares their maps, instead of serialising them again.
    common: [tera::Value; 2],
    /// Each group's briefings per year, by facet: counted once, on first use, for all of a
    /// facet's pages (a tag on every briefing has thousands of pages).
    per_year: [OnceLock<Vec<Vec<counts::YearCount>>>; 3],
}

/// A page a sitemap lists: its path and its last change.
type Listed<'p> = (&'p str, Option<chrono::DateTime<chrono::FixedOffset>>);

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
        let site = SiteView::new(config, archive);
        let strings = i18n::strings(config.language);
        Renderer {
            views,
            all: (0..archive.briefings.len()).collect(),
            common_digest: digest::of_serialized(&(&site, &strings)),
            common: [
                tera::Value::from_serializable(&site),
                tera::Value::from_serializable(&strings),
            ],
            site,
            strings,
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
        self.render_shown(page, &self.shown(page, plan))
    }

    /// Renders `page` from what it shows (see [`Renderer::shown`]).
    pub(crate) fn render_shown(&self, page: &Page, shown: &Shown) -> Result<Vec<u8>, Diagnostic> {
        let Some(template) = page.kind.template() else {
            return self.feed(page, shown).map(String::into_bytes);
        };
        let context = self.context(page, shown)?;
        self.templates
            .render(template, &context)
            .map(String::into_bytes)
    }

    /// What every page's template gets: the site, the strings and the page itself.
    fn common(&self, page: &Page, title: &str) -> Context {
        let base = &self.config.base_url;
        let mut context = Context::new();
        let [site, strings] = &self.common;
        context.insert_value("site", site.clone());
        context.insert_value("t", strings.clone());
        context.insert(
            "page",
            &serde_json::json!({
                "path": page.path,
                "url": base.link(&page.path),
                "permalink": base.absolute(&page.path),
                "title": title,
                "kind": page.kind.name(),
            }),
        );
        context
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

    /// The years with briefings before and after year `y`: `{year, url, count}`.
    pub fn year_neighbours(&self, y: usize) -> [Option<views::YearLink>; 2] {
        let years = &self.archive.years;
        let view = |y: usize| views::YearLink::new(&years[y], self.config);
        [
            (y + 1 < years.len()).then(|| view(y + 1)),
            y.checked_sub(1).map(view),
        ]
    }

    /// Earlier briefings of the newest briefing's day and month.
    fn on_this_day(&self) -> Vec<usize> {
        let a = self.archive;
        crate::archive::timeline::on_this_day(&a.briefings, &a.years, ON_THIS_DAY)
    }

    /// Where the search page finds the index: the bundle and its shards, newest first.
    pub fn search_view(&self) -> views::SearchView {
        let shards = search::shards(self.archive);
        views::SearchView {
            bundle_url: self
                .config
                .base_url
                .link(&format!("{}/", search::SEARCH_DIR)),
            directory: search::directory::DIRECTORY.to_string(),
            lookup_files: if shards.is_empty() {
                0
            } else {
                search::lookup::file_count(self.archive.briefings.len())
            },
            language: self.config.language.code(),
            preloads: shards.first().map(|newest| self.search_preloads(newest)),
            sizes: shards.iter().map(|s| s.members.len()).collect(),
            shards: shards.into_iter().map(|s| s.name).collect(),
        }
    }

    /// The newest shard's files the search page preloads, its metadata named by its digest.
    fn search_preloads(&self, newest: &search::Shard) -> views::SearchPreloads {
        let language = self.config.language.code();
        let bodies: Vec<u64> = newest
            .members
            .iter()
            .map(|&i| keys::body_digest(&self.archive.briefings[i]))
            .collect();
        let tag = search::meta_tag(search::shard_digest(newest, &self.views, language, &bodies));
        let [_, wasm] = search::runtime_paths(self.config, &newest.name);
        let dir = search::shard_dir(&newest.name);
        let link = |path: &std::path::Path| self.config.base_url.link(&path.to_string_lossy());
        views::SearchPreloads {
            wasm_url: link(&wasm),
            entry_url: format!("{}?ts={tag}", link(&dir.join(search::pagefind::ENTRY_FILE))),
            meta_url: link(&dir.join(search::pagefind::meta_file(language, &tag))),
            meta_tag: tag,
        }
    }

    /// A feed of the entries `shown` names; its address is the list's, `atom.xml` after it.
    fn feed(&self, page: &Page, shown: &Shown) -> Result<String, Diagnostic> {
        let list = page
            .path
            .strip_suffix(pages::FEED_FILE)
            .unwrap_or(&page.path);
        feeds::atom(
            self.archive,
            &self.views,
            self.config,
            shown.entries(),
            &shown.title,
            list,
        )
    }

    /// The sitemap's lines: the whole sitemap's, or those of part `part` of a split one. A
    /// briefing's line carries the date it last changed.
    fn sitemap(&self, listed: &[Listed]) -> Vec<SitemapEntry> {
        listed
            .iter()
            .map(|(path, lastmod)| SitemapEntry {
                loc: self.config.base_url.absolute(path),
                lastmod: lastmod.map(|d| d.to_rfc3339()),
            })
            .collect()
    }

    /// What a sitemap (or one part of it) lists: each page's path and, for a briefing, its
    /// last change. Its lines are made from this alone, and it costs far less to key.
    fn sitemap_listed<'p>(&self, plan: &'p Plan, part: Option<usize>) -> Vec<Listed<'p>> {
        plan.sitemap_part(part)
            .map(|p| {
                let lastmod = match p.kind {
                    PageKind::Briefing(i) => self.archive.last_change([i]),
                    _ => None,
                };
                (p.path.as_str(), lastmod)
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
