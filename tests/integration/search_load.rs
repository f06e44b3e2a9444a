//! Search stays light for a reader however large the archive grows: on a generated archive,
//! one query's first page of results needs few requests and few bytes, for common and rare
//! words, filters and "newest first" alike. Counted by the server (the browser's own figures
//! miss what Pagefind's worker fetches), for everything under `pagefind/`.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::TestSite;
use crate::common::browser::{
    Browser, Tally, chromium, serve_counted, served_counted_under_a_sub_path,
};

/// The budget for the first page of results at 50,000 briefings.
const MAX_REQUESTS: usize = 25;
const MAX_BYTES: u64 = 300 * 1024;

/// Chromium's "Fast 3G" preset, as DevTools sets it.
const FAST_3G: (f64, f64, f64) = (562.5, 180_000.0, 84_375.0);

/// What one query cost a reader until its first results showed.
#[derive(Debug)]
pub struct Cost {
    pub requests: usize,
    pub bytes: u64,
    pub millis: f64,
    pub files: Vec<(String, u64)>,
}

/// Opens `search/?{query}` of the site at `url` in a fresh browser (nothing cached) and
/// measures until the first result shows.
pub fn query_cost(binary: &Path, url: &str, tally: &Tally, query: &str, slow: bool) -> Cost {
    let browser = Browser::open(binary, "about:blank");
    let mut page = browser.page("about:blank");
    if slow {
        let (latency, down, up) = FAST_3G;
        page.call("Network.enable", serde_json::json!({}));
        page.call(
            "Network.emulateNetworkConditions",
            serde_json::json!({ "offline": false, "latency": latency,
                "downloadThroughput": down, "uploadThroughput": up }),
        );
    }
    tally.take();
    page.go(&format!("{url}search/?{query}"));
    let started = Instant::now();
    // The page's own clock, read as soon as a result shows: polled often, so that the
    // polling adds little to the time.
    let shown = "(() => { try { return document.querySelector('.search-results li') \
                 ? performance.now() : null; } catch { return null; } })()";
    let millis = loop {
        if let Some(millis) = page.evaluate(shown).as_f64() {
            break millis;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no results for `{query}`"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    if std::env::var_os("KABAR_SEARCH_TIMELINE").is_some() {
        let timeline = page.evaluate(
            "JSON.stringify(performance.getEntries().filter(e => e.entryType === 'resource' || e.entryType === 'navigation').map(e => [Math.round(e.startTime), Math.round(e.responseEnd), e.name.replace(/^.*arsip/, '')]))",
        );
        println!("{}", timeline.as_str().unwrap().replace("],[", "]\n["));
    }
    // The bytes and requests are the whole first page's.
    page.wait_until_within(
        "document.querySelector('.search-results').getAttribute('aria-busy') === 'false'",
        &format!("the first page for `{query}`"),
        Duration::from_secs(120),
    );
    let files: Vec<(String, u64)> = tally
        .take()
        .into_iter()
        .filter(|(path, _)| path.contains("/pagefind/"))
        .collect();
    Cost {
        requests: files.len(),
        bytes: files.iter().map(|(_, b)| b).sum(),
        millis,
        files,
    }
}

/// The queries a reader makes: a word in nearly every briefing, a rare one, each with a
/// filter and newest first.
const QUERIES: &[&str] = &[
    "q=perundingan",
    "q=perundingan&sort=newest",
    "q=perundingan&tag=Korea+Utara",
    "q=lazuardi",
    "q=lazuardi&sort=newest",
];

/// A generated archive of `count` briefings over five years, each of ~120 words from a
/// small vocabulary (so common words are in every briefing), one in a hundred naming a rare
/// word.
fn generated(count: usize) -> TestSite {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\nsearch: true\n");
    let words = [
        "perundingan",
        "pemerintah",
        "menyatakan",
        "pertemuan",
        "tingkat",
        "tinggi",
        "pekan",
        "pejabat",
        "kawasan",
        "ekonomi",
        "pengamat",
        "komitmen",
        "sanksi",
        "nuklir",
        "rudal",
        "diplomasi",
    ];
    for n in 0..count {
        let day = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()
            + chrono::Days::new((n * 7919 % 1825) as u64);
        let mut body: Vec<&str> = (0..120)
            .map(|k| words[(n * 31 + k * k) % words.len()])
            .collect();
        if n % 100 == 0 {
            body.push("lazuardi");
        }
        let tags = [
            "Korea Utara",
            "Amerika Serikat",
            "Korea Selatan",
            "Tiongkok",
        ];
        site.briefing(
            &format!("content/{}/b{n:05}.md", day.format("%Y")),
            &[
                (
                    "title",
                    &format!("Kabar {n} tentang {}", words[n % words.len()]),
                ),
                ("date", &format!("{day} {:02}:00", 6 + n % 14)),
                ("tags", &format!("[{}, Topik {}]", tags[n % 4], n % 50)),
            ],
            &body.join(" "),
        );
    }
    site
}

fn over_budget(query: &str, cost: &Cost) -> Option<String> {
    (cost.requests > MAX_REQUESTS || cost.bytes > MAX_BYTES).then(|| {
        format!(
            "`{query}`: {} requests, {} KB: {:?}",
            cost.requests,
            cost.bytes / 1024,
            cost.files
        )
    })
}

#[test]
fn a_query_on_a_large_archive_loads_what_its_words_need() {
    let Some(binary) = chromium() else { return };
    let site = generated(10_000);
    let (_out, url, tally) = served_counted_under_a_sub_path(site.options());
    let over: Vec<String> = QUERIES
        .iter()
        .filter_map(|q| over_budget(q, &query_cost(&binary, &url, &tally, q, false)))
        .collect();
    assert!(over.is_empty(), "{over:#?}");
}

/// Figures for BENCHMARKS.md on an archive made by `examples/gen-archive` (whose words are
/// `perundingan`, common, and tags such as `Topik 190`, rare), with `search: true` in its
/// `site.yaml`: `KABAR_SEARCH_SITE=<site>
/// cargo test --release --test integration -- --ignored search_load::figures --nocapture`
/// (`scripts/bench` runs it).
#[test]
#[ignore = "a benchmark: needs KABAR_SEARCH_SITE"]
fn figures() {
    let root = std::env::var_os("KABAR_SEARCH_SITE").expect("KABAR_SEARCH_SITE names a site");
    let binary = chromium().expect("Chromium");
    let out = tempfile::tempdir().unwrap();
    let (url, tally) = serve_counted(out.path(), "/arsip");
    let mut options = kabar::Options::new(root);
    options.output = Some(out.path().to_path_buf());
    options.base_url = Some(url.clone());
    kabar::build(&options).unwrap();
    let queries = [
        "q=perundingan",
        "q=perundingan&sort=newest",
        "q=perundingan&tag=Korea+Utara",
        "q=topik+190",
        "q=topik+190&sort=newest",
        "q=190",
    ];
    for query in queries {
        for slow in [false, true] {
            let cost = query_cost(&binary, &url, &tally, query, slow);
            println!(
                "search {query:<32} {:<9} {:>3} requests {:>6} KB {:>7.0} ms",
                if slow { "Fast 3G" } else { "unthrottled" },
                cost.requests,
                cost.bytes / 1024,
                cost.millis
            );
            if std::env::var_os("KABAR_SEARCH_FILES").is_some() {
                for (path, bytes) in &cost.files {
                    println!("  {bytes:>8} {path}");
                }
            }
        }
    }
}
