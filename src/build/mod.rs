//! `kabar build`: the site read, rendered into a staging folder beside the output as each page
//! is made, its search index made beside the pages, and swapped in whole (after an edit, only
//! the pages and files that changed, each renamed into the last output); or, when nothing it
//! reads has changed since the last build, nothing done at all (see [`crate::publish::stamp`]).

pub(crate) mod cache;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::content::Shelf;
use crate::digest;
use crate::publish::stamp::{self, Summary};
use crate::publish::{self, Staging};
use rayon::prelude::*;

use crate::archive;
use crate::layout::CONTENT_DIR;
use crate::render::files::OutputFile;
use crate::render::keys::body_digest;
use crate::render::{self, Renderer};
use crate::timings::Timings;
use crate::{BuildError, Config, Diagnostic, Options, Report, Site, load_config};

/// `kabar build`: read, render, and publish into the output folder only if all went well.
/// A build cache found damaged on the way is dropped and the build made again without it.
pub fn build(options: &Options) -> Result<Report, BuildError> {
    let cache_file = cache::path(&options.output_dir());
    match build_using(options, cache_file.as_deref(), true) {
        Err(BuildError::Site(problems))
            if cache_file
                .as_deref()
                .is_some_and(|file| problems.iter().any(|p| p.path == file)) =>
        {
            build_using(options, cache_file.as_deref(), false)
        }
        built => built,
    }
}

