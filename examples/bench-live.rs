//! Live-preview latency: `cargo run --release --example bench-live -- --root DIR [--edits 50]
//! [--title]`.
//!
//! Starts `kabar serve` (the release binary) on the site in DIR, listens as an open tab on
//! the live-reload socket, then makes one-line edits to briefings (one word of the last
//! paragraph, so the summary and word count stay the same; with `--title`, a word of the
//! title instead, which every list showing the briefing shows) and times each from the moment
//! the file is written to the moment the reload message arrives. Prints p50, p95 and the
//! slowest, the rebuild's own time and the files each rebuild rewrote, as the server
//! reported them.
//! Make DIR with `cargo run --release --example gen-archive -- --n 10000 --out DIR`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let root = PathBuf::from(value("--root").expect("--root DIR is required"));
    let edits: usize = value("--edits").map_or(50, |v| v.parse().expect("a number"));
    let edit = if args.iter().any(|a| a == "--title") {
        swap_title_word
    } else {
        swap_last_word
    };
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/kabar");
    assert!(
        binary.is_file(),
        "build the release binary first: cargo build --release"
    );

    let mut server = Command::new(&binary)
        .args(["serve", "--port", "0", "--root"])
        .arg(&root)
        .stdout(Stdio::piped())
        .spawn()
        .expect("kabar serve starts");
    let (lines_in, lines) = mpsc::channel();
    let stdout = server.stdout.take().expect("piped");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_in.send(line);
        }
    });
    let url = loop {
        let line = lines.recv().expect("kabar serve prints its address");
        if let Some(rest) = line.strip_prefix("serving ") {
            break rest
                .split_whitespace()
                .next()
                .expect("an address")
                .to_string();
        }
    };
    let live = format!("{}__kabar/live", url.replace("http://", "ws://"));
    let (mut tab, _) = tungstenite::connect(live).expect("the live-reload socket");

    let briefings: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    let mut latencies = Vec::with_capacity(edits);
    let mut rewritten = Vec::with_capacity(edits);
    let mut rebuilds = Vec::with_capacity(edits);
    for k in 0..edits {
        let path = &briefings[(k * 7919) % briefings.len()];
        let text = std::fs::read_to_string(path).expect("a briefing");
        let edited = edit(&text);
        while lines.try_recv().is_ok() {}
        let written = Instant::now();
        std::fs::write(path, edited).expect("can write");
        loop {
            let message = tab.read().expect("the socket stays open");
            if message.to_text().is_ok_and(|t| t.contains("\"reload\"")) {
                break;
            }
        }
        latencies.push(written.elapsed());
        let report = lines
            .recv_timeout(Duration::from_secs(5))
            .expect("a rebuild line");
        let (took, files) = rebuild_line(&report);
        rebuilds.push(Duration::from_millis(took));
        rewritten.push(files);
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = server.kill();
    let _ = server.wait();

    latencies.sort();
    rebuilds.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    println!(
        "{edits} one-line edits in {} briefings: write → reload message p50 {} ms, p95 {} ms, \
         slowest {} ms",
        briefings.len(),
        at(0.5).as_millis(),
        at(0.95).as_millis(),
        latencies.last().expect("at least one edit").as_millis()
    );
    println!(
        "of which the rebuild itself (as kabar serve reports it): p50 {} ms, slowest {} ms",
        rebuilds[rebuilds.len() / 2].as_millis(),
        rebuilds.last().expect("at least one edit").as_millis()
    );
    println!(
        "files rewritten per edit: min {}, max {}",
        rewritten.iter().min().expect("edits"),
        rewritten.iter().max().expect("edits")
    );
}

/// The text with the last word of its last paragraph swapped for another of the same kind,
/// so the summary and the word count stay the same.
fn swap_last_word(text: &str) -> String {
    let body = text.trim_end();
    let cut = body.rfind(' ').expect("a paragraph of words") + 1;
    let last = &body[cut..];
    let other = if last == "kata." { "kita." } else { "kata." };
    format!("{}{other}\n", &body[..cut])
}

/// The text with a word added to its title, or taken away again.
fn swap_title_word(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with("title: "))
        .expect("a title in the front matter");
    let (head, quote) = line
        .strip_suffix('"')
        .map_or((line, ""), |head| (head, "\""));
    let changed = match head.strip_suffix(" (ralat)") {
        Some(title) => format!("{title}{quote}"),
        None => format!("{head} (ralat){quote}"),
    };
    text.replacen(line, &changed, 1)
}

/// `rebuilt in 40 ms: 10,000 briefings, 3 files rendered, 0 removed` → (40 ms, 3).
fn rebuild_line(report: &str) -> (u64, usize) {
    let number = |part: &str| part.split(' ').next()?.replace(',', "").parse().ok();
    let took = report
        .strip_prefix("rebuilt in ")
        .and_then(|rest| rest.split(" ms").next())
        .and_then(|ms| ms.parse().ok());
    let files = report
        .split(", ")
        .find(|part| part.ends_with(" rendered") || part.ends_with(" written"))
        .and_then(number);
    (
        took.expect("`rebuilt in N ms` from kabar serve"),
        files.expect("`N files rendered` from kabar serve"),
    )
}
