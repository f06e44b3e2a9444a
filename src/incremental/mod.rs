//! Rebuilding after a change, doing only the work the change reaches, for `kabar serve` and
//! `kabar watch`.
//!
//! A [`Session`] keeps what the last good build was made from: every source file's parsed
//! briefing (by its modification time and size), the templates, and every output file with
//! the key of what it was rendered from (see [`crate::render::keys`]). A rebuild re-reads only
//! the files that changed, re-indexes the archive (cheap), and renders only the pages whose
//! key changed; everything else keeps its bytes. The result is the same as a full build of
//! the same input, byte for byte. A rebuild that fails changes nothing: the last good site
//! stays.

use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

mod prose;
pub mod search;
mod vanished;

use crate::content::{self, Briefing, Discovery, Reader, Tables};
use crate::digest;
use crate::error::{BuildError, Diagnostic};
use crate::layout::CONFIG_FILE;
use crate::layout::TEMPLATES_DIR;
use crate::render::files::Files;
use crate::render::keys::body_digest;
use crate::render::pages::{CopySource, FileCopy};
use crate::render::search::SEARCH_DIR;
use crate::render::views::{CardCache, Views};
use crate::render::{Page, Renderer, Templates};
use crate::{Config, Options, Site, all_or_errors, load_config};

/// What a rebuild changed.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Files that are new or whose bytes changed.
    pub written: Vec<PathBuf>,
    /// Files the site no longer has.
    pub removed: Vec<PathBuf>,
    /// Pages rendered (some may have come out unchanged).
    pub rendered: usize,
    pub briefings: usize,
    pub elapsed: Duration,
    /// What kabar left out of the briefings' files, as `kabar build` reports it.
    pub warnings: Vec<Diagnostic>,
    /// Briefings marked `draft: true` that the site leaves out.
    pub drafts_left_out: usize,
}

/// An output file's path, its key, and its bytes when they had to be made again.
type Made = (PathBuf, u64, Option<Vec<u8>>);

/// Whether `changed` are all known files of `found` edited in place, the settings or
/// templates: no walk needed. A known file replaced by a link is not: the walk checks a link,
/// and refuses one that leads out of the site.
fn edits_only(root: &Path, found: &Discovery, changed: &[PathBuf]) -> bool {
    // Compared as strings: both sides are paths under the root as the walk writes them,
    // and a component-wise comparison of every source costs milliseconds per save.
    let known = |p: &PathBuf| {
        let p = p.as_os_str();
        found.sources.iter().any(|s| s.path.as_os_str() == p)
            || found.assets.iter().any(|a| a.path.as_os_str() == p)
    };
    let plain_file = |p: &PathBuf| {
        std::fs::symlink_metadata(root.join(p)).is_ok_and(|m| m.file_type().is_file())
    };
    !changed.is_empty()
        && changed.iter().all(|p| {
            p == Path::new(CONFIG_FILE)
                || p.starts_with(TEMPLATES_DIR)
                || (known(p) && plain_file(p))
        })
}

/// A file's modification time and size: when both are unchanged, so is its parse (not a
/// *stamp*, which fingerprints a whole build).
type FileState = (Option<SystemTime>, u64);

struct Parsed {
    file_state: FileState,
    result: Result<Arc<Briefing>, Diagnostic>,
    /// [`body_digest`] of the briefing, computed once.
    digest: u64,
}

/// The [`body_digest`] of `b`, as computed when its file was parsed.
fn body_digest_of(parsed: &FxHashMap<OsString, Parsed>, b: &Briefing) -> u64 {
    parsed.get(b.path.as_os_str()).map_or(0, |p| p.digest)
}

/// One output file of the last good build.
struct Output {
    key: u64,
    bytes: Arc<Vec<u8>>,
}

