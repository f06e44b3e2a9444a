//! Deep into a large archive in a few clicks: numbered page links with jumps, per-year links
//! to the page where each year starts, and months and years linked to their neighbours.

use crate::common;
use std::collections::BTreeSet;

use crate::common::TestSite;
use regex::Regex;

/// 600 briefings from 2015 to 2020, every one tagged `Korea Utara`: 300 pages of two.
fn archive() -> TestSite {
    let site = TestSite::new(
        "title: Uji\nbase_url: https://uji.example/\npaginate: 2\nfeed: 2\nsearch: false\n",
    );
    for n in 0..600 {
        let date = format!(
            "{}-{:02}-{:02} {:02}:00",
            2015 + n / 100,
            1 + n % 100 / 9,
            1 + n % 27,
            n % 24
        );
        site.briefing(
            &format!("content/k{n:03}.md"),
            &[
                ("title", &format!("Kabar {n}")),
                ("date", &date),
                ("tags", "[Korea Utara]"),
            ],
            "Isi.",
        );
    }
    site
}

/// The links inside the element of `class`, up to its closing `</end>`.
fn hrefs(html: &str, class: &str, end: &str) -> Vec<String> {
    let block = html
        .split(&format!("class=\"{class}\""))
        .nth(1)
        .unwrap_or_else(|| panic!("no {class}"));
    let block = block.split(&format!("</{end}>")).next().unwrap();
    let re = Regex::new(r#"href="([^"]*)""#).unwrap();
    re.captures_iter(block).map(|c| c[1].to_string()).collect()
}

fn years_listed(html: &str) -> BTreeSet<i32> {
    let re = Regex::new(r#"<time datetime="(\d{4})-"#).unwrap();
    re.captures_iter(html)
        .map(|c| c[1].parse().unwrap())
        .collect()
}

/// The output file of a site address: `/tags/x/page/2/` → `tags/x/page/2/index.html`.
fn file_of(address: &str) -> String {
    format!("{}index.html", address.trim_start_matches('/'))
}

#[test]
fn numbered_links_reach_any_page_of_a_long_list_in_a_few_steps() {
    let site = archive();
    site.build();
    let first = site.read("tags/korea-utara/index.html");
    let tag = "/tags/korea-utara/";
    assert_eq!(
        hrefs(&first, "page-numbers", "ol"),
        [2, 3, 11, 101, 300].map(|n| format!("{tag}page/{n}/"))
    );
    assert!(first.contains(r#"<span aria-current="page"><span class="visually-hidden">Halaman </span>1<span class="visually-hidden"> dari 300</span></span>"#));
    let middle = site.read("tags/korea-utara/page/150/index.html");
    let expected: Vec<String> = std::iter::once(tag.to_string())
        .chain([50, 140, 148, 149, 151, 152, 160, 250, 300].map(|n| format!("{tag}page/{n}/")))
        .collect();
    assert_eq!(hrefs(&middle, "page-numbers", "ol"), expected);
    // From the first page to page 237 by numbered links alone.
    let (mut at, mut steps) = (1usize, 0);
    while at != 237 {
        let html = site.read(&file_of(&list_page(tag, at)));
        at = hrefs(&html, "page-numbers", "ol")
            .iter()
            .map(|h| page_number(tag, h))
            .min_by_key(|n| n.abs_diff(237))
            .unwrap();
        steps += 1;
        assert!(steps <= 12, "still at page {at} after {steps} steps");
    }
}

fn list_page(first: &str, n: usize) -> String {
    match n {
        1 => first.to_string(),
        n => format!("{first}page/{n}/"),
    }
}

fn page_number(first: &str, href: &str) -> usize {
    href.strip_prefix(first)
        .and_then(|rest| rest.strip_prefix("page/"))
        .map_or(1, |n| n.trim_end_matches('/').parse().unwrap())
}

#[test]
fn each_year_links_to_the_page_where_it_starts() {
    let site = archive();
    site.build();
    let first = site.read("tags/korea-utara/index.html");
    let links = hrefs(&first, "per-year", "p");
    assert_eq!(links.len(), 6, "{links:?}");
    for (year, href) in (2015..=2020).zip(&links) {
        let page = page_number("/tags/korea-utara/", href);
        let html = site.read(&file_of(href));
        assert!(
            years_listed(&html).contains(&year),
            "{href} lists no {year}"
        );
        if page > 1 {
            let before = site.read(&file_of(&list_page("/tags/korea-utara/", page - 1)));
            assert!(
                years_listed(&before).iter().all(|&y| y > year),
                "{year} starts before {href}"
            );
        }
    }
}

#[test]
fn months_and_years_lead_to_their_neighbours() {
    let site = archive();
    site.build();
    let month_folders: BTreeSet<String> = common::files(&site.output())
        .into_keys()
        .filter(|p| {
            Regex::new(r"^timeline/\d{4}/\d{2}/index.html$")
                .unwrap()
                .is_match(p)
        })
        .collect();
    // From the newest month, "previous" links walk every month once, oldest last.
    let mut at = month_folders.iter().next_back().unwrap().clone();
    let mut walked = vec![at.clone()];
    loop {
        let html = site.read(&at);
        let links = hrefs(&html, "neighbours", "nav");
        let older = links
            .iter()
            .find(|h| html.contains(&format!(r#"<a class="older" href="{h}">"#)));
        match older {
            Some(h) => at = file_of(h),
            None => break,
        }
        walked.push(at.clone());
    }
    let mut expected: Vec<String> = month_folders.iter().cloned().collect();
    expected.reverse();
    assert_eq!(walked, expected);
    let newest = site.read(month_folders.iter().next_back().unwrap());
    assert!(!newest.contains(r#"class="newer""#));
    let oldest = site.read(month_folders.iter().next().unwrap());
    assert!(oldest.contains(r#"<a class="newer" href="/timeline/2015/02/">"#));

    let year = site.read("timeline/2017/index.html");
    assert_eq!(
        hrefs(&year, "neighbours", "nav"),
        ["/timeline/2016/", "/timeline/2018/"]
    );
    assert!(
        !site
            .read("timeline/2020/index.html")
            .contains(r#"class="newer""#)
    );
}
