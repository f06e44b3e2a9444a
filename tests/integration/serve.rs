//! `kabar serve` and `kabar watch` as an editor uses them: a server on an ephemeral port, a
//! WebSocket client standing in for an open tab, and edits on disk.

use crate::common;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use crate::common::{Server, TestSite};

/// Tests share the machine's cores, except the one timing a burst of writes: a writer
/// paused by sibling servers would split the burst in two, as it would for an editor.
static CORES: RwLock<()> = RwLock::new(());

fn shared() -> RwLockReadGuard<'static, ()> {
    CORES.read().unwrap_or_else(|e| e.into_inner())
}

fn alone() -> RwLockWriteGuard<'static, ()> {
    CORES.write().unwrap_or_else(|e| e.into_inner())
}

/// Opens a tab's live-reload socket.
fn open_tab(server: &Server) -> Tab {
    let ws = format!("{}__kabar/live", server.url.replace("http://", "ws://"));
    let (socket, _) = tungstenite::connect(ws).unwrap();
    if let tungstenite::stream::MaybeTlsStream::Plain(stream) = socket.get_ref() {
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
    }
    Tab { socket }
}

/// An open browser tab, as the live-reload socket sees it.
struct Tab {
    socket: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
}

impl Tab {
    /// The next message within `wait`, as JSON.
    fn next(&mut self, wait: Duration) -> Option<serde_json::Value> {
        let started = Instant::now();
        while started.elapsed() < wait {
            match self.socket.read() {
                Ok(tungstenite::Message::Text(text)) => {
                    return Some(serde_json::from_str(&text).unwrap());
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => panic!("socket: {e}"),
            }
        }
        None
    }

    fn expect(&mut self, kind: &str) -> serde_json::Value {
        let message = self
            .next(Duration::from_secs(10))
            .unwrap_or_else(|| panic!("no `{kind}` message"));
        assert_eq!(message["kind"], kind, "{message}");
        message
    }
}

/// `kabar ARGS --root SITE` running, and a reader of its stdout that returns each
/// `rebuilt ...` line it prints.
fn rebuilding(site: &TestSite, args: &[&str]) -> (Child, impl FnMut() -> String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(args)
        .arg("--root")
        .arg(site.root())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let next_rebuild = move || loop {
        let line = lines.next().expect("a line").unwrap();
        if line.starts_with("rebuilt") {
            return line;
        }
    };
    (child, next_rebuild)
}

fn site() -> TestSite {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/arsip/\n");
    site.briefing(
        "content/hanoi.md",
        &[
            ("title", "KTT Hanoi"),
            ("date", "2019-02-28 14:00"),
            ("tags", "[KTT]"),
        ],
        "Kim dan Trump berpisah tanpa kesepakatan.",
    )
    .briefing(
        "content/singapura.md",
        &[("title", "KTT Singapura"), ("date", "2018-06-12 09:00")],
        "Jabat tangan bersejarah.",
    );
    site
}

#[test]
fn pages_are_served_from_the_build_with_live_reload() {
    let _cores = shared();
    let site = site();
    let server = Server::start(&site);
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert!(
        home.head.contains("content-type: text/html; charset=utf-8"),
        "{}",
        home.head
    );
    assert!(home.head.contains("cache-control: no-store"));
    assert!(home.body.contains("kabar live reload"));
    // Links point at the local server, not at base_url.
    assert!(
        home.body.contains(&format!("{}2019/02/hanoi/", server.url))
            || home.body.contains("href=\"/2019/02/hanoi/\""),
        "{}",
        home.body
    );
    assert!(!home.body.contains("uji.example"));
    let css = server.get("/style.css");
    assert_eq!(css.status, 200);
    assert!(css.head.contains("content-type: text/css"));
    assert!(!css.body.contains("kabar live reload"));
    let feed = server.get("/atom.xml");
    assert!(feed.head.contains("xml"), "{}", feed.head);
    assert!(!feed.body.contains("kabar live reload"));
    let missing = server.get("/tidak-ada/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<h1>"), "the site's own 404 page");
    assert_eq!(server.get("/tags").status, 301);
}

