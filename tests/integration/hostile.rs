//! Hostile and clumsy input: nothing of the machine leaks into the site, no output file has
//! two writers, and what kabar has to leave out it says, with the file and line.

use crate::common;
use crate::common::{TestSite, parse_feed};

const CONFIG: &str = "title: Uji\nbase_url: https://uji.example/\n";

/// Asserts the build fails with a problem reported at `at` that says `says`.
fn assert_reports(site: &TestSite, at: &str, says: &str) {
    let errors: Vec<String> = site
        .build_errors()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.iter().any(|e| e.starts_with(at) && e.contains(says)),
        "no `{at}` … `{says}` in {errors:#?}"
    );
}

/// Asserts the warnings are exactly as many as `starts`, each beginning as its counterpart.
fn assert_told(told: &[String], starts: &[&str]) {
    assert_eq!(told.len(), starts.len(), "{told:#?}");
    for (warning, start) in told.iter().zip(starts) {
        assert!(warning.starts_with(start), "`{start}` in {told:#?}");
    }
}

fn warnings(site: &TestSite) -> Vec<String> {
    site.build()
        .warnings
        .iter()
        .map(kabar::Diagnostic::as_warning)
        .collect()
}

#[test]
fn links_that_run_script_are_left_out_with_a_warning() {
    for raw_html in [false, true] {
        let site = TestSite::new(&format!("{CONFIG}markdown:\n  raw_html: {raw_html}\n"));
        site.write(
            "content/a.md",
            "---\ntitle: A\ndate: 2019-01-01\nsource: {name: Kompas, url: \"javascript:alert(1)\"}\n---\n\
             Baca [laporan lengkap](javascript:alert(document.cookie)) di sini.\n\n\
             ![peta](JaVaScRiPt:alert(2)) dan [unduh](data:text/html;base64,PHNjcmlwdD4=).\n\n\
             ![titik](data:image/png;base64,iVBORw0KGgo=) dan [Kompas](https://kompas.com).\n",
        );
        let told = warnings(&site);
        let page = site.read("2019/01/a/index.html");
        for bad in ["javascript:", "JaVaScRiPt:", "data:text/html"] {
            assert!(!page.contains(bad), "{bad} reached the page:\n{page}");
        }
        // The text of each link stays; safe links and image data stay too.
        for kept in [
            "Baca laporan lengkap di sini.",
            "peta dan unduh.",
            "src=\"data:image/png;base64,iVBORw0KGgo=\"",
            "<a href=\"https://kompas.com\">Kompas</a>",
        ] {
            assert!(page.contains(kept), "`{kept}` missing:\n{page}");
        }
        assert_told(
            &told,
            &[
                "content/a.md:4:9: warning: the link to `javascript:alert(1)`",
                "content/a.md:6:6: warning:",
                "content/a.md:8:1: warning:",
                "content/a.md:8:34: warning:",
            ],
        );
    }
}

