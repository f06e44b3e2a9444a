//! A briefing's HTML body, held in memory or shelved in a scratch file.
//!
//! `kabar build` shelves bodies as they are parsed: they are most of what a build would
//! otherwise hold (half of it at 50,000 briefings), and only a briefing's own page, the feeds
//! and the search index read them, each a few times at most. The shelf then becomes the build
//! cache, or its bodies are added to the last one (see `build::cache`). The live preview
//! holds them, as it renders pages again on every save.

use std::borrow::Cow;
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::error::Diagnostic;

#[derive(Debug, Clone)]
pub enum Body {
    Held(String),
    Shelved {
        shelf: Arc<Shelf>,
        at: u64,
        len: usize,
        /// The text's digest, so a shelved body hashes as it would held.
        digest: u64,
    },
}

impl Default for Body {
    fn default() -> Self {
        Body::Held(String::new())
    }
}

impl Body {
    /// The HTML, read back from the shelf when it is there.
    pub fn html(&self) -> Result<Cow<'_, str>, Diagnostic> {
        match self {
            Body::Held(html) => Ok(Cow::Borrowed(html)),
            Body::Shelved {
                shelf,
                at,
                len,
                digest,
            } => shelf.take_down(*at, *len, *digest).map(Cow::Owned),
        }
    }

    fn digest(&self) -> u64 {
        match self {
            Body::Held(html) => digest(html),
            Body::Shelved { digest, .. } => *digest,
        }
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Body::Held(a), Body::Held(b)) => a == b,
            _ => self.digest() == other.digest() && self.html().ok() == other.html().ok(),
        }
    }
}

impl Hash for Body {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.digest());
    }
}

fn digest(html: &str) -> u64 {
    crate::digest::of(html)
}

/// A file bodies are written to and read back from: a build's scratch file, removed when
/// the shelf goes unless it is kept, or the build cache's file, read only.
pub struct Shelf {
    file: Mutex<File>,
    /// Where the file is, to name in an error.
    named: PathBuf,
    /// A scratch file not kept: removed when the shelf goes.
    scratch: Mutex<Option<PathBuf>>,
}

impl std::fmt::Debug for Shelf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Shelf at {}", self.named.display())
    }
}

impl Shelf {
    /// A new, empty scratch shelf at `path` (best on the disk the site is written to); a
    /// build killed midway leaves it to the next one to remove.
    pub fn scratch(path: &Path) -> std::io::Result<Arc<Shelf>> {
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(path)?;
        Ok(Arc::new(Shelf {
            file: Mutex::new(file),
            named: path.to_path_buf(),
            scratch: Mutex::new(Some(path.to_path_buf())),
        }))
    }

    /// A shelf over `file`, written before and read from only (the build cache at `path`).
    pub fn over(file: File, path: &Path) -> Arc<Shelf> {
        Arc::new(Shelf {
            file: Mutex::new(file),
            named: path.to_path_buf(),
            scratch: Mutex::new(None),
        })
    }

    /// The file, to write more after its bodies, and its length now.
    pub fn appending(&self) -> std::io::Result<(File, u64)> {
        let file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        let mut copy = file.try_clone()?;
        let end = copy.seek(SeekFrom::End(0))?;
        Ok((copy, end))
    }

    /// Keeps a scratch shelf's file as `path`, no longer removed when the shelf goes.
    pub fn keep_as(&self, path: &Path) -> std::io::Result<()> {
        let mut scratch = self.scratch.lock().unwrap_or_else(|e| e.into_inner());
        let from = scratch.as_ref().ok_or(std::io::ErrorKind::NotFound)?;
        std::fs::rename(from, path)?;
        *scratch = None;
        Ok(())
    }

    /// Shelves `html`; when it cannot be written (a full disk), it stays held.
    pub fn put(self: &Arc<Self>, html: String) -> Body {
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        let written = file
            .seek(SeekFrom::End(0))
            .and_then(|at| file.write_all(html.as_bytes()).map(|()| at));
        match written {
            Ok(at) => Body::Shelved {
                shelf: Arc::clone(self),
                at,
                len: html.len(),
                digest: digest(&html),
            },
            Err(_) => Body::Held(html),
        }
    }

