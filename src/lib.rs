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
mod html_text;
pub mod import;
pub mod incremental;
pub mod layout;
pub mod listing;
mod load;
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
pub use config::Config;
pub use content::Briefing;
pub use error::{BuildError, Diagnostic};
use load::Loaded;
pub use load::{Read, is_a_site, load_config, read_briefings};
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

impl Site {
    /// What kabar left out of the briefings' files, for their editors to fix.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        let mut all = self.of_briefings(|b| b.warnings.clone());
        all.extend(self.told_twice.iter().cloned());
        all.extend(archive::coverage::copy_warnings(
            &self.archive.briefings,
            &self.archive.coverage,
        ));
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
