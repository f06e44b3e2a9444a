//! Finding things in the archive: the search index, related briefings, source and place
//! pages, and a timeline whose pages stay small.

use crate::common::{TestSite, files, gunzip, listed_titles, parse_feed};

const CONFIG: &str = "title: Uji\nbase_url: https://uji.example/arsip/\npaginate: 2\n";

fn site_with_three() -> TestSite {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/hanoi.md",
        &[
            ("title", "KTT Hanoi berakhir tanpa kesepakatan"),
            ("date", "2019-02-28 14:00"),
            ("tags", "[Korea Utara, KTT Hanoi]"),
            ("source", "CNN Indonesia"),
            ("dateline", "Hanoi"),
        ],
        "Perundingan di Hanoi terhenti karena sanksi.",
    )
    .briefing(
        "content/dmz.md",
        &[
            ("title", "Bertemu di DMZ"),
            ("date", "2019-06-30 15:46"),
            ("tags", "[Korea Utara]"),
            ("source", "Kompas"),
            ("dateline", "Panmunjom"),
        ],
        "Trump melangkah ke utara garis demarkasi.",
    )
    .briefing(
        "content/singapura.md",
        &[
            ("title", "KTT Singapura"),
            ("date", "2018-06-12 09:00"),
            ("tags", "[Korea Utara, KTT Singapura]"),
            ("source", "CNN Indonesia"),
            ("dateline", "Singapura"),
        ],
        "Kim dan Trump berjabat tangan di Sentosa.",
    );
    site
}