/// HTML pasted into a briefing keeps what an article has and loses what runs script or takes
/// over the page, each a warning at its line; `trusted` keeps it all, `false` shows it.
#[test]
fn raw_html_is_cleaned_by_default_and_each_removal_told() {
    const BODY: &str = "Pembuka.\n\n\
        <figure class=\"foto\"><img src=\"/kim.jpg\" alt=\"Kim\" onerror=\"alert(1)\">\
        <figcaption>Kim tiba</figcaption></figure>\n\n\
        <script>alert(2)</script>\n\n\
        <iframe src=\"javascript:alert(3)\"></iframe>\n\n\
        <base href=\"javascript:alert(4)//\">\n\n\
        <meta http-equiv=\"refresh\" content=\"0;url=https://jahat.example/\">\n\n\
        Teks dengan <span onmouseover=\"alert(5)\">sorotan</span> dan \
        [gambar](data:image/png;base64,iVBORw0KGgo=).\n";
    let page_of = |raw_html: &str| {
        let site = TestSite::new(&format!("{CONFIG}markdown:\n  raw_html: {raw_html}\n"));
        site.write(
            "content/a.md",
            &format!("---\ntitle: A\ndate: 2019-01-01\n---\n{BODY}"),
        );
        let told = warnings(&site);
        (site.read("2019/01/a/index.html"), told)
    };

    let (page, told) = page_of("true");
    for bad in ["alert(", "<base", "refresh", "jahat.example"] {
        assert!(!page.contains(bad), "{bad} reached the page:\n{page}");
    }
    for kept in [
        "<figure class=\"foto\">",
        "alt=\"Kim\"",
        "<figcaption>Kim tiba</figcaption>",
        "<span>sorotan</span>",
        "<a href=\"data:image/png;base64,iVBORw0KGgo=\">gambar</a>",
    ] {
        assert!(page.contains(kept), "`{kept}` missing:\n{page}");
    }
    assert_told(
        &told,
        &[
            "content/a.md:7:1: warning: the `onerror` attribute of `<img>` was taken out",
            "content/a.md:9:1: warning: `<script>` was taken out",
            "content/a.md:11:1: warning: the `javascript:` address of `<iframe>` was taken out",
            "content/a.md:13:1: warning: `<base>` was taken out",
            "content/a.md:15:1: warning: `<meta>` was taken out",
            "content/a.md:17:13: warning: the `onmouseover` attribute of `<span>` was taken out",
        ],
    );

    let (page, told) = page_of("trusted");
    assert!(page.contains("<script>alert(2)</script>"), "{page}");
    assert!(told.is_empty(), "{told:#?}");

    let (page, _) = page_of("false");
    assert!(
        page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
        "{page}"
    );
}

#[test]
fn control_characters_never_reach_feeds_or_pages() {
    let site = TestSite::new(CONFIG);
    site.write(
        "content/a.md",
        "---\ntitle: \"Judul\\x01 berbahaya\"\ndate: 2019-01-01\n---\nIsi\u{0} dengan\u{1b}[31m warna.\n",
    );
    site.write(
        "content/b.txt",
        "Jakarta, CNN Indonesia -- Kabar mentah\u{8} dari\u{1} lapangan pada Selasa (1/1/2019).\n",
    );
    let told = warnings(&site);
    assert_told(
        &told,
        &[
            "content/a.md:2:8: warning: control characters left out of `title`",
            "content/a.md:5:4: warning: 2 control characters",
            "content/b.txt:1:",
        ],
    );
    for xml in ["atom.xml", "sitemap.xml", "tags/index.html"] {
        let text = site.read(xml);
        assert!(
            !text.contains(['\u{0}', '\u{1}', '\u{8}', '\u{1b}']),
            "{xml}"
        );
    }
    let atom = site.read("atom.xml");
    roxmltree::Document::parse(&atom).expect("atom.xml is well-formed XML");
    roxmltree::Document::parse(&site.read("sitemap.xml")).expect("the sitemap is well-formed");
    let feed = parse_feed(&atom);
    let titles: Vec<String> = feed
        .entries
        .iter()
        .filter_map(|e| e.title.as_ref().map(|t| t.content.clone()))
        .collect();
    assert!(
        titles.contains(&"Judul berbahaya".to_string()),
        "{titles:?}"
    );
}

/// `site.yaml` is held to the same rule as briefings: a control character in its texts
/// would reach every page and make `atom.xml` ill-formed, so it is refused where it is.
#[test]
fn control_characters_in_site_settings_are_refused_at_their_key() {
    let keys = ["title", "description", "author"];
    for (line, key) in keys.iter().enumerate() {
        let config: String = keys
            .iter()
            .map(|k| match k == key {
                true => format!("{k}: \"Awal\\x01 nilai\"\n"),
                false => format!("{k}: nilai\n"),
            })
            .collect();
        let site = TestSite::new(&config);
        site.briefing(
            "content/a.md",
            &[("title", "A"), ("date", "2019-01-01")],
            "Isi.",
        );
        assert_reports(
            &site,
            &format!("site.yaml:{}:", line + 1),
            &format!("`{key}` holds a control character (U+0001)"),
        );
        assert!(!site.output().exists(), "nothing is published");
    }
}