pub struct Session {
    options: Options,
    config: Option<Config>,
    /// `config` compiled for reading briefings.
    tables: Option<Arc<Tables>>,
    templates: Option<Arc<Templates>>,
    /// Changes whenever the configuration or the templates are reloaded: every key with it.
    generation: u64,
    /// By path, as the walk wrote it: hashed and compared as a string, not component by
    /// component (each rebuild looks up every source, three times).
    parsed: FxHashMap<OsString, Parsed>,
    /// The site's files as last found.
    found: Option<Discovery>,
    /// The last discovery walked the folders (rather than reusing `found`).
    walked: bool,
    /// This rebuild takes in the search index only (see [`Session::take_search`]).
    sources_unchanged: bool,
    /// The last rebuild failed: its error stands until a change fixes it.
    failing: bool,
    outputs: FxHashMap<Arc<Path>, Output>,
    cards: CardCache,
    /// What the last archive keeps for the next.
    archive: crate::archive::Cache,
    files: Arc<Files>,
    search: search::LiveSearch,
    /// The last good build's site, for edits that change only briefings' text.
    last: Option<prose::Last>,
    /// Drafts the last reading left out.
    drafts_left_out: usize,
}

impl Session {
    /// A session that has built nothing yet: the first [`Session::rebuild`] builds everything.
    pub fn new(options: Options) -> Session {
        Session {
            options,
            config: None,
            tables: None,
            templates: None,
            generation: 0,
            parsed: FxHashMap::default(),
            found: None,
            walked: false,
            sources_unchanged: false,
            failing: false,
            outputs: FxHashMap::default(),
            cards: CardCache::default(),
            archive: Default::default(),
            files: Arc::new(Files::new()),
            search: search::LiveSearch::default(),
            last: None,
            drafts_left_out: 0,
        }
    }

    /// Changed search shards are indexed in the background; `waker` is called when they are
    /// ready, and the next [`Session::rebuild`] takes them in.
    pub fn on_search_ready(&mut self, waker: search::Waker) {
        self.search.set_waker(waker);
    }

    /// Makes every rebuild include the search index up to date, as `kabar build` does,
    /// rather than catching up in the background.
    pub fn index_in_foreground(&mut self) {
        self.search.foreground = true;
    }

    /// Waits for search shards being indexed in the background, then takes them in.
    pub fn finish_search(&mut self) -> Option<Result<Outcome, BuildError>> {
        self.search.wait();
        self.take_search()
    }

    /// Takes in search shards the background finished, reading no source again: a file
    /// being saved right now is left for the rebuild its change will bring. `None` when
    /// there is nothing new to take in (shards queued until the edits settle are started
    /// now if they have), and while the last rebuild failed: the shards wait for the change
    /// that fixes it, and the error already told is not told again.
    pub fn take_search(&mut self) -> Option<Result<Outcome, BuildError>> {
        if self.failing || !self.search.poll() {
            return None;
        }
        self.sources_unchanged = true;
        let outcome = self.rebuild(&[]);
        self.sources_unchanged = false;
        Some(outcome)
    }

    /// Whether the background is indexing search shards now: it waits until the edits
    /// have settled ([`search::QUIET`]).
    pub fn search_indexing(&self) -> bool {
        self.search.indexing()
    }

    /// Whether search shards are still being indexed in the background.
    pub fn search_pending(&self) -> bool {
        self.search.busy()
    }

    /// The last good build's files; never a mix of two builds.
    pub fn files(&self) -> Arc<Files> {
        Arc::clone(&self.files)
    }

    /// Rebuilds after `changed` (paths under the site root, absolute or relative to it).
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Outcome, BuildError> {
        let result = self.try_rebuild(changed);
        self.failing = result.is_err();
        result
    }

    fn try_rebuild(&mut self, changed: &[PathBuf]) -> Result<Outcome, BuildError> {
        let started = Instant::now();
        let root = self.options.root.clone();
        let changed: Vec<PathBuf> = changed.iter().map(|p| relative_to(&root, p)).collect();
        let mut outcome = match self.rebuild_prose(&changed) {
            Some(outcome) => outcome?,
            None => self.rebuild_all(&changed)?,
        };
        outcome.elapsed = started.elapsed();
        outcome.drafts_left_out = self.drafts_left_out;
        Ok(outcome)
    }

