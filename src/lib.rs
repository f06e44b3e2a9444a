//! kabar: a static site generator for briefing archives.
//!
//! The build is a pipeline of plain data (see docs/ARCHITECTURE.md):
//! `site.yaml` → [`Config`]; `content/` → [`content::Source`]s → [`Briefing`]s (parallel) →
//! [`Archive`] → [`render::Plan`] → bytes (parallel) → [`publish`].

// Items only this crate can reach say so (`pub(crate)`), so `pub` marks the library's surface.
#![warn(unreachable_pub)]

pub mod archive;
mod build;
pub mod changes;
pub mod chars;
pub mod check;
pub mod config;
pub mod content;
pub mod deploy;
mod digest;
pub mod error;
pub mod extract;
pub mod import;
pub mod incremental;
pub mod layout;
pub mod listing;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod serve;
mod slug;
mod summary;
pub mod time;
pub mod timings;
pub mod watch;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use archive::Archive;
pub use build::build;
use build::cache::FileKey;
pub use config::Config;
pub use content::Briefing;
use content::{Body, Shelf};
pub use error::{BuildError, Diagnostic};
use render::files::OutputFile;
use render::{Plan, Renderer, Templates};
use timings::Timings;

/// What to build, as the command line says it.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site folder (holding `site.yaml`, `content/`, ...).
    pub root: PathBuf,
    /// Where to write the site; `root/public` when not given.
    pub output: Option<PathBuf>,
    /// Replaces `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Includes briefings marked `draft: true`.
    pub drafts: bool,
    /// Replaces the output folder even when kabar did not write it.
    pub force: bool,
    /// Broken links in briefings fail the build (as `build.strict` in `site.yaml`).
    pub strict: bool,
    /// A briefing that cannot be read is left out, with a warning, and the rest built (as
    /// `build.on_error: skip` in `site.yaml`).
    pub keep_going: bool,
}

