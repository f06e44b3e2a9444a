//! What `kabar build` keeps beside the output for the next build (`.public.kabar-cache`):
//! every briefing as parsed, by a digest of its file, with its body; what the archive reuses
//! (related lists, stories' and coverage's links, see [`archive::Cache`]); and the key of every
//! page as published (see [`crate::render::shown`]). A build after one edit parses that file alone
//! and renders only the pages whose key changed, linking the others from the last output.
//!
//! The cache is a help, never the truth. It is used only when its salt matches (the kabar
//! binary, the options, the site's today, `site.yaml` and the templates), and a page's key
//! only while its file in the output is the version that build published (its size, times,
//! inode, mode and links, as the stamp reads them). A file that is missing, cut short, or
//! fails its checksums means a cold build.
//!
//! The file is appended to: the bodies of briefings parsed anew, then a new index (postcard)
//! and a footer (the index's length and digest, and a mark naming the format). Each body is
//! checked against its digest when read back (see [`Shelf`]). Once more than half the file is
//! bodies and indexes no longer used, it is written afresh.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::hash::Hash;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::archive;
use crate::content::{Body, Briefing, Evidence, Field, Shelf};
use crate::digest;
use crate::layout::inside::walk;
use crate::layout::{CONFIG_FILE, TEMPLATES_DIR};
use crate::publish::stamp;

/// The format's mark: a cache of another format is not read.
const MARK: &[u8; 8] = b"kabar-c3";
const FOOTER: usize = 8 * 2 + MARK.len();

/// The last build's cache, as read.
pub(crate) struct Cache {
    /// Each briefing with its file's digest, until a build takes it.
    parsed: HashMap<PathBuf, Mutex<Option<(FileKey, Briefing)>>>,
    /// Each input file's version and digest now, by its path under the site.
    inputs: stamp::Read,
    /// Each page's key, and the version of its file as published (see
    /// [`crate::publish::stamp::version`]).
    pages: HashMap<PathBuf, (u64, u64)>,
    /// The output as the last build published it, until a build takes it.
    output: Option<Arc<stamp::Published>>,
    archive: archive::Cache,
    /// The file, read from by the bodies taken from it.
    shelf: Arc<Shelf>,
    /// The file's length, and how much of it the index and the bodies it names take.
    size: u64,
    used: u64,
}

/// Each page's path, with its key and the version of its file as published.
pub(crate) type Pages = Vec<(PathBuf, (u64, u64))>;

/// What the file's footer names. `B` is a [`Briefing`], `R` what the archive reuses, `I` the
/// inputs and `O` the output as published when read back, references to them when written.
#[derive(Serialize)]
struct Index<B, R, I, O> {
    salt: u64,
    inputs: I,
    briefings: Vec<Kept<B>>,
    pages: Pages,
    output: O,
    archive: R,
}

/// The index's first fields, read first: whether anything changed needs no more.
#[derive(Deserialize)]
struct Head {
    salt: u64,
    inputs: stamp::Read,
}

/// The index's other fields, as read back.
#[derive(Deserialize)]
struct Rest {
    briefings: Vec<Kept<Briefing>>,
    pages: Pages,
    output: stamp::Published,
    archive: archive::Cache,
}

/// A briefing as parsed (its body left out when serialised), with what its parse read of its
/// file, and where its body is in the cache file: start, length and digest.
#[derive(Serialize, Deserialize)]
struct Kept<B> {
    file: FileKey,
    at: u64,
    len: usize,
    body: u64,
    briefing: B,
}

/// Where the cache of an output folder goes: `.public.kabar-cache` beside `public`.
pub(crate) fn path(named: &Path) -> Option<PathBuf> {
    let name = named.file_name()?.to_string_lossy();
    Some(named.with_file_name(format!(".{name}.kabar-cache")))
}

/// What a briefing's parse read of its file besides the salt: its bytes (by digest), and its
/// time when the briefing is dated by it (`raw.undated: mtime`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(crate) struct FileKey {
    bytes: u64,
    time: Option<DateTime<Utc>>,
}

impl FileKey {
    pub(crate) fn of(text: &str, modified: Option<DateTime<Utc>>, read: &Briefing) -> FileKey {
        let dated_by_time = read.evidence.get(&Field::Date) == Some(&Evidence::SavedTime);
        FileKey {
            bytes: digest::of_bytes(text.as_bytes()),
            time: modified.filter(|_| dated_by_time),
        }
    }
}