    /// Reads what changed, indexes the archive and plans the site again, and renders the
    /// pages whose key changed.
    fn rebuild_all(&mut self, changed: &[PathBuf]) -> Result<Outcome, BuildError> {
        // The last site is large (every page planned, every card): let it go on another
        // thread, not on the way to the reload.
        if let Some(last) = self.last.take() {
            std::thread::spawn(move || drop(last));
        }
        let root = self.options.root.clone();
        if changed.iter().any(|p| p == Path::new(CONFIG_FILE)) {
            self.config = None;
        }
        if changed.iter().any(|p| p.starts_with(TEMPLATES_DIR)) {
            self.templates = None;
        }
        let (config, tables) = self.config()?;
        let templates = self.templates(&config);
        let found = self.discover(changed)?;
        let reader = Reader::with_tables(&config, tables);
        let (briefings, errors) = self.read(&found, &reader, changed);
        let site = Site::assemble(
            &root,
            config,
            templates,
            briefings,
            errors,
            &found,
            &mut self.archive,
        )?;
        self.found = Some(found);
        let views = Views::cached(&site.archive, &site.config, &mut self.cards);
        let renderer = Renderer::with_views(&site.archive, &site.config, &site.templates, views);
        let keys = renderer.keys(|i| body_digest_of(&self.parsed, &site.archive.briefings[i]));
        let salt = self.generation;
        let pages: Vec<(PathBuf, u64, &Page)> = site
            .plan
            .pages
            .par_iter()
            .map(|page| {
                let key = renderer.key(page, &renderer.shown(page, &site.plan), &keys);
                (page.output(), salted(salt, key), page)
            })
            .collect();
        let stale: Vec<&(PathBuf, u64, &Page)> = pages
            .iter()
            .filter(|(path, key, _)| {
                self.outputs
                    .get(path.as_path())
                    .is_none_or(|o| o.key != *key)
            })
            .collect();
        let stale: Vec<(PathBuf, u64, &Page)> = stale
            .into_iter()
            .map(|(path, key, page)| (path.clone(), *key, *page))
            .collect();
        let rendered = stale.len();
        let mut made = render(&renderer, &site, stale)?;
        made.extend(self.copies(&root, &site.plan.copies)?);
        let planned = pages
            .iter()
            .map(|(path, ..)| path.as_path())
            .chain(site.plan.copies.iter().map(|c| c.to.as_path()));
        let planned: Vec<&Path> = planned.collect();
        let outcome = self.take_in(&site, renderer.views(), made, rendered, Some(planned))?;
        let views = renderer.into_views();
        self.config = Some(site.config.clone());
        self.last = Some(prose::Last::new(site, views, keys));
        Ok(outcome)
    }

