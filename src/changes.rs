//! Watching the site's files: notify events, debounced, filtered down to the paths a build
//! reads, delivered as batches. A `git checkout` of 200 files is one batch.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, FileIdMap, RecommendedCache, new_debouncer_opt,
};

use crate::error::Diagnostic;
use crate::layout::inside::is_ignored;
use crate::layout::{CONFIG_FILE, CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR};

/// How long a path must be quiet before the debouncer hands on its events: an editor's
/// save (temp file, rename, backup) takes far less.
const DEBOUNCE: Duration = Duration::from_millis(5);
/// How long the whole site must be quiet before a batch is delivered: the debouncer times
/// each path apart, so a `git checkout` arrives in pieces that this joins into one rebuild.
const SETTLE: Duration = Duration::from_millis(10);
/// How often `--poll` looks. It compares contents, not only times: the polling watcher
/// reads modification times in whole seconds, so two saves within a second would look like
/// one.
const POLL_EVERY: Duration = Duration::from_millis(500);

/// What the watcher delivers.
#[derive(Debug)]
pub enum Event {
    /// Paths that changed, under the site root.
    Changed(Vec<PathBuf>),
    /// The watcher lost its watch; the message says what to do.
    Trouble(Diagnostic),
    /// Work done beside the watch (the search index) is ready to be taken in.
    Ready,
}

/// A running watch: [`Watch::next`] gives each batch of changes.
pub struct Watch {
    events: mpsc::Receiver<Event>,
    /// For [`Watch::waker`].
    sender: mpsc::Sender<Event>,
    /// A problem that came in while a batch was being gathered.
    pending: Option<Event>,
    watcher: Box<dyn Watching>,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

/// The one thing needed of either kind of debouncer after it starts.
trait Watching: Send {
    fn add(&mut self, dir: &Path) -> notify::Result<()>;
}

impl<W: Watcher + Send, C: notify_debouncer_full::FileIdCache + Send> Watching for Debouncer<W, C> {
    fn add(&mut self, dir: &Path) -> notify::Result<()> {
        self.watch(dir, RecursiveMode::Recursive)
    }
}

/// Each batch of changes, once the site has been quiet for a moment, or a problem; the
/// iteration ends when the watcher stops.
impl Iterator for Watch {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if let Some(event) = self.pending.take() {
            return Some(event);
        }
        let mut paths = match self.events.recv().ok()? {
            Event::Changed(paths) => paths,
            other => return Some(other),
        };
        while let Ok(event) = self.events.recv_timeout(SETTLE) {
            match event {
                Event::Changed(more) => paths.extend(more),
                other => {
                    self.pending = Some(other);
                    break;
                }
            }
        }
        paths.sort();
        paths.dedup();
        if let Err(problem) = self.refresh(&paths) {
            self.pending = Some(Event::Trouble(problem));
        }
        Some(Event::Changed(paths))
    }
}

impl Watch {
    /// Something another thread calls to deliver [`Event::Ready`].
    pub fn waker(&self) -> std::sync::Arc<dyn Fn() + Send + Sync> {
        let sender = std::sync::Mutex::new(self.sender.clone());
        std::sync::Arc::new(move || {
            let _ = sender.lock().map(|s| s.send(Event::Ready));
        })
    }

    /// Starts watching `content/`, `templates/` or `static/` when it was created after the
    /// watch began, or made again (`rm -rf content && cp -r backup content`, a `git
    /// checkout`): a watch is on a folder, not on its name, and dies with the folder. Such a
    /// folder is itself among the `changed` paths, as the root is watched too.
    fn refresh(&mut self, changed: &[PathBuf]) -> Result<(), Diagnostic> {
        for dir in [CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR] {
            let dir = self.root.join(dir);
            let new = !self.watched.contains(&dir) || changed.contains(&dir);
            if new && dir.is_dir() {
                self.watcher.add(&dir).map_err(|e| trouble(&[e]))?;
                if !self.watched.contains(&dir) {
                    self.watched.push(dir);
                }
            }
        }
        Ok(())
    }
}