/// A build, taking what it can from the cache at `cache_file` when `reuse` allows.
fn build_using(
    options: &Options,
    cache_file: Option<&Path>,
    reuse: bool,
) -> Result<Report, BuildError> {
    let started = Instant::now();
    let output = publish::resolve(&options.output_dir());
    publish::check(&options.root, &output, options.force)?;
    let mut timings = Timings::default();
    let config = timings.time("config", || load_config(options))?;
    publish::remove_stale(&output);
    let reusable = cache_file.filter(|_| reuse);
    let mut beside = match Beside::read(options, &config, &output, reusable, &mut timings) {
        Ok(beside) => beside,
        Err(unchanged) => return Ok(Report::unchanged(unchanged, timings, started)),
    };
    // Bodies wait on the disk the site goes to; where no scratch file can be made there,
    // they are held.
    beside.scratch = publish::scratch_path(&output).and_then(|path| Shelf::scratch(&path).ok());
    let kept = beside.cache.as_mut().map(cache::Cache::take_archive);
    let reused = (beside.cache.as_ref(), kept.unwrap_or_default());
    let shelf = beside.scratch.clone();
    let loaded = Site::load_with(options, config, timings, shelf, reused)?;
    let last_output = beside.cache.as_mut().and_then(cache::Cache::take_output);
    let (mut report, keyed, mut swapped) =
        render_and_publish(options, (&output, last_output), &loaded, &beside, started)?;
    let published = swapped.published.take();
    let left_behind = swapped.remove_old();
    let last = beside.stamp_file.as_deref().and_then(stamp::last_summary);
    if let Some(last) = last {
        report.warnings.extend(moved_addresses(
            &last.made_addresses,
            &report.made_addresses,
        ));
    }
    let kept = (loaded.parsed.as_slice(), &loaded.kept);
    free_aside(loaded.site);
    beside.keep(&output, &mut report, kept, (keyed, published), cache_file);
    free_aside((loaded.parsed, loaded.kept));
    // Not in the stamp's summary: an old output left is not repeated when nothing changed.
    report.warnings.extend(left_behind);
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Frees `value` on a thread of its own: at 50,000 briefings freeing what a build held
/// takes a tenth of a second the editor need not wait for (a process that ends first gives
/// its memory back whole).
fn free_aside<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Where each page went, with its key, and whether it was rendered (rather than linked from
/// the last output).
type Keyed = Vec<(PathBuf, u64, bool)>;

/// Renders the site into a staging folder, with its search index beside it, and swaps it
/// in (only the files that changed, when `output` is as the last build published it, as
/// `last` says); the report, where each page went with its key and whether it was rendered,
/// and the swap's outcome.
fn render_and_publish(
    options: &Options,
    (output, last): (&Path, Option<std::sync::Arc<stamp::Published>>),
    loaded: &crate::Loaded,
    beside: &Beside,
    started: Instant,
) -> Result<(Report, Keyed, publish::Swapped), BuildError> {
    let site = &loaded.site;
    let mut timings = site.timings.clone();
    let renderer = timings.time("cards", || {
        Renderer::new(&site.archive, &site.config, &site.templates)
    });
    let staging = Staging::begin_over(output, last)?;
    let keep = Keep {
        salt: beside.salt.unwrap_or_default(),
        kept: beside.cache.as_ref().map(cache::Cache::pages),
    };
    // The search index is the slow part: it is made beside the pages, not after them, on a
    // thread of its own rather than rayon's: Pagefind needs rayon's workers free while the
    // index waits for it (see `render::search::pagefind::on_plain_threads`).
    let ((written, rendering), (search, indexing)) = std::thread::scope(|scope| {
        let search =
            scope.spawn(|| timed(|| site.search_index(renderer.views(), &staging, options.force)));
        let pages = timed(|| site.render_into(&renderer, &staging, &keep));
        let search = search
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (pages, search)
    });
    drop(renderer);
    timings.record("render", rendering);
    if site.config.search {
        timings.record("search index", indexing);
    }
    let (keyed, search) = (written?, search?);
    let broken = site.broken_briefing_links(keyed.iter().map(|(path, ..)| path.as_path()));
    if (options.strict || site.config.strict) && !broken.is_empty() {
        return Err(BuildError::Site(broken));
    }
    let swapped = timings.time("publish", || {
        publish::copy_files(&staging, &options.root, &site.plan.copies)?;
        publish::copy_files(&staging, &options.root, &search.copies)?;
        staging.swap()
    })?;
    let mut report = Report::new(site, keyed.len(), started);
    report.timings = timings;
    report.made_anew = crate::MadeAnew {
        files: loaded.read_anew,
        pages: keyed.iter().filter(|(_, _, anew)| *anew).count(),
    };
    report.shards = (search.indexed, search.reused);
    report.warnings.extend(broken);
    report.made_addresses = site.made_addresses();
    Ok((report, keyed, swapped))
}

/// What the last build left beside the output (the stamp, the build cache), and what this
/// build keeps there for the next.
struct Beside {
    stamp_file: Option<PathBuf>,
    /// This build's inputs, with each file's version and digest (see [`stamp::inputs`]).
    inputs: Option<(stamp::Fingerprint, stamp::Read)>,
    salt: Option<u64>,
    cache: Option<cache::Cache>,
    /// This build's scratch shelf of bodies, which may become the next build's cache.
    scratch: Option<std::sync::Arc<Shelf>>,
}

impl Beside {
    /// The build cache at `cache_file` (none with `--force`, or when `reuse` is false), then
    /// the inputs, read by it; the last build's summary when nothing it reads has changed
    /// and the output is as it left it (`--force` builds everything again, whatever the stamp
    /// says).
    fn read(
        options: &Options,
        config: &Config,
        output: &Path,
        cache_file: Option<&Path>,
        timings: &mut Timings,
    ) -> Result<Beside, Summary> {
        let salt = cache::salt(&options.root, settings(options, config));
        let file = cache_file.zip(salt).filter(|_| !options.force);
        let mut last = timings.time("cache read", || {
            file.and_then(|(file, salt)| cache::Last::load(file, salt))
        });
        let stamp_file = stamp::path(&options.output_dir());
        // A raw article with no date is dated by its file time when the site says so.
        let by_time = config.raw.undated == crate::config::Undated::Mtime;
        let timed = |at: &Path| {
            by_time && at.starts_with(CONTENT_DIR) && at.extension().is_some_and(|e| e == "txt")
        };
        let inputs = timings.time("inputs", || {
            let read = |known: Option<&stamp::Read>| {
                stamp::inputs(&options.root, settings(options, config), known, timed)
            };
            let inputs = match last.as_mut() {
                Some(last) => last.read_inputs(read),
                None => read(None),
            };
            let print = inputs.as_ref().map(|(print, _)| *print);
            let last = stamp_file.as_deref().zip(print).filter(|_| !options.force);
            match last.and_then(|(file, print)| stamp::up_to_date(file, output, print)) {
                Some(unchanged) => Err(unchanged),
                None => Ok(inputs),
            }
        })?;
        let cache = timings.time("cache open", || last.and_then(cache::Last::open));
        Ok(Beside {
            stamp_file,
            inputs,
            salt,
            cache,
            scratch: None,
        })
    }

    /// Writes the stamp, and the build cache at `cache_file`: `kept`, the briefings as parsed
    /// and what the archive reuses, and each page's key with its file's version as published
    /// (the output walked for them, unless the publishing patch knows it).
    fn keep(
        self,
        output: &Path,
        report: &mut Report,
        kept: (
            &[(cache::FileKey, std::sync::Arc<crate::Briefing>)],
            &archive::Cache,
        ),
        (keyed, published): (Keyed, Option<stamp::Published>),
        cache_file: Option<&Path>,
    ) {
        let summary = report.summary();
        let published = report.timings.time("stamp", || {
            let published = published.or_else(|| stamp::published_files(output));
            let inputs = self.inputs.as_ref().map(|(print, _)| *print);
            if let Some((file, inputs)) = self.stamp_file.as_deref().zip(inputs) {
                let print = published.as_ref().map(stamp::Published::print);
                stamp::write(file, print, inputs, summary);
            }
            published
        });
        let inputs = self.inputs.as_ref().map(|(_, read)| read);
        let kept_for = cache_file.zip(self.salt).zip(inputs);
        let Some(((file, salt), inputs)) = kept_for else {
            return;
        };
        let Some(published) = published else {
            return;
        };
        report.timings.time("cache write", || {
            let pages = keyed
                .into_iter()
                .filter_map(|(path, key, _)| {
                    let version = *published.files.get(&path)?;
                    Some((path, (key, version)))
                })
                .collect();
            let files = (self.cache.as_ref(), self.scratch.as_ref());
            cache::save(file, files, (salt, inputs), kept, (pages, &published));
        });
        if let Some(scratch) = &self.scratch {
            scratch.discard();
        }
        free_aside((self.cache, published));
    }
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
            made_anew: crate::MadeAnew::default(),
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

/// Which pages the last build's output already holds: their keys, with the version of each
/// one's file as that build published it.
struct Keep<'a> {
    /// Salts every key (see [`cache::salt`]).
    salt: u64,
    kept: Option<&'a HashMap<PathBuf, (u64, u64)>>,
}

impl Site {
    /// Renders every page straight into `staging` as it is made, so the site's bytes are
    /// never held all at once, except those `keep` finds unchanged, linked from the last
    /// output; returns where each page went, with its key, and whether it was rendered.
    fn render_into(
        &self,
        renderer: &Renderer,
        staging: &Staging,
        keep: &Keep,
    ) -> Result<Keyed, BuildError> {
        staging.make_folders(self.plan.pages.iter().map(|p| p.output()))?;
        let keys = renderer.keys(|i| body_digest(&self.archive.briefings[i]));
        let results: Vec<Result<(PathBuf, u64, bool), Diagnostic>> = self
            .plan
            .pages
            .par_iter()
            .map(|page| {
                let shown = renderer.shown(page, &self.plan);
                let key = digest::of((keep.salt, renderer.key(page, &shown, &keys)));
                let path = page.output();
                let kept = keep.kept.and_then(|kept| kept.get(&path));
                if kept.is_some_and(|&(k, version)| k == key && staging.keep(&path, version)) {
                    return Ok(Ok((path, key, false)));
                }
                match renderer.render_shown(page, &shown) {
                    Ok(bytes) => staging.write(&path, &bytes)?,
                    Err(e) => return Ok(Err(e)),
                }
                Ok(Ok((path, key, true)))
            })
            .collect::<Result<_, BuildError>>()?;
        crate::all_or_errors(results)
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
