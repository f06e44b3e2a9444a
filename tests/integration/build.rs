//! `kabar build` end to end: sites in temp folders, and assertions on the files written.

use crate::common;
use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{
    TestSite, broken_links, example_root, files, listed_titles, parse_feed, sitemap_locs,
};

const CONFIG: &str =
    "title: Uji\nbase_url: https://uji.example/\nlanguage: id\npaginate: 2\nfeed: 3\n";

/// Five briefings over three years, with tags whose counts are known.
fn small_site() -> TestSite {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/a.md",
        &[
            ("title", "Alfa"),
            ("date", "2018-06-12 09:00"),
            ("tags", "[Korea Utara, AS]"),
        ],
        "Satu.",
    )
    .briefing(
        "content/b.md",
        &[
            ("title", "Bravo"),
            ("date", "2019-02-28 14:00"),
            ("tags", "[Korea Utara]"),
        ],
        "Dua.",
    )
    .briefing(
        "content/c.md",
        &[
            ("title", "Charlie"),
            ("date", "2019-02-27 10:00"),
            ("tags", "korea utara, Hanoi"),
        ],
        "Tiga.",
    )
    .briefing(
        "content/d.md",
        &[
            ("title", "Delta"),
            ("date", "2019-06-30 16:00"),
            ("tags", "[DMZ]"),
        ],
        "Empat.",
    )
    .briefing(
        "content/e.md",
        &[
            ("title", "Echo"),
            ("date", "2020-06-12 15:00"),
            ("tags", "[AS, Korea Utara]"),
        ],
        "Lima.",
    );
    site
}

#[test]
fn example_site_has_every_page() {
    let out = tempfile::tempdir().unwrap();
    let options = kabar::Options {
        output: Some(out.path().join("public")),
        ..kabar::Options::new(example_root())
    };
    let report = kabar::build(&options).unwrap_or_else(|e| panic!("{e}"));
    let written = files(&out.path().join("public"));

    let config = kabar::load_config(&options).unwrap();
    let found = kabar::content::discover(&options.root).unwrap();
    let kabar::Read {
        briefings, errors, ..
    } = kabar::read_briefings(&options, &found, &config, None);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(report.briefings, briefings.len());
    assert!(
        briefings.len() >= 15,
        "the example needs at least 15 briefings"
    );
    let archive = kabar::Archive::new(briefings);
    assert!(
        archive.years.len() >= 3,
        "the example spans at least 3 years"
    );
    assert!(
        archive.tags().len() >= 10,
        "the example uses at least 10 tags"
    );

    let mut expected: Vec<String> = vec![
        "index.html".into(),
        "page/2/index.html".into(),
        "tags/index.html".into(),
        "timeline/index.html".into(),
        "atom.xml".into(),
        "sitemap.xml".into(),
        "robots.txt".into(),
        "404.html".into(),
        "style.css".into(),
        "2018/06/ktt-singapura/peta.svg".into(),
    ];
    for b in &archive.briefings {
        expected.push(format!(
            "{}index.html",
            kabar::render::pages::permalink_path(b, &config)
        ));
    }
    for tag in archive.tags() {
        expected.push(format!("tags/{}/index.html", tag.slug));
        expected.push(format!("tags/{}/atom.xml", tag.slug));
    }
    for year in &archive.years {
        expected.push(format!("timeline/{}/index.html", year.year));
        for month in &year.months {
            expected.push(format!(
                "timeline/{}/{:02}/index.html",
                month.year, month.month
            ));
        }
    }
    let missing: Vec<&String> = expected
        .iter()
        .filter(|p| !written.contains_key(p.as_str()))
        .collect();
    assert!(missing.is_empty(), "missing pages: {missing:?}");
    // Drafts stay out of a normal build.
    assert!(!written.keys().any(|p| p.contains("catatan-editor")));
}

#[test]
fn every_internal_link_resolves() {
    for base_url in ["https://example.org/", "https://example.org/arsip/"] {
        let out = tempfile::tempdir().unwrap();
        let options = kabar::Options {
            output: Some(out.path().join("public")),
            base_url: Some(base_url.into()),
            ..kabar::Options::new(example_root())
        };
        kabar::build(&options).unwrap_or_else(|e| panic!("{e}"));
        let base_path = base_url.trim_start_matches("https://example.org");
        let broken = broken_links(&out.path().join("public"), base_path);
        assert!(
            broken.is_empty(),
            "broken links under {base_url}: {broken:#?}"
        );
    }
}

