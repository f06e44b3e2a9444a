//! End to end in a real browser: headless Chromium opens a page `kabar serve` serves, the
//! briefing is edited on disk, and the new text appears without the test reloading anything.
//! The test drives Chromium over the DevTools protocol. `scripts/test` installs Chromium;
//! elsewhere the test skips, but never under CI=true.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Server, TestSite};

/// Chromium's binary, or `None` where it is not installed (a failure in CI).
fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("KABAR_CHROMIUM").map(PathBuf::from);
    let found = named.or_else(|| {
        ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .find_map(|name| which(name))
    });
    match found {
        Some(path) => Some(path),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but Chromium is missing: run the tests with `bash scripts/test`")
        }
        None => {
            eprintln!("skipped: Chromium is missing; `bash scripts/test` installs it");
            None
        }
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| Path::new(dir).join(name))
        .find(|p| p.is_file())
}

/// A headless Chromium, killed when dropped.
struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    devtools: String,
}

impl Browser {
    fn open(binary: &Path, url: &str) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(binary)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Chromium writes the port it chose into the profile folder.
        let port_file = profile.path().join("DevToolsActivePort");
        let started = Instant::now();
        let port = loop {
            if let Ok(text) = std::fs::read_to_string(&port_file)
                && let Some(port) = text.lines().next().filter(|l| !l.is_empty())
            {
                break port.to_string();
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "Chromium did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        };
        Browser {
            child,
            _profile: profile,
            devtools: format!("127.0.0.1:{port}"),
        }
    }

    /// The DevTools socket of the page showing `url`.
    fn page(&self, url: &str) -> Page {
        let started = Instant::now();
        loop {
            let body = http_get(&self.devtools, "/json/list");
            let targets: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
            let socket = targets.as_array().into_iter().flatten().find_map(|t| {
                let is_page =
                    t["type"] == "page" && t["url"].as_str().is_some_and(|u| u.starts_with(url));
                is_page.then(|| t["webSocketDebuggerUrl"].as_str().unwrap().to_string())
            });
            if let Some(socket) = socket {
                let (socket, _) = tungstenite::connect(socket).unwrap();
                return Page { socket, next_id: 1 };
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "no page for {url}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A GET whose body is read by its Content-Length: the DevTools server keeps connections open.
fn http_get(host: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    let mut buffer = [0; 8192];
    loop {
        let n = stream.read(&mut buffer).unwrap();
        raw.extend_from_slice(&buffer[..n]);
        let text = String::from_utf8_lossy(&raw);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if body.len() >= length || n == 0 {
                return body.to_string();
            }
        }
        if n == 0 {
            return String::new();
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Page {
    socket: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    next_id: u64,
}

impl Page {
    /// Evaluates `expression` in the page and returns its value.
    fn evaluate(&mut self, expression: &str) -> serde_json::Value {
        let id = self.next_id;
        self.next_id += 1;
        let call = serde_json::json!({
            "id": id,
            "method": "Runtime.evaluate",
            "params": {"expression": expression, "returnByValue": true},
        });
        self.socket
            .send(tungstenite::Message::text(call.to_string()))
            .unwrap();
        loop {
            let message = self.socket.read().unwrap();
            let Ok(text) = message.to_text() else {
                continue;
            };
            let reply: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
            if reply["id"] == id {
                return reply["result"]["result"]["value"].clone();
            }
        }
    }

    /// Waits until the page's text contains `wanted`.
    fn wait_for_text(&mut self, wanted: &str) {
        let started = Instant::now();
        loop {
            let text = self.evaluate("document.body ? document.body.innerText : ''");
            if text.as_str().is_some_and(|t| t.contains(wanted)) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "`{wanted}` never appeared; the page shows: {text}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn an_edit_on_disk_appears_in_the_open_page_by_itself() {
    let Some(binary) = chromium() else { return };
    let site = TestSite::new("title: Uji\n");
    let write = |body: &str| {
        site.briefing(
            "content/hanoi.md",
            &[("title", "KTT Hanoi"), ("date", "2019-02-28 14:00")],
            body,
        );
    };
    write("Kalimat lama di halaman.");
    let server = Server::start(&site);
    let url = format!("{}2019/02/hanoi/", server.url);
    let browser = Browser::open(&binary, &url);
    let mut page = browser.page(&url);
    page.wait_for_text("Kalimat lama di halaman.");
    // Give the page's live-reload socket a moment to connect.
    std::thread::sleep(Duration::from_millis(500));
    // Mark this document: a reload replaces it, so the mark tells the page reloaded itself.
    page.evaluate("window.kabarMark = 'sebelum'");
    write("Kalimat baru muncul sendiri.");
    page.wait_for_text("Kalimat baru muncul sendiri.");
    assert_eq!(
        page.evaluate("window.kabarMark || null"),
        serde_json::Value::Null
    );

    // A broken file shows the overlay over the last good page; the fix clears it.
    site.write(
        "content/hanoi.md",
        "---\ntitle: KTT Hanoi\ndate: 31/02/2019\n---\nRusak.\n",
    );
    page.wait_for_text("cannot read the date");
    assert!(
        page.evaluate("document.body.innerText")
            .as_str()
            .unwrap()
            .contains("Kalimat baru muncul sendiri.")
    );
    write("Sudah diperbaiki.");
    page.wait_for_text("Sudah diperbaiki.");
    assert_eq!(
        page.evaluate("document.getElementById('kabar-overlay')"),
        serde_json::Value::Null
    );
}
