//! The default theme as readers meet it, in headless Chromium: axe-core finds no serious or
//! critical accessibility violation on any page kind, in light and in dark, on the example
//! site and deep in a generated archive; nothing is wider than a 390 px phone; no request
//! leaves the site; and screenshots of every page kind at 390 and 1280 px are written to
//! `target/screenshots/` for anyone to look at.
//! `scripts/test` installs Chromium and axe-core; elsewhere the test skips, never under CI=true.

use std::path::{Path, PathBuf};

use crate::common::TestSite;
use crate::common::browser::{
    Browser, Page, chromium, example_served_under_a_sub_path, serve_folder,
};

/// axe-core's script, or `None` where it is not installed (a failure in CI).
fn axe_script() -> Option<String> {
    let path = std::env::var_os("KABAR_AXE_JS").map(PathBuf::from);
    match path.filter(|p| p.is_file()) {
        Some(path) => Some(std::fs::read_to_string(path).unwrap()),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but axe-core is missing: run the tests with `bash scripts/test`")
        }
        None => {
            eprintln!("skipped: axe-core is missing; `bash scripts/test` installs it");
            None
        }
    }
}

/// A page of every kind the theme designs, by its path under the site.
const PAGES: &[(&str, &str)] = &[
    ("home", ""),
    ("home-2", "page/2/"),
    ("briefing", "2019/02/ktt-hanoi-tanpa-kesepakatan/"),
    ("briefing-versions", "2019/02/kim-tiba-di-hanoi/"),
    ("tags", "tags/"),
    ("tag", "tags/korea-utara/"),
    ("tag-2", "tags/korea-utara/page/2/"),
    ("sources", "sources/"),
    ("source", "sources/cnn-indonesia/"),
    ("places", "places/"),
    ("place", "places/seoul/"),
    ("timeline", "timeline/"),
    ("year", "timeline/2019/"),
    ("month", "timeline/2019/02/"),
    ("stories", "stories/"),
    ("story", "stories/kim-tiba-di-hanoi/"),
    ("search", "search/?q=kim"),
    ("404", "404.html"),
];

/// Opens `url` and waits until it has loaded (and, for search, shown its results).
fn open(page: &mut Page, url: &str) {
    page.go(url);
    page.wait_until(
        &format!(
            "location.href === {} && document.readyState === 'complete'",
            serde_json::json!(url)
        ),
        &format!("{url} loading"),
    );
    if url.contains("/search/") {
        page.wait_until(
            "document.querySelectorAll('.search-results li').length > 0 \
             && document.querySelector('.search-results').getAttribute('aria-busy') === 'false'",
            "search results",
        );
    }
}

fn set_width(page: &mut Page, width: u32) {
    page.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}),
    );
}

fn set_scheme(page: &mut Page, scheme: &str) {
    page.call(
        "Emulation.setEmulatedMedia",
        serde_json::json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]}),
    );
}

/// axe-core's serious and critical violations on the open page: `rule: target, ...`.
fn violations(page: &mut Page, axe: &str) -> Vec<String> {
    if page.evaluate("typeof window.axe") != "object" {
        page.evaluate(axe);
    }
    let found = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
           .filter(v => v.impact === 'serious' || v.impact === 'critical')
           .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))",
    );
    serde_json::from_value(found).unwrap()
}

