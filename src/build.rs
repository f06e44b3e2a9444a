//! `kabar build`: the site read, rendered into a staging folder beside the output as each page
//! is made, its search index made beside the pages, and swapped in whole; or, when nothing it
//! reads has changed since the last build, nothing done at all (see [`crate::publish::stamp`]).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::content::Shelf;
use crate::publish::stamp::{self, Summary};
use crate::publish::{self, Staging};
use crate::render::files::OutputFile;
use crate::render::{self, Renderer};
use crate::timings::Timings;
use crate::{BuildError, Config, Diagnostic, Options, Report, Site, load_config};

/// `kabar build`: read, render, and publish into the output folder only if all went well.
pub fn build(options: &Options) -> Result<Report, BuildError> {
    let started = Instant::now();
    let output = publish::resolve(&options.output_dir());
    publish::check(&options.root, &output, options.force)?;
    let mut timings = Timings::default();
    let config = timings.time("config", || load_config(options))?;
    publish::remove_stale(&output);
    let stamp_file = stamp::path(&options.output_dir());
    let (inputs, last) = timings.time("inputs", || {
        let inputs = stamp::inputs(&options.root, settings(options, &config));
        // `--force` builds everything again, whatever the stamp says.
        let last = stamp_file
            .as_deref()
            .zip(inputs)
            .filter(|_| !options.force)
            .and_then(|(file, inputs)| stamp::up_to_date(file, &output, inputs));
        (inputs, last)
    });
    if let Some(last) = last {
        return Ok(Report::unchanged(last, timings, started));
    }
    // Bodies wait on the disk the site goes to; where no scratch file can be made there,
    // they are held.
    let shelf = output.parent().and_then(|dir| Shelf::new(dir).ok());
    let mut site = Site::load_with(options, config, timings, shelf)?;
    let renderer = site.timings.time("cards", || {
        Renderer::new(&site.archive, &site.config, &site.templates)
    });
    let staging = Staging::begin(&output)?;
    // The search index is the slow part: it is made beside the pages, not after them, on a
    // thread of its own rather than rayon's: Pagefind needs rayon's workers free while the
    // index waits for it (see `render::search::pagefind::on_plain_threads`).
    let ((written, rendering), (search, indexing)) = std::thread::scope(|scope| {
        let search =
            scope.spawn(|| timed(|| site.search_index(renderer.views(), &staging, options.force)));
        let pages = timed(|| site.render_into(&renderer, &staging));
        let search = search
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (pages, search)
    });
    site.timings.record("render", rendering);
    if site.config.search {
        site.timings.record("search index", indexing);
    }
    let (written, search) = (written?, search?);
    let broken = site.broken_briefing_links(written.iter().map(PathBuf::as_path));
    if (options.strict || site.config.strict) && !broken.is_empty() {
        return Err(BuildError::Site(broken));
    }
    let left_behind = site.timings.time("publish", || {
        publish::copy_files(&staging, &options.root, &site.plan.copies)?;
        publish::copy_files(&staging, &options.root, &search.copies)?;
        staging.publish()
    })?;
    let mut report = Report::new(&site, written.len(), started);
    report.shards = (search.indexed, search.reused);
    report.warnings.extend(broken);
    report.made_addresses = site.made_addresses();
    let last = stamp_file.as_deref().and_then(stamp::last_summary);
    if let Some(last) = last {
        report.warnings.extend(moved_addresses(
            &last.made_addresses,
            &report.made_addresses,
        ));
    }
    if let Some((file, inputs)) = stamp_file.as_deref().zip(inputs) {
        let summary = report.summary();
        report
            .timings
            .time("stamp", || stamp::write(file, &output, inputs, summary));
        report.elapsed = started.elapsed();
    }
    report.warnings.extend(left_behind);
    Ok(report)
}

/// What a build reads besides the site's files: the kabar that builds, the options that
/// change pages, and the site's date today (a date written without a year is read against it).
fn settings(options: &Options, config: &Config) -> impl std::hash::Hash {
    let kabar = std::env::current_exe()
        .and_then(std::fs::metadata)
        .ok()
        .map(|meta| (meta.len(), meta.modified().ok()));
    (
        env!("CARGO_PKG_VERSION"),
        kabar,
        options.base_url.clone(),
        options.drafts,
        options.strict,
        options.keep_going,
        config.timezone.now().date_naive(),
    )
}

/// A warning for each briefing whose address, made from its title, is not the one the last
/// build gave it: links to the old address (from readers, from other sites) now break.
fn moved_addresses(
    before: &BTreeMap<PathBuf, String>,
    now: &BTreeMap<PathBuf, String>,
) -> Vec<Diagnostic> {
    now.iter()
        .filter_map(|(path, address)| {
            let old = before.get(path).filter(|old| *old != address)?;
            let old_slug = old.trim_end_matches('/').rsplit('/').next().unwrap_or("");
            Some(
                Diagnostic::file(
                    path,
                    format!(
                        "its address changed from `{old}` to `{address}` since the last build \
                         (it is made from the title): links to the old address now break"
                    ),
                )
                .with_hint(format!(
                    "to keep the old address, add `slug: {old_slug}` to its front matter"
                )),
            )
        })
        .collect()
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    (work(), started.elapsed())
}

impl Report {
    /// The last build's report, for a build that found nothing changed since.
    fn unchanged(last: Summary, timings: Timings, started: Instant) -> Report {
        Report {
            briefings: last.briefings,
            tags: last.tags,
            pages: last.pages,
            files: last.files,
            elapsed: started.elapsed(),
            timings,
            warnings: last.warnings,
            unchanged: true,
            shards: (0, 0),
            drafts_left_out: last.drafts_left_out,
            skipped: last.skipped,
            made_addresses: last.made_addresses,
        }
    }

    fn summary(&self) -> Summary {
        Summary {
            briefings: self.briefings,
            tags: self.tags,
            pages: self.pages,
            files: self.files,
            warnings: self.warnings.clone(),
            drafts_left_out: self.drafts_left_out,
            skipped: self.skipped.clone(),
            made_addresses: self.made_addresses.clone(),
        }
    }
}

impl Site {
    /// Renders every page straight into `staging` as it is made, so the site's bytes are
    /// never held all at once; returns where each page went.
    fn render_into(
        &self,
        renderer: &Renderer,
        staging: &Staging,
    ) -> Result<Vec<PathBuf>, BuildError> {
        staging.make_folders(self.plan.pages.iter().map(|p| p.output()))?;
        self.render_each(renderer, |path, bytes| {
            staging.write(&path, &bytes)?;
            Ok(path)
        })
    }

    /// The search index, reusing shards of the last build's output that did not change
    /// (none when `fresh`); nothing when the site has no search.
    fn search_index(
        &self,
        views: &render::views::Views,
        staging: &Staging,
        fresh: bool,
    ) -> Result<render::search::Indexed, BuildError> {
        if !self.config.search {
            return Ok(render::search::Indexed::default());
        }
        // Written on the indexing thread itself: rayon's workers are busy rendering, and a
        // shard's files queued behind them would hold the index back.
        let write = |files: &[OutputFile]| {
            staging.make_folders(files.iter().map(|(path, _)| path))?;
            files
                .iter()
                .try_for_each(|(path, bytes)| staging.write(path, bytes))
        };
        let previous = (!fresh).then(|| staging.output());
        render::search::build(&self.archive, views, &self.config, previous, &write)
    }
}
