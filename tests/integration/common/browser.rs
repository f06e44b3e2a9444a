//! A headless Chromium driven over the DevTools protocol, for end-to-end tests in a real
//! browser. `scripts/test` installs Chromium; elsewhere the tests skip, but never under CI=true.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Chromium's binary, or `None` where it is not installed (a failure in CI).
pub fn chromium() -> Option<PathBuf> {
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
pub struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    devtools: String,
}

impl Browser {
    pub fn open(binary: &Path, url: &str) -> Browser {
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
    pub fn page(&self, url: &str) -> Page {
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
                // A browser that stops answering fails the test instead of hanging it.
                if let tungstenite::stream::MaybeTlsStream::Plain(stream) = socket.get_ref() {
                    stream.set_read_timeout(Some(DEVTOOLS_TIMEOUT)).unwrap();
                }
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

/// How long a DevTools call may go unanswered.
const DEVTOOLS_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Page {
    socket: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    next_id: u64,
}

impl Page {
    /// Sends a DevTools `method` with `params` and returns its result.
    pub fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.send(method, params)
            .unwrap_or_else(|error| panic!("{method} failed: {error}"))
    }

    /// A DevTools call's result, or the protocol's error (such as a page navigating away
    /// while a script runs in it).
    fn send(
        &mut self,
        method: &str,
        params: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        let id = self.next_id;
        self.next_id += 1;
        let call = serde_json::json!({"id": id, "method": method, "params": params});
        self.socket
            .send(tungstenite::Message::text(call.to_string()))
            .unwrap();
        loop {
            let message = self.socket.read().unwrap_or_else(|error| {
                panic!("{method}: no answer from the browser within {DEVTOOLS_TIMEOUT:?}: {error}")
            });
            let Ok(text) = message.to_text() else {
                continue;
            };
            let reply: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
            if reply["id"] == id {
                return match reply["error"].is_null() {
                    true => Ok(reply["result"].clone()),
                    false => Err(reply["error"].clone()),
                };
            }
        }
    }

    /// Evaluates `expression` in the page and returns its value; a promise is awaited. A page
    /// navigating away meanwhile gives null.
    pub fn evaluate(&mut self, expression: &str) -> serde_json::Value {
        let params = serde_json::json!({"expression": expression, "returnByValue": true, "awaitPromise": true});
        let Ok(result) = self.send("Runtime.evaluate", params) else {
            return serde_json::Value::Null;
        };
        let thrown = &result["exceptionDetails"];
        assert!(thrown.is_null(), "`{expression}` threw: {thrown}");
        result["result"]["value"].clone()
    }

    /// Waits until the page's text contains `wanted`.
    pub fn wait_for_text(&mut self, wanted: &str) {
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

impl Page {
    /// Waits until `expression` is true in the page; while the page is still loading, an
    /// expression that throws counts as false.
    pub fn wait_until(&mut self, expression: &str, what: &str) {
        self.wait_until_within(expression, what, Duration::from_secs(20));
    }

    /// As [`Page::wait_until`], failing after `limit`.
    pub fn wait_until_within(&mut self, expression: &str, what: &str, limit: Duration) {
        let started = Instant::now();
        let guarded =
            format!("(() => {{ try {{ return {expression}; }} catch {{ return false; }} }})()");
        while self.evaluate(&guarded) != serde_json::Value::Bool(true) {
            assert!(
                started.elapsed() < limit,
                "{what} never happened; the page shows: {}",
                self.evaluate("document.body ? document.body.innerText : ''")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Opens `url` in this page.
    pub fn go(&mut self, url: &str) {
        self.call("Page.navigate", serde_json::json!({"url": url}));
    }
}

/// Serves the folder `dir` under the URL path `under` (such as `/arsip`), as a static host
/// would; returns the site's address, which ends in `under/`.
pub fn serve_folder(dir: &Path, under: &str) -> String {
    serve_counted(dir, under).0
}

/// What a served folder has sent: each response's path and body length, in order.
#[derive(Debug, Default)]
pub struct Tally(std::sync::Mutex<Vec<(String, u64)>>);

impl Tally {
    /// The responses sent so far, forgotten.
    pub fn take(&self) -> Vec<(String, u64)> {
        std::mem::take(&mut self.0.lock().unwrap())
    }
}

/// As [`serve_folder`], counting what the server sends (a browser's own figures miss what
/// its workers fetch).
pub fn serve_counted(dir: &Path, under: &str) -> (String, std::sync::Arc<Tally>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}{under}/", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let tally = std::sync::Arc::new(Tally::default());
    let counting = std::sync::Arc::clone(&tally);
    let app = axum::Router::new()
        .nest_service(under, tower_http::services::ServeDir::new(dir))
        .layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let tally = std::sync::Arc::clone(&counting);
                async move {
                    let path = request.uri().path().to_string();
                    let response = next.run(request).await;
                    let length = response
                        .headers()
                        .get(axum::http::header::CONTENT_LENGTH)
                        .and_then(|v| v.to_str().ok()?.parse().ok())
                        .unwrap_or(0);
                    tally.0.lock().unwrap().push((path, length));
                    response
                }
            },
        ));
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    (url, tally)
}

/// The site `options` name built for `/arsip/`, served as a static host would, counting what
/// the server sends; returns the output folder, the site's address and the count.
pub fn served_counted_under_a_sub_path(
    options: kabar::Options,
) -> (tempfile::TempDir, String, std::sync::Arc<Tally>) {
    let out = tempfile::tempdir().unwrap();
    let (url, tally) = serve_counted(out.path(), "/arsip");
    kabar::build(&kabar::Options {
        output: Some(out.path().to_path_buf()),
        base_url: Some(url.clone()),
        ..options
    })
    .unwrap();
    (out, url, tally)
}

/// The example site built for `/arsip/` (a sub-path), served as a static host would; returns
/// the output folder and the site's address.
pub fn example_served_under_a_sub_path() -> (tempfile::TempDir, String) {
    served_under_a_sub_path(&super::example_root())
}

/// The site at `root` built for `/arsip/`, served as a static host would; returns the output
/// folder and the site's address.
pub fn served_under_a_sub_path(root: &Path) -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().unwrap();
    let url = serve_folder(out.path(), "/arsip");
    kabar::build(&kabar::Options {
        root: root.to_path_buf(),
        output: Some(out.path().to_path_buf()),
        base_url: Some(url.clone()),
        ..kabar::Options::default()
    })
    .unwrap();
    (out, url)
}