#[test]
fn every_page_kind_is_accessible_fits_a_phone_and_stays_on_its_site() {
    let Some(binary) = chromium() else { return };
    let Some(axe) = axe_script() else { return };
    let (_out, url) = example_served_under_a_sub_path();
    let browser = Browser::open(&binary, &url);
    let mut page = browser.page(&url);
    // axe itself works: a paragraph no one can read is caught.
    open(&mut page, &url);
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', \
         '<p style=\"color:#eee;background:#fff\">Nyaris tak terbaca</p>')",
    );
    let caught = violations(&mut page, &axe);
    assert!(
        caught.iter().any(|v| v.starts_with("color-contrast")),
        "{caught:?}"
    );
    let mut problems = Vec::new();
    let mut backgrounds = Vec::new();
    for scheme in ["light", "dark"] {
        set_scheme(&mut page, scheme);
        open(&mut page, &url);
        backgrounds.push(page.evaluate("getComputedStyle(document.body).backgroundColor"));
        for width in [390, 1024, 1280] {
            set_width(&mut page, width);
            for (kind, path) in PAGES {
                open(&mut page, &format!("{url}{path}"));
                for violation in violations(&mut page, &axe) {
                    problems.push(format!("{kind} ({scheme}, {width} px): {violation}"));
                }
                let overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
                );
                if overflow.as_i64() != Some(0) {
                    problems.push(format!(
                        "{kind} ({scheme}, {width} px): {overflow} px too wide"
                    ));
                }
                let elsewhere = page.evaluate(
                    "performance.getEntriesByType('resource').map(e => e.name)
                       .filter(n => !n.startsWith(location.origin))",
                );
                if elsewhere.as_array().is_some_and(|a| !a.is_empty()) {
                    problems.push(format!("{kind}: requests leave the site: {elsewhere}"));
                }
            }
        }
    }
    // The narrowest and widest screens the theme is made for: nothing scrolls sideways.
    set_scheme(&mut page, "light");
    for width in [320, 1440] {
        set_width(&mut page, width);
        for (kind, path) in PAGES {
            open(&mut page, &format!("{url}{path}"));
            let overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth",
            );
            if overflow.as_i64() != Some(0) {
                problems.push(format!("{kind} ({width} px): {overflow} px too wide"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    assert_ne!(backgrounds[0], backgrounds[1], "dark mode changes nothing");
}

#[test]
fn a_briefing_prints_alone_with_the_addresses_of_its_links() {
    let Some(binary) = chromium() else { return };
    let (_out, url) = example_served_under_a_sub_path();
    let (_, path) = PAGES.iter().find(|(kind, _)| *kind == "briefing").unwrap();
    let briefing = format!("{url}{path}");
    let browser = Browser::open(&binary, &briefing);
    let mut page = browser.page(&briefing);
    open(&mut page, &briefing);
    page.evaluate(
        "document.querySelector('.briefing .body').insertAdjacentHTML('beforeend', \
         '<p><a id=\"out\" href=\"https://example.org/asli\">asli</a></p>')",
    );
    let shown = |page: &mut Page| {
        page.evaluate(
            "['.masthead nav', '.site-search', '.neighbours', '.related', '.colophon', '.crumbs']
               .map(s => document.querySelector(s))
               .filter(e => e && getComputedStyle(e).display !== 'none').length",
        )
    };
    assert_ne!(shown(&mut page), 0, "on screen, navigation shows");
    page.call(
        "Emulation.setEmulatedMedia",
        serde_json::json!({"media": "print"}),
    );
    assert_eq!(shown(&mut page), 0, "printed, navigation is left out");
    let after =
        page.evaluate("getComputedStyle(document.getElementById('out'), '::after').content");
    assert!(
        after
            .as_str()
            .is_some_and(|c| c.contains("https://example.org/asli")),
        "{after}"
    );
}

/// The home page's later pages have no lead and no sidebar: at desk widths their list takes
/// the reading width, not the 16rem column the first page keeps for its sidebar (issue 26).
#[test]
fn later_home_pages_use_the_whole_width_on_a_desk() {
    let Some(binary) = chromium() else { return };
    let (_out, url) = example_served_under_a_sub_path();
    let second = format!("{url}page/2/");
    let browser = Browser::open(&binary, &second);
    let mut page = browser.page(&second);
    set_width(&mut page, 1280);
    open(&mut page, &second);
    // The list takes the reading width (the theme's 42rem measure), not the sidebar's 16rem.
    let share = page.evaluate(
        "document.querySelector('main .rows').getBoundingClientRect().width / \
         Math.min(document.querySelector('main').getBoundingClientRect().width, \
         42 * parseFloat(getComputedStyle(document.documentElement).fontSize))",
    );
    let share = share.as_f64().unwrap();
    assert!(
        share > 0.95,
        "the list takes {share:.2} of the reading width"
    );
    // The first page keeps its sidebar beside the lead.
    open(&mut page, &url);
    let beside = page.evaluate(
        "document.querySelector('.explore').getBoundingClientRect().left >= \
         document.querySelector('.lead').getBoundingClientRect().right",
    );
    assert_eq!(
        beside,
        serde_json::json!(true),
        "the sidebar is beside the lead"
    );
}

/// Where the screenshots go: `target/screenshots/` of this checkout.
fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn screenshots_of_every_page_kind_at_phone_and_desk_widths() {
    use base64::Engine;
    let Some(binary) = chromium() else { return };
    let (_out, url) = example_served_under_a_sub_path();
    let browser = Browser::open(&binary, &url);
    let mut page = browser.page(&url);
    let dir = screenshots();
    for width in [390, 1280] {
        set_width(&mut page, width);
        for (kind, path) in PAGES {
            open(&mut page, &format!("{url}{path}"));
            let shot = page.call(
                "Page.captureScreenshot",
                serde_json::json!({"format": "png", "captureBeyondViewport": true}),
            );
            let png = base64::engine::general_purpose::STANDARD
                .decode(shot["data"].as_str().unwrap())
                .unwrap();
            assert!(
                png.starts_with(b"\x89PNG"),
                "{kind} at {width} px is no PNG"
            );
            std::fs::write(dir.join(format!("{kind}-{width}.png")), png).unwrap();
        }
    }
}

/// On a phone the timeline's chart opens at its newest months, and the table of its numbers
/// can be scrolled from the keyboard and passes axe when opened.
#[test]
fn the_timeline_shows_its_newest_months_first_on_a_phone() {
    let Some(binary) = chromium() else { return };
    let (_out, url) = example_served_under_a_sub_path();
    let timeline = format!("{url}timeline/");
    let browser = Browser::open(&binary, &timeline);
    let mut page = browser.page(&timeline);
    set_width(&mut page, 390);
    open(&mut page, &timeline);
    let newest = page.evaluate(
        "(() => { const bars = document.querySelectorAll('.chart rect'); \
         const r = bars[bars.length - 1].getBoundingClientRect(); \
         return r.left >= 0 && r.right <= window.innerWidth; })()",
    );
    assert_eq!(
        newest,
        serde_json::json!(true),
        "the newest month is in view"
    );
    let wider = page.evaluate(
        "document.querySelector('.chart').getBoundingClientRect().width > window.innerWidth",
    );
    assert_eq!(
        wider,
        serde_json::json!(true),
        "the chart is wider than a phone here"
    );
    let table = page.evaluate("document.querySelector('.chart-table').tabIndex");
    assert_eq!(
        table,
        serde_json::json!(0),
        "the numbers can be reached by keyboard"
    );
    // Opened, the numbers table passes axe too (closed, axe does not look inside).
    if let Some(axe) = axe_script() {
        page.evaluate("document.querySelector('details.chart-numbers').open = true");
        let problems = violations(&mut page, &axe);
        assert!(problems.is_empty(), "{problems:?}");
    }
    // On a desk the chart starts at the left, as text does.
    set_width(&mut page, 1280);
    open(&mut page, &timeline);
    let aligned = page.evaluate(
        "Math.abs(document.querySelector('.chart').getBoundingClientRect().left - \
         document.querySelector('.chart-scroll').getBoundingClientRect().left) < 1",
    );
    assert_eq!(aligned, serde_json::json!(true));
}

/// On a phone the masthead stays compact, so the first screen shows the news, not the chrome.
#[test]
fn the_masthead_is_compact_on_a_phone() {
    let Some(binary) = chromium() else { return };
    let (_out, url) = example_served_under_a_sub_path();
    let browser = Browser::open(&binary, &url);
    let mut page = browser.page(&url);
    set_width(&mut page, 390);
    open(&mut page, &url);
    let height = page
        .evaluate("document.querySelector('.masthead').getBoundingClientRect().height")
        .as_f64()
        .unwrap();
    assert!(
        height <= 120.0,
        "the masthead is {height} px tall at 390 px"
    );
    let fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    assert_eq!(fits, serde_json::json!(true), "and no wider than the phone");
}

/// Deep in a larger archive (long lists, many pages, several years), pages stay accessible and
/// fit every screen: the numbered pages, per-year links and neighbours included.
#[test]
fn a_generated_archive_is_accessible_deep_in_its_lists() {
    let Some(binary) = chromium() else { return };
    let Some(axe) = axe_script() else { return };
    let site = TestSite::new("title: Arsip Uji\npaginate: 5\nsearch: false\n");
    for n in 0..400 {
        let date = format!(
            "{}-{:02}-{:02} 10:00",
            2016 + n / 100,
            1 + n % 12,
            1 + n % 28
        );
        let tags = format!("[Korea Utara, Topik {}]", n % 6);
        site.briefing(
            &format!("content/k{n:03}.md"),
            &[
                ("title", &format!("Kabar nomor {n} tentang perundingan")),
                ("date", &date),
                ("tags", &tags),
                ("source", ["Kompas", "Antara"][n % 2]),
                ("dateline", ["Seoul", "Jakarta"][n % 2]),
            ],
            "Isi kabar tentang perundingan yang berlanjut.",
        );
    }
    let out = tempfile::tempdir().unwrap();
    let url = serve_folder(out.path(), "/arsip");
    kabar::build(&kabar::Options {
        output: Some(out.path().to_path_buf()),
        base_url: Some(url.clone()),
        ..site.options()
    })
    .unwrap();
    let browser = Browser::open(&binary, &url);
    let mut page = browser.page(&url);
    let mut problems = Vec::new();
    for width in [390, 1024, 1280] {
        set_width(&mut page, width);
        for path in [
            "page/40/",
            "tags/korea-utara/page/41/",
            "sources/kompas/page/20/",
            "timeline/",
            "timeline/2018/",
            "timeline/2018/03/",
        ] {
            open(&mut page, &format!("{url}{path}"));
            for violation in violations(&mut page, &axe) {
                problems.push(format!("{path} ({width} px): {violation}"));
            }
            let overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth",
            );
            if overflow.as_i64() != Some(0) {
                problems.push(format!("{path} ({width} px): {overflow} px too wide"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