/// `site.yaml` linked to a file of the machine is refused, and nothing of that file is
/// quoted; a file that is no YAML is quoted no further than its first line.
#[test]
fn site_yaml_follows_the_inside_the_site_rule_and_errors_quote_one_line() {
    let outside = tempfile::tempdir().unwrap();
    let secrets = outside.path().join(".env");
    std::fs::write(
        &secrets,
        "API_TOKEN=rahasia-satu\nDB_PASSWORD=rahasia-dua\n",
    )
    .unwrap();
    let site = TestSite::new(CONFIG);
    std::fs::remove_file(site.root().join("site.yaml")).unwrap();
    std::os::unix::fs::symlink(&secrets, site.root().join("site.yaml")).unwrap();
    let errors: Vec<String> = site
        .build_errors()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("site.yaml:"), "{errors:?}");
    assert!(errors[0].contains("outside the site folder"), "{errors:?}");
    assert!(!errors[0].contains("rahasia"), "{errors:?}");

    std::fs::remove_file(site.root().join("site.yaml")).unwrap();
    std::fs::copy(&secrets, site.root().join("site.yaml")).unwrap();
    let errors: Vec<String> = site
        .build_errors()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(errors[0].starts_with("site.yaml:1:1:"), "{errors:?}");
    assert!(!errors[0].contains("rahasia-dua"), "{errors:?}");
    assert!(!errors[0].contains("DB_PASSWORD"), "{errors:?}");

    site.write("site.yaml", CONFIG);
    site.write(
        "content/a.md",
        "---\ntitle: A\ndate: 2019-01-01\ndraft: TOKEN=satu\n  KEDUA=rahasia-dua\n---\nIsi.\n",
    );
    let errors: Vec<String> = site
        .build_errors()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(errors[0].starts_with("content/a.md:4:"), "{errors:?}");
    assert!(!errors[0].contains("rahasia-dua"), "{errors:?}");
}

#[test]
fn a_site_file_named_like_a_theme_file_wins_every_time() {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2019-01-01")],
        "Isi.",
    );
    let mine = "body { color: maroon; }\n".repeat(2000);
    site.write("content/style.css", &mine);
    for _ in 0..20 {
        site.build();
        assert_eq!(site.read("style.css"), mine);
    }
}

#[cfg(unix)]
#[test]
fn links_out_of_the_site_are_refused_and_links_inside_followed() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("rahasia.md"),
        "---\ntitle: R\ndate: 2019-01-01\n---\nRAHASIA\n",
    )
    .unwrap();
    std::fs::create_dir(outside.path().join("folder")).unwrap();
    std::fs::write(outside.path().join("folder/x.txt"), "RAHASIA").unwrap();
    let cases: [(&str, std::path::PathBuf); 4] = [
        ("content/env.bin", "/proc/self/environ".into()),
        ("content/curian.md", outside.path().join("rahasia.md")),
        ("static/berkas", outside.path().join("folder")),
        (
            "templates/partials/x.html",
            outside.path().join("rahasia.md"),
        ),
    ];
    for (link, target) in cases {
        let site = TestSite::new(CONFIG);
        site.briefing(
            "content/a.md",
            &[("title", "A"), ("date", "2019-01-01")],
            "Isi.",
        );
        let at = site.root().join(link);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        symlink(&target, &at).unwrap();
        assert_reports(
            &site,
            &format!("{link}:1:1: this is a link to"),
            "outside the site folder",
        );
        assert!(!site.output().exists(), "{link}: nothing is published");
    }

    // Links inside the site are fine; a loop is named by its path.
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/2019/a.md",
        &[("title", "A"), ("date", "2019-01-01")],
        "Isi.",
    );
    symlink(
        site.root().join("content/2019/a.md"),
        site.root().join("content/b.md"),
    )
    .unwrap();
    site.build();
    symlink(
        site.root().join("content"),
        site.root().join("content/2019/lingkar"),
    )
    .unwrap();
    assert_reports(
        &site,
        "content/2019/lingkar:1:1:",
        "this link leads back to content, a loop",
    );
}

