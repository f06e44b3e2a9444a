//! `kabar serve`: rebuild on every change, serve the site from memory and reload open browser
//! tabs.

mod guard;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::broadcast;

use self::guard::Guard;
use crate::Options;
use crate::changes::{self, Event};
use crate::error::{BuildError, Diagnostic};
use crate::incremental::{Outcome, Session};
use crate::render::files::Files;

/// The address browsers use to hear about rebuilds.
pub const LIVE_PATH: &str = "/__kabar/live";

/// Injected into served HTML only (never into `kabar build` output): listens for rebuilds,
/// reloads the page (or just its stylesheets), shows build errors over the page, and
/// reconnects after the server restarts.
const LIVE_SCRIPT: &str = r#"<script>/* kabar live reload */(() => {
  let wasOpen = false;
  const overlay = (text) => {
    let box = document.getElementById("kabar-overlay");
    if (!text) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "kabar-overlay";
      box.style.cssText = "position:fixed;inset:0;margin:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(30,0,0,.94);color:#fff;font:14px/1.5 monospace;padding:2em;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = text;
  };
  const connect = () => {
    const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__kabar/live");
    ws.onopen = () => { if (wasOpen) location.reload(); wasOpen = true; document.documentElement.dataset.kabarLive = "open"; };
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.kind === "reload") location.reload();
      else if (message.kind === "css") {
        for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
          const url = new URL(link.href);
          url.searchParams.set("kabar", Date.now());
          link.href = url.href;
        }
      } else if (message.kind === "error") overlay(message.text);
    };
    ws.onclose = () => setTimeout(connect, 500);
  };
  connect();
})();</script>
"#;

/// Served for every page while no build has succeeded yet; the live-reload script it gets
/// shows the error over it and reloads it when the site builds.
const NOT_BUILT_YET: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\
<title>kabar: the site did not build</title></head>\n<body><p>The site did not build yet: \
fix the error shown, and this page reloads.</p></body></html>\n";

/// What to tell open tabs after a rebuild.
fn message(kind: &str, text: Option<&str>) -> String {
    serde_json::json!({ "kind": kind, "text": text }).to_string()
}

/// Where `kabar serve` listens.
#[derive(Debug, Clone, Copy)]
pub struct Address {
    pub bind: IpAddr,
    pub port: u16,
}

/// The served site: the last good build, the last error (if the latest build failed), and
/// the channel to open tabs.
struct Shared {
    files: RwLock<Arc<Files>>,
    error: RwLock<Option<String>>,
    tabs: broadcast::Sender<String>,
    /// One for each tab that may listen.
    seats: Arc<tokio::sync::Semaphore>,
}

/// Builds, serves, watches and rebuilds until Ctrl-C. `on_ready` gets the URL once the
/// server listens.
pub fn serve(
    mut options: Options,
    address: Address,
    poll: bool,
    on_ready: impl FnOnce(&str),
    on_rebuild: impl Fn(&Result<Outcome, BuildError>) + Send + 'static,
) -> Result<(), BuildError> {
    let listener = bind(address)?;
    let local = listener
        .local_addr()
        .map_err(|e| BuildError::io("cannot listen on", address.bind.to_string(), e))?;
    let url = format!("http://{local}/");
    // Links in served pages point here, not at base_url.
    options.base_url = Some(url.clone());
    let root = options.root.clone();
    let output = options.output_dir();
    let mut session = Session::new(options);
    let (tabs, _) = broadcast::channel(16);
    let first = session.rebuild(&[]);
    let shared = Arc::new(Shared {
        files: RwLock::new(session.files()),
        error: RwLock::new(first.as_ref().err().map(ToString::to_string)),
        tabs,
        seats: Arc::new(tokio::sync::Semaphore::new(MAX_TABS)),
    });
    on_rebuild(&first);
    let watch = changes::watch(&root, &output, poll)?;
    session.on_search_ready(watch.waker());
    let rebuilder = Arc::clone(&shared);
    std::thread::spawn(move || {
        for event in watch {
            match event {
                Event::Changed(paths) => {
                    let result = session.rebuild(&paths);
                    publish_to_tabs(&rebuilder, &session, &result);
                    on_rebuild(&result);
                }
                // The search index caught up (and whatever else changed meanwhile).
                Event::Ready => {
                    if let Some(result) = session.take_search() {
                        publish_to_tabs(&rebuilder, &session, &result);
                    }
                }
                Event::Trouble(problem) => eprintln!("{problem}"),
            }
        }
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| BuildError::io("cannot start", "the server", e))?;
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| BuildError::io("cannot listen on", url.clone(), e))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| BuildError::io("cannot listen on", url.clone(), e))?;
        on_ready(&url);
        let guard = Guard {
            bind: address.bind,
            port: local.port(),
        };
        if let Some(note) = guard.exposure() {
            eprintln!("{note}");
        }
        let app = Router::new()
            .route(LIVE_PATH, get(live))
            .fallback(page)
            .with_state(shared)
            .layer(axum::middleware::from_fn_with_state(guard, guard::check));
        serve_until_ctrl_c(listener, app).await;
        Ok(())
    })
}

