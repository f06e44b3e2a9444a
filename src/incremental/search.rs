//! The search index while `kabar serve` or `kabar watch` runs. A shard whose briefings
//! changed is indexed again on a background thread once the edits have settled ([`QUIET`]),
//! so a reload never waits for Pagefind: its last files stay served until the new ones are
//! ready, and then a wake-up makes the session rebuild, which swaps them in. The thread
//! indexes outside rayon's pool, one shard at a time, so the next rebuild's rendering never
//! queues behind it. A shard seen for the first time (the first build, a new year) is
//! indexed at once, so the search page never names a shard that has no files. The word
//! directory follows the shards it lists: made again once they are, at once when it lacks a
//! shard the page names, else on the background thread too.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::archive::Archive;
use crate::config::Config;
use crate::digest;
use crate::error::{BuildError, Diagnostic};
use crate::render::files::OutputFile;
use crate::render::search::directory::{self, DIRECTORY};
use crate::render::search::lookup::ShardWords;
use crate::render::search::pagefind::on_plain_threads;
use crate::render::search::stems;
use crate::render::search::{self, Job, Wanted};
use crate::render::views::Views;

/// How long after the last change that needs indexing the background starts: an editor
/// saving again and again is not slowed by indexing each save.
pub const QUIET: Duration = Duration::from_millis(800);

/// Called from the indexing thread when its shards are ready.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A search file the site has now: its path, a key that changes with its bytes, its bytes.
pub type SearchFile = (PathBuf, u64, Arc<Vec<u8>>);

type Results = Vec<(String, u64, Result<Vec<OutputFile>, Diagnostic>)>;

/// An index to make, maybe on another thread: a shard's or the directory's.
struct Task {
    name: String,
    digest: u64,
    work: Box<dyn FnOnce() -> Result<Vec<OutputFile>, Diagnostic> + Send + Sync>,
}

/// A shard's words for the directory: as its index has them (with the words the index
/// holds), or from the briefings of a shard about to be indexed (whose index's words the
/// word table does not know yet: it names that shard for every word, which costs a reader
/// of the preview a shard more, never a result).
enum Words {
    Known { words: Bytes, stems: Option<Bytes> },
    Of(Job),
}

type Bytes = Arc<Vec<u8>>;

impl Words {
    fn known(self) -> Result<(Bytes, Option<Bytes>), Diagnostic> {
        match self {
            Words::Known { words, stems } => Ok((words, stems)),
            Words::Of(job) => Ok((Arc::new(job.words()?), None)),
        }
    }
}

impl Task {
    fn shard(job: Job) -> Task {
        Task {
            name: job.name.clone(),
            digest: job.digest,
            work: Box::new(move || job.run()),
        }
    }

    /// The directory of `shards` (each with its tag), for an archive of `briefings`.
    fn directory(
        shards: Vec<(String, String, Words)>,
        briefings: usize,
        digest: u64,
        language: &'static str,
    ) -> Task {
        Task {
            name: DIRECTORY.to_string(),
            digest,
            work: Box::new(move || {
                let known = shards
                    .into_iter()
                    .map(|(name, tag, words)| Ok((name, tag, words.known()?)))
                    .collect::<Result<Vec<_>, Diagnostic>>()?;
                let shards: Vec<(&str, ShardWords)> = known
                    .iter()
                    .map(|(name, tag, (words, stems))| {
                        let shard = ShardWords {
                            tag,
                            words,
                            stems: stems.as_ref().map(|s| s.as_slice()),
                        };
                        (name.as_str(), shard)
                    })
                    .collect();
                directory::index(&shards, briefings, digest, language)
            }),
        }
    }

    fn run(self) -> (String, u64, Result<Vec<OutputFile>, Diagnostic>) {
        (self.name, self.digest, (self.work)())
    }
}