impl Options {
    pub fn new(root: impl Into<PathBuf>) -> Options {
        Options {
            root: root.into(),
            ..Options::default()
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a build did, for the summary line.
#[derive(Debug, Clone)]
pub struct Report {
    pub briefings: usize,
    pub tags: usize,
    pub pages: usize,
    /// Pages plus files copied as they are.
    pub files: usize,
    pub elapsed: Duration,
    pub timings: Timings,
    /// Problems kabar worked around (the site was still built), by file.
    pub warnings: Vec<Diagnostic>,
    /// Nothing changed since the last build, which left the output as it was: the figures
    /// are that build's.
    pub unchanged: bool,
    /// Search shards indexed by this build, and reused from the last output.
    pub shards: (usize, usize),
    /// Briefings marked `draft: true` that the site leaves out.
    pub drafts_left_out: usize,
    /// Briefings left out because they could not be read (with `--keep-going`), each
    /// with its problem.
    pub skipped: Vec<Diagnostic>,
    /// The addresses made from titles, by source file (see [`Site::made_addresses`]).
    pub made_addresses: std::collections::BTreeMap<PathBuf, String>,
    /// Files parsed and pages rendered, rather than taken from the last build (see
    /// `.public.kabar-cache` in the README).
    pub made_anew: MadeAnew,
}

/// What a build parsed and rendered itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct MadeAnew {
    pub files: usize,
    pub pages: usize,
}

impl Report {
    fn new(site: &Site, pages: usize, started: Instant) -> Report {
        Report {
            briefings: site.archive.briefings.len(),
            tags: site.archive.tags().len(),
            pages,
            files: pages + site.plan.copies.len(),
            elapsed: started.elapsed(),
            timings: site.timings.clone(),
            warnings: site.warnings(),
            unchanged: false,
            shards: (0, 0),
            drafts_left_out: site.drafts_left_out,
            skipped: site.skipped.clone(),
            made_addresses: Default::default(),
            made_anew: MadeAnew::default(),
        }
    }
}

/// The site read and planned, ready to render.
pub struct Site {
    pub config: Config,
    pub archive: Archive,
    pub plan: Plan,
    pub templates: Arc<Templates>,
    /// How long each stage so far took.
    pub timings: Timings,
    /// Briefings marked `draft: true` that were not read into the site.
    pub drafts_left_out: usize,
    /// Briefings left out because they could not be read (with `--keep-going`).
    pub skipped: Vec<Diagnostic>,
    /// Stories in `content/` twice that the site publishes once (see
    /// [`archive::duplicates`]).
    told_twice: Vec<Diagnostic>,
}

fn sort_by_place(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
}

/// Reads the configuration; `--base-url` wins over `site.yaml`. A folder that is not a site
/// (no `site.yaml`, no `content/`) is refused, so a mistyped `--root` builds nothing.
pub fn load_config(options: &Options) -> Result<Config, BuildError> {
    is_a_site(&options.root)?;
    let mut config = Config::load(&options.root)?;
    if let Some(url) = &options.base_url {
        config.base_url = config::BaseUrl::parse(url).map_err(|m| {
            Diagnostic::new("--base-url", 0, 0, m).with_hint("e.g. --base-url https://example.org/")
        })?;
    }
    Ok(config)
}

/// Refuses a folder that is not a site (no `site.yaml`, no `content/`), saying how to make one.
pub fn is_a_site(root: &Path) -> Result<(), Diagnostic> {
    if !root.is_dir() {
        return Err(
            Diagnostic::new(root, 0, 0, "there is no such folder").with_hint(format!(
                "check the --root folder, or make a new site there with `kabar init {}`",
                root.display()
            )),
        );
    }
    let site = root.join(layout::CONFIG_FILE).is_file() || root.join(layout::CONTENT_DIR).is_dir();
    if site {
        return Ok(());
    }
    Err(Diagnostic::new(
        root,
        0,
        0,
        "this folder is not a kabar site: it has no site.yaml and no content/ folder",
    )
    .with_hint(format!(
        "run kabar in the site's folder or name it with --root, or make a new site with `kabar init {}`",
        root.display()
    )))
}

/// Reads every briefing; returns those it could read and the problems with the others.
/// Drafts are left out unless asked for. Bodies go on `shelf` as they are read, when given.
pub fn read_briefings(
    options: &Options,
    found: &content::Discovery,
    config: &Config,
    shelf: Option<&Arc<Shelf>>,
) -> Read {
    read_reusing(options, found, config, shelf, None)
}

/// [`read_briefings`], taking each file whose bytes and time are unchanged from the last
/// build's `cache` as that build parsed it.
fn read_reusing(
    options: &Options,
    found: &content::Discovery,
    config: &Config,
    shelf: Option<&Arc<Shelf>>,
    cache: Option<&build::cache::Cache>,
) -> Read {
    let today = config.timezone.now().date_naive();
    let reader = match content::Reader::new(config) {
        Ok(reader) => reader,
        Err(e) => {
            return Read {
                errors: vec![e],
                ..Read::default()
            };
        }
    };
    let results: Vec<Result<ReadOne, Diagnostic>> = found
        .sources
        .par_iter()
        .map(|source| {
            let path = options.root.join(&source.path);
            let modified = || content::modified(&path);
            if let Some((file, kept)) = cache.and_then(|c| c.take_briefing(&source.path, modified))
            {
                return Ok(ReadOne {
                    file,
                    briefing: kept,
                    parsed: false,
                });
            }
            let (text, modified) = content::read_file(&path, &source.path)?;
            let context = content::Context { today, modified };
            let mut b = content::parse_text(&source.path, source.kind, &text, &reader, &context)?;
            let file = FileKey::of(&text, modified, &b);
            if let (Some(shelf), Body::Held(html)) = (shelf, &mut b.body) {
                b.body = shelf.put(std::mem::take(html));
            }
            Ok(ReadOne {
                file,
                briefing: b,
                parsed: true,
            })
        })
        .collect();
    let mut read = Read::default();
    for result in results {
        read.read_anew += result.as_ref().map_or(1, |one| usize::from(one.parsed));
        match result {
            Ok(one) if one.briefing.draft && !options.drafts => read.drafts_left_out += 1,
            Ok(one) => {
                read.briefings.push(one.briefing);
                read.file_keys.push(one.file);
            }
            Err(e) => read.errors.push(e),
        }
    }
    read
}

/// One briefing file as [`read_reusing`] read it.
struct ReadOne {
    /// What its parse read of its file.
    file: FileKey,
    briefing: Briefing,
    /// Parsed now, rather than taken from the last build's cache.
    parsed: bool,
}

/// What [`read_briefings`] read.
#[derive(Default)]
pub struct Read {
    pub briefings: Vec<Briefing>,
    /// What each briefing's parse read of its file, in the order of `briefings`.
    file_keys: Vec<FileKey>,
    /// The files that could not be read, each with its problem.
    pub errors: Vec<Diagnostic>,
    /// Briefings marked `draft: true`, left out of a build without `--drafts`.
    pub drafts_left_out: usize,
    /// Files parsed, rather than taken from the last build's cache.
    pub read_anew: usize,
}

/// The site as `kabar build` loads it, with what it keeps for the next build.
struct Loaded {
    site: Site,
    /// Each briefing as parsed, with its file's digest.
    parsed: Vec<(FileKey, Arc<Briefing>)>,
    /// Files parsed, rather than taken from the last build's cache.
    read_anew: usize,
    /// The related lists, as the site has them now.
    related: archive::related::Cache,
}

impl Site {
    /// Everything up to rendering. Content and template problems are reported together.
    pub fn load(options: &Options) -> Result<Site, BuildError> {
        let mut timings = Timings::default();
        let config = timings.time("config", || load_config(options))?;
        let fresh = Default::default();
        Site::load_with(options, config, timings, None, (None, fresh)).map(|loaded| loaded.site)
    }

    /// Everything after reading the configuration; `timings` holds the stages so far. Bodies
    /// go on `shelf` when given; files unchanged since the build that left `cache` are taken
    /// from it, and the related lists brought up to date from `related`.
    fn load_with(
        options: &Options,
        config: Config,
        mut timings: Timings,
        shelf: Option<Arc<Shelf>>,
        (cache, related): (Option<&build::cache::Cache>, archive::related::Cache),
    ) -> Result<Loaded, BuildError> {
        let root = &options.root;
        let found = timings.time("discover", || content::discover(root))?;
        let read = timings.time("parse", || {
            read_reusing(options, &found, &config, shelf.as_ref(), cache)
        });
        let (drafts_left_out, read_anew) = (read.drafts_left_out, read.read_anew);
        let briefings: Vec<Arc<Briefing>> = read.briefings.into_iter().map(Arc::new).collect();
        let parsed = read.file_keys.into_iter().zip(briefings.clone()).collect();
        // Left out rather than stopping the build: one editor's typo does not hold back
        // the desk's other briefings.
        let skip = options.keep_going || config.on_error == config::OnError::Skip;
        let (errors, skipped) = match skip {
            true => (Vec::new(), read.errors),
            false => (read.errors, Vec::new()),
        };
        let templates = timings.time("templates", || Templates::load(root, &config).map(Arc::new));
        let mut kept = archive::Cache::with_related(related);
        let mut site = Site::assemble(
            root, config, templates, briefings, errors, &found, &mut kept,
        )?;
        timings.0.append(&mut site.timings.0);
        site.timings = timings;
        site.drafts_left_out = drafts_left_out;
        site.skipped = skipped;
        Ok(Loaded {
            site,
            parsed,
            read_anew,
            related: kept.related.without_words(),
        })
    }

    /// Indexes and plans what was read; fails with every problem found on the way.
    pub fn assemble(
        root: &Path,
        config: Config,
        templates: Result<Arc<Templates>, Vec<Diagnostic>>,
        briefings: Vec<Arc<Briefing>>,
        mut errors: Vec<Diagnostic>,
        found: &content::Discovery,
        kept: &mut archive::Cache,
    ) -> Result<Site, BuildError> {
        let mut timings = Timings::default();
        let archive::Settled {
            briefings,
            copies,
            errors: unsettled,
            told_twice,
        } = archive::settle(briefings, &config.permalink);
        errors.extend(unsettled);
        let archive = timings.time("archive", || {
            Archive::reusing(briefings, kept).with_copies(copies)
        });
        let statics = render::statics::static_copies(root, config.search)?;
        let plan = timings.time("plan", || {
            render::plan(&archive, &config, &found.assets, statics)
        });
        match (templates, plan) {
            (Ok(templates), Ok(plan)) if errors.is_empty() => Ok(Site {
                config,
                archive,
                plan,
                templates,
                timings,
                drafts_left_out: 0,
                skipped: Vec::new(),
                told_twice,
            }),
            (templates, plan) => {
                errors.extend(templates.err().unwrap_or_default());
                errors.extend(plan.err().unwrap_or_default());
                Err(BuildError::Site(errors))
            }
        }
    }

    /// What kabar left out of the briefings' files, for their editors to fix.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        let mut all = self.of_briefings(|b| b.warnings.clone());
        all.extend(self.told_twice.iter().cloned());
        sort_by_place(&mut all);
        all
    }

    /// The raw articles whose date or title an editor should check, one warning each.
    pub fn doubts(&self) -> Vec<Diagnostic> {
        self.of_briefings(|b| b.doubt.clone().into_iter().collect())
    }

    /// The address of each briefing that has no slug of its own (made from its title), by
    /// source file, under the site's root whatever `base_url` is: an editor correcting the
    /// title moves it.
    pub fn made_addresses(&self) -> std::collections::BTreeMap<PathBuf, String> {
        self.briefing_pages()
            .map(|(i, page)| (&self.archive.briefings[i], page))
            .filter(|(b, _)| !b.slug_stated)
            .map(|(b, page)| (b.path.clone(), format!("/{}", page.path)))
            .collect()
    }

    /// Tags that look like one name written two ways, each pair at the `tags` line of a
    /// briefing carrying the less used spelling.
    pub fn lookalike_tags(&self, root: &Path) -> Vec<Diagnostic> {
        let groups = self.archive.groups(archive::Facet::Tag);
        archive::lookalikes::lookalikes(groups)
            .into_iter()
            .filter_map(|(keep, other)| {
                let (keep, other) = (&groups[keep], &groups[other]);
                let path = &self.archive.briefings[*other.members.first()?].path;
                let text = std::fs::read_to_string(root.join(path)).unwrap_or_default();
                let (line, col) = content::front_matter::value_position(&text, "tags");
                Some(
                    Diagnostic::new(
                        path,
                        line,
                        col,
                        format!(
                            "the tags `{}` and `{}` look like one name: their briefings are \
                             split between two tag pages",
                            other.name, keep.name
                        ),
                    )
                    .with_hint(format!(
                        "write `{0}`, or join them in site.yaml: `entities: {{\"{0}\": [\"{1}\"]}}`",
                        keep.name, other.name
                    )),
                )
            })
            .collect()
    }

    /// What `of` says of each briefing, by file, line and column.
    fn of_briefings(&self, of: impl Fn(&Briefing) -> Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self.archive.briefings.iter().flat_map(|b| of(b)).collect();
        sort_by_place(&mut all);
        all
    }

    /// Renders every page, in parallel; all template errors are collected.
    pub fn render(&self) -> Result<Vec<OutputFile>, BuildError> {
        self.render_with(&Renderer::new(&self.archive, &self.config, &self.templates))
    }

    fn render_with(&self, renderer: &Renderer) -> Result<Vec<OutputFile>, BuildError> {
        self.render_each(renderer, |path, bytes| Ok((path, bytes)))
    }

    /// Renders every page in parallel and hands each to `keep`; template errors are all
    /// collected, a failure to keep a page stops the build.
    fn render_each<T: Send>(
        &self,
        renderer: &Renderer,
        keep: impl Fn(PathBuf, Vec<u8>) -> Result<T, BuildError> + Sync,
    ) -> Result<Vec<T>, BuildError> {
        let results: Vec<Result<T, Diagnostic>> = self
            .plan
            .pages
            .par_iter()
            .map(|page| match renderer.render(page, &self.plan) {
                Ok(bytes) => keep(page.output(), bytes).map(Ok),
                Err(e) => Ok(Err(e)),
            })
            .collect::<Result<_, BuildError>>()?;
        all_or_errors(results)
    }

    /// Every path the build writes: `written` and the plan's copies.
    fn outputs<'a>(&'a self, written: impl Iterator<Item = &'a Path>) -> check::Outputs {
        let copied = self.plan.copies.iter().map(|c| c.to.as_path());
        check::Outputs::new(written.chain(copied), self.config.base_url.path())
    }