#[test]
fn sub_path_base_url_prefixes_every_link() {
    let site = small_site();
    site.write(
        "site.yaml",
        &CONFIG.replace("https://uji.example/", "https://uji.example/arsip/"),
    );
    site.briefing(
        "content/f.md",
        &[("title", "Foxtrot"), ("date", "2020-07-01")],
        "Lihat [Alfa](/2018/06/a/).",
    );
    site.build();
    let page = site.read("2020/07/f/index.html");
    assert!(
        page.contains(r#"href="/arsip/2018/06/a/""#),
        "Markdown root links get the base path"
    );
    assert!(page.contains(r#"href="/arsip/style.css""#));
    for link in common::links(&site.read("index.html")) {
        assert!(
            !link.starts_with('/') || link.starts_with("/arsip/"),
            "{link} escapes the base path"
        );
    }
    assert!(broken_links(&site.output(), "/arsip/").is_empty());
    let feed = parse_feed(&site.read("atom.xml"));
    assert!(
        feed.entries
            .iter()
            .all(|e| e.id.starts_with("https://uji.example/arsip/"))
    );
    assert!(
        sitemap_locs(&site.read("sitemap.xml"))
            .iter()
            .all(|l| l.starts_with("https://uji.example/arsip/"))
    );
}

#[test]
fn tag_counts_match_the_input() {
    let site = small_site();
    site.build();
    let tags = site.read("tags/index.html");
    for (slug, name, count) in [
        ("amerika-serikat", "Amerika Serikat", 2),
        ("dmz", "DMZ", 1),
        ("hanoi", "Hanoi", 1),
        ("korea-utara", "Korea Utara", 4),
    ] {
        let entry =
            format!(r#"<a href="/tags/{slug}/">{name}</a> <span class="count">{count}</span>"#);
        assert!(tags.contains(&entry), "missing {entry} in\n{tags}");
    }
    // Newest first, two per page.
    assert_eq!(
        listed_titles(&site.read("tags/korea-utara/index.html")),
        ["Echo", "Bravo"]
    );
    assert_eq!(
        listed_titles(&site.read("tags/korea-utara/page/2/index.html")),
        ["Charlie", "Alfa"]
    );
    assert!(!site.output().join("tags/korea-utara/page/3").exists());
    assert_eq!(
        listed_titles(&site.read("tags/amerika-serikat/index.html")),
        ["Echo", "Alfa"]
    );
}

#[test]
fn timeline_groups_match_the_input() {
    let site = small_site();
    site.build();
    let timeline = site.read("timeline/index.html");
    for (year, count) in [(2020, 1), (2019, 3), (2018, 1)] {
        let heading = format!(
            r#"<a href="/timeline/{year}/">{year}</a> <span class="count">{count} kabar</span>"#
        );
        assert!(timeline.contains(&heading), "missing {heading}");
    }
    assert!(
        timeline.contains(r#"<a href="/timeline/2019/02/">Feb <span class="count">2</span></a>"#)
    );
    assert_eq!(
        listed_titles(&site.read("timeline/2019/02/index.html")),
        ["Bravo", "Charlie"]
    );
    assert_eq!(
        listed_titles(&site.read("timeline/2019/index.html")),
        ["Delta", "Bravo", "Charlie"]
    );
    let months: Vec<&str> = ["2018/06", "2019/02", "2019/06", "2020/06"].to_vec();
    for month in months {
        assert!(
            site.output()
                .join(format!("timeline/{month}/index.html"))
                .exists(),
            "{month}"
        );
    }
    assert!(!site.output().join("timeline/2019/03").exists());
}

#[test]
fn timeline_and_year_pages_draw_a_chart_of_briefings_per_month() {
    let site = TestSite::new(CONFIG);
    for (path, date) in [
        ("content/a.md", "2017-03-01"),
        ("content/b.md", "2017-03-09"),
        ("content/c.md", "2019-11-20"),
    ] {
        site.briefing(path, &[("title", path), ("date", date)], "Isi.");
    }
    site.build();
    let timeline = site.read("timeline/index.html");
    let chart = &timeline[timeline.find("<svg class=\"chart\"").expect("a chart")..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    // Three whole years of months, 2018 (no briefings) among them, as gaps: 36 slots of
    // 640/36 units, a bar only where there are briefings, each a link with its numbers.
    assert_eq!(chart.matches("<rect ").count(), 2, "{chart}");
    assert!(chart.contains(
        r#"<a href="/timeline/2017/03/" aria-label="Mar 2017: 2 kabar"><rect x="37.3" y="0" width="14.2" height="120"><title>Mar 2017: 2 kabar</title></rect></a>"#
    ), "{chart}");
    assert!(
        chart.contains(r#"aria-label="Nov 2019: 1 kabar"><rect x="606.2" y="60""#),
        "{chart}"
    );
    for year in ["2017", "2018", "2019"] {
        assert!(chart.contains(&format!(">{year}</text>")), "{year}");
    }
    // The same numbers as a table.
    assert!(timeline.contains(r#"<tr><th scope="row">2019</th><td>0</td>"#));
    assert!(timeline.contains("<td>2</td>"));

    let year = site.read("timeline/2017/index.html");
    let chart = &year[year.find("<svg class=\"chart\"").expect("a chart")..];
    assert_eq!(
        chart[..chart.find("</svg>").unwrap()]
            .matches("<text ")
            .count(),
        12
    );
    assert!(chart.contains(r#"<a href="/timeline/2017/03/""#));
}

#[test]
fn home_is_paginated_newest_first() {
    let site = small_site();
    site.build();
    let home = site.read("index.html");
    assert_eq!(listed_titles(&home), ["Echo", "Delta"]);
    assert!(home.contains(r#"<a rel="next" href="/page/2/">"#));
    let second = site.read("page/2/index.html");
    assert_eq!(listed_titles(&second), ["Bravo", "Charlie"]);
    assert!(second.contains(r#"<a rel="prev" href="/">"#));
    assert!(second.contains(r#"<a rel="next" href="/page/3/">"#));
    assert_eq!(listed_titles(&site.read("page/3/index.html")), ["Alfa"]);
}

#[test]
fn briefing_page_shows_its_metadata_and_neighbours() {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/1.md",
        &[("title", "Awal"), ("date", "2019-12-30 08:00")],
        "Nol.",
    )
    .briefing(
        "content/2.md",
        &[
            ("title", "Tengah"),
            ("date", "2019-12-31 18:19"),
            ("tags", "[Korea Utara]"),
            (
                "source",
                "{name: CNN Indonesia, url: 'https://cnnindonesia.example/'}",
            ),
            ("dateline", "Jakarta"),
            ("author", "dea"),
        ],
        "Isi **tebal**.",
    )
    .briefing(
        "content/3.md",
        &[("title", "Akhir"), ("date", "2020-01-01")],
        "Dua.",
    );
    site.build();
    let page = site.read("2019/12/2/index.html");
    assert!(page.contains("<h1>Tengah</h1>"));
    assert!(page.contains(
        r#"<time datetime="2019-12-31T18:19:00+07:00">Selasa, 31 Desember 2019 18.19 WIB</time>"#
    ));
    assert!(page.contains(r#"<a href="/sources/cnn-indonesia/">CNN Indonesia</a>"#));
    assert!(page.contains(r#"<a href="https://cnnindonesia.example/" rel="external">"#));
    assert!(page.contains(r#"<a class="dateline" href="/places/jakarta/">Jakarta</a>"#));
    assert!(page.contains("dea"));
    assert!(page.contains(r#"<a href="/tags/korea-utara/">Korea Utara</a>"#));
    assert!(page.contains("<strong>tebal</strong>"));
    assert!(
        page.contains(r#"<a rel="prev" href="/2019/12/1/">"#),
        "previous is the older briefing"
    );
    assert!(
        page.contains(r#"<a rel="next" href="/2020/01/3/">"#),
        "next is the newer briefing"
    );
    let first = site.read("2019/12/1/index.html");
    assert!(!first.contains(r#"rel="prev""#));
    // A date without a time shows no time.
    assert!(
        site.read("2020/01/3/index.html")
            .contains(">Rabu, 1 Januari 2020</time>")
    );
}

#[test]
fn english_dates_and_strings() {
    let site = TestSite::new("language: en\nbase_url: https://x.example/\n");
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2019-12-31T18:19:00+09:00")],
        "Text.",
    );
    site.build();
    let page = site.read("2019/12/a/index.html");
    assert!(
        page.contains(
            r#"title="Tuesday, 31 December 2019 18:19 WIT">Tuesday, 31 December 2019 16:19 WIB</time>"#
        ),
        "{page}"
    );
    assert!(page.contains(">Timeline</a>"));
    assert!(site.read("timeline/index.html").contains(">Dec <span"));
    assert!(
        site.read("timeline/2019/index.html")
            .contains(">December 2019</a>")
    );
}

#[test]
fn feeds_are_valid_atom() {
    let site = small_site();
    site.build();
    let feed = parse_feed(&site.read("atom.xml"));
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    assert_eq!(
        titles,
        ["Echo", "Delta", "Bravo"],
        "newest `feed` (3) entries"
    );
    assert_eq!(feed.entries[0].id, "https://uji.example/2020/06/e/");
    assert_eq!(
        feed.entries[0].links[0].href,
        "https://uji.example/2020/06/e/"
    );
    assert_eq!(
        feed.entries[0].published.unwrap().to_rfc3339(),
        "2020-06-12T08:00:00+00:00"
    );
    let tag_feed = parse_feed(&site.read("tags/amerika-serikat/atom.xml"));
    let titles: Vec<String> = tag_feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    assert_eq!(titles, ["Echo", "Alfa"]);
}

#[test]
fn sitemap_lists_every_html_page() {
    let site = small_site();
    site.build();
    let locs: BTreeSet<String> = sitemap_locs(&site.read("sitemap.xml"))
        .into_iter()
        .collect();
    let pages: BTreeSet<String> = files(&site.output())
        .into_keys()
        .filter(|p| p.ends_with(".html") && p != "404.html")
        .map(|p| format!("https://uji.example/{}", p.trim_end_matches("index.html")))
        .collect();
    assert_eq!(locs, pages);
    assert!(
        site.read("robots.txt")
            .contains("Sitemap: https://uji.example/sitemap.xml")
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    for out in [&first, &second] {
        let options = kabar::Options {
            output: Some(out.path().join("public")),
            ..kabar::Options::new(example_root())
        };
        kabar::build(&options).unwrap_or_else(|e| panic!("{e}"));
    }
    let (a, b) = (
        files(&first.path().join("public")),
        files(&second.path().join("public")),
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between builds");
    }
}

#[test]
fn text_from_front_matter_is_escaped_everywhere() {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/x.md",
        &[
            ("title", "'<script>alert(1)</script> & Co'"),
            ("date", "2019-01-01"),
            ("tags", "['<b>tebal</b>']"),
            ("summary", "'<img src=x onerror=alert(1)>'"),
            ("dateline", "'<i>Kota</i>'"),
        ],
        "Isi.",
    );
    site.build();
    for page in [
        "2019/01/x/index.html",
        "index.html",
        "tags/index.html",
        "timeline/index.html",
    ] {
        let html = site.read(page);
        assert!(
            !html.contains("<script>alert"),
            "{page} has a raw script tag"
        );
        assert!(!html.contains("<b>tebal"), "{page} has a raw tag name");
        assert!(!html.contains("<img src=x"), "{page} has a raw summary");
    }
    assert!(
        site.read("2019/01/x/index.html")
            .contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; Co")
            || site
                .read("2019/01/x/index.html")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co")
    );
    let feed = parse_feed(&site.read("atom.xml"));
    assert_eq!(
        feed.entries[0].title.as_ref().unwrap().content,
        "<script>alert(1)</script> & Co"
    );
    assert!(site.read("atom.xml").contains("&lt;script&gt;"));
}

#[test]
fn raw_html_switch() {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/x.md",
        &[("date", "2019-01-01")],
        "<div class=\"peta\">Peta</div>\n\nTeks.",
    );
    site.build();
    assert!(
        site.read("2019/01/x/index.html")
            .contains("<div class=\"peta\">Peta</div>")
    );
    site.write(
        "site.yaml",
        &format!("{CONFIG}markdown:\n  raw_html: false\n"),
    );
    site.build();
    assert!(
        site.read("2019/01/x/index.html")
            .contains("&lt;div class=\"peta\"&gt;")
    );
}

#[test]
fn drafts_only_with_the_flag() {
    let site = small_site();
    site.briefing(
        "content/draf.md",
        &[
            ("title", "Draf"),
            ("date", "2020-07-01"),
            ("draft", "true"),
            ("tags", "[Rahasia]"),
        ],
        "x",
    );
    site.build();
    assert!(!site.output().join("2020/07/draf").exists());
    assert!(!site.output().join("tags/rahasia").exists());
    kabar::build(&kabar::Options {
        drafts: true,
        ..site.options()
    })
    .unwrap();
    assert!(site.output().join("2020/07/draf/index.html").exists());
    assert!(site.output().join("tags/rahasia/index.html").exists());
}

#[test]
fn titles_dates_and_slugs_from_file_names_and_headings() {
    let site = TestSite::new(CONFIG);
    site.write(
        "content/2019-06-30-bertemu-di-dmz.md",
        "# Bertemu di DMZ\n\nTrump dan Kim bertemu.\n",
    );
    site.build();
    let page = site.read("2019/06/bertemu-di-dmz/index.html");
    assert!(page.contains("<h1>Bertemu di DMZ</h1>"));
    assert_eq!(
        page.matches("Bertemu di DMZ</h1>").count(),
        1,
        "the heading is not repeated in the body"
    );
    assert!(page.contains(">Minggu, 30 Juni 2019</time>"));
}

#[test]
fn summaries_are_plain_text_cut_at_sentences() {
    // 6 words is 1 short of 7; going on to 9 would be 2 over: the summary stops at 6.
    let site = TestSite::new(&format!("{CONFIG}summary_words: 7\n"));
    site.briefing(
        "content/x.md",
        &[("title", "X"), ("date", "2019-01-01")],
        "Kim **berpidato** tujuh jam di Pyongyang. Rapat diperpanjang sehari. Ekonomi dibahas.",
    );
    site.build();
    let home = site.read("index.html");
    assert!(
        home.contains(r#"<p class="summary">Kim berpidato tujuh jam di Pyongyang.</p>"#),
        "{home}"
    );
}

#[test]
fn bundle_files_sit_beside_their_page_and_static_is_copied() {
    let site = TestSite::new(CONFIG);
    site.write(
        "content/2019/ktt/index.md",
        "---\ndate: 2019-02-28\n---\n![peta](peta.svg)\n",
    )
    .write("content/2019/ktt/peta.svg", "<svg/>")
    .write("content/media/logo.png", "png")
    .write("static/js/app.js", "console.log(1)")
    .write("static/style.css", "body{}");
    site.build();
    assert_eq!(site.read("2019/02/ktt/peta.svg"), "<svg/>");
    assert_eq!(site.read("media/logo.png"), "png");
    assert_eq!(site.read("js/app.js"), "console.log(1)");
    assert_eq!(
        site.read("style.css"),
        "body{}",
        "the site's static file wins over the theme's"
    );
    assert!(broken_links(&site.output(), "/").is_empty());
}

#[test]
fn site_templates_override_the_built_in_theme() {
    let site = small_site();
    site.write(
        "templates/partials/card.html",
        "<p class=\"mine\">{{ b.title }} / {{ b.date | date(format=\"%B\") }}</p>",
    )
    .write(
        "templates/partials/row.html",
        "<li class=\"mine\">{{ b.title }} / {{ b.date | date(format=\"%B\") }}</li>",
    );
    site.build();
    let home = site.read("index.html");
    // The home page leads with the newest briefing; the cards after it are the site's.
    assert!(home.contains(r#"<p class="mine">Delta / "#), "{home}");
    assert!(
        site.read("page/2/index.html")
            .contains(r#"<li class="mine">Bravo / Februari</li>"#)
    );
    assert!(
        home.contains("<footer"),
        "the rest of the theme is still built in"
    );
}

#[test]
fn a_site_without_config_or_templates_builds_with_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("content/2020-01-01-a.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "Isi.").unwrap();
    kabar::build(&kabar::Options::new(dir.path())).unwrap();
    assert!(dir.path().join("public/2020/01/a/index.html").exists());
    assert!(dir.path().join("public/style.css").exists());
}

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> serde_json::Value {
    const OPEN: &str = r#"<script type="application/ld+json">"#;
    let start = html.find(OPEN).expect("JSON-LD") + OPEN.len();
    let end = start + html[start..].find("</script>").expect("its end");
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses as JSON")
}

#[test]
fn briefing_pages_tell_search_engines_and_link_previews_what_they_are() {
    let site = TestSite::new(&format!("{CONFIG}author: Meja Uji\n"));
    site.briefing(
        "content/2019/kim.md",
        &[
            (
                "title",
                "\"Kim </script><script>alert(1)</script> & Trump\"",
            ),
            ("date", "2019-02-28 16:45"),
            ("updated", "2019-03-01 09:00"),
            ("tags", "[Korea Utara, KTT Hanoi]"),
            (
                "source",
                "{name: Kompas.com, url: \"https://www.kompas.com/read/1\"}",
            ),
            ("author", "Rina Kartika"),
            ("dateline", "Hanoi"),
            ("summary", "Ringkasan <b>singkat</b>."),
        ],
        "Isi.",
    );
    site.build();
    let page = site.read("2019/02/kim/index.html");
    // The title's `</script>` stays inside the JSON: the page keeps one script element.
    assert_eq!(page.matches("</script>").count(), 1, "{page}");
    let ld = json_ld(&page);
    let (article, trail) = (&ld[0], &ld[1]);
    assert_eq!(article["@type"], "NewsArticle");
    assert_eq!(
        article["headline"],
        "Kim </script><script>alert(1)</script> & Trump"
    );
    assert_eq!(article["datePublished"], "2019-02-28T16:45:00+07:00");
    assert_eq!(article["dateModified"], "2019-03-01T09:00:00+07:00");
    assert_eq!(article["author"]["name"], "Rina Kartika");
    assert_eq!(article["author"]["@type"], "Person");
    assert_eq!(article["publisher"]["name"], "Uji");
    assert_eq!(article["publisher"]["url"], "https://uji.example/");
    assert_eq!(
        article["keywords"],
        serde_json::json!(["Korea Utara", "KTT Hanoi"])
    );
    assert_eq!(article["isBasedOn"], "https://www.kompas.com/read/1");
    // The dateline is where the story was filed, not what it is about.
    assert_eq!(article["locationCreated"]["name"], "Hanoi");
    assert!(article.get("contentLocation").is_none());
    assert_eq!(
        article["mainEntityOfPage"],
        "https://uji.example/2019/02/kim/"
    );
    assert_eq!(article["description"], "Ringkasan <b>singkat</b>.");
    assert_eq!(trail["@type"], "BreadcrumbList");
    let names: Vec<&str> = trail["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Beranda",
            "Lini masa",
            "2019",
            "Februari 2019",
            "Kim </script><script>alert(1)</script> & Trump"
        ]
    );
    assert_eq!(
        trail["itemListElement"][3]["item"],
        "https://uji.example/timeline/2019/02/"
    );
    // A stated summary stands above the body as its lede.
    assert!(page.contains(r#"<p class="lede">Ringkasan &lt;b&gt;singkat&lt;/b&gt;.</p>"#));
    // The visible breadcrumb leads to the month; the sharing tags carry the same data.
    assert!(page.contains(r#"<li><a href="/timeline/2019/02/">Februari 2019</a></li>"#));
    for tag in [
        r#"<link rel="canonical" href="https://uji.example/2019/02/kim/">"#,
        r#"<meta property="og:type" content="article">"#,
        r#"<meta property="og:url" content="https://uji.example/2019/02/kim/">"#,
        r#"<meta property="og:title" content="Kim &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; Trump">"#,
        r#"<meta name="description" content="Ringkasan &lt;b&gt;singkat&lt;/b&gt;.">"#,
        r#"<meta name="twitter:card" content="summary">"#,
        r#"<meta property="article:published_time" content="2019-02-28T16:45:00+07:00">"#,
        r#"<meta property="article:tag" content="KTT Hanoi">"#,
    ] {
        assert!(
            page.contains(tag),
            "missing {tag} in {}",
            &page[..page.find("<body").unwrap()]
        );
    }
    // A briefing signed with a desk's code is the desk's: the site's `author`.
    site.briefing(
        "content/2019/kode.md",
        &[("title", "Kode"), ("date", "2019-02-27"), ("author", "dea")],
        "Isi.",
    );
    site.build();
    let ld = json_ld(&site.read("2019/02/kode/index.html"));
    assert_eq!(ld[0]["author"]["@type"], "Organization");
    assert_eq!(ld[0]["author"]["name"], "Meja Uji");
    assert!(ld[0].get("isBasedOn").is_none());
}

#[test]
fn the_theme_is_light_and_needs_no_script_to_read_or_browse() {
    let css =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("static/style.css")).unwrap();
    assert!(css.len() < 25_000, "style.css is {} bytes", css.len());
    let out = tempfile::tempdir().unwrap();
    kabar::build(&kabar::Options {
        root: common::example_root(),
        output: Some(out.path().to_path_buf()),
        ..kabar::Options::default()
    })
    .unwrap();
    for (path, bytes) in common::files(out.path()) {
        if !path.ends_with(".html") || path.starts_with("search/") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let scripts = html.matches("<script").count();
        let data = html
            .matches(r#"<script type="application/ld+json">"#)
            .count();
        assert_eq!(scripts, data, "{path} runs a script");
        assert!(!html.contains("://fonts."), "{path} loads web fonts");
    }
}

#[test]
fn home_leads_with_the_newest_briefing_then_cards_and_the_most_used_tags() {
    let site = small_site();
    site.build();
    let home = site.read("index.html");
    let lead = &home[home.find(r#"<article class="lead">"#).expect("a lead")..];
    let lead = &lead[..lead.find("</article>").unwrap()];
    assert!(
        lead.contains(r#"<h2><a href="/2020/06/e/">Echo</a></h2>"#),
        "{lead}"
    );
    assert!(lead.contains(r#"<time datetime="2020-06-12T15:00:00+07:00">"#));
    assert!(lead.contains(r#"<a href="/tags/korea-utara/">Korea Utara</a>"#));
    // The rest of the page's briefings follow as cards, one level down.
    assert!(home.contains(r#"<h3><a href="/2019/06/d/">Delta</a></h3>"#));
    // The strip: most used first, then by name.
    let strip = &home[home.find(r#"<ul class="tags strip">"#).expect("a strip")..];
    let strip = &strip[..strip.find("</ul>").unwrap()];
    let names: Vec<&str> = regex::Regex::new(r#"/">([^<]+) <span"#)
        .unwrap()
        .captures_iter(strip)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert_eq!(names, ["Korea Utara", "Amerika Serikat", "DMZ", "Hanoi"]);
    assert!(strip.contains(r#"Korea Utara <span class="count">4</span>"#));
    for link in ["/timeline/", "/tags/"] {
        assert!(
            home.contains(&format!(r#"<li><a href="{link}">"#)),
            "{link}"
        );
    }
    // Later pages are plain lists.
    assert!(!site.read("page/2/index.html").contains("class=\"lead\""));
}

#[test]
fn tag_indexes_read_like_a_books_index_and_tag_pages_count_by_year() {
    let site = small_site();
    site.build();
    let tags = site.read("tags/index.html");
    let letters: Vec<&str> = tags
        .match_indices(r#"<h2 id="letter-"#)
        .map(|(at, _)| &tags[at + 15..at + 16])
        .collect();
    assert_eq!(letters, ["A", "D", "H", "K"]);
    assert!(tags.contains(r##"<li><a href="#letter-K">K</a></li>"##));
    let korea = &tags[tags.find(r#"<h2 id="letter-K">"#).unwrap()..];
    assert!(
        korea.contains(
            r#"<a href="/tags/korea-utara/">Korea Utara</a> <span class="count">4</span>"#
        )
    );
    let page = site.read("tags/korea-utara/index.html");
    assert!(
        page.contains(
            r#"<a href="/tags/korea-utara/page/2/">2018 <b>1</b></a><a href="/tags/korea-utara/">2019 <b>2</b></a><a href="/tags/korea-utara/">2020 <b>1</b></a>"#
        ),
        "{page}"
    );
    // A tag of one year needs no line.
    assert!(!site.read("tags/dmz/index.html").contains("per-year"));
}

/// Browsers ask every site for an icon: every page links the theme's, which a site's own
/// `static/favicon.svg` replaces.
#[test]
fn every_page_links_an_icon_the_site_has() {
    let site = small_site();
    site.build();
    let out = files(&site.output());
    assert!(out.contains_key("favicon.svg"));
    for (path, bytes) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(
            html.contains(r#"<link rel="icon" href="/favicon.svg" type="image/svg+xml">"#),
            "{path}"
        );
    }
    site.write(
        "static/favicon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.build();
    assert_eq!(
        site.read("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    );
}

/// One archive, one name per subject: a tag an editor writes by an alias of the `entities`
/// map (built in or the site's) is the tag raw articles are given, with one page.
#[test]
fn stated_tags_go_by_the_entities_canonical_names() {
    let site = TestSite::new(&format!("{CONFIG}entities:\n  Korea Utara: [Korut]\n"));
    site.briefing(
        "content/a.md",
        &[
            ("title", "A"),
            ("date", "2019-01-01"),
            ("tags", "[AS, Korut]"),
        ],
        "Isi.",
    )
    .briefing(
        "content/b.md",
        &[
            ("title", "B"),
            ("date", "2019-01-02"),
            ("tags", "[Amerika Serikat, Korea Utara]"),
        ],
        "Isi.",
    );
    site.build();
    let out = files(&site.output());
    for gone in ["tags/as/index.html", "tags/korut/index.html"] {
        assert!(!out.contains_key(gone), "{gone}");
    }
    for tag in [
        "tags/amerika-serikat/index.html",
        "tags/korea-utara/index.html",
    ] {
        assert_eq!(listed_titles(&site.read(tag)).len(), 2, "{tag}");
    }
}

/// No two pages share a title: a list's later pages say which page they are (issue 26).
#[test]
fn later_pages_of_a_list_say_which_page_they_are() {
    let site =
        TestSite::new("title: Uji\nbase_url: https://uji.example/\npaginate: 1\nsearch: false\n");
    for (name, day) in [("a", "01"), ("b", "02")] {
        site.briefing(
            &format!("content/{name}.md"),
            &[
                ("title", name),
                ("date", &format!("2019-01-{day}")),
                ("tags", "[Korea Utara]"),
            ],
            "Isi.",
        );
    }
    site.build();
    let title = |path: &str| {
        let html = site.read(path);
        let start = html.find("<title>").unwrap() + 7;
        html[start..html.find("</title>").unwrap()].to_string()
    };
    assert_eq!(title("index.html"), "Uji");
    assert_eq!(title("page/2/index.html"), "Halaman 2 · Uji");
    assert_eq!(title("tags/korea-utara/index.html"), "Korea Utara · Uji");
    assert_eq!(
        title("tags/korea-utara/page/2/index.html"),
        "Korea Utara · Halaman 2 · Uji"
    );
}

/// An image's alt text describes a picture: it is on the page, never in the summary that
/// meta descriptions, JSON-LD and feeds carry.
#[test]
fn summaries_leave_out_the_alt_text_of_images() {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\nsearch: false\n");
    site.briefing(
        "content/foto.md",
        &[("title", "Kereta tiba"), ("date", "2019-02-26")],
        "![Foto kereta hijau di peron](kereta.jpg)\n\n\
         Kereta Kim tiba di Dong Dang ![ikon](i.png) pagi ini. Ia melanjutkan perjalanan dengan mobil.",
    );
    site.build();
    let page = site.read("2019/02/foto/index.html");
    assert!(page.contains(r#"alt="Foto kereta hijau di peron""#));
    let description = page
        .split(r#"<meta name="description" content=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert!(
        description.starts_with("Kereta Kim tiba di Dong Dang pagi ini."),
        "{description}"
    );
    let feed = parse_feed(&site.read("atom.xml"));
    let summary = feed.entries[0].summary.as_ref().unwrap().content.clone();
    assert!(
        !summary.contains("Foto") && !summary.contains("ikon"),
        "{summary}"
    );
}

/// The chrome around every page: a description even without `site.description`, the feed
/// in the footer with a line on what it is (not in the main navigation), one search box on
/// the search page, and a 404 page that offers a search, the latest briefings and the way on.
#[test]
fn pages_have_a_description_one_search_box_and_a_helpful_404() {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\n");
    for n in 1..=7 {
        site.briefing(
            &format!("content/k{n}.md"),
            &[
                ("title", &format!("Kabar {n}")),
                ("date", &format!("2019-03-0{n}")),
            ],
            "Isi kabar.",
        );
    }
    site.build();
    for (path, html) in files(&site.output()) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&html);
        assert!(
            html.contains(r#"<meta name="description" content=""#),
            "{path}"
        );
        let nav = html
            .split("<nav")
            .nth(1)
            .unwrap()
            .split("</nav>")
            .next()
            .unwrap();
        assert!(
            !nav.contains("atom.xml"),
            "{path}: the feed is not a place to browse"
        );
        let footer = html.split("<footer").nth(1).unwrap();
        assert!(
            footer.contains(r#"<a href="/atom.xml">Umpan Atom</a>: ikuti kabar baru"#),
            "{path}"
        );
        let boxes = html.matches(r#"type="search""#).count();
        assert_eq!(boxes, 1, "{path} has {boxes} search boxes");
    }
    assert!(
        site.read("tags/index.html")
            .contains(r#"<meta name="description" content="Tag · Uji">"#)
    );
    let lost = site.read("404.html");
    assert!(lost.contains(r#"action="/search/""#));
    assert_eq!(
        listed_titles(&lost),
        ["Kabar 7", "Kabar 6", "Kabar 5", "Kabar 4", "Kabar 3"]
    );
    assert!(lost.contains(r#"<a href="/timeline/">"#));
}

/// A list reads in one zone: times are shown on the site's clocks, and the time as the
/// briefing states it, in its own zone, is kept in the date's `title`.
#[test]
fn times_show_in_the_sites_zone_with_the_stated_one_in_the_title() {
    let site = TestSite::new(
        "title: Uji\nbase_url: https://uji.example/\ntimezone: Asia/Jakarta\nsearch: false\n",
    );
    site.briefing(
        "content/ny.md",
        &[
            ("title", "Dari New York"),
            ("date", "2019-06-30T15:45:00-04:00"),
        ],
        "Isi.",
    );
    site.briefing(
        "content/mks.md",
        &[
            ("title", "Dari Makassar"),
            ("date", "2019-06-29 09:00 WITA"),
        ],
        "Isi.",
    );
    site.briefing(
        "content/hari.md",
        &[("title", "Sehari"), ("date", "2019-06-28")],
        "Isi.",
    );
    site.build();
    let home = site.read("index.html");
    for wanted in [
        r#"<time datetime="2019-06-30T15:45:00-04:00" title="Minggu, 30 Juni 2019 15.45 UTC-04:00">Senin, 1 Juli 2019 02.45 WIB</time>"#,
        r#"<time datetime="2019-06-29T09:00:00+08:00" title="Sabtu, 29 Juni 2019 09.00 WITA">Sabtu, 29 Juni 2019 08.00 WIB</time>"#,
        r#"<time datetime="2019-06-28T00:00:00+07:00">Jumat, 28 Juni 2019</time>"#,
    ] {
        assert!(home.contains(wanted), "{wanted}\n{home}");
    }
}