/// How long a client has to send its request's headers: a client that is slow or silent
/// cannot hold a connection (and its memory) without limit.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `app` until Ctrl-C, each connection over HTTP/1.1 with [`HEADER_TIMEOUT`]
/// (`axum::serve` has no such limit) and upgrades for the live-reload socket.
async fn serve_until_ctrl_c(listener: tokio::net::TcpListener, app: Router) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT);
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        let stream = tokio::select! {
            _ = &mut ctrl_c => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors, say: the next accept may succeed.
                Err(_) => continue,
            },
        };
        let connection = http
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()))
            .with_upgrades();
        tokio::spawn(connection);
    }
}

fn bind(address: Address) -> Result<std::net::TcpListener, BuildError> {
    let socket = SocketAddr::new(address.bind, address.port);
    std::net::TcpListener::bind(socket).map_err(|e| {
        let (message, hint) = match e.kind() {
            std::io::ErrorKind::AddrInUse => (
                format!("port {} is already in use by another program", address.port),
                format!(
                    "stop the other program, or pick another port: --port {}",
                    address.port.wrapping_add(1).max(1024)
                ),
            ),
            _ => (
                format!("cannot listen on {socket}: {e}"),
                "check --bind and --port".to_string(),
            ),
        };
        // Not about a file: no line and column.
        Diagnostic::new("kabar serve", 0, 0, message)
            .with_hint(hint)
            .into()
    })
}

/// Swaps in the new build and tells every open tab what to do.
fn publish_to_tabs(shared: &Shared, session: &Session, result: &Result<Outcome, BuildError>) {
    let had_error = shared.error.read().map(|e| e.is_some()).unwrap_or(false);
    let note = match result {
        Ok(outcome) => {
            // A tab has nothing to reload for the search index: the next search reads it.
            let shown = |p: &&PathBuf| !p.starts_with(crate::render::search::SEARCH_DIR);
            let written: Vec<&PathBuf> = outcome.written.iter().filter(shown).collect();
            let removed: Vec<&PathBuf> = outcome.removed.iter().filter(shown).collect();
            *shared
                .files
                .write()
                .expect("no panics while holding the lock") = session.files();
            *shared
                .error
                .write()
                .expect("no panics while holding the lock") = None;
            let css_only = !written.is_empty()
                && removed.is_empty()
                && written
                    .iter()
                    .all(|p| p.extension().is_some_and(|e| e == "css"));
            if css_only && !had_error {
                Some(message("css", None))
            } else if had_error || !written.is_empty() || !removed.is_empty() {
                Some(message("reload", None))
            } else {
                None
            }
        }
        Err(e) => {
            let text = e.to_string();
            *shared
                .error
                .write()
                .expect("no panics while holding the lock") = Some(text.clone());
            Some(message("error", Some(&text)))
        }
    };
    if let Some(note) = note {
        // No tab listening is fine.
        let _ = shared.tabs.send(note);
    }
}

/// The most tabs listening at once; more get `503`. An editor has a few.
const MAX_TABS: usize = 64;
/// The largest message a tab may send. Tabs send nothing but pongs: a client sending an
/// endless message must not grow the server's memory.
const MAX_TAB_MESSAGE: usize = 1024;
/// How often a tab is pinged; one that answers nothing for two pings is closed. Browsers
/// answer pings by themselves, even in a background tab.
const PING_EVERY: Duration = Duration::from_secs(20);

async fn live(upgrade: WebSocketUpgrade, State(shared): State<Arc<Shared>>) -> Response {
    let Ok(seat) = Arc::clone(&shared.seats).try_acquire_owned() else {
        return plain(StatusCode::SERVICE_UNAVAILABLE, "too many open tabs");
    };
    upgrade
        .max_message_size(MAX_TAB_MESSAGE)
        .max_frame_size(MAX_TAB_MESSAGE)
        .on_upgrade(move |socket| async move {
            tab(socket, shared).await;
            drop(seat);
        })
}

/// One open tab: told the current error at once, then every rebuild, until it closes,
/// errs or falls silent.
async fn tab(mut socket: WebSocket, shared: Arc<Shared>) {
    let mut notes = shared.tabs.subscribe();
    let current = shared.error.read().ok().and_then(|e| e.clone());
    if let Some(text) = current
        && socket
            .send(Message::text(message("error", Some(&text))))
            .await
            .is_err()
    {
        return;
    }
    let mut pings = tokio::time::interval(PING_EVERY);
    let mut unanswered = 0;
    loop {
        let sent = tokio::select! {
            note = notes.recv() => match note {
                Ok(note) => socket.send(Message::text(note)).await,
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    socket.send(Message::text(message("reload", None))).await
                }
                Err(broadcast::error::RecvError::Closed) => return,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(_)) => {
                    unanswered = 0;
                    Ok(())
                }
                _ => return,
            },
            _ = pings.tick() => {
                unanswered += 1;
                if unanswered > 2 {
                    return;
                }
                socket.send(Message::Ping(Vec::new().into())).await
            }
        };
        if sent.is_err() {
            return;
        }
    }
}