    /// Each briefing's page: the briefing's position, and the page.
    fn briefing_pages(&self) -> impl Iterator<Item = (usize, &render::Page)> {
        self.plan.pages.iter().filter_map(|page| match page.kind {
            render::PageKind::Briefing(i) => Some((i, page)),
            _ => None,
        })
    }

    /// Each briefing's source file name and address, for the hints of broken links (made
    /// only when a link is broken).
    fn sources(&self) -> impl Iterator<Item = (String, String)> {
        self.briefing_pages().filter_map(|(i, page)| {
            let source = self.archive.briefings[i].path.file_name()?;
            let address = self.config.base_url.link(&page.path);
            Some((source.to_string_lossy().into_owned(), address))
        })
    }

    /// Links editors wrote in briefings that lead to no file the build writes (`written`,
    /// besides the plan's copies), at their line. Cheap enough for every build: no page is
    /// read, only the links recorded when each briefing was parsed.
    pub fn broken_briefing_links<'a>(
        &'a self,
        written: impl Iterator<Item = &'a Path>,
    ) -> Vec<Diagnostic> {
        let outputs = self.outputs(written);
        let mut broken = Vec::new();
        for (i, page) in self.briefing_pages() {
            let at = page.output();
            let links = self.archive.briefings[i].links.iter();
            broken.extend(
                links
                    .filter(|(target, ..)| !outputs.resolve(target, &at))
                    .map(|link| (i, link, at.clone())),
            );
        }
        if broken.is_empty() {
            return Vec::new();
        }
        let outputs = outputs.with_sources(self.sources());
        broken
            .into_iter()
            .map(|(i, (target, line, col), at)| {
                outputs.problem(&self.archive.briefings[i].path, (*line, *col), target, &at)
            })
            .collect()
    }

    /// Problems `kabar check` reports: internal links of every page that lead to no file.
    pub fn broken_links(&self, files: &[OutputFile]) -> Vec<Diagnostic> {
        let outputs = self.outputs(files.iter().map(|(p, _)| p.as_path()));
        let broken = check::broken_links(files, &outputs);
        if broken.is_empty() {
            return Vec::new();
        }
        let outputs = outputs.with_sources(self.sources());
        broken
            .into_iter()
            .map(|broken| self.locate(broken, &outputs))
            .collect()
    }

    /// Names the file an editor would fix: the briefing's own line where the link came from it.
    fn locate(&self, broken: check::BrokenLink, outputs: &check::Outputs) -> Diagnostic {
        let message = format!(
            "link to `{}` leads to no page or file of the site",
            broken.target
        );
        let page = self.plan.pages.iter().find(|p| p.output() == broken.page);
        if let Some(render::PageKind::Briefing(i)) = page.map(|p| p.kind) {
            let b = &self.archive.briefings[i];
            if let Some((_, line, col)) =
                b.links.iter().find(|(target, ..)| *target == broken.target)
            {
                return outputs.problem(&b.path, (*line, *col), &broken.target, &broken.page);
            }
        }
        let template = page.and_then(|p| p.kind.template()).unwrap_or("?");
        Diagnostic::file(Path::new(layout::TEMPLATES_DIR).join(template), message).with_hint(
            format!("the link is on the page /{}", broken.page.display()),
        )
    }
}

/// Every value, or every distinct problem: the same template error on many pages is
/// reported once.
pub(crate) fn all_or_errors<T>(results: Vec<Result<T, Diagnostic>>) -> Result<Vec<T>, BuildError> {
    let mut values = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(value) => values.push(value),
            Err(e) if !errors.contains(&e) => errors.push(e),
            Err(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(BuildError::Site(errors))
    }
}

/// `kabar check`: everything a build does but writing, plus internal links.
pub fn check(options: &Options) -> Result<Report, BuildError> {
    let started = Instant::now();
    let site = Site::load(options)?;
    let files = site.render()?;
    let broken = site.broken_links(&files);
    if !broken.is_empty() {
        return Err(BuildError::Site(broken));
    }
    let mut report = Report::new(&site, files.len(), started);
    report.warnings.extend(site.doubts());
    report.warnings.extend(site.lookalike_tags(&options.root));
    Ok(report)
}