#[derive(Default)]
pub struct LiveSearch {
    /// Shards indexed so far, by name, and the directory (by its folder's name).
    indexed: HashMap<String, Indexed>,
    /// The shards the directory lists, in order.
    listed: Vec<String>,
    digests: search::Digests,
    /// The browser's files, by language and first shard.
    runtime: Option<((&'static str, String), Vec<SearchFile>)>,
    /// Shards being indexed on the background thread, and their names and digests.
    /// (Behind a mutex only so that the session can be shared while it renders.)
    running: Option<Mutex<Receiver<Results>>>,
    in_flight: Vec<(String, u64)>,
    /// Indexes to make once the running ones are done and the edits have settled (only the
    /// latest wish counts).
    queued: Vec<Task>,
    /// When the last shards were queued.
    queued_at: Option<Instant>,
    /// Shards indexed in the background and not yet handed out by [`LiveSearch::files`].
    fresh: bool,
    waker: Option<Waker>,
    /// Index changed shards before returning, as `kabar build` does (for tests).
    pub foreground: bool,
}

struct Indexed {
    digest: u64,
    files: Vec<SearchFile>,
}

impl LiveSearch {
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = Some(waker);
    }

    /// Whether the background thread is indexing now (rather than waiting for quiet).
    pub fn indexing(&self) -> bool {
        self.running.is_some()
    }

    /// Whether shards are being indexed in the background.
    pub fn busy(&self) -> bool {
        self.running.is_some() || !self.queued.is_empty()
    }

    /// Waits for the background indexing to finish, queued shards too (for tests and
    /// benchmarks).
    pub fn wait(&mut self) {
        loop {
            if self.running.is_none() {
                self.start_queued();
            }
            let Some(running) = self.running.take() else {
                return;
            };
            let running = running.into_inner().unwrap_or_else(|e| e.into_inner());
            if let Ok(results) = running.recv() {
                self.keep(results);
            }
        }
    }

    /// Takes in what the background finished and starts what has waited long enough;
    /// whether there are new shards to swap in.
    pub fn poll(&mut self) -> bool {
        self.collect();
        self.start_if_quiet();
        self.fresh
    }

    /// The search files the site has now, newest shard first.
    pub fn files(
        &mut self,
        archive: &Archive,
        views: &Views,
        config: &Config,
        digest: impl Fn(usize) -> u64 + Sync,
    ) -> Result<Vec<SearchFile>, BuildError> {
        self.collect();
        self.fresh = false;
        let wanted = self.digests.wanted(archive, views, config, digest);
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let stale: Vec<&Wanted> = wanted
            .iter()
            .filter(|w| {
                self.indexed
                    .get(&w.shard.name)
                    .is_none_or(|i| i.digest != w.digest)
            })
            .collect();
        let (later, now): (Vec<&Wanted>, Vec<&Wanted>) = stale
            .into_iter()
            .partition(|w| !self.foreground && self.indexed.contains_key(&w.shard.name));
        let jobs = |list: Vec<&Wanted>| -> Vec<Job> {
            list.par_iter()
                .map(|w| Job::new(archive, views, config, w))
                .collect()
        };
        self.run_now(jobs(now).into_iter().map(Task::shard).collect())?;
        let language = config.language.code();
        let lacks_a_shard = self.listed.len() != wanted.len()
            || self
                .listed
                .iter()
                .zip(&wanted)
                .any(|(l, w)| *l != w.shard.name);
        if (self.foreground || lacks_a_shard)
            && let Some(task) = self.directory_task(&wanted, &[], archive.briefings.len(), language)
        {
            self.listed = wanted.iter().map(|w| w.shard.name.clone()).collect();
            self.run_now(vec![task])?;
        }
        let later: Vec<Job> = jobs(later)
            .into_iter()
            .filter(|j| !self.in_flight.contains(&(j.name.clone(), j.digest)))
            .collect();
        // The directory of the shards as they will be once these are indexed, made after
        // them on the same thread, so that both are swapped in together.
        let directory = self
            .directory_task(&wanted, &later, archive.briefings.len(), language)
            .filter(|t| !self.in_flight.contains(&(t.name.clone(), t.digest)));
        let waits = !later.is_empty();
        let queue: Vec<Task> = later
            .into_iter()
            .map(Task::shard)
            .chain(directory)
            .collect();
        if !queue.is_empty() {
            self.queued = queue;
            // A directory alone lists shards that are current: nothing to wait for.
            self.queued_at = waits.then(Instant::now);
            self.wake_after(if waits { QUIET } else { Duration::ZERO });
        }
        let mut files = self.runtime(config, &wanted[0].shard.name)?;
        let names = std::iter::once(DIRECTORY).chain(wanted.iter().map(|w| w.shard.name.as_str()));
        for name in names {
            if let Some(indexed) = self.indexed.get(name) {
                files.extend(indexed.files.iter().cloned());
            }
        }
        Ok(files)
    }

    /// Makes `tasks` before returning; the first failure is the error.
    fn run_now(&mut self, tasks: Vec<Task>) -> Result<(), BuildError> {
        let results = on_plain_threads(tasks, Task::run);
        for (_, _, result) in &results {
            if let Err(e) = result {
                return Err(BuildError::Site(vec![e.clone()]));
            }
        }
        self.keep(results);
        Ok(())
    }

    /// The directory of the shards indexed now, or about to be by `later`, when the one
    /// held is not of them.
    fn directory_task(
        &self,
        wanted: &[Wanted],
        later: &[Job],
        briefings: usize,
        language: &'static str,
    ) -> Option<Task> {
        let shards: Vec<(String, u64, Words)> = wanted
            .iter()
            .filter_map(|w| {
                let name = w.shard.name.clone();
                if let Some(job) = later.iter().find(|j| j.name == name) {
                    return Some((name, job.digest, Words::Of(job.clone())));
                }
                let indexed = self.indexed.get(&name)?;
                let file = |is: fn(&std::path::Path) -> bool| {
                    indexed
                        .files
                        .iter()
                        .find(|(path, ..)| is(path))
                        .map(|(.., bytes)| Arc::clone(bytes))
                };
                let words = Words::Known {
                    words: file(directory::is_words_file).unwrap_or_default(),
                    stems: file(stems::is_stems_file),
                };
                Some((name, indexed.digest, words))
            })
            .collect();
        let digest = directory::digest(
            shards
                .iter()
                .map(|(name, digest, _)| (name.as_str(), *digest)),
            language,
        );
        if self
            .indexed
            .get(DIRECTORY)
            .is_some_and(|d| d.digest == digest)
        {
            return None;
        }
        let shards = shards
            .into_iter()
            .map(|(name, digest, words)| (name, search::meta_tag(digest), words))
            .collect();
        Some(Task::directory(shards, briefings, digest, language))
    }

    fn runtime(&mut self, config: &Config, primary: &str) -> Result<Vec<SearchFile>, BuildError> {
        let wanted = (config.language.code(), primary.to_string());
        if self
            .runtime
            .as_ref()
            .is_none_or(|(made_for, _)| *made_for != wanted)
        {
            let files = search::runtime(config, primary)?;
            self.runtime = Some((wanted, shared(files)));
        }
        Ok(self
            .runtime
            .as_ref()
            .map(|(_, f)| f.clone())
            .unwrap_or_default())
    }

    /// Takes in what the background thread finished, if it did.
    fn collect(&mut self) {
        let Some(running) = &self.running else {
            return;
        };
        let received = running.lock().unwrap_or_else(|e| e.into_inner()).try_recv();
        match received {
            Ok(results) => {
                self.running = None;
                self.keep(results);
            }
            Err(mpsc::TryRecvError::Disconnected) => self.running = None,
            Err(mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Keeps the shards that were indexed; a failed one is tried again at the next change.
    fn keep(&mut self, results: Results) {
        self.in_flight.clear();
        for (name, digest, result) in results {
            if let Ok(files) = result {
                let files = shared(files);
                self.indexed.insert(name, Indexed { digest, files });
                self.fresh = true;
            }
        }
    }

    fn start_if_quiet(&mut self) {
        let quiet = self.queued_at.is_none_or(|at| at.elapsed() >= QUIET);
        if self.running.is_none() && quiet {
            self.start_queued();
        }
    }

    /// Calls the waker after `delay`, so the session looks again when the edits may have
    /// settled.
    fn wake_after(&self, delay: Duration) {
        if let Some(wake) = self.waker.clone() {
            std::thread::spawn(move || {
                std::thread::sleep(delay);
                wake();
            });
        }
    }

    fn start_queued(&mut self) {
        let jobs = std::mem::take(&mut self.queued);
        if jobs.is_empty() {
            return;
        }
        self.in_flight = jobs.iter().map(|j| (j.name.clone(), j.digest)).collect();
        let (sender, receiver) = mpsc::channel();
        let waker = self.waker.clone();
        std::thread::spawn(move || {
            let results = jobs.into_iter().map(Task::run).collect();
            let _ = sender.send(results);
            if let Some(wake) = waker {
                wake();
            }
        });
        self.running = Some(Mutex::new(receiver));
    }
}

fn shared(files: Vec<OutputFile>) -> Vec<SearchFile> {
    files
        .into_iter()
        .map(|(path, bytes)| {
            let key = digest::of(&bytes);
            (path, key, Arc::new(bytes))
        })
        .collect()
}
