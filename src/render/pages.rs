//! The plan: every file the site will have, decided in one place, with clashes reported.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use super::stories::{STORIES_PATH, story_path};
use crate::archive::paginate::{page_path, paginate};
use crate::archive::{Archive, Facet};
use crate::config::Config;
use crate::content::{Asset, Briefing};
use crate::error::Diagnostic;
use crate::layout::CONTENT_DIR;

/// What a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// Page `n` (1-based) of the latest briefings.
    Home(usize),
    Briefing(usize),
    /// A copy's address (its position in the archive's copies), leading to the original.
    Redirect(usize),
    /// Every tag, source or place with its count.
    Groups(Facet),
    /// A tag's, source's or place's briefings: its position, page number.
    Group(Facet, usize, usize),
    Timeline,
    /// Year position.
    Year(usize),
    /// Year position, month position, page number.
    Month(usize, usize, usize),
    NotFound,
    /// The search page, on sites with search.
    Search,
    /// `sitemap.xml`: the whole sitemap, on a site whose addresses fit one file.
    Sitemap,
    /// `sitemap.xml` on a site too large for one file: the index of its parts.
    SitemapIndex,
    /// Part `n` (0-based) of a sitemap split in files of at most [`SITEMAP_URLS`] addresses.
    SitemapPart(usize),
    Robots,
    /// The site's feed, or a tag's, source's or place's.
    Feed(Option<(Facet, usize)>),
    /// Page `n` (1-based) of the list of stories, on a site with stories.
    Stories(usize),
    /// A story's briefings, oldest first: its position in the archive's stories, page
    /// number.
    Story(usize, usize),
    /// A story's feed.
    StoryFeed(usize),
}

impl PageKind {
    /// The template that renders it; `None` for pages made without one (feeds).
    /// The kind's name, as templates see it in `page.kind`.
    pub fn name(self) -> &'static str {
        match self {
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
            PageKind::Feed(_) | PageKind::StoryFeed(_) => "feed",
            PageKind::Stories(_) => "stories",
            PageKind::Story(..) => "story",
        }
    }

    pub fn template(self) -> Option<&'static str> {
        Some(match self {
            PageKind::Home(_) => "index.html",
            PageKind::Briefing(_) => "briefing.html",
            PageKind::Redirect(_) => "redirect.html",
            PageKind::Groups(Facet::Tag) => "tags.html",
            PageKind::Groups(Facet::Source) => "sources.html",
            PageKind::Groups(Facet::Place) => "places.html",
            PageKind::Group(Facet::Tag, ..) => "tag.html",
            PageKind::Group(Facet::Source, ..) => "source.html",
            PageKind::Group(Facet::Place, ..) => "place.html",
            PageKind::Timeline => "timeline.html",
            PageKind::Year(_) => "year.html",
            PageKind::Month(..) => "month.html",
            PageKind::NotFound => "404.html",
            PageKind::Search => "search.html",
            PageKind::Sitemap | PageKind::SitemapPart(_) => "sitemap.xml",
            PageKind::SitemapIndex => "sitemap_index.xml",
            PageKind::Robots => "robots.txt",
            PageKind::Stories(_) => "stories.html",
            PageKind::Story(..) => "story.html",
            PageKind::Feed(_) | PageKind::StoryFeed(_) => return None,
        })
    }
}

/// One page to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The site path, without the base path: `` (home), `tags/korea-utara/`, `atom.xml`.
    pub path: String,
    pub kind: PageKind,
}

impl Page {
    /// The file it is written to, relative to the output folder.
    pub fn output(&self) -> PathBuf {
        output_file(&self.path)
    }

    pub fn is_html(&self) -> bool {
        self.path.is_empty() || self.path.ends_with('/') || self.path.ends_with(".html")
    }
}

/// The most addresses one sitemap file may hold (the sitemaps.org protocol's limit).
pub const SITEMAP_URLS: usize = 50_000;
/// The most bytes a sitemap file is let grow to: the protocol allows 50 MB.
const SITEMAP_BYTES: usize = 45_000_000;
/// The bytes of a sitemap line beyond its address: tags, a date, a line break.
const SITEMAP_LINE_BYTES: usize = 80;