/// Watches `content/`, `templates/`, `static/` and `site.yaml` under `root`, ignoring the
/// output folder, hidden files and editors' temporary files. `poll` uses a polling watcher,
/// for file systems without native events.
pub fn watch(root: &Path, output: &Path, poll: bool) -> Result<Watch, Diagnostic> {
    let root = std::fs::canonicalize(root).map_err(|e| {
        Diagnostic::file(root, format!("cannot watch: {e}")).with_hint("check the --root folder")
    })?;
    let output = std::fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
    let (sender, events) = mpsc::channel();
    let own_sender = sender.clone();
    let filter_root = root.clone();
    let handler = move |result: DebounceEventResult| {
        let event = match result {
            Ok(events) => {
                // The output folder itself removed, renamed or replaced (another build swapped
                // its own in): `kabar watch` writes it whole again.
                let output_replaced = events
                    .iter()
                    .any(|e| changes_content(&e.kind) && e.paths.contains(&output));
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| changes_content(&e.kind))
                    .flat_map(|e| e.paths.iter())
                    .filter(|p| is_watched(&filter_root, &output, p))
                    .cloned()
                    .collect();
                paths.sort();
                paths.dedup();
                if paths.is_empty() && !output_replaced {
                    return;
                }
                Event::Changed(paths)
            }
            Err(errors) => Event::Trouble(trouble(&errors)),
        };
        let _ = sender.send(event);
    };
    let watcher: Box<dyn Watching> = if poll {
        let config = notify::Config::default()
            .with_poll_interval(POLL_EVERY)
            .with_compare_contents(true);
        let mut debouncer: Debouncer<PollWatcher, FileIdMap> =
            new_debouncer_opt(DEBOUNCE, None, handler, FileIdMap::new(), config)
                .map_err(|e| trouble(&[e]))?;
        debouncer
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| trouble(&[e]))?;
        Box::new(debouncer)
    } else {
        let mut debouncer: Debouncer<RecommendedWatcher, RecommendedCache> = new_debouncer_opt(
            DEBOUNCE,
            None,
            handler,
            RecommendedCache::new(),
            notify::Config::default(),
        )
        .map_err(|e| trouble(&[e]))?;
        // The root itself, not recursively: `site.yaml`, and folders created later.
        debouncer
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| trouble(&[e]))?;
        Box::new(debouncer)
    };
    let mut watch = Watch {
        events,
        sender: own_sender,
        pending: None,
        watcher,
        root,
        watched: Vec::new(),
    };
    watch.refresh(&[])?;
    Ok(watch)
}

/// Reading a file (as every build does) is an event too; only writes, creations, removals
/// and renames can change the site.
fn changes_content(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    )
}

/// Whether a change to `path` can change the site.
pub fn is_watched(root: &Path, output: &Path, path: &Path) -> bool {
    if path.starts_with(output) {
        return false;
    }
    let Ok(rest) = path.strip_prefix(root) else {
        return false;
    };
    let litter = rest
        .components()
        .any(|c| is_ignored(&c.as_os_str().to_string_lossy()));
    let read_by_build = rest == Path::new(CONFIG_FILE)
        || [CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR]
            .iter()
            .any(|dir| rest.starts_with(dir));
    read_by_build && !litter
}

fn trouble(errors: &[notify::Error]) -> Diagnostic {
    let limit = errors
        .iter()
        .any(|e| matches!(e.kind, notify::ErrorKind::MaxFilesWatch));
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let diagnostic = Diagnostic::new(
        "kabar watch",
        0,
        0,
        format!("the file watcher failed: {}", text.join("; ")),
    );
    if limit {
        diagnostic.with_hint(
            "the system's limit on watched files was reached: run with --poll, or raise \
             fs.inotify.max_user_watches",
        )
    } else {
        diagnostic.with_hint("if changes are missed, run with --poll")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watches_only_what_a_build_reads() {
        let root = Path::new("/site");
        let output = Path::new("/site/public");
        for path in [
            "/site/content/a.md",
            "/site/templates/base.html",
            "/site/static/x.css",
            "/site/site.yaml",
        ] {
            assert!(is_watched(root, output, Path::new(path)), "{path}");
        }
        for path in [
            "/site/public/index.html",
            "/site/target/debug/x",
            "/site/content/.a.md.swp",
            "/site/content/a.md~",
            "/site/content/4913",
            "/site/content/#a.md#",
            "/site/content/.#a.md",
            "/site/README.md",
            "/elsewhere/content/a.md",
        ] {
            assert!(!is_watched(root, output, Path::new(path)), "{path}");
        }
    }
}
