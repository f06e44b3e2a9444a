//! Helpers for integration tests: throwaway sites in temp folders, and readers of what they wrote.

pub mod browser;
pub mod s3;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use regex::Regex;

/// A site in a temp folder.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    pub fn new(config: &str) -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().unwrap(),
        };
        site.write("site.yaml", config);
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, path: &str, text: &str) -> &Self {
        let path = self.root().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// A briefing with front matter from `(key, value)` pairs.
    pub fn briefing(&self, path: &str, front_matter: &[(&str, &str)], body: &str) -> &Self {
        let keys: String = front_matter
            .iter()
            .map(|(k, v)| format!("{k}: {v}\n"))
            .collect();
        self.write(path, &format!("---\n{keys}---\n\n{body}\n"))
    }

    pub fn options(&self) -> kabar::Options {
        kabar::Options::new(self.root())
    }

    pub fn output(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn build(&self) -> kabar::Report {
        kabar::build(&self.options()).unwrap_or_else(|e| panic!("build failed:\n{e}"))
    }

    /// The build's problems; panics if it succeeded.
    pub fn build_errors(&self) -> Vec<kabar::Diagnostic> {
        match kabar::build(&self.options()) {
            Ok(_) => panic!("the build should have failed"),
            Err(kabar::BuildError::Site(diagnostics)) => diagnostics,
            Err(other) => panic!("expected site errors, got {other}"),
        }
    }

    pub fn read(&self, output_path: &str) -> String {
        let path = self.output().join(output_path);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// A full build of `site` as it now is, in a fresh folder (no last build, no cache): its files.
pub fn fresh_build(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let options = kabar::Options {
        output: Some(out.path().join("public")),
        ..site.options()
    };
    kabar::build(&options).unwrap_or_else(|e| panic!("full build failed:\n{e}"));
    files(&out.path().join("public"))
}

/// Fails, naming them, when some files only one of two builds wrote or differ: what a build
/// that reused work (`incremental`) made against a `full` build of the same site.
pub fn assert_same(
    step: &str,
    incremental: &BTreeMap<String, Vec<u8>>,
    full: &BTreeMap<String, Vec<u8>>,
) {
    let only_incremental: Vec<_> = incremental
        .keys()
        .filter(|k| !full.contains_key(*k))
        .collect();
    let only_full: Vec<_> = full
        .keys()
        .filter(|k| !incremental.contains_key(*k))
        .collect();
    let differing: Vec<_> = full
        .iter()
        .filter(|(k, v)| incremental.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        only_incremental.is_empty() && only_full.is_empty() && differing.is_empty(),
        "after {step}: only incremental {only_incremental:?}, only full {only_full:?}, \
         differing {differing:?}"
    );
}

/// `out` of a command that must have succeeded; else the test fails with what it printed
/// on stderr.
pub fn succeeded(out: std::process::Output) -> std::process::Output {
    assert!(
        out.status.success(),
        "failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Where each field of `b` that was not stated came from, by name (`date` -> `header`).
pub fn evidence(b: &kabar::content::Briefing) -> BTreeMap<&'static str, &'static str> {
    b.evidence
        .iter()
        .map(|(field, from)| (field.name(), from.name()))
        .collect()
}

/// The fields of `b` read from the text or made up, by name.
pub fn inferred(b: &kabar::content::Briefing) -> Vec<&'static str> {
    b.inferred.iter().map(|f| f.name()).collect()
}

/// Every file of the site under `dir`, by slash-separated relative path; the marker kabar
/// leaves in its output folders is not a file of the site.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != kabar::publish::MARKER)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (key, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Every `href` and `src` value in a page, written independently of kabar's own checker.
pub fn links(html: &str) -> Vec<String> {
    let re = Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap();
    re.captures_iter(html)
        .map(|c| c[1].replace("&amp;", "&"))
        .collect()
}

/// Whether a link from `page` (an output path) names a file in `all`; `None` for external links.
pub fn resolves(
    link: &str,
    page: &str,
    base_path: &str,
    all: &BTreeMap<String, Vec<u8>>,
) -> Option<bool> {
    if link.starts_with("http://")
        || link.starts_with("https://")
        || link.starts_with('#')
        || link.starts_with("mailto:")
    {
        return None;
    }
    let link = link.split(['#', '?']).next().unwrap();
    let joined = if let Some(abs) = link.strip_prefix('/') {
        let Some(rest) = format!("/{abs}")
            .strip_prefix(base_path)
            .map(str::to_string)
        else {
            return Some(false);
        };
        rest
    } else {
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        format!("{dir}/{link}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let path = parts.join("/");
    let index = if path.is_empty() {
        "index.html".to_string()
    } else {
        format!("{path}/index.html")
    };
    Some(all.contains_key(&path) || all.contains_key(&index))
}

/// Links in HTML pages that name no output file, as `page -> link`.
pub fn broken_links(out: &Path, base_path: &str) -> Vec<String> {
    let all = files(out);
    let mut broken = Vec::new();
    for (page, bytes) in all.iter().filter(|(p, _)| p.ends_with(".html")) {
        for link in links(&String::from_utf8_lossy(bytes)) {
            if resolves(&link, page, base_path, &all) == Some(false) {
                broken.push(format!("{page} -> {link}"));
            }
        }
    }
    broken
}

/// The text of every `<loc>` in a sitemap.
pub fn sitemap_locs(xml: &str) -> Vec<String> {
    let re = Regex::new(r"<loc>([^<]*)</loc>").unwrap();
    re.captures_iter(xml).map(|c| c[1].to_string()).collect()
}

/// Titles of briefing cards and timeline entries on a list page, in order.
pub fn listed_titles(html: &str) -> Vec<String> {
    let re = Regex::new(
        r#"<h[23]><a href="[^"]*">([^<]*)</a></h[23]>|<li class="row"><a href="[^"]*">([^<]*)</a>"#,
    )
    .unwrap();
    re.captures_iter(html)
        .map(|c| c.get(1).or(c.get(2)).unwrap().as_str().to_string())
        .collect()
}

/// The text of a gzipped file, as Pagefind writes them.
pub fn gunzip(bytes: &[u8]) -> String {
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut text)
        .expect("Pagefind files are gzipped");
    String::from_utf8_lossy(&text).into_owned()
}

pub fn parse_feed(xml: &str) -> feed_rs::model::Feed {
    feed_rs::parser::parse(xml.as_bytes())
        .unwrap_or_else(|e| panic!("not a valid feed: {e}\n{xml}"))
}

/// The repository's own example site.
pub fn example_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A running `kabar serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub url: String,
    /// Kept so the threads draining the server's output have somewhere to send it.
    _output: mpsc::Receiver<String>,
}

impl Server {
    pub fn start(site: &TestSite) -> Server {
        Server::start_with(site, &[])
    }

    /// `kabar serve` with more arguments, such as `--poll`.
    pub fn start_with(site: &TestSite, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kabar"))
            .args(["serve", "--port", "0", "--root"])
            .arg(site.root())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (sender, lines) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let _ = sender.send(line);
                }
            });
        }
        let started = Instant::now();
        let url = loop {
            let line = lines
                .recv_timeout(Duration::from_secs(30))
                .expect("kabar serve prints its address");
            if let Some(rest) = line.strip_prefix("serving ") {
                break rest.split_whitespace().next().unwrap().to_string();
            }
            assert!(started.elapsed() < Duration::from_secs(30));
        };
        Server {
            child,
            url,
            _output: lines,
        }
    }

    pub fn get(&self, path: &str) -> Response {
        let address = self.url.trim_start_matches("http://").trim_end_matches('/');
        let mut stream = TcpStream::connect(address).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        Response {
            status,
            head: head.to_lowercase(),
            body: body.to_string(),
        }
    }
}

impl Server {
    /// The server's resident memory, in bytes (Linux).
    pub fn resident_bytes(&self) -> u64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let kb: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap();
        kb * 1024
    }

    /// Sends Ctrl-C and returns the exit code.
    pub fn interrupt(&mut self) -> Option<i32> {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-INT", &pid]).status().unwrap();
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(started.elapsed() < Duration::from_secs(10), "still running");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Response {
    pub status: u16,
    pub head: String,
    pub body: String,
}

/// A site made by `examples/gen-archive` with `args`, with search off (the tests that make one
/// measure what the archive finds, not its index): its folder, and the folder holding it.
pub fn generated_archive(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("arsip");
    let mut generator = std::process::Command::new(env!("CARGO"));
    generator.args(["run", "--quiet", "--example", "gen-archive"]);
    if !cfg!(debug_assertions) {
        generator.arg("--release");
    }
    let made = generator
        .arg("--")
        .args(args)
        .arg("--out")
        .arg(&root)
        .output()
        .unwrap();
    succeeded(made);
    let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(root.join("site.yaml"), format!("{config}search: false\n")).unwrap();
    (dir, root)
}