/// `tags/a/` → `tags/a/index.html`; `atom.xml` → `atom.xml`.
pub fn output_file(site_path: &str) -> PathBuf {
    if site_path.is_empty() || site_path.ends_with('/') {
        PathBuf::from(format!("{site_path}index.html"))
    } else {
        PathBuf::from(site_path)
    }
}

/// Where a copied file's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopySource {
    /// A file of the site, relative to its root.
    File(PathBuf),
    /// A file of the built-in theme.
    Builtin(&'static [u8]),
}

/// A file copied as is into the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCopy {
    pub from: CopySource,
    /// Relative to the output folder.
    pub to: PathBuf,
}

#[derive(Debug, Default)]
pub struct Plan {
    pub pages: Vec<Page>,
    pub copies: Vec<FileCopy>,
    /// Where a sitemap too large for one file splits: ranges of
    /// [`Plan::sitemap_part`]`(None)`, one per file; empty when one file holds it all.
    pub sitemap_parts: Vec<Range<usize>>,
    /// The briefings whose text an older one already tells (by position, in order): their
    /// pages name the first as canonical, so the sitemap leaves them out.
    pub told_again: Vec<usize>,
}

impl Plan {
    /// The pages the sitemap lists, in its order: all of them (`None`), or those of one part
    /// of a split sitemap.
    pub fn sitemap_part(&self, part: Option<usize>) -> impl Iterator<Item = &Page> {
        let range = part.map_or(0..usize::MAX, |k| self.sitemap_parts[k].clone());
        let listed = self.pages.iter().filter(|p| listed(p, &self.told_again));
        listed.skip(range.start).take(range.len())
    }
}

/// Whether the sitemap lists a page: an HTML page, unless it is the 404 page, a copy's
/// address, or the page of a text told again (`told_again`, see [`Plan::told_again`]).
fn listed(page: &Page, told_again: &[usize]) -> bool {
    let again = |i: usize| told_again.binary_search(&i).is_ok();
    page.is_html()
        && !matches!(page.kind, PageKind::NotFound | PageKind::Redirect(_))
        && !matches!(page.kind, PageKind::Briefing(i) if again(i))
}

/// `sitemap-1.xml` for part 0.
pub fn sitemap_part_path(part: usize) -> String {
    format!("sitemap-{}.xml", part + 1)
}

/// Splits the sitemap's addresses into files within the protocol's limits of count and size.
fn split_sitemap(pages: &[Page], told_again: &[usize], config: &Config) -> Vec<Range<usize>> {
    // Every address is the site's followed by the page's path: measured, never built.
    let site = config.base_url.absolute("").len();
    let mut parts = Vec::new();
    let (mut start, mut bytes, mut count) = (0, 0, 0);
    for page in pages.iter().filter(|p| listed(p, told_again)) {
        let address = site + page.path.trim_start_matches('/').len();
        let line = address + SITEMAP_LINE_BYTES;
        if count > start && (count - start == SITEMAP_URLS || bytes + line > SITEMAP_BYTES) {
            parts.push(start..count);
            (start, bytes) = (count, 0);
        }
        bytes += line;
        count += 1;
    }
    if parts.is_empty() {
        return parts;
    }
    parts.push(start..count);
    parts
}

pub fn briefing_path(archive: &Archive, config: &Config, i: usize) -> String {
    permalink_path(&archive.briefings[i], config)
}

/// The site path of a briefing's page, from the `permalink` pattern.
pub fn permalink_path(b: &Briefing, config: &Config) -> String {
    config.permalink.expand(&b.date, &b.slug)
}

/// `tags/`, `sources/`, `places/`.
pub fn groups_path(facet: Facet) -> String {
    format!("{}/", facet.dir())
}

/// `tags/<slug>/`, `sources/<slug>/`, `places/<slug>/`.
pub fn group_path(facet: Facet, slug: &str) -> String {
    format!("{}/{slug}/", facet.dir())
}

pub fn year_path(year: i32) -> String {
    format!("timeline/{year}/")
}

pub fn month_path(year: i32, month: u32) -> String {
    format!("timeline/{year}/{month:02}/")
}

pub const FEED_FILE: &str = "atom.xml";
pub const SEARCH_PATH: &str = "search/";