#[test]
fn a_yaml_anchor_bomb_is_refused_before_it_is_expanded() {
    let site = TestSite::new(CONFIG);
    let words: Vec<String> = (0..5000).map(|n| format!("w{n}")).collect();
    let aliases = vec!["*a"; 3000].join(", ");
    site.write(
        "content/bom.md",
        &format!(
            "---\ntitle: Bom\ndate: 2019-01-01\ntags: [&a [{}], {aliases}]\n---\nIsi.\n",
            words.join(", ")
        ),
    );
    let started = std::time::Instant::now();
    assert_reports(&site, "content/bom.md:4:", "more than 16 YAML aliases");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

/// One wide anchor repeated by a few aliases: 16 aliases of 600 KB once grew to gigabytes.
#[test]
fn a_wide_yaml_anchor_is_refused_by_what_its_aliases_expand_to() {
    let wide: String = (0..60_000).map(|n| format!("  - kata{n}\n")).collect();
    let aliases = ["*w"; 8].join(", ");
    let front_matter = format!("title: Bom\ndate: 2019-01-01\nlist: &w\n{wide}tags: [{aliases}]\n");
    let site = TestSite::new(CONFIG);
    site.write("content/bom.md", &format!("---\n{front_matter}---\nIsi.\n"));
    let started = std::time::Instant::now();
    assert_reports(&site, "content/bom.md:60005:", "repeat their values");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));

    let site = TestSite::new(&format!(
        "{CONFIG}entities:\n  Bom: &w\n{wide}  Dua: [{aliases}]\n"
    ));
    let started = std::time::Instant::now();
    assert_reports(&site, "site.yaml:60005:", "repeat their values");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

/// `it's` opens no quote in YAML: the aliases after it are counted all the same.
#[test]
fn an_alias_behind_an_apostrophe_is_counted() {
    let site = TestSite::new(CONFIG);
    let aliases = vec!["*a"; 40].join(", ");
    site.write(
        "content/bom.md",
        &format!("---\ntitle: Bom\ndate: 2019-01-01\nx: &a [satu, dua]\ntags: [it's, {aliases}]\n---\nIsi.\n"),
    );
    assert_reports(&site, "content/bom.md:5:", "more than 16 YAML aliases");
}

/// A front matter or `site.yaml` past a megabyte is refused before it is parsed.
#[test]
fn yaml_past_its_size_limit_is_refused() {
    let long = "kata ".repeat(300_000);
    let site = TestSite::new(CONFIG);
    site.write(
        "content/panjang.md",
        &format!("---\ntitle: Panjang\ndate: 2019-01-01\nsummary: {long}\n---\nIsi.\n"),
    );
    assert_reports(
        &site,
        "content/panjang.md:4:",
        "more than kabar reads (1024 KB)",
    );
    let site = TestSite::new(&format!("{CONFIG}description: {long}\n"));
    assert_reports(&site, "site.yaml:3:", "more than kabar reads (1024 KB)");
}