#[test]
fn paths_cannot_escape_the_site() {
    let _cores = shared();
    let site = site();
    site.write("rahasia.txt", "RAHASIA");
    let server = Server::start(&site);
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/tags/..%2f..%2fsite.yaml",
        "/..%5csite.yaml",
        "/content/hanoi.md",
        "/rahasia.txt",
    ] {
        let response = server.get(path);
        assert!(
            matches!(response.status, 403 | 404),
            "{path}: {}",
            response.status
        );
        assert!(
            !response.body.contains("RAHASIA") && !response.body.contains("base_url"),
            "{path}"
        );
    }
    // A folder's address without its slash is redirected on this host: `//tags/` would be
    // read by a browser as the host `tags`.
    for path in ["/tags", "//tags", "///tags"] {
        let response = server.get(path);
        assert_eq!(response.status, 301, "{path}");
        assert!(
            response
                .head
                .lines()
                .any(|l| l.trim() == "location: /tags/"),
            "{path}: {}",
            response.head
        );
    }
}

#[test]
fn every_kind_of_change_reaches_open_tabs() {
    let _cores = shared();
    let site = site();
    let server = Server::start(&site);
    let mut tab = open_tab(&server);

    // An edit.
    site.briefing(
        "content/hanoi.md",
        &[
            ("title", "KTT Hanoi"),
            ("date", "2019-02-28 14:00"),
            ("tags", "[KTT]"),
        ],
        "Makan siang dibatalkan mendadak.",
    );
    tab.expect("reload");
    assert!(
        server
            .get("/2019/02/hanoi/")
            .body
            .contains("Makan siang dibatalkan")
    );

    // A new file.
    site.briefing(
        "content/dmz.md",
        &[("title", "Bertemu di DMZ"), ("date", "2019-06-30")],
        "Trump melangkah.",
    );
    tab.expect("reload");
    assert_eq!(server.get("/2019/06/dmz/").status, 200);

    // A rename: the old address goes, the new one comes.
    std::fs::rename(
        site.root().join("content/dmz.md"),
        site.root().join("content/panmunjom.md"),
    )
    .unwrap();
    tab.expect("reload");
    assert_eq!(server.get("/2019/06/dmz/").status, 404);
    assert_eq!(server.get("/2019/06/panmunjom/").status, 200);

    // A delete.
    std::fs::remove_file(site.root().join("content/panmunjom.md")).unwrap();
    tab.expect("reload");
    assert_eq!(server.get("/2019/06/panmunjom/").status, 404);

    // A template change.
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Hilang</h1>{% endblock content %}",
    );
    tab.expect("reload");
    assert!(server.get("/tidak-ada/").body.contains("<h1>Hilang</h1>"));
    // The new templates/ folder is watched from now on.
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Lenyap</h1>{% endblock content %}",
    );
    tab.expect("reload");
    assert!(server.get("/tidak-ada/").body.contains("<h1>Lenyap</h1>"));

    // A stylesheet only: stylesheets are swapped, no reload.
    site.write("static/style.css", "body { color: navy; }\n");
    tab.expect("css");
    assert!(server.get("/style.css").body.contains("navy"));
    site.write("static/style.css", "body { color: teal; }\n");
    tab.expect("css");
    assert!(server.get("/style.css").body.contains("teal"));

    // A broken file: the error reaches the tab, the last good page stays served.
    site.write(
        "content/hanoi.md",
        "---\ntitle: KTT Hanoi\ndate: 31/02/2019\n---\nRusak.\n",
    );
    let error = tab.expect("error");
    let text = error["text"].as_str().unwrap();
    assert!(
        text.contains("content/hanoi.md:3:7: cannot read the date"),
        "{text}"
    );
    assert!(
        server
            .get("/2019/02/hanoi/")
            .body
            .contains("Makan siang dibatalkan")
    );
    // A tab opened now is told at once.
    open_tab(&server).expect("error");
    // The fix clears it with a reload.
    site.briefing(
        "content/hanoi.md",
        &[
            ("title", "KTT Hanoi"),
            ("date", "2019-02-28 14:00"),
            ("tags", "[KTT]"),
        ],
        "Diperbaiki.",
    );
    tab.expect("reload");
    assert!(server.get("/2019/02/hanoi/").body.contains("Diperbaiki."));
}

#[test]
fn changes_outside_what_a_build_reads_do_not_reload() {
    let _cores = shared();
    let site = site();
    let server = Server::start(&site);
    let mut tab = open_tab(&server);
    site.write("public/index.html", "keluaran lama");
    site.write("target/debug/x", "build");
    site.write("content/.hanoi.md.swp", "vim");
    site.write("content/hanoi.md~", "backup");
    site.write("content/4913", "");
    site.write("catatan.txt", "bukan bagian situs");
    assert!(tab.next(Duration::from_millis(800)).is_none());
}