/// Lists every page and copied file; two things claiming one output file is an error
/// naming both.
pub fn plan(
    archive: &Archive,
    config: &Config,
    assets: &[Asset],
    statics: Vec<FileCopy>,
) -> Result<Plan, Vec<Diagnostic>> {
    let mut pages = Vec::new();
    let home = (0..archive.briefings.len()).collect::<Vec<_>>();
    for pager in paginate(&home, config.paginate) {
        pages.push(Page {
            path: page_path("", pager.number),
            kind: PageKind::Home(pager.number),
        });
    }
    for i in 0..archive.briefings.len() {
        pages.push(Page {
            path: briefing_path(archive, config, i),
            kind: PageKind::Briefing(i),
        });
    }
    plan_redirects(&mut pages, archive, config);
    for facet in Facet::ALL {
        plan_groups(&mut pages, archive, config, facet);
    }
    pages.push(Page {
        path: "timeline/".into(),
        kind: PageKind::Timeline,
    });
    for (y, year) in archive.years.iter().enumerate() {
        pages.push(Page {
            path: year_path(year.year),
            kind: PageKind::Year(y),
        });
        for (m, month) in year.months.iter().enumerate() {
            let first = month_path(month.year, month.month);
            for pager in paginate(&month.members, config.paginate) {
                pages.push(Page {
                    path: page_path(&first, pager.number),
                    kind: PageKind::Month(y, m, pager.number),
                });
            }
        }
    }
    plan_stories(&mut pages, archive, config);
    pages.push(Page {
        path: FEED_FILE.into(),
        kind: PageKind::Feed(None),
    });
    if config.search {
        pages.push(Page {
            path: SEARCH_PATH.into(),
            kind: PageKind::Search,
        });
    }
    pages.push(Page {
        path: "robots.txt".into(),
        kind: PageKind::Robots,
    });
    pages.push(Page {
        path: "404.html".into(),
        kind: PageKind::NotFound,
    });
    let told_again: Vec<usize> = archive.coverage.copies.iter().map(|c| c.copy).collect();
    let sitemap_parts = split_sitemap(&pages, &told_again, config);
    plan_sitemap(&mut pages, sitemap_parts.len());

    let copies = site_files_win(
        asset_copies(archive, config, assets)
            .into_iter()
            .chain(statics),
    );
    let plan = Plan {
        pages,
        copies,
        sitemap_parts,
        told_again,
    };
    check_clashes(&plan, archive)?;
    Ok(plan)
}

/// A file of the site (under `content/` or `static/`) replaces a built-in file of the same
/// name, as a theme file is overridden; two writers of one file would race.
fn site_files_win(copies: impl Iterator<Item = FileCopy>) -> Vec<FileCopy> {
    let mut copies: Vec<FileCopy> = copies.collect();
    let site_files: HashSet<PathBuf> = copies
        .iter()
        .filter(|c| matches!(c.from, CopySource::File(_)))
        .map(|c| c.to.clone())
        .collect();
    copies.retain(|c| matches!(c.from, CopySource::File(_)) || !site_files.contains(&c.to));
    copies
}

/// A facet's index page and each group's pages and feed. Sources and places have no pages
/// at all when no briefing names one; tags always have their index, as the menu links it.
fn plan_groups(pages: &mut Vec<Page>, archive: &Archive, config: &Config, facet: Facet) {
    let groups = archive.groups(facet);
    if groups.is_empty() && facet != Facet::Tag {
        return;
    }
    pages.push(Page {
        path: groups_path(facet),
        kind: PageKind::Groups(facet),
    });
    for (g, group) in groups.iter().enumerate() {
        let first = group_path(facet, &group.slug);
        for pager in paginate(&group.members, config.paginate) {
            pages.push(Page {
                path: page_path(&first, pager.number),
                kind: PageKind::Group(facet, g, pager.number),
            });
        }
        pages.push(Page {
            path: format!("{first}{FEED_FILE}"),
            kind: PageKind::Feed(Some((facet, g))),
        });
    }
}

/// The list of stories, and each story's page and feed, when there are stories.
fn plan_stories(pages: &mut Vec<Page>, archive: &Archive, config: &Config) {
    let stories = &archive.stories.list;
    if stories.is_empty() {
        return;
    }
    let all: Vec<usize> = (0..stories.len()).collect();
    for pager in paginate(&all, config.paginate) {
        pages.push(Page {
            path: page_path(STORIES_PATH, pager.number),
            kind: PageKind::Stories(pager.number),
        });
    }
    for (s, story) in stories.iter().enumerate() {
        let first = story_path(&story.slug);
        pages.push(Page {
            path: format!("{first}{FEED_FILE}"),
            kind: PageKind::StoryFeed(s),
        });
        for pager in paginate(&story.members, config.paginate) {
            pages.push(Page {
                path: page_path(&first, pager.number),
                kind: PageKind::Story(s, pager.number),
            });
        }
    }
}

