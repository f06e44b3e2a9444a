//! The word table: a query of whole words learns from one small file, read as the page opens,
//! which shards can hold its words, and reads only those; a query the table cannot answer
//! (part of a word) asks the word directory's index instead, and finds the same briefings.

use std::time::Duration;

use crate::common::TestSite;
use crate::common::browser::{Browser, chromium, served_counted_under_a_sub_path};

/// Briefings over three years (a shard each); `lazuardi` is only in the oldest.
fn three_years() -> TestSite {
    let site = TestSite::new("title: Uji\nsearch: true\n");
    for (name, date, title, body) in [
        (
            "a",
            "2017-03-01",
            "Kapal Lazuardi Berlabuh",
            "Kapal lazuardi berlabuh di Nampo membawa bantuan pangan.",
        ),
        (
            "b",
            "2017-06-01",
            "Delegasi Tiba",
            "Delegasi tiba di Pyongyang untuk perundingan.",
        ),
        (
            "c",
            "2018-06-12",
            "Pertemuan Singapura",
            "Pertemuan di Singapura membuka perundingan baru.",
        ),
        (
            "d",
            "2019-02-27",
            "Pertemuan Hanoi",
            "Pertemuan di Hanoi berakhir tanpa kesepakatan perundingan.",
        ),
    ] {
        site.briefing(
            &format!("content/{name}.md"),
            &[("title", title), ("date", date)],
            body,
        );
    }
    site
}

#[test]
fn a_whole_word_reads_only_the_shards_the_table_names_and_part_of_one_asks_the_directory() {
    let Some(binary) = chromium() else { return };
    let site = three_years();
    let (_out, url, tally) = served_counted_under_a_sub_path(site.options());
    let browser = Browser::open(&binary, "about:blank");
    let mut page = browser.page("about:blank");
    let mut asked = |query: &str| {
        tally.take();
        page.go(&format!("{url}search/?q={query}"));
        page.wait_until_within(
            "document.querySelector('.search-results').getAttribute('aria-busy') === 'false' \
             && document.querySelector('.search-status').textContent !== ''",
            query,
            Duration::from_secs(60),
        );
        let titles: Vec<String> =
            serde_json::from_value(page.evaluate(crate::browser::RESULT_TITLES)).unwrap();
        let fetched: Vec<String> = tally.take().into_iter().map(|(path, _)| path).collect();
        (titles, fetched)
    };

    let (titles, fetched) = asked("lazuardi");
    assert_eq!(titles, ["Kapal Lazuardi Berlabuh"]);
    assert!(
        fetched
            .iter()
            .any(|p| p.contains("/pagefind/words/lookup/")),
        "{fetched:#?}"
    );
    // Neither the directory's index nor the middle shard, which lacks the word.
    assert!(
        !fetched
            .iter()
            .any(|p| p.contains("/pagefind/words/pagefind-entry") || p.contains("/pagefind/2018/")),
        "{fetched:#?}"
    );

    let (titles, fetched) = asked("lazuar");
    assert_eq!(titles, ["Kapal Lazuardi Berlabuh"]);
    assert!(
        fetched
            .iter()
            .any(|p| p.contains("/pagefind/words/pagefind-entry")),
        "{fetched:#?}"
    );

    // Both words of a query, each through its stem: only the oldest shard holds both.
    let (titles, fetched) = asked("Lazuardi+berlabuh");
    assert_eq!(titles, ["Kapal Lazuardi Berlabuh"]);
    assert!(
        !fetched.iter().any(|p| p.contains("/pagefind/2018/")),
        "{fetched:#?}"
    );

    // A word in every year: every shard holding it is read.
    let (mut titles, _) = asked("perundingan");
    titles.sort();
    assert_eq!(
        titles,
        ["Delegasi Tiba", "Pertemuan Hanoi", "Pertemuan Singapura"]
    );
}
