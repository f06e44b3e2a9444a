//! Throughput of raw-article extraction: `cargo run --release --example bench-extract
//! [-- --n 10000] [--fixtures DIR]`. The articles are the test fixtures and seeds (`raw/` and
//! `seeds/` under `DIR`, by default `tests/fixtures`; name another checkout's to compare two
//! versions on the same articles), varied deterministically
//! (paragraphs reordered, days shifted) until there are `n` of them. Prints articles per
//! second on one thread and on all of them, and how long reading them as briefings takes.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use kabar::Config;
use kabar::content::{self, Context, SourceKind};
use kabar::extract::article::extract;
use rayon::prelude::*;

fn main() {
    let option = |name: &str| std::env::args().skip_while(|a| a != name).nth(1);
    let n = option("--n").map_or(10_000, |v| v.parse().expect("--n takes a number"));
    let fixtures = option("--fixtures").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        PathBuf::from,
    );
    let templates = templates(&fixtures);
    let articles: Vec<String> = (0..n)
        .map(|i| vary(&templates[i % templates.len()], i))
        .collect();
    let bytes: usize = articles.iter().map(String::len).sum();
    let config = Config::default();
    let today = config.timezone.now().date_naive();
    let reader = content::Reader::new(&config).expect("the default settings compile");
    let settings = content::article::settings(&reader, today);
    // Compiles the pattern tables once before timing: every template, so every pattern the
    // run will use is built before the clock starts.
    for template in &templates {
        black_box(extract(template, &settings));
    }

    println!(
        "{n} raw articles from {} templates, {:.1} MB, {:.1} KB each on average",
        templates.len(),
        bytes as f64 / 1e6,
        bytes as f64 / n as f64 / 1e3
    );
    let started = Instant::now();
    for article in &articles {
        black_box(extract(article, &settings));
    }
    report("extract, 1 thread", n, started);

    let started = Instant::now();
    articles.par_iter().for_each(|article| {
        black_box(extract(article, &settings));
    });
    report(
        &format!("extract, {} threads", rayon::current_num_threads()),
        n,
        started,
    );

    let seeds: Vec<&String> = articles.iter().filter(|a| a.len() > 2_000).collect();
    let seed_bytes: usize = seeds.iter().map(|a| a.len()).sum();
    let started = Instant::now();
    for article in &seeds {
        black_box(extract(article, &settings));
    }
    report(
        &format!(
            "extract, 1 thread, only the {} articles over 2 KB ({:.1} KB each)",
            seeds.len(),
            seed_bytes as f64 / seeds.len() as f64 / 1e3
        ),
        seeds.len(),
        started,
    );

    let context = Context {
        today,
        modified: None,
    };
    let started = Instant::now();
    articles.par_iter().enumerate().for_each(|(i, article)| {
        let path = PathBuf::from(format!("content/{i}.txt"));
        black_box(content::parse_text(&path, SourceKind::Raw, article, &reader, &context).ok());
    });
    report(
        "read as briefings (extract + HTML), all threads",
        n,
        started,
    );

    // One huge paragraph (a scraper that lost every line break): time must grow linearly,
    // for the templates' sentences repeated, and for their words shuffled (every run of
    // capitalized words a new one, as in a text no one wrote).
    let sentences: String = templates
        .iter()
        .flat_map(|t| t.lines().skip(3))
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = sentences.split_whitespace().collect();
    for (shape, next_words) in [("paragraph", None), ("shuffled paragraph", Some(&words))] {
        for megabytes in [1.0, 2.5, 5.0, 10.0, 20.0] {
            let paragraph = huge_paragraph(megabytes, &sentences, next_words.map(Vec::as_slice));
            let started = Instant::now();
            black_box(extract(&paragraph, &settings));
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "one {shape} of {megabytes} MB: {seconds:.2} s, {:.1} MB/s",
                megabytes / seconds
            );
        }
    }
}

/// `megabytes` of text without a line break: `sentences` repeated, or `words` drawn in a
/// fixed pseudo-random order.
fn huge_paragraph(megabytes: f64, sentences: &str, words: Option<&[&str]>) -> String {
    let size = (megabytes * 1e6) as usize;
    let mut paragraph = String::with_capacity(size + sentences.len());
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    while paragraph.len() < size {
        match words {
            None => paragraph.push_str(sentences),
            Some(words) => {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                paragraph.push_str(words[(state >> 33) as usize % words.len()]);
            }
        }
        paragraph.push(' ');
    }
    paragraph
}

fn report(what: &str, n: usize, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{what}: {seconds:.2} s, {:.0} articles/s",
        n as f64 / seconds
    );
}

/// The raw fixtures and seeds under `root`.
fn templates(root: &Path) -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["raw", "seeds"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("the test fixtures")
            .map(|e| e.expect("a readable folder").path())
            .collect();
        paths.sort();
        texts.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("a fixture")),
        );
    }
    texts
}

/// A variant of `text`: body paragraphs after the first three lines rotated, and the day of
/// month in `dd/mm/yyyy` dates moved, so no two articles are the same.
fn vary(text: &str, i: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let (top, body) = lines.split_at(lines.len().min(3));
    let mut body = body.to_vec();
    if !body.is_empty() {
        let shift = i % body.len();
        body.rotate_left(shift);
    }
    let day = format!("{:02}/", 1 + i % 28);
    let mut out = String::with_capacity(text.len() + 16);
    for line in top.iter().chain(&body) {
        out.push_str(&line.replacen("12/", &day, 1));
        out.push('\n');
    }
    out
}