/// Any other request: a file of the last good build.
async fn page(State(shared): State<Arc<Shared>>, request: Request<Body>) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD");
    }
    let files = shared
        .files
        .read()
        .map(|f| Arc::clone(&f))
        .unwrap_or_default();
    match resolve(request.uri().path(), &files) {
        Resolved::File(path) => file_response(StatusCode::OK, &path, &files[path.as_path()]),
        Resolved::Redirect(to) => Response::builder()
            .status(StatusCode::MOVED_PERMANENTLY)
            .header(header::LOCATION, to)
            .header(header::CACHE_CONTROL, "no-store")
            .body(Body::empty())
            .unwrap_or_default(),
        Resolved::Forbidden => plain(StatusCode::FORBIDDEN, "forbidden"),
        // No good build yet: a page that shows the error and reloads once it is fixed.
        Resolved::Missing if files.is_empty() => {
            let page = Arc::new(NOT_BUILT_YET.as_bytes().to_vec());
            file_response(
                StatusCode::SERVICE_UNAVAILABLE,
                Path::new("index.html"),
                &page,
            )
        }
        Resolved::Missing => match files.get(Path::new("404.html")) {
            Some(bytes) => file_response(StatusCode::NOT_FOUND, Path::new("404.html"), bytes),
            None => plain(StatusCode::NOT_FOUND, "not found"),
        },
    }
}

/// Where a request path leads in the built site.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    File(PathBuf),
    Redirect(String),
    Forbidden,
    Missing,
}

/// Maps a URL path to a built file. Paths that try to climb (`..`, also percent-encoded) or
/// carry backslashes or NULs are refused; the site is served from memory, so nothing outside
/// the build can be reached anyway.
fn resolve(raw: &str, files: &Files) -> Resolved {
    let Ok(decoded) = percent_encoding::percent_decode_str(raw).decode_utf8() else {
        return Resolved::Forbidden;
    };
    let climbs = decoded
        .split('/')
        .any(|segment| segment == ".." || segment == "." || segment.contains(['\\', '\0']));
    if climbs {
        return Resolved::Forbidden;
    }
    let relative = decoded.trim_start_matches('/');
    let wanted = if relative.is_empty() || relative.ends_with('/') {
        PathBuf::from(format!("{relative}index.html"))
    } else {
        PathBuf::from(relative)
    };
    if files.contains_key(wanted.as_path()) {
        return Resolved::File(wanted);
    }
    if files.contains_key(Path::new(relative).join("index.html").as_path()) {
        // One leading slash only: a browser reads `//tags/` as the host `tags`.
        return Resolved::Redirect(format!("/{}/", raw.trim_start_matches('/')));
    }
    Resolved::Missing
}

fn file_response(status: StatusCode, path: &Path, bytes: &Arc<Vec<u8>>) -> Response {
    let content_type = crate::publish::served::content_type(path);
    let html = content_type.starts_with("text/html");
    let body = if html {
        Body::from(with_live_script(bytes))
    } else {
        Body::from(bytes.to_vec())
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The page with the live-reload script before `</body>` (or at its end).
fn with_live_script(html: &[u8]) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + LIVE_SCRIPT.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(LIVE_SCRIPT.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response = (status, text).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Files {
        ["index.html", "tags/index.html", "style.css", "404.html"]
            .iter()
            .map(|p| (Arc::from(Path::new(p)), Arc::new(b"x".to_vec())))
            .collect()
    }

    #[test]
    fn paths_resolve_to_built_files() {
        let files = site();
        assert_eq!(resolve("/", &files), Resolved::File("index.html".into()));
        assert_eq!(
            resolve("/tags/", &files),
            Resolved::File("tags/index.html".into())
        );
        assert_eq!(
            resolve("/tags", &files),
            Resolved::Redirect("/tags/".into())
        );
        for path in ["//tags", "///tags"] {
            assert_eq!(
                resolve(path, &files),
                Resolved::Redirect("/tags/".into()),
                "{path} must not redirect to another host"
            );
        }
        assert_eq!(
            resolve("/style.css", &files),
            Resolved::File("style.css".into())
        );
        assert_eq!(resolve("/nope/", &files), Resolved::Missing);
    }

    #[test]
    fn climbing_paths_are_refused() {
        let files = site();
        for path in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/tags/..%2f..%2fsite.yaml",
            "/a%5cb",
            "/./x",
        ] {
            assert_eq!(resolve(path, &files), Resolved::Forbidden, "{path}");
        }
    }

    #[test]
    fn script_goes_before_the_body_ends() {
        let html = with_live_script(b"<html><body><p>x</p></body></html>");
        let text = String::from_utf8(html).unwrap();
        assert!(text.contains("<p>x</p><script>"));
        assert!(text.ends_with("</script>\n</body></html>"));
    }
}