#[test]
fn a_taken_port_is_named_with_the_flag_to_change_it() {
    let _cores = shared();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let site = site();
    let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(["serve", "--port", &port, "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("port {port} is already in use")),
        "{stderr}"
    );
    assert!(stderr.contains("--port"), "{stderr}");
    // Not about a file: no made-up line and column.
    assert!(stderr.starts_with("kabar serve: port"), "{stderr}");
}

#[test]
fn watch_writes_only_what_changed_into_the_output() {
    let _cores = shared();
    let site = site();
    let (mut child, mut next_rebuild) = rebuilding(&site, &["watch"]);
    next_rebuild();
    let out = site.output();
    let other = out.join("2018/06/singapura/index.html");
    let before = std::fs::metadata(&other).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    site.briefing(
        "content/hanoi.md",
        &[
            ("title", "KTT Hanoi"),
            ("date", "2019-02-28 14:00"),
            ("tags", "[KTT]"),
        ],
        "Isi baru dari watch.",
    );
    let line = next_rebuild();
    assert!(line.contains("removed"), "{line}");
    assert!(
        std::fs::read_to_string(out.join("2019/02/hanoi/index.html"))
            .unwrap()
            .contains("Isi baru dari watch.")
    );
    assert_eq!(
        std::fs::metadata(&other).unwrap().modified().unwrap(),
        before
    );
    std::fs::remove_file(site.root().join("content/singapura.md")).unwrap();
    next_rebuild();
    assert!(!other.exists());
    assert!(!out.join("2018").exists(), "empty folders go too");
    // The output matches a full build, once the search index has caught up in the background.
    let full = tempfile::tempdir().unwrap();
    let options = kabar::Options {
        output: Some(full.path().join("public")),
        ..site.options()
    };
    kabar::build(&options).unwrap();
    let settles = |what: &str| {
        let started = Instant::now();
        while common::files(&out) != common::files(&full.path().join("public")) {
            assert!(started.elapsed() < Duration::from_secs(10), "{what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    settles("the output does not match a full build");
    // The output folder deleted while watching is written whole again, at once.
    std::fs::remove_dir_all(&out).unwrap();
    settles("the deleted output was not written again");
    // Another build into the folder (drafts and a preview address) is healed, at once: the
    // folder is written whole again, as this watch builds it.
    site.briefing(
        "content/draf.md",
        &[("title", "Draf"), ("date", "2019-03-01"), ("draft", "true")],
        "Belum terbit.",
    );
    next_rebuild();
    let foreign = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args([
            "build",
            "--drafts",
            "--base-url",
            "https://pratinjau.example/",
        ])
        .current_dir(site.root())
        .output()
        .unwrap();
    assert!(foreign.status.success());
    settles("a foreign build into the watched folder was not healed");
    assert!(!out.join("2019/03/draf").exists());
    // Ctrl-C ends it cleanly.
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn the_watch_survives_content_deleted_and_made_again() {
    let _cores = shared();
    let site = site();
    let server = Server::start(&site);
    let mut tab = open_tab(&server);
    let shell = |script: &str| {
        let status = Command::new("sh")
            .args(["-c", script])
            .current_dir(site.root())
            .status()
            .unwrap();
        assert!(status.success(), "{script}");
    };
    shell("cp -r content cadangan");
    // What a `git checkout` of another branch does: the folder goes, a new one comes.
    shell("rm -rf content && cp -r cadangan content");
    // The same briefings came back: there may be nothing to reload.
    while tab.next(Duration::from_millis(500)).is_some() {}
    site.briefing(
        "content/hanoi.md",
        &[("title", "KTT Hanoi"), ("date", "2019-02-28 14:00")],
        "Terdengar lagi setelah folder dibuat ulang.",
    );
    tab.expect("reload");
    assert!(
        server
            .get("/2019/02/hanoi/")
            .body
            .contains("Terdengar lagi setelah folder dibuat ulang.")
    );
}

/// `content/` gone for a moment (a checkout, a sync): the rebuild waits for it, saying so,
/// and the last good site stays served; when it is back, so is the site.
#[test]
fn a_vanished_content_folder_is_waited_for_not_published_empty() {
    let _cores = shared();
    let site = site();
    let server = Server::start(&site);
    let mut tab = open_tab(&server);
    std::fs::rename(site.root().join("content"), site.root().join("sementara")).unwrap();
    let error = tab.expect("error");
    assert!(
        error["text"].as_str().unwrap().contains("content:")
            && error["text"]
                .as_str()
                .unwrap()
                .contains("waiting for it to come back"),
        "{error}"
    );
    let home = server.get("/");
    assert!(
        home.body.contains("KTT Hanoi"),
        "the last good site is served"
    );
    assert_eq!(server.get("/2019/02/hanoi/").status, 200);
    std::fs::rename(site.root().join("sementara"), site.root().join("content")).unwrap();
    tab.expect("reload");
    assert!(server.get("/").body.contains("KTT Hanoi"));
}

#[test]
fn a_site_that_never_built_shows_its_error_and_reloads_when_fixed() {
    let _cores = shared();
    let site = TestSite::new("title: Uji\n");
    site.write(
        "content/a.md",
        "---\ntitle: A\ndate: 31/02/2019\n---\nIsi.\n",
    );
    let server = Server::start(&site);
    let page = server.get("/2019/02/a/");
    assert_eq!(page.status, 503);
    assert!(page.body.contains("/__kabar/live"), "{}", page.body);
    let mut tab = open_tab(&server);
    let error = tab.expect("error");
    assert!(
        error["text"].as_str().unwrap().contains("content/a.md:3:7"),
        "{error}"
    );
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2019-02-28")],
        "Isi.",
    );
    tab.expect("reload");
    assert_eq!(server.get("/2019/02/a/").status, 200);
}

#[test]
fn serve_says_it_rendered_what_watch_says_it_wrote() {
    let _cores = shared();
    let site = site();
    let (mut child, mut next_rebuild) = rebuilding(&site, &["serve", "--port", "0"]);
    let first = next_rebuild();
    // serve writes nothing to disk: it renders into memory, and says so.
    assert!(
        first.contains(" rendered, ") && !first.contains("written"),
        "{first}"
    );
    assert!(!site.output().exists());
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_client_that_never_sends_its_headers_is_let_go() {
    use std::io::{Read, Write};
    let _cores = shared();
    let site = site();
    let server = Server::start(&site);
    let address = server
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let mut slow = TcpStream::connect(address).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    // The server closes the connection (perhaps after a 408) instead of waiting for ever.
    let closed = slow.read_to_end(&mut answer).is_ok();
    assert!(closed, "still open after {:?}", started.elapsed());
    assert!(started.elapsed() < Duration::from_secs(15));
    // Other clients were served all along.
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn built_sites_carry_no_live_reload_script() {
    let _cores = shared();
    let site = site();
    site.build();
    for (path, bytes) in common::files(&site.output()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__kabar") && !text.contains("kabar live reload"),
            "{path}"
        );
    }
}

#[test]
fn a_burst_of_changes_is_one_rebuild() {
    let _cores = alone();
    let site = site();
    let server = Server::start(&site);
    let mut tab = open_tab(&server);
    // Like a `git checkout`: 200 files written back to back.
    let mut longest_pause = Duration::ZERO;
    let mut last = Instant::now();
    for n in 0..200 {
        site.briefing(
            &format!("content/banyak/k{n:03}.md"),
            &[("title", &format!("Kabar {n}")), ("date", "2020-01-01")],
            "Isi.",
        );
        longest_pause = longest_pause.max(last.elapsed());
        last = Instant::now();
    }
    // A busy machine can let the watcher see a file created but not yet written (an error,
    // then the reload once it is): that is two bursts, as a paused writer makes.
    let mut torn = false;
    loop {
        let message = tab
            .next(Duration::from_secs(10))
            .expect("a reload after the burst");
        match message["kind"].as_str() {
            Some("reload") => break,
            Some("error") => torn = true,
            _ => panic!("{message}"),
        }
    }
    let second = tab.next(Duration::from_millis(700));
    // The watcher joins writes less than its settle window (10 ms) apart: a writer that the
    // machine paused for longer made two bursts, and two reloads are right then.
    if longest_pause < Duration::from_millis(10) && !torn {
        assert!(second.is_none(), "a second rebuild: {second:?}");
    } else {
        eprintln!("the writer paused {longest_pause:?}: two bursts, not checked as one");
    }
    assert_eq!(server.get("/2020/01/k199/").status, 200);
}

#[test]
fn editors_save_patterns_each_give_the_new_page() {
    let _cores = shared();
    let site = site();
    let server = Server::start(&site);
    let mut tab = open_tab(&server);
    let page =
        |body: &str| format!("---\ntitle: KTT Hanoi\ndate: 2019-02-28 14:00\n---\n\n{body}\n");
    let target = site.root().join("content/hanoi.md");
    // Write a temporary file, then rename it over the briefing (most editors).
    let temporary = site.root().join("content/.hanoi.md.tmp");
    std::fs::write(&temporary, page("Disimpan lewat rename.")).unwrap();
    std::fs::rename(&temporary, &target).unwrap();
    tab.expect("reload");
    assert!(
        server
            .get("/2019/02/hanoi/")
            .body
            .contains("Disimpan lewat rename.")
    );
    // Vim: probe file 4913, move the original to a backup, write anew, drop the backup.
    let probe = site.root().join("content/4913");
    std::fs::write(&probe, "").unwrap();
    std::fs::remove_file(&probe).unwrap();
    let backup = site.root().join("content/hanoi.md~");
    std::fs::rename(&target, &backup).unwrap();
    std::fs::write(&target, page("Disimpan oleh vim.")).unwrap();
    std::fs::remove_file(&backup).unwrap();
    tab.expect("reload");
    assert!(
        server
            .get("/2019/02/hanoi/")
            .body
            .contains("Disimpan oleh vim.")
    );
    // Deleted, then created again.
    std::fs::remove_file(&target).unwrap();
    std::fs::write(&target, page("Dibuat ulang.")).unwrap();
    tab.expect("reload");
    assert!(server.get("/2019/02/hanoi/").body.contains("Dibuat ulang."));
}

#[test]
fn polling_watches_file_systems_without_events() {
    let _cores = shared();
    let site = site();
    let server = Server::start_with(&site, &["--poll"]);
    let mut tab = open_tab(&server);
    site.briefing(
        "content/hanoi.md",
        &[("title", "KTT Hanoi"), ("date", "2019-02-28 14:00")],
        "Dilihat oleh polling.",
    );
    tab.expect("reload");
    assert!(
        server
            .get("/2019/02/hanoi/")
            .body
            .contains("Dilihat oleh polling.")
    );
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let _cores = shared();
    let site = site();
    let mut server = Server::start(&site);
    assert_eq!(server.get("/").status, 200);
    assert_eq!(server.interrupt(), Some(0));
}

/// The status of a GET for `/` with the given `Host` header.
fn status_for_host(server: &Server, host: &str) -> u16 {
    use std::io::{Read, Write};
    let address = server
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    raw.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A page on another site reaches the preview server through a name it rebinds to
/// 127.0.0.1, or opens its live-reload socket directly: both are refused, so drafts and
/// error messages (which quote files) never leave for another site.
#[test]
fn only_requests_for_the_servers_own_address_are_answered() {
    let _cores = shared();
    let site = site();
    site.briefing(
        "content/embargo.md",
        &[
            ("title", "Embargo"),
            ("date", "2019-03-01"),
            ("draft", "true"),
        ],
        "Belum boleh terbit.",
    );
    let server = Server::start_with(&site, &["--drafts"]);
    let own = server
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let port = own.rsplit(':').next().unwrap();
    assert_eq!(status_for_host(&server, own), 200);
    assert_eq!(status_for_host(&server, &format!("localhost:{port}")), 200);
    for host in [
        format!("rebound.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        "127.0.0.1:1".to_string(),
        String::new(),
    ] {
        assert_eq!(status_for_host(&server, &host), 403, "Host: {host}");
    }

    let ws = format!("ws://{own}/__kabar/live");
    let from = |origin: &str| {
        let mut request =
            tungstenite::client::IntoClientRequest::into_client_request(ws.as_str()).unwrap();
        request
            .headers_mut()
            .insert("Origin", origin.parse().unwrap());
        tungstenite::connect(request)
    };
    match from("https://evil.example") {
        Err(tungstenite::Error::Http(response)) => assert_eq!(response.status(), 403),
        other => panic!("a socket from another site was opened: {:?}", other.is_ok()),
    }
    assert!(
        from(&format!("http://{own}")).is_ok(),
        "the served pages' own socket"
    );
}

/// The live-reload socket is bounded: a client sending an endless message is cut off and
/// the server keeps serving; past a few dozen tabs, more are refused.
#[test]
fn live_reload_sockets_are_bounded_in_size_and_number() {
    let _cores = shared();
    let site = site();
    let server = Server::start(&site);
    let mut tab = open_tab(&server);
    let huge = "x".repeat(8 << 20);
    let sent = tab.socket.send(tungstenite::Message::text(huge));
    let cut_off = sent.is_err() || {
        let started = Instant::now();
        loop {
            match tab.socket.read() {
                Ok(tungstenite::Message::Close(_)) | Err(tungstenite::Error::ConnectionClosed) => {
                    break true;
                }
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) && started.elapsed() < Duration::from_secs(10) => {}
                Err(_) => break true,
                Ok(_) if started.elapsed() < Duration::from_secs(10) => {}
                Ok(_) => break false,
            }
        }
    };
    assert!(cut_off, "an 8 MB message was taken in");
    assert_eq!(server.get("/").status, 200);

    // A flood: 20 clients, each announcing a 60 MB message and sending the start of it.
    let idle = server.resident_bytes();
    let flood: Vec<std::thread::JoinHandle<()>> = (0..20)
        .map(|_| {
            let mut tab = open_tab(&server);
            std::thread::spawn(move || {
                let chunk = vec![b'x'; 1 << 20];
                // A final text frame, masked as a client's must be, of 60 MB.
                let mut frame = vec![0x81, 0x80 | 127];
                frame.extend_from_slice(&(60u64 << 20).to_be_bytes());
                frame.extend_from_slice(&[1, 2, 3, 4]);
                let stream = match tab.socket.get_mut() {
                    tungstenite::stream::MaybeTlsStream::Plain(stream) => stream,
                    _ => unreachable!(),
                };
                let _ = std::io::Write::write_all(stream, &frame);
                for _ in 0..8 {
                    if std::io::Write::write_all(stream, &chunk).is_err() {
                        break;
                    }
                }
            })
        })
        .collect();
    for sender in flood {
        let _ = sender.join();
    }
    let flooded = server.resident_bytes();
    assert!(
        flooded < idle + (100 << 20),
        "{} MB idle, {} MB under a flood",
        idle >> 20,
        flooded >> 20
    );
    assert_eq!(server.get("/").status, 200);

    let mut tabs: Vec<Tab> = (0..64).map(|_| open_tab(&server)).collect();
    let ws = format!("{}__kabar/live", server.url.replace("http://", "ws://"));
    match tungstenite::connect(ws.as_str()) {
        Err(tungstenite::Error::Http(response)) => assert_eq!(response.status(), 503),
        other => panic!("a 65th tab was let in: {:?}", other.is_ok()),
    }
    tabs.pop();
    // The server frees the seat once it sees the tab's socket close.
    let freed = Instant::now();
    while tungstenite::connect(ws.as_str()).is_err() {
        assert!(
            freed.elapsed() < Duration::from_secs(10),
            "a seat freed is taken again"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A file of the site swapped for a link out of it while `kabar serve` runs (`ln -sf
/// /etc/passwd static/x.css`, as a `git pull` can): the rebuild refuses it as a full build
/// does, and the secret is never served.
#[test]
fn serve_never_publishes_a_file_swapped_for_a_link_out_of_the_site() {
    let _cores = shared();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("rahasia.txt");
    std::fs::write(&secret, "TOKEN=jangan-terbit\n").unwrap();
    for (swapped, url) in [
        ("static/gaya.css", "/gaya.css"),
        ("content/peta.css", "/peta.css"),
        ("templates/404.html", "/tidak-ada/"),
    ] {
        let site = site();
        site.write("static/gaya.css", "p { color: blue }\n")
            .write("content/peta.css", "p { color: red }\n")
            .write(
                "templates/404.html",
                "<!doctype html><title>Hilang</title>\n",
            );
        let server = Server::start(&site);
        let mut tab = open_tab(&server);
        let target = site.root().join(swapped);
        std::fs::remove_file(&target).unwrap();
        std::os::unix::fs::symlink(&secret, &target).unwrap();
        let error = tab.expect("error");
        assert!(
            error["text"]
                .as_str()
                .unwrap()
                .contains("outside the site folder"),
            "{swapped}: {error}"
        );
        assert!(!server.get(url).body.contains("jangan-terbit"), "{swapped}");
    }
}
