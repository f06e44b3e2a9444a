//! End to end in a real browser: headless Chromium opens a page `kabar serve` serves, the
//! briefing is edited on disk, and the new text appears without the test reloading anything.
//! The test drives Chromium over the DevTools protocol. `scripts/test` installs Chromium;
//! elsewhere the test skips, but never under CI=true.

use crate::common;
use std::time::{Duration, Instant};

use crate::common::browser::{Browser, Page, chromium, example_served_under_a_sub_path};
use crate::common::{Server, TestSite};

/// The one briefing the live tests edit, with `body`.
fn write_hanoi(site: &TestSite, body: &str) {
    site.briefing(
        "content/hanoi.md",
        &[("title", "KTT Hanoi"), ("date", "2019-02-28 14:00")],
        body,
    );
}

#[test]
fn an_edit_on_disk_appears_in_the_open_page_by_itself() {
    let Some(binary) = chromium() else { return };
    let site = TestSite::new("title: Uji\n");
    let write = |body: &str| write_hanoi(&site, body);
    write("Kalimat lama di halaman.");
    let server = Server::start(&site);
    let url = format!("{}2019/02/hanoi/", server.url);
    let browser = Browser::open(&binary, &url);
    let mut page = browser.page(&url);
    page.wait_for_text("Kalimat lama di halaman.");
    // The live-reload socket marks the page once it is connected.
    page.wait_until(
        "document.documentElement.dataset.kabarLive === 'open'",
        "the live-reload connection",
    );
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

/// A page of results is shown, with its count (the list is no longer busy).
pub(crate) const SHOWN: &str = "document.querySelectorAll('.search-results li').length > 0 \
                     && document.querySelector('.search-results').getAttribute('aria-busy') === 'false'";

pub(crate) const RESULT_TITLES: &str =
    "[...document.querySelectorAll('.search-results h2 a')].map(a => a.textContent)";

/// Opens the tag filter group once results show: its values and counts load then.
fn open_tag_filters(page: &mut Page) {
    page.wait_until(
        &format!("{SHOWN} && document.querySelector('.filter-tag summary') !== null"),
        "results and the tag filter group",
    );
    assert_eq!(
        page.evaluate("document.querySelectorAll('.filter-tag input').length"),
        serde_json::json!(0),
        "filter values load only when a group is opened"
    );
    page.evaluate("document.querySelector('.filter-tag summary').click()");
    page.wait_until(
        "document.querySelectorAll('.filter-tag input').length > 0",
        "tag filters",
    );
}

fn strings(value: serde_json::Value) -> Vec<String> {
    serde_json::from_value(value).unwrap()
}

#[test]
fn the_search_page_finds_stemmed_words_and_filters_by_tag_under_a_sub_path() {
    let Some(binary) = chromium() else { return };
    let (out, url) = example_served_under_a_sub_path();
    // `berunding` is in no briefing; `perundingan` is, and Indonesian stemming joins them.
    let start = format!("{url}search/?q=berunding");
    let browser = Browser::open(&binary, &start);
    let mut page = browser.page(&start);
    page.wait_until(SHOWN, "search results");
    let titles = strings(page.evaluate(RESULT_TITLES));
    assert!(
        titles
            .iter()
            .any(|t| t == "Perundingan di Stockholm Kandas"),
        "{titles:?}"
    );
    let links = strings(
        page.evaluate("[...document.querySelectorAll('.search-results h2 a')].map(a => a.href)"),
    );
    for link in &links {
        let page = link
            .strip_prefix(&url)
            .unwrap_or_else(|| panic!("{link} is not under {url}"));
        assert!(
            out.path().join(page).join("index.html").is_file(),
            "{link} leads nowhere"
        );
    }
    let marked = strings(page.evaluate(
        "[...document.querySelectorAll('.search-results mark')].map(m => m.textContent.toLowerCase())",
    ));
    assert!(marked.iter().any(|m| m.contains("runding")), "{marked:?}");
    assert!(
        page.evaluate("document.querySelector('.search-status').textContent")
            .as_str()
            .unwrap()
            .starts_with(&format!("{} ", titles.len()))
    );

    // Choosing a tag narrows the results to briefings with that tag.
    let tagged = common::listed_titles(
        &std::fs::read_to_string(out.path().join("tags/korea-selatan/index.html")).unwrap(),
    );
    open_tag_filters(&mut page);
    page.evaluate("document.querySelector('.filter-tag input[value=\"Korea Selatan\"]').click()");
    page.wait_until(
        &format!(
            "location.search.includes('tag=Korea') && {SHOWN} \
             && document.querySelectorAll('.search-results li').length < {}",
            titles.len()
        ),
        "the tag filter narrowing the results",
    );
    let narrowed = strings(page.evaluate(RESULT_TITLES));
    for title in &narrowed {
        assert!(tagged.contains(title), "{title} is not tagged: {tagged:?}");
    }

    // "Newest first" lists the same briefings by date, newest on top.
    page.evaluate("document.querySelector('input[name=sort][value=newest]').click()");
    page.wait_until(
        &format!("location.search.includes('sort=newest') && {SHOWN}"),
        "newest first",
    );
    let dates =
        strings(page.evaluate(
            "[...document.querySelectorAll('.search-results time')].map(t => t.dateTime)",
        ));
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(dates.len(), narrowed.len());
}

/// A story is a filter: ticking one keeps exactly its briefings among the results.
#[test]
fn the_story_filter_keeps_a_storys_briefings() {
    let Some(binary) = chromium() else { return };
    let (out, url) = example_served_under_a_sub_path();
    let story =
        std::fs::read_to_string(out.path().join("stories/kim-tiba-di-hanoi/index.html")).unwrap();
    let mut members = common::listed_titles(&story);
    assert_eq!(members.len(), 4, "{members:?}");
    let start = format!("{url}search/?q=hanoi");
    let browser = Browser::open(&binary, &start);
    let mut page = browser.page(&start);
    page.wait_until(
        &format!("{SHOWN} && document.querySelector('.filter-story summary') !== null"),
        "results and the story filter group",
    );
    let all = strings(page.evaluate(RESULT_TITLES));
    assert!(
        all.len() > members.len(),
        "more than the story mentions Hanoi: {all:?}"
    );
    page.evaluate("document.querySelector('.filter-story summary').click()");
    page.wait_until(
        "document.querySelectorAll('.filter-story input').length > 0",
        "story filters",
    );
    page.evaluate("document.querySelector('.filter-story input[value=\"KTT Hanoi\"]').click()");
    page.wait_until(
        &format!(
            "location.search.includes('story=KTT+Hanoi') && {SHOWN} \
             && document.querySelectorAll('.search-results li').length === {}",
            members.len()
        ),
        "the story filter narrowing the results",
    );
    let mut found = strings(page.evaluate(RESULT_TITLES));
    found.sort();
    members.sort();
    assert_eq!(found, members);
}

#[test]
fn the_header_search_box_leads_to_the_results() {
    let Some(binary) = chromium() else { return };
    let (_out, url) = example_served_under_a_sub_path();
    let browser = Browser::open(&binary, &url);
    let mut page = browser.page(&url);
    page.wait_until(
        "document.getElementById('site-search-q') !== null",
        "the home page",
    );
    page.evaluate(
        "const box = document.getElementById('site-search-q'); \
         box.value = 'Kaesong'; box.form.requestSubmit()",
    );
    page.wait_until(
        &format!("location.pathname === '/arsip/search/' && {SHOWN}"),
        "results of the header box",
    );
    let titles = strings(page.evaluate(RESULT_TITLES));
    assert!(
        titles.contains(&"Kantor Penghubung Antar-Korea di Kaesong Diledakkan".to_string()),
        "{titles:?}"
    );
}

#[test]
fn a_search_index_that_cannot_be_read_is_said_not_searched_for_ever() {
    let Some(binary) = chromium() else { return };
    let (out, url) = example_served_under_a_sub_path();
    // A host that lost the index, or a rebuild replacing it while the page loads.
    std::fs::remove_dir_all(out.path().join("pagefind")).unwrap();
    let start = format!("{url}search/?q=Kaesong");
    let browser = Browser::open(&binary, &start);
    let mut page = browser.page(&start);
    page.wait_until(SEARCH_ANSWERED, "an answer");
    assert_eq!(
        page.evaluate("document.querySelector('.search-status').textContent"),
        "Indeks pencarian tidak dapat dimuat. Muat ulang halaman ini."
    );
    assert_eq!(
        page.evaluate("document.querySelectorAll('.search-results li').length"),
        0
    );
}

/// How long a saved word may take to be found: a generous bound, since a loaded CI machine
/// rebuilds and indexes slowly; speed is measured by the benchmarks.
const FOUND_WITHIN: Duration = Duration::from_secs(60);

/// The search page has answered its query: a status that is not "searching…".
const SEARCH_ANSWERED: &str = "document.querySelector('.search-status').textContent.length > 0 \
     && !document.querySelector('.search-status').textContent.endsWith('…')";

#[test]
fn a_word_saved_in_serve_is_found_by_search_within_seconds() {
    let Some(binary) = chromium() else { return };
    let site = TestSite::new("title: Uji\nlanguage: id\n");
    let write = |body: &str| write_hanoi(&site, body);
    write("Kim dan Trump berpisah.");
    let server = Server::start(&site);
    let url = format!("{}search/?q=zirkonium", server.url);
    let browser = Browser::open(&binary, &url);
    let mut page = browser.page(&url);
    page.wait_until(SEARCH_ANSWERED, "an answer");
    assert_eq!(
        page.evaluate("document.querySelectorAll('.search-results li').length"),
        0
    );
    let saved = Instant::now();
    write("Kim dan Trump berpisah. Zirkonium & \"uranium\" disebut dalam laporan.");
    loop {
        // The page is loaded again until the index has the word; each time, its own answer
        // is waited for (a mark tells the new document from the old one).
        page.evaluate("window.kabarOld = true");
        page.go(&url);
        page.wait_until_within(
            &format!("!window.kabarOld && {SEARCH_ANSWERED}"),
            "the reloaded page's answer",
            FOUND_WITHIN.saturating_sub(saved.elapsed()),
        );
        let found = page.evaluate(RESULT_TITLES);
        if found.as_array().is_some_and(|a| !a.is_empty()) {
            assert_eq!(strings(found), ["KTT Hanoi"]);
            // The excerpt shows the text as written, the word found marked.
            let excerpt =
                page.evaluate("document.querySelector('.search-results .excerpt').innerHTML");
            assert!(
                excerpt
                    .as_str()
                    .unwrap()
                    .contains("<mark>Zirkonium</mark> &amp; \"uranium\""),
                "{excerpt}"
            );
            break;
        }
        assert!(
            saved.elapsed() < FOUND_WITHIN,
            "the new word was not found within {FOUND_WITHIN:?}: {}",
            page.evaluate("document.getElementById('search').innerText")
        );
    }
}

/// Values ticked in one filter group widen the results (any of them), their counts stay as
/// they were, and the focus stays on the box just ticked; a one-letter query waits for more.
#[test]
fn search_filters_widen_within_a_group_and_keep_the_focus() {
    let Some(binary) = chromium() else { return };
    let (_out, url) = example_served_under_a_sub_path();
    let start = format!("{url}search/?q=korea");
    let browser = Browser::open(&binary, &start);
    let mut page = browser.page(&start);
    open_tag_filters(&mut page);
    let labels =
        "[...document.querySelectorAll('.filter-tag label')].map(l => l.textContent.trim()).sort()";
    let before = strings(page.evaluate(labels));
    let total = || "parseInt(document.querySelector('.search-status').textContent)";
    let tick = |value: &str| {
        format!(
            "(() => {{ const box = document.querySelector('.filter-tag input[value=\"{value}\"]'); \
             box.focus(); box.click(); }})()"
        )
    };
    page.evaluate(&tick("KTT Singapura"));
    page.wait_until(
        "location.search.includes('tag=KTT+Singapura') && document.querySelector('.search-status').textContent.startsWith('4 ')",
        "one tag's briefings",
    );
    let one = page.evaluate(total()).as_i64().unwrap();
    page.evaluate(&tick("KTT Hanoi"));
    page.wait_until(
        "location.search.includes('tag=KTT+Hanoi') && document.querySelector('.search-status').textContent.startsWith('7 ')",
        "both tags' briefings",
    );
    let both = page.evaluate(total()).as_i64().unwrap();
    assert!(both > one, "a second tag widens: {one} then {both}");
    assert_eq!(
        page.evaluate("document.activeElement.value"),
        serde_json::json!("KTT Hanoi"),
        "the focus stays on the box ticked"
    );
    assert_eq!(strings(page.evaluate(labels)), before, "the counts stay");

    // Nothing found: the ways to browse instead are offered.
    page.go(&format!("{url}search/?q=zzzxqv"));
    page.wait_until(
        "!document.querySelector('.search-elsewhere').hidden",
        "other ways in when nothing is found",
    );
    assert!(
        strings(page.evaluate(
            "[...document.querySelectorAll('.search-elsewhere a')].map(a => a.pathname)"
        ))
        .contains(&"/arsip/timeline/".to_string())
    );

    let short = format!("{url}search/?q=k");
    page.go(&short);
    page.wait_for_text("Ketik sedikitnya dua huruf.");
    assert_eq!(
        page.evaluate("document.querySelectorAll('.search-results li').length"),
        serde_json::json!(0)
    );
}