    /// Takes in what a rebuild made: the search index brought up to date, files whose bytes
    /// changed stored, and, when the site's files are `planned` anew, those it no longer
    /// has removed. Nothing here fails after the search index is made.
    fn take_in(
        &mut self,
        site: &Site,
        views: &Views,
        mut made: Vec<Made>,
        rendered: usize,
        planned: Option<Vec<&Path>>,
    ) -> Result<Outcome, BuildError> {
        let parsed = &self.parsed;
        let search = if site.config.search {
            self.search.files(&site.archive, views, &site.config, |i| {
                body_digest_of(parsed, &site.archive.briefings[i])
            })?
        } else {
            Vec::new()
        };
        made.extend(search.iter().map(|(path, key, bytes)| {
            let unchanged = self
                .outputs
                .get(path.as_path())
                .is_some_and(|o| o.key == *key);
            let bytes = (!unchanged).then(|| bytes.to_vec());
            (path.clone(), *key, bytes)
        }));

        // Everything is made: from here on the session changes, and nothing can fail.
        let mut outcome = Outcome {
            rendered,
            briefings: site.archive.briefings.len(),
            warnings: site.warnings(),
            ..Outcome::default()
        };
        for (path, key, bytes) in made {
            let Some(bytes) = bytes else { continue };
            match self.outputs.get_mut(path.as_path()) {
                Some(old) if *old.bytes == bytes => old.key = key,
                _ => {
                    outcome.written.push(path.clone());
                    let bytes = Arc::new(bytes);
                    self.outputs.insert(Arc::from(path), Output { key, bytes });
                }
            }
        }
        let searched: HashSet<&Path> = search.iter().map(|(path, ..)| path.as_path()).collect();
        outcome.removed = match planned {
            // Every planned file (each once) is in the outputs now: the same number means no
            // other.
            Some(planned) if planned.len() + searched.len() == self.outputs.len() => Vec::new(),
            Some(planned) => {
                let planned: HashSet<&Path> = planned.into_iter().collect();
                self.unplanned(|p| planned.contains(p) || searched.contains(p))
            }
            // Pages and copies are as they were; the search index may have new files.
            None => self.unplanned(|p| !p.starts_with(SEARCH_DIR) || searched.contains(p)),
        };
        for path in &outcome.removed {
            self.outputs.remove(path.as_path());
        }
        outcome.written.sort();
        if !outcome.written.is_empty() || !outcome.removed.is_empty() {
            self.files = Arc::new(
                self.outputs
                    .iter()
                    .map(|(p, o)| (Arc::clone(p), Arc::clone(&o.bytes)))
                    .collect(),
            );
        }
        Ok(outcome)
    }

    /// Output files that `keep` does not keep, sorted.
    fn unplanned(&self, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
        let mut gone: Vec<PathBuf> = self
            .outputs
            .keys()
            .filter(|p| !keep(p))
            .map(|p| p.to_path_buf())
            .collect();
        gone.sort();
        gone
    }

    /// The site's files: those of the last rebuild when every change is an edit of a file it
    /// already had (the common case, and cheap), else found again.
    fn discover(&mut self, changed: &[PathBuf]) -> Result<Discovery, BuildError> {
        let root = &self.options.root;
        let last = match self.found.take() {
            Some(found) if self.sources_unchanged || edits_only(root, &found, changed) => {
                return Ok(found);
            }
            other => other,
        };
        self.walked = true;
        let walked = content::discover(root)?;
        if let Some(found) = last
            && let Err(waiting) = vanished::check(root, &found, &walked)
        {
            // Compared again with the last good site's files once the folder is back.
            self.found = Some(found);
            return Err(waiting.into());
        }
        Ok(walked)
    }

    fn config(&mut self) -> Result<(Config, Arc<Tables>), BuildError> {
        if let (Some(config), Some(tables)) = (&self.config, &self.tables) {
            return Ok((config.clone(), Arc::clone(tables)));
        }
        let config = load_config(&self.options)?;
        let tables = Arc::new(Tables::new(&config)?);
        // Everything was read and shown with the old settings.
        self.parsed.clear();
        self.cards = CardCache::default();
        self.templates = None;
        self.config = Some(config.clone());
        self.tables = Some(Arc::clone(&tables));
        Ok((config, tables))
    }

    fn templates(&mut self, config: &Config) -> Result<Arc<Templates>, Vec<Diagnostic>> {
        if let Some(templates) = &self.templates {
            return Ok(Arc::clone(templates));
        }
        let templates = Arc::new(Templates::load(&self.options.root, config)?);
        self.generation += 1;
        self.templates = Some(Arc::clone(&templates));
        Ok(templates)
    }