/// What every parse and every page depends on besides the briefings: `settings` (the binary,
/// the options, the day), `site.yaml` and the templates, by their bytes. `None` when one
/// cannot be read: the build then keeps no cache.
pub(crate) fn salt(root: &Path, settings: impl Hash) -> Option<u64> {
    let config = fs::read(root.join(CONFIG_FILE)).ok();
    let mut templates = Vec::new();
    for entry in walk(&root.join(TEMPLATES_DIR)) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.io_error().map(|e| e.kind()) == Some(std::io::ErrorKind::NotFound) => {
                continue;
            }
            Err(_) => return None,
        };
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).ok()?;
            let at = entry.path().strip_prefix(root).unwrap_or(entry.path());
            templates.push((at.to_path_buf(), digest::of(bytes)));
        }
    }
    templates.sort();
    Some(digest::of((settings, config, templates)))
}

/// The last build's cache as first read: its index checked whole, and only the inputs
/// decoded, which are all a build that finds nothing changed needs.
pub(crate) struct Last {
    path: PathBuf,
    file: File,
    size: u64,
    index: Vec<u8>,
    /// Where the rest of the index starts, after its head.
    rest_at: usize,
    inputs: stamp::Read,
}

impl Last {
    /// The cache at `path` when it was written with `salt` and its index reads back whole;
    /// `None` means a cold build.
    pub(crate) fn load(path: &Path, salt: u64) -> Option<Last> {
        let mut file = File::open(path).ok()?;
        let size = file.metadata().ok()?.len();
        let index = read_index(&mut file, size)?;
        let (head, rest) = postcard::take_from_bytes::<Head>(&index).ok()?;
        let rest_at = index.len() - rest.len();
        (head.salt == salt).then_some(Last {
            path: path.to_path_buf(),
            file,
            size,
            index,
            rest_at,
            inputs: head.inputs,
        })
    }

    /// The site's inputs as this build reads them (see [`stamp::inputs`]): files whose
    /// version the last build read are not read again.
    pub(crate) fn read_inputs(
        &mut self,
        read: impl FnOnce(Option<&stamp::Read>) -> Option<(stamp::Fingerprint, stamp::Read)>,
    ) -> Option<(stamp::Fingerprint, stamp::Read)> {
        let inputs = read(Some(&self.inputs))?;
        self.inputs = inputs.1.clone();
        Some(inputs)
    }

    /// The rest of the cache, for a build to take from.
    pub(crate) fn open(self) -> Option<Cache> {
        let index: Rest = postcard::from_bytes(&self.index[self.rest_at..]).ok()?;
        let shelf = Shelf::over(self.file, &self.path);
        let mut used = self.index.len() as u64 + FOOTER as u64;
        let parsed = index
            .briefings
            .into_iter()
            .map(|kept| {
                used += kept.len as u64;
                let mut briefing = kept.briefing;
                briefing.body = Body::Shelved {
                    shelf: Arc::clone(&shelf),
                    at: kept.at,
                    len: kept.len,
                    digest: kept.body,
                };
                (
                    briefing.path.clone(),
                    Mutex::new(Some((kept.file, briefing))),
                )
            })
            .collect();
        Some(Cache {
            parsed,
            inputs: self.inputs,
            pages: index.pages.into_iter().collect(),
            output: Some(Arc::new(index.output)),
            archive: index.archive,
            shelf,
            size: self.size,
            used,
        })
    }
}

impl Cache {
    /// The briefing at `path` as the last build parsed it, when what it read of its file is
    /// unchanged (its time, from `modified`, only when it is dated by it); taken, not copied
    /// (a build reads each file once).
    pub(crate) fn take_briefing(
        &self,
        path: &Path,
        modified: impl FnOnce() -> Option<DateTime<Utc>>,
    ) -> Option<(FileKey, Briefing)> {
        let (_, bytes) = *self.inputs.get(&stamp::path_key(path))?;
        let mut kept = self
            .parsed
            .get(path)?
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        match kept.take() {
            Some((file, briefing))
                if file.bytes == bytes && file.time.is_none_or(|time| Some(time) == modified()) =>
            {
                Some((file, briefing))
            }
            _ => None,
        }
    }

    /// What the archive reuses, as the last build left it, taken.
    pub(crate) fn take_archive(&mut self) -> archive::Cache {
        std::mem::take(&mut self.archive)
    }

    /// Each page's key and the version of its file as published.
    pub(crate) fn pages(&self) -> &HashMap<PathBuf, (u64, u64)> {
        &self.pages
    }

    /// Every file and folder of the output as the last build published it, with its
    /// version; taken.
    pub(crate) fn take_output(&mut self) -> Option<Arc<stamp::Published>> {
        self.output.take()
    }
}

/// Where `body` is on `shelf`, when it is there: start, length and digest.
fn place_on(shelf: &Arc<Shelf>, body: &Body) -> Option<(u64, usize, u64)> {
    match body {
        Body::Shelved {
            shelf: on,
            at,
            len,
            digest,
        } if Arc::ptr_eq(on, shelf) => Some((*at, *len, *digest)),
        _ => None,
    }
}