#[test]
fn the_index_lists_every_briefing_with_filters_and_sort() {
    let site = site_with_three();
    site.build();
    let out = files(&site.output());
    for shard in ["2019", "2018"] {
        let entry = String::from_utf8_lossy(&out[&format!("pagefind/{shard}/pagefind-entry.json")])
            .into_owned();
        assert!(entry.contains("\"id\""), "indexed as Indonesian: {entry}");
        assert!(out.contains_key(&format!("pagefind/{shard}/kabar-shard")));
    }
    let fragments: Vec<String> = out
        .iter()
        .filter(|(name, _)| name.contains("/fragment/") && !name.starts_with("pagefind/words/"))
        .map(|(_, bytes)| gunzip(bytes))
        .collect();
    assert_eq!(fragments.len(), 3, "one fragment per briefing");
    let hanoi = fragments
        .iter()
        .find(|f| f.contains("/arsip/2019/02/hanoi/"))
        .expect("the Hanoi briefing is indexed under its sub-path URL");
    for expected in [
        "Perundingan \u{345}runding di Hanoi terhenti",
        "\"title\":\"KTT Hanoi berakhir tanpa kesepakatan\"",
        "\"source\":\"CNN Indonesia\"",
        "\"place\":\"Hanoi\"",
        "KTT Hanoi",
        "2019",
    ] {
        assert!(hanoi.contains(expected), "{expected} in {hanoi}");
    }
    let meta = gunzip(
        out.iter()
            .find(|(name, _)| name.starts_with("pagefind/2019/") && name.ends_with(".pf_meta"))
            .unwrap()
            .1,
    );
    for key in ["tag", "source", "place", "year", "date"] {
        assert!(meta.contains(key), "filter or sort `{key}` in the metadata");
    }
    // The newest shard carries what the browser runs; the API sits at the bundle's root; the
    // word directory is an index of its own.
    assert!(out.contains_key("pagefind/pagefind.js"));
    assert!(out.contains_key("pagefind/2019/wasm.id.pagefind"));
    assert!(out.contains_key("pagefind/words/pagefind-entry.json"));
    assert!(!out.keys().any(|k| k.contains("worker")));
    let search = site.read("search/index.html");
    assert!(search.contains(r#"data-bundle="/arsip/pagefind/""#));
    assert!(search.contains(
        r#"data-directory="words" data-lookup="1" data-language="id" data-shards="2019 2018""#
    ));
    assert!(out.contains_key("pagefind/words/lookup/0.json"));
    assert!(search.contains(r#"src="/arsip/search.js""#));
    // The newest shard's entry and metadata are named by a tag the page knows, so it asks
    // for both at once: the tag is in the entry's query (Pagefind's `metaCacheTag`) and in
    // the metadata's name, which the entry names.
    let tag = regex::Regex::new(r#"data-tag="([0-9a-f]{16})""#)
        .unwrap()
        .captures(&search)
        .expect("the newest shard's tag")[1]
        .to_string();
    for preloaded in [
        format!("/arsip/pagefind/2019/pagefind-entry.json?ts={tag}"),
        format!("/arsip/pagefind/2019/pagefind.id_{tag}.pf_meta"),
    ] {
        assert!(
            search.contains(&format!(
                r#"<link rel="preload" href="{preloaded}" as="fetch" crossorigin>"#
            )),
            "{preloaded} preloaded"
        );
    }
    assert!(out.contains_key(&format!("pagefind/2019/pagefind.id_{tag}.pf_meta")));
    let entry = String::from_utf8_lossy(&out["pagefind/2019/pagefind-entry.json"]).into_owned();
    assert!(entry.contains(&format!(r#""hash":"id_{tag}""#)), "{entry}");
    let home = site.read("index.html");
    assert!(home.contains(
        r#"<form class="site-search" role="search" action="/arsip/search/" method="get">"#
    ));
    assert!(out.contains_key("search.js"));
}

#[test]
fn search_off_writes_no_index_and_links_none() {
    let site = site_with_three();
    site.write("site.yaml", &format!("{CONFIG}search: false\n"));
    site.build();
    let out = files(&site.output());
    assert!(
        !out.keys()
            .any(|k| k.starts_with("pagefind/") || k.starts_with("search"))
    );
    for (name, bytes) in &out {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("/search/") && !text.contains("pagefind"),
            "{name}"
        );
    }
}

#[test]
fn an_unchanged_shard_is_reused_and_a_changed_one_indexed_again() {
    let site = site_with_three();
    site.build();
    let before = files(&site.output());
    site.briefing(
        "content/dmz.md",
        &[("title", "Bertemu di DMZ"), ("date", "2019-06-30 15:46")],
        "Kata baru: gencatan.",
    );
    site.build();
    let after = files(&site.output());
    let shard = |files: &std::collections::BTreeMap<String, Vec<u8>>, name: &str| {
        files
            .iter()
            .filter(|(k, _)| k.starts_with(&format!("pagefind/{name}/")))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(shard(&before, "2018"), shard(&after, "2018"));
    assert_ne!(shard(&before, "2019"), shard(&after, "2019"));
    assert!(
        after
            .iter()
            .any(|(k, v)| k.contains("/fragment/") && gunzip(v).contains("gencatan"))
    );
}

#[test]
fn related_briefings_prefer_rare_tags_and_are_stable() {
    let site = TestSite::new(CONFIG);
    let mut n = 0;
    let mut add = |title: &str, date: &str, tags: &str| {
        n += 1;
        site.briefing(
            &format!("content/b{n}.md"),
            &[("title", title), ("date", date), ("tags", tags)],
            "Isi.",
        );
    };
    add("Hanoi satu", "2019-02-27", "[Korea Utara, KTT Hanoi]");
    add("Hanoi dua", "2019-02-28", "[Korea Utara, KTT Hanoi]");
    add("Umum dekat", "2019-02-28", "[Korea Utara]");
    for d in 1..5 {
        add(
            &format!("Umum {d}"),
            &format!("2018-0{d}-01"),
            "[Korea Utara]",
        );
        add(&format!("Lain {d}"), &format!("2017-0{d}-01"), "[Iran]");
    }
    site.build();
    let page = site.read("2019/02/b1/index.html");
    let related = page
        .split(r#"<aside class="related""#)
        .nth(1)
        .expect("a related block");
    let related = related.split("</aside>").next().unwrap();
    let titles = listed_titles(related);
    // `Korea Utara` is on most briefings: sharing it alone relates nothing, and the list is
    // not padded to five with briefings that share only it.
    assert_eq!(titles, ["Hanoi dua"]);
    assert!(
        !site
            .read("2019/02/b3/index.html")
            .contains(r#"class="related""#),
        "none qualify, no list"
    );
    let first = files(&site.output());
    site.build();
    assert_eq!(first, files(&site.output()), "the same lists every build");
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| site.build());
    assert_eq!(
        first,
        files(&site.output()),
        "one thread gives the same lists as many"
    );
}

#[test]
fn source_and_place_pages_list_count_and_feed() {
    let site = site_with_three();
    site.build();
    let sources = site.read("sources/index.html");
    assert!(sources.contains(
        r#"<a href="/arsip/sources/cnn-indonesia/">CNN Indonesia</a> <span class="count">2</span>"#
    ));
    assert!(
        sources.contains(
            r#"<a href="/arsip/sources/kompas/">Kompas</a> <span class="count">1</span>"#
        )
    );
    let cnn = site.read("sources/cnn-indonesia/index.html");
    assert_eq!(
        listed_titles(&cnn),
        ["KTT Hanoi berakhir tanpa kesepakatan", "KTT Singapura"]
    );
    let feed = parse_feed(&site.read("sources/cnn-indonesia/atom.xml"));
    assert_eq!(feed.entries.len(), 2);
    let places = site.read("places/index.html");
    assert!(places.contains(r#"<a href="/arsip/places/panmunjom/">Panmunjom</a>"#));
    let page = site.read("2019/06/dmz/index.html");
    assert!(page.contains(r#"href="/arsip/places/panmunjom/""#));
    assert!(page.contains(r#"<a href="/arsip/sources/kompas/">Kompas</a>"#));
    let home = site.read("index.html");
    assert!(
        home.contains(r#"href="/arsip/sources/""#) && home.contains(r#"href="/arsip/places/""#)
    );
}

#[test]
fn a_site_without_sources_or_places_has_no_such_pages() {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2019-01-01")],
        "Isi.",
    );
    site.build();
    let out = files(&site.output());
    assert!(
        !out.keys()
            .any(|k| k.starts_with("sources/") || k.starts_with("places/"))
    );
    assert!(!site.read("index.html").contains("/sources/"));
}

#[test]
fn the_timeline_is_an_overview_and_months_paginate() {
    let site = TestSite::new(CONFIG);
    for day in 1..=5 {
        site.briefing(
            &format!("content/juni-{day}.md"),
            &[
                ("title", &format!("Juni {day}")),
                ("date", &format!("2020-06-{day:02} 10:00")),
            ],
            "Isi.",
        );
    }
    site.briefing(
        "content/lalu.md",
        &[("title", "Setahun lalu"), ("date", "2019-06-05 08:00")],
        "Isi.",
    );
    site.briefing(
        "content/maret.md",
        &[("title", "Maret"), ("date", "2019-03-01 08:00")],
        "Isi.",
    );
    site.build();
    let timeline = site.read("timeline/index.html");
    assert!(
        timeline
            .contains(r#"<a href="/arsip/timeline/2020/06/">Jun <span class="count">5</span></a>"#)
    );
    assert!(timeline.contains(r#"<li class="empty">Jul <span class="count">0</span></li>"#));
    let on_this_day = timeline
        .split(r#"class="on-this-day""#)
        .nth(1)
        .expect("on this day");
    assert!(
        on_this_day.contains("Setahun lalu"),
        "5 June of an earlier year"
    );
    // The newest briefing's date, named as such: the build cannot know the reader's today.
    assert!(
        on_this_day.contains("<h2>5 Juni di tahun-tahun sebelumnya</h2>"),
        "{on_this_day}"
    );
    assert!(!timeline.contains("hari ini"));
    assert!(
        !timeline.contains("Juni 3"),
        "the overview lists no briefings but on this day"
    );
    let year = site.read("timeline/2020/index.html");
    assert_eq!(
        listed_titles(&year).len(),
        3,
        "a few lead briefings of June"
    );
    assert!(year.contains("/arsip/timeline/2020/06/"));
    let month = site.read("timeline/2020/06/index.html");
    assert_eq!(
        listed_titles(&month),
        ["Juni 5", "Juni 4"],
        "a page of `paginate` cards"
    );
    let last = site.read("timeline/2020/06/page/3/index.html");
    assert_eq!(listed_titles(&last), ["Juni 1"]);
}

/// A desk's own briefing names the site as its source: that is no outlet to credit, so it
/// shows no source line and makes no source page of the site itself.
#[test]
fn the_site_named_as_a_source_is_no_source() {
    let site = TestSite::new("title: Meja Uji\nbase_url: https://uji.example/\nsearch: false\n");
    site.briefing(
        "content/sendiri.md",
        &[
            ("title", "Tulisan meja"),
            ("date", "2019-06-30"),
            ("source", "meja  uji"),
        ],
        "Isi.",
    );
    site.briefing(
        "content/kutipan.md",
        &[
            ("title", "Dari Kompas"),
            ("date", "2019-06-29"),
            ("source", "Kompas"),
        ],
        "Isi.",
    );
    site.build();
    let sources = site.read("sources/index.html");
    assert!(sources.contains(r#"<a href="/sources/kompas/">Kompas</a>"#));
    assert!(!site.output().join("sources/meja-uji").exists());
    let own = site.read("2019/06/sendiri/index.html");
    assert!(
        !own.contains("Sumber:") && !own.contains("meja-uji"),
        "no source line"
    );
    assert!(!own.contains("isBasedOn"), "no source in the JSON-LD");
    assert!(
        site.read("2019/06/kutipan/index.html")
            .contains(r#"href="/sources/kompas/""#)
    );
}

/// A briefing is found by its tags, even where its text never writes them out.
#[test]
fn the_search_index_holds_each_briefings_tags() {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\n");
    site.briefing(
        "content/a.md",
        &[
            ("title", "Pertemuan di perbatasan"),
            ("date", "2019-06-30"),
            ("tags", "[Denuklirisasi, Panmunjom]"),
        ],
        "Kedua pemimpin berjabat tangan di garis demarkasi.",
    );
    site.build();
    let fragments: Vec<String> = files(&site.output())
        .into_iter()
        .filter(|(k, _)| k.contains("/fragment/"))
        .map(|(_, v)| gunzip(&v))
        .collect();
    assert!(
        fragments
            .iter()
            .any(|f| f.contains("garis demarkasi. — Denuklirisasi, Panmunjom")),
        "{fragments:?}"
    );
}