    /// Every briefing, parsing again only the files that changed. After a fresh walk every
    /// file's modification time and size are checked too, to catch changes no event reported.
    fn read(
        &mut self,
        found: &Discovery,
        reader: &Reader,
        changed: &[PathBuf],
    ) -> (Vec<Arc<Briefing>>, Vec<Diagnostic>) {
        let root = &self.options.root;
        let today = reader.config.timezone.now().date_naive();
        let walked = std::mem::take(&mut self.walked);
        let parsed = &self.parsed;
        let fresh: Vec<(OsString, Parsed)> = found
            .sources
            .par_iter()
            .filter_map(|source| {
                let path = source.path.as_os_str();
                let cached = parsed.get(path);
                let stale = cached.is_none() || changed.iter().any(|c| c.as_os_str() == path);
                if !stale && !walked {
                    return None;
                }
                let file_state = file_state(&root.join(&source.path));
                if !stale && cached.is_some_and(|p| p.file_state == file_state) {
                    return None;
                }
                let result = content::parse(root, source, reader, today).map(Arc::new);
                let digest = result.as_ref().map_or(0, |b| body_digest(b));
                let parsed = Parsed {
                    file_state,
                    result,
                    digest,
                };
                Some((source.path.clone().into_os_string(), parsed))
            })
            .collect();
        self.parsed.extend(fresh);
        if walked {
            let present: HashSet<&OsStr> =
                found.sources.iter().map(|s| s.path.as_os_str()).collect();
            self.parsed
                .retain(|path, _| present.contains(path.as_os_str()));
        }
        let mut briefings = Vec::with_capacity(found.sources.len());
        let mut errors = Vec::new();
        self.drafts_left_out = 0;
        for source in &found.sources {
            match &self.parsed[source.path.as_os_str()].result {
                Ok(b) if b.draft && !self.options.drafts => self.drafts_left_out += 1,
                Ok(b) => briefings.push(Arc::clone(b)),
                Err(e) => errors.push(e.clone()),
            }
        }
        (briefings, errors)
    }

    /// Copied files, read again only when their modification time or size changed.
    fn copies(&self, root: &Path, copies: &[FileCopy]) -> Result<Vec<Made>, BuildError> {
        copies
            .par_iter()
            .map(|copy| {
                let key = match &copy.from {
                    CopySource::File(from) => digest::of((from, file_state(&root.join(from)))),
                    CopySource::Builtin(bytes) => digest::of(bytes),
                };
                let unchanged = self
                    .outputs
                    .get(copy.to.as_path())
                    .is_some_and(|o| o.key == key);
                let bytes = if unchanged {
                    None
                } else {
                    Some(match &copy.from {
                        CopySource::File(from) => std::fs::read(root.join(from))
                            .map_err(|e| BuildError::io("cannot read", root.join(from), e))?,
                        CopySource::Builtin(bytes) => bytes.to_vec(),
                    })
                };
                Ok((copy.to.clone(), key, bytes))
            })
            .collect()
    }
}

/// Renders `pages` (with their output paths and keys) in parallel; all errors are collected.
fn render(
    renderer: &Renderer,
    site: &Site,
    pages: Vec<(PathBuf, u64, &Page)>,
) -> Result<Vec<Made>, BuildError> {
    let rendered: Vec<Result<Made, Diagnostic>> = pages
        .into_par_iter()
        .map(|(path, key, page)| {
            let bytes = renderer.render(page, &site.plan)?;
            Ok((path, key, Some(bytes)))
        })
        .collect();
    all_or_errors(rendered)
}

fn file_state(path: &Path) -> FileState {
    std::fs::metadata(path).map_or((None, 0), |m| (m.modified().ok(), m.len()))
}

fn salted(generation: u64, key: u64) -> u64 {
    digest::of((generation, key))
}

/// `root/content/x.md` → `content/x.md`; a relative path is taken as relative to the root.
fn relative_to(root: &Path, path: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix(root) {
        return rest.to_path_buf();
    }
    let absolute_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    path.strip_prefix(&absolute_root)
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}
