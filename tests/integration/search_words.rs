//! Which briefings a search word finds: an Indonesian word finds its whole family (`runding`,
//! `berunding`, `perundingan`, `merundingkan`) and nothing else, and only the family's words are
//! marked. Pagefind's Snowball stemmer alone reads `berunding` as `ber-` + `unding`, so the root
//! and its derivations missed each other.

use crate::common::browser::{Browser, chromium, served_under_a_sub_path};
use crate::common::{TestSite, files, gunzip};

/// Marks the words the index is given but the page never shows (`src/render/search/families.rs`).
const HIDDEN: char = '\u{345}';

/// Five briefings: three of the `runding` family, each in another form, and two without it
/// (one with `Kim Jong Un`, whose `Un` a loose stemmer matches).
fn family_site(config: &str) -> TestSite {
    let site = TestSite::new(config);
    for (name, date, title, body) in [
        (
            "a",
            "2019-02-01",
            "Delegasi Siap Berunding",
            "Kedua delegasi siap berunding di Hanoi pekan depan.",
        ),
        (
            "b",
            "2019-02-02",
            "Perundingan Nuklir Macet",
            "Perundingan nuklir kembali macet setelah sesi singkat.",
        ),
        (
            "c",
            "2019-02-03",
            "Pyongyang Enggan",
            "Pyongyang menolak merundingkan syarat baru dari Washington.",
        ),
        (
            "d",
            "2019-02-04",
            "Kim Jong Un Tiba di Vladivostok",
            "Kim Jong Un tiba di Vladivostok dengan kereta lapis baja.",
        ),
        (
            "e",
            "2019-02-05",
            "Menteri Bertemu di Seoul",
            "Para menteri luar negeri bertemu di Seoul.",
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

/// The text of every fragment of the site's index.
fn fragments(site: &TestSite) -> String {
    files(&site.output())
        .into_iter()
        .filter(|(path, _)| path.ends_with(".pf_fragment"))
        .map(|(_, bytes)| gunzip(&bytes))
        .collect()
}

#[test]
fn an_indonesian_index_holds_each_family_once_per_briefing_and_an_english_one_none() {
    let site = family_site("title: Uji\nsearch: true\n");
    site.build();
    let text = fragments(&site);
    // `berunding` and `perundingan` are followed by the root; `merundingkan` already stems to it.
    assert_eq!(
        text.matches(&format!("berunding {HIDDEN}runding")).count(),
        1,
        "{text}"
    );
    assert_eq!(
        text.matches(&format!("Perundingan {HIDDEN}runding"))
            .count(),
        1,
        "{text}"
    );
    assert!(!text.contains(&format!("Un {HIDDEN}")), "{text}");

    let english = family_site("title: Uji\nsearch: true\nlanguage: en\n");
    english.build();
    assert!(!fragments(&english).contains(HIDDEN));
}

#[test]
fn a_word_finds_its_family_and_marks_only_its_words() {
    let Some(binary) = chromium() else { return };
    let site = family_site("title: Uji\nsearch: true\n");
    let (_out, url) = served_under_a_sub_path(site.root());
    let family = [
        "Delegasi Siap Berunding",
        "Perundingan Nuklir Macet",
        "Pyongyang Enggan",
    ];
    let start = format!("{url}search/?q=runding");
    let browser = Browser::open(&binary, &start);
    let mut page = browser.page(&start);
    for query in ["runding", "berunding", "perundingan", "merundingkan"] {
        page.go(&format!("{url}search/?q={query}"));
        page.wait_until(
            &format!(
                "{} && document.getElementById('search-q').value === '{query}'",
                crate::browser::SHOWN
            ),
            "search results",
        );
        let mut titles: Vec<String> =
            serde_json::from_value(page.evaluate(crate::browser::RESULT_TITLES)).unwrap();
        titles.sort();
        assert_eq!(titles, family, "{query}");
        let marked: Vec<String> = serde_json::from_value(page.evaluate(
            "[...document.querySelectorAll('.search-results .excerpt mark')].map(m => m.textContent.toLowerCase())",
        ))
        .unwrap();
        assert!(!marked.is_empty(), "{query}: nothing marked");
        assert!(
            marked.iter().all(|m| m.contains("runding")),
            "{query}: {marked:?}"
        );
        let shown = page.evaluate("document.querySelector('.search-results').textContent");
        assert!(
            !shown.as_str().unwrap().contains(HIDDEN),
            "{query}: {shown}"
        );
    }
}