/// Bundle files go beside their briefing's page; other files keep their place under `content/`.
fn asset_copies(archive: &Archive, config: &Config, assets: &[Asset]) -> Vec<FileCopy> {
    if assets.is_empty() {
        return Vec::new();
    }
    let bundle_pages: BTreeMap<&Path, String> = archive
        .briefings
        .iter()
        .enumerate()
        .map(|(i, b)| (b.path.as_path(), briefing_path(archive, config, i)))
        .collect();
    assets
        .iter()
        .filter_map(|asset| {
            let to = match &asset.bundle {
                Some(index) => {
                    // A draft's files stay out with it.
                    let page = bundle_pages.get(index.as_path())?;
                    let inside = asset.path.strip_prefix(index.parent()?).ok()?;
                    Path::new(page).join(inside)
                }
                None => asset.path.strip_prefix(CONTENT_DIR).ok()?.to_path_buf(),
            };
            Some(FileCopy {
                from: CopySource::File(asset.path.clone()),
                to,
            })
        })
        .collect()
}

/// `sitemap.xml`, and when the sitemap is split, its `parts`.
fn plan_sitemap(pages: &mut Vec<Page>, parts: usize) {
    if parts == 0 {
        pages.push(Page {
            path: "sitemap.xml".into(),
            kind: PageKind::Sitemap,
        });
        return;
    }
    pages.push(Page {
        path: "sitemap.xml".into(),
        kind: PageKind::SitemapIndex,
    });
    pages.extend((0..parts).map(|part| Page {
        path: sitemap_part_path(part),
        kind: PageKind::SitemapPart(part),
    }));
}

/// A page at each copy's own address, unless it is the original's.
fn plan_redirects(pages: &mut Vec<Page>, archive: &Archive, config: &Config) {
    for (j, (copy, original)) in archive.copies.iter().enumerate() {
        let path = permalink_path(copy, config);
        if path != briefing_path(archive, config, *original) {
            pages.push(Page {
                path,
                kind: PageKind::Redirect(j),
            });
        }
    }
}

fn check_clashes(plan: &Plan, archive: &Archive) -> Result<(), Vec<Diagnostic>> {
    // Keyed by the bytes of each output path, as the plan and the walk write them (clean,
    // relative): hashing paths component by component cost milliseconds per rebuild.
    let mut owners: FxHashMap<OsString, Option<&Path>> = FxHashMap::default();
    owners.reserve(plan.pages.len());
    let mut errors = Vec::new();
    // Files the site generates claim first (owner `None`), so a clash is blamed on the
    // editor's file.
    let generated = plan
        .pages
        .iter()
        .filter(|p| !matches!(p.kind, PageKind::Briefing(_) | PageKind::Redirect(_)));
    for page in generated {
        owners.insert(page.output().into_os_string(), None);
    }
    let briefings = plan.pages.iter().filter_map(|page| match page.kind {
        PageKind::Briefing(i) => Some((page.output(), archive.briefings[i].path.as_path())),
        PageKind::Redirect(j) => Some((page.output(), archive.copies[j].0.path.as_path())),
        _ => None,
    });
    let files = plan.copies.iter().filter_map(|copy| match &copy.from {
        CopySource::File(path) => Some((copy.to.clone(), path.as_path())),
        CopySource::Builtin(_) => None,
    });
    for (output, source) in briefings.chain(files) {
        match owners.get(output.as_os_str()) {
            Some(first) => {
                let first = first.map_or_else(
                    || "a page kabar generates".to_string(),
                    |p| p.display().to_string(),
                );
                errors.push(
                    Diagnostic::file(
                        source,
                        format!(
                            "this file and {first} both want to be /{}",
                            output.display()
                        ),
                    )
                    .with_hint(
                        "give one of them another `slug:` in its front matter, or rename the file",
                    ),
                );
            }
            None => {
                owners.insert(output.into_os_string(), Some(source));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