    /// The body at `at`, checked against its `digest`: a file changed on the disk since
    /// is an error, never a wrong page.
    fn take_down(&self, at: u64, len: usize, digest: u64) -> Result<String, Diagnostic> {
        let mut bytes = vec![0; len];
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        file.seek(SeekFrom::Start(at))
            .and_then(|_| file.read_exact(&mut bytes))
            .map_err(|e| self.problem(&e))?;
        drop(file);
        let text = String::from_utf8(bytes).map_err(|e| self.problem(&e))?;
        match self::digest(&text) == digest {
            true => Ok(text),
            false => Err(self.problem(&"it is not what was written there")),
        }
    }

    fn problem(&self, e: &dyn std::fmt::Display) -> Diagnostic {
        Diagnostic::file(
            &self.named,
            format!("a briefing's text could not be read back from the build's file here: {e}"),
        )
        .with_hint("check that the disk is not full or failing, and build again")
    }
}

impl Shelf {
    /// Removes a scratch shelf's file now (unless it was kept), while bodies on it may still
    /// be freed later: nothing reads them any more.
    pub fn discard(&self) {
        let mut scratch = self.scratch.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(path) = scratch.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Drop for Shelf {
    fn drop(&mut self) {
        self.discard();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shelved_body_reads_back_and_hashes_as_held() {
        let dir = tempfile::tempdir().unwrap();
        let shelf = Shelf::scratch(&dir.path().join("rak")).unwrap();
        let texts = ["<p>Kim tiba di Hanoi.</p>", "", "<p>Trump — Singapura</p>"];
        let shelved: Vec<Body> = texts.iter().map(|t| shelf.put(t.to_string())).collect();
        for (text, body) in texts.iter().zip(&shelved) {
            assert!(matches!(body, Body::Shelved { .. }));
            assert_eq!(body.html().unwrap(), *text);
            let held = Body::Held(text.to_string());
            assert_eq!(body, &held);
            let hash = |b: &Body| crate::digest::of(b);
            assert_eq!(hash(body), hash(&held));
        }
        assert_ne!(shelved[0], shelved[2]);
        drop((shelf, shelved));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "a scratch shelf is gone when it goes"
        );
    }

    #[test]
    fn a_kept_scratch_shelf_stays_under_its_new_name() {
        let dir = tempfile::tempdir().unwrap();
        let shelf = Shelf::scratch(&dir.path().join("rak")).unwrap();
        let body = shelf.put("<p>Kim tiba di Hanoi.</p>".to_string());
        let kept = dir.path().join("simpan");
        shelf.keep_as(&kept).unwrap();
        assert_eq!(body.html().unwrap(), "<p>Kim tiba di Hanoi.</p>");
        drop((shelf, body));
        assert_eq!(
            std::fs::read_to_string(&kept).unwrap(),
            "<p>Kim tiba di Hanoi.</p>"
        );
        assert!(!dir.path().join("rak").exists());
    }

    #[test]
    fn a_body_changed_on_the_disk_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kept");
        std::fs::write(&path, "<p>Kim tiba di Hanoi.</p>").unwrap();
        let shelf = Shelf::over(File::open(&path).unwrap(), &path);
        let body = |text: &str| Body::Shelved {
            shelf: Arc::clone(&shelf),
            at: 0,
            len: text.len(),
            digest: digest(text),
        };
        assert_eq!(
            body("<p>Kim tiba di Hanoi.</p>").html().unwrap(),
            "<p>Kim tiba di Hanoi.</p>"
        );
        let problem = body("<p>Kim tiba di Hanoi!</p>").html().unwrap_err();
        assert_eq!(problem.path, path, "{problem:?}");
        assert!(
            problem.message.contains("not what was written"),
            "{problem:?}"
        );
    }
}