/// The index's bytes, when the footer's mark and the index's digest are right.
fn read_index(file: &mut File, size: u64) -> Option<Vec<u8>> {
    let footer_at = size.checked_sub(FOOTER as u64)?;
    file.seek(SeekFrom::Start(footer_at)).ok()?;
    let mut footer = [0; FOOTER];
    file.read_exact(&mut footer).ok()?;
    let number = |i: usize| u64::from_le_bytes(footer[i * 8..i * 8 + 8].try_into().unwrap());
    let (index_len, index_digest) = (number(0), number(1));
    if footer[16..] != MARK[..] {
        return None;
    }
    file.seek(SeekFrom::Start(footer_at.checked_sub(index_len)?))
        .ok()?;
    let mut index = vec![0; usize::try_from(index_len).ok()?];
    file.read_exact(&mut index).ok()?;
    (digest::of_bytes(&index) == index_digest).then_some(index)
}

/// Writes the cache for the next build: `briefings` as parsed (each with what it read of its
/// file), `pages` with their keys and the versions of their files as published, and the
/// whole `output` as published. It is
/// appended to `last`'s file when that is mostly still used, else to the build's `scratch`
/// shelf, whose bodies are then not written again, which becomes the cache. A cache that
/// cannot be written only means a cold build next time, so nothing here is an error.
pub(crate) fn save(
    path: &Path,
    (last, scratch): (Option<&Cache>, Option<&Arc<Shelf>>),
    (salt, inputs): (u64, &stamp::Read),
    (briefings, archive): (&[(FileKey, Arc<Briefing>)], &archive::Cache),
    (pages, output): (Pages, &stamp::Published),
) {
    let mut index = Index {
        salt,
        inputs,
        briefings: Vec::with_capacity(briefings.len()),
        pages,
        output,
        archive,
    };
    let written = match (last.filter(|last| last.size < 2 * last.used), scratch) {
        (Some(last), _) => OpenOptions::new()
            .append(true)
            .open(path)
            .and_then(|file| append(&file, last.size, Some(&last.shelf), briefings, &mut index))
            .is_ok(),
        (None, Some(scratch)) => scratch
            .appending()
            .and_then(|(file, end)| append(&file, end, Some(scratch), briefings, &mut index))
            .and_then(|()| scratch.keep_as(path))
            .is_ok(),
        (None, None) => tempfile::NamedTempFile::new_in(path.parent().unwrap_or(Path::new(".")))
            .ok()
            .filter(|temporary| append(temporary.as_file(), 0, None, briefings, &mut index).is_ok())
            .is_some_and(|temporary| temporary.persist(path).is_ok()),
    };
    if !written {
        let _ = fs::remove_file(path);
    }
}

/// Writes, from offset `at` of `file`, the bodies not already there (on `holder`, the shelf
/// over the same file), then `index` naming every body and the footer.
fn append<'a>(
    file: &File,
    mut at: u64,
    holder: Option<&Arc<Shelf>>,
    briefings: &'a [(FileKey, Arc<Briefing>)],
    index: &mut Index<&'a Briefing, &archive::Cache, &stamp::Read, &stamp::Published>,
) -> std::io::Result<()> {
    let mut out = BufWriter::new(file);
    for (file, briefing) in briefings {
        let (body_at, len, body) = match holder.and_then(|shelf| place_on(shelf, &briefing.body)) {
            Some(place) => place,
            None => {
                let html = briefing
                    .body
                    .html()
                    .map_err(|e| std::io::Error::other(e.message))?;
                out.write_all(html.as_bytes())?;
                at += html.len() as u64;
                (at - html.len() as u64, html.len(), digest::of(&*html))
            }
        };
        index.briefings.push(Kept {
            file: *file,
            at: body_at,
            len,
            body,
            briefing,
        });
    }
    // Serialised straight to the file: at 50,000 briefings the index is some 40 MB.
    let mut tee = Tee {
        out,
        digest: digest::Sink::default(),
        len: 0,
    };
    postcard::to_io(index, &mut tee).map_err(std::io::Error::other)?;
    let Tee {
        mut out,
        digest,
        len,
    } = tee;
    for number in [len, digest.digest()] {
        out.write_all(&number.to_le_bytes())?;
    }
    out.write_all(MARK)?;
    out.flush()
}

/// Bytes written to `out`, digested and counted on the way.
struct Tee<W> {
    out: W,
    digest: digest::Sink,
    len: u64,
}

impl<W: Write> Write for Tee<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(bytes)?;
        self.digest.write_all(&bytes[..n])?;
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