/// Every tag's page and feed list the briefing with its tags: a briefing's tags cost the site
/// their number squared. 1,000 tags (7 KB) once wrote 87 MB; now a briefing keeps 50, with a
/// warning, and cards and feed entries name at most 8.
#[test]
fn a_briefing_keeps_at_most_fifty_tags_and_cards_show_eight() {
    let built = |count: usize| {
        let site = TestSite::new(&format!("{CONFIG}search: false\n"));
        let tags: Vec<String> = (0..count).map(|n| format!("Topik {n}")).collect();
        site.write(
            "content/a.md",
            &format!(
                "---\ntitle: A\ndate: 2019-01-01\ntags: [{}]\n---\nIsi.\n",
                tags.join(", ")
            ),
        );
        let told = warnings(&site);
        let out = common::files(&site.output());
        let bytes: usize = out.values().map(Vec::len).sum();
        (told, out, bytes)
    };
    let (told, out, bytes) = built(1000);
    assert_told(
        &told,
        &["content/a.md:4:7: warning: 1000 tags: only the first 50 are kept"],
    );
    assert!(out.contains_key("tags/topik-49/index.html"));
    assert!(!out.contains_key("tags/topik-50/index.html"));
    let home = String::from_utf8_lossy(&out["index.html"]).into_owned();
    let lead = home.split(r#"<article class="lead">"#).nth(1).unwrap();
    let lead = lead.split("</article>").next().unwrap();
    assert_eq!(
        lead.matches("<li><a href=\"/tags/topik-").count(),
        8,
        "{lead}"
    );
    let feed = String::from_utf8_lossy(&out["tags/topik-0/atom.xml"]).into_owned();
    assert_eq!(feed.matches("<category ").count(), 8, "{feed}");
    // Output grows with the tags kept, not with their square: 50 tags cost what 1,000 do.
    let (_, _, fifty) = built(50);
    assert_eq!(bytes, fifty);
    assert!(bytes < 2_000_000, "{bytes} bytes for one briefing");
}

#[test]
fn years_outside_four_digits_are_refused() {
    for date in [
        "\"-0001-12-31\"",
        "0999-01-01",
        "\"-0001-12-31T10:00:00+07:00\"",
    ] {
        let site = TestSite::new(CONFIG);
        site.write(
            "content/a.md",
            &format!("---\ntitle: A\ndate: {date}\n---\nIsi.\n"),
        );
        assert_reports(&site, "content/a.md:3:7:", "outside 1000–9999");
    }
}

#[test]
fn a_day_whose_midnight_is_skipped_starts_when_the_clocks_do() {
    // In São Paulo the clocks went from 00:00 to 01:00 on 4 November 2018.
    let site = TestSite::new(&format!("{CONFIG}timezone: America/Sao_Paulo\n"));
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2018-11-04")],
        "Isi.",
    );
    site.write("content/2018-11-04-b.md", "---\ntitle: B\n---\nIsi.\n");
    site.build();
    for page in ["2018/11/a/index.html", "2018/11/b/index.html"] {
        assert!(
            site.read(page)
                .contains("datetime=\"2018-11-04T01:00:00-02:00\""),
            "{page}"
        );
    }
    // A time inside the gap is refused, naming the nearest time that exists.
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2018-11-04 00:30")],
        "Isi.",
    );
    assert_reports(
        &site,
        "content/a.md:3:7: `2018-11-04 00:30` does not exist in America/Sao_Paulo",
        "the nearest time that exists is 2018-11-04 01:00",
    );
}

#[test]
fn very_long_titles_give_slugs_a_file_system_takes() {
    let site = TestSite::new(CONFIG);
    let title = "Kim Jong-un dan Donald Trump bertemu lagi di perbatasan ".repeat(8);
    site.briefing(
        "content/a.md",
        &[("title", title.trim()), ("date", "2019-01-01")],
        "Isi.",
    );
    site.write(
        "content/2019-02-02-{}.md"
            .replace("{}", &"panjang-".repeat(28))
            .as_str(),
        "---\ntitle: B\n---\nIsi.\n",
    );
    let report = site.build();
    assert_eq!(report.briefings, 2);
    for (path, _) in common::files(&site.output()) {
        for part in path.split('/') {
            assert!(part.len() <= 80, "{path}");
        }
    }
    // A slug stated too long is refused at its line.
    let long = "sangat-".repeat(40);
    site.briefing(
        "content/a.md",
        &[
            ("title", "A"),
            ("date", "2019-01-01"),
            ("slug", long.trim_end_matches('-')),
        ],
        "Isi.",
    );
    assert_reports(&site, "content/a.md:4:7:", "at most 80");
}
