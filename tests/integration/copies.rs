//! `duplicate_of:` marks a briefing as a copy of another: the story is published once, the
//! copy's address leads to the original, and a mark naming nothing is an error at its line.

use crate::common;
use crate::common::{TestSite, listed_titles, sitemap_locs};

const CONFIG: &str = "title: Uji\nbase_url: https://uji.example/\nsearch: false\n";

fn site_with_a_copy() -> TestSite {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/2019/asli.md",
        &[
            ("title", "Kim tiba di Hanoi"),
            ("date", "2019-02-26"),
            ("tags", "[KTT Hanoi]"),
        ],
        "Kereta Kim tiba di stasiun Dong Dang.",
    );
    site.briefing(
        "content/2019/sindikasi.md",
        &[
            ("title", "Kereta Kim Jong Un sampai di Vietnam"),
            ("date", "2019-02-26"),
            ("tags", "[KTT Hanoi]"),
            ("duplicate_of", "content/2019/asli.md"),
        ],
        "Kereta Kim tiba di stasiun Dong Dang, kata kantor berita.",
    );
    site
}

#[test]
fn a_copy_is_in_no_list_feed_or_sitemap() {
    let site = site_with_a_copy();
    let report = site.build();
    assert_eq!(report.briefings, 1);
    for list in [
        "index.html",
        "tags/ktt-hanoi/index.html",
        "timeline/2019/02/index.html",
    ] {
        assert_eq!(
            listed_titles(&site.read(list)),
            ["Kim tiba di Hanoi"],
            "{list}"
        );
    }
    let feed = common::parse_feed(&site.read("atom.xml"));
    assert_eq!(feed.entries.len(), 1);
    let locs = sitemap_locs(&site.read("sitemap.xml"));
    assert!(locs.contains(&"https://uji.example/2019/02/asli/".to_string()));
    assert!(
        !locs.iter().any(|l| l.contains("sindikasi")),
        "the copy's address is no page of its own: {locs:?}"
    );
}

#[test]
fn a_copys_address_leads_to_the_original() {
    let site = site_with_a_copy();
    site.build();
    let page = site.read("2019/02/sindikasi/index.html");
    assert!(
        page.contains(r#"<link rel="canonical" href="https://uji.example/2019/02/asli/">"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<meta http-equiv="refresh" content="0; url=/2019/02/asli/">"#),
        "{page}"
    );
    assert!(page.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(page.contains(r#"<a href="/2019/02/asli/">Kim tiba di Hanoi</a>"#));
    assert!(
        !page.contains("Dong Dang"),
        "the copy's text is not published"
    );
    assert!(common::broken_links(&site.output(), "/").is_empty());
}

#[test]
fn a_mark_naming_no_briefing_is_an_error_at_its_line() {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/2019/02/asli.md",
        &[("title", "Asli"), ("date", "2019-02-26")],
        "Isi.",
    );
    site.briefing(
        "content/salah.md",
        &[
            ("title", "Salah"),
            ("date", "2019-02-26"),
            ("duplicate_of", "2019/asli.md"),
        ],
        "Isi.",
    );
    site.briefing(
        "content/diri.md",
        &[
            ("title", "Diri"),
            ("date", "2019-02-26"),
            ("duplicate_of", "diri.md"),
        ],
        "Isi.",
    );
    site.briefing(
        "content/berantai.md",
        &[
            ("title", "Berantai"),
            ("date", "2019-02-26"),
            ("duplicate_of", "content/tengah.md"),
        ],
        "Isi.",
    );
    site.briefing(
        "content/tengah.md",
        &[
            ("title", "Tengah"),
            ("date", "2019-02-26"),
            ("duplicate_of", "content/2019/02/asli.md"),
        ],
        "Isi.",
    );
    site.briefing(
        "content/keluar.md",
        &[
            ("title", "Keluar"),
            ("date", "2019-02-26"),
            ("duplicate_of", "../site.yaml"),
        ],
        "Isi.",
    );
    let errors: Vec<String> = site.build_errors().iter().map(|e| format!("{e}")).collect();
    let shown = errors.join("\n");
    for wanted in [
        "content/salah.md:4:15: `content/2019/asli.md` is no briefing of this site",
        "did you mean `content/2019/02/asli.md`?",
        "content/diri.md:4:15: a briefing cannot be a copy of itself",
        "content/berantai.md:4:15: `content/tengah.md` is itself a copy of `content/2019/02/asli.md`",
        "content/keluar.md:4:15: `../site.yaml` is not the path of a briefing under content/",
    ] {
        assert!(shown.contains(wanted), "{wanted}\nnot in\n{shown}");
    }
    assert_eq!(errors.len(), 4, "{shown}");
    assert!(!site.output().exists(), "nothing is published");
}

/// A raw article beside the briefing made from it is an error, unless the briefing is marked
/// a copy: then a warning, and the story is published once.
#[test]
fn a_raw_article_and_its_marked_copy_are_a_warning() {
    let site = TestSite::new(CONFIG);
    site.write(
        "content/mentah.txt",
        "Kim Tiba di Hanoi\n\nHanoi, Selasa (26/2/2019) - Pemimpin Korea Utara Kim Jong Un tiba \
         di Hanoi dengan kereta lapis baja untuk bertemu Presiden AS Donald Trump.\n",
    );
    site.briefing(
        "content/2019/kim.md",
        &[("title", "Kim Tiba di Hanoi"), ("date", "2019-02-26")],
        "Kim tiba dengan kereta.",
    );
    let errors = site.build_errors();
    assert!(
        format!("{}", errors[0]).contains("the site would publish it twice"),
        "{errors:?}"
    );
    site.briefing(
        "content/2019/kim.md",
        &[
            ("title", "Kim Tiba di Hanoi"),
            ("date", "2019-02-26"),
            ("duplicate_of", "mentah.txt"),
        ],
        "Kim tiba dengan kereta.",
    );
    let report = site.build();
    assert_eq!(report.briefings, 1);
    let warnings: Vec<String> = report.warnings.iter().map(|w| format!("{w}")).collect();
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "content/mentah.txt:1:1: this raw article is the story content/2019/kim.md tells"
        ) && w.contains("marked `duplicate_of`: it is published once")),
        "{warnings:?}"
    );
    let pages: Vec<String> = common::files(&site.output())
        .into_keys()
        .filter(|p| p.starts_with("2019/02/"))
        .collect();
    assert_eq!(
        pages,
        ["2019/02/kim/index.html", "2019/02/mentah/index.html"],
        "the copy's own address leads to the raw article's"
    );
    assert!(
        site.read("2019/02/kim/index.html")
            .contains("url=/2019/02/mentah/")
    );
    assert!(site.read("index.html").contains("lapis baja"));
}

/// A copy whose address is its original's makes no page of its own, and no clash.
#[test]
fn a_copy_at_its_originals_address_makes_no_page() {
    let site = TestSite::new(CONFIG);
    for (folder, mark) in [("desk", None), ("arsip", Some("desk/kim.md"))] {
        let mut front_matter = vec![("title", "Kim"), ("date", "2019-02-26")];
        front_matter.extend(mark.map(|m| ("duplicate_of", m)));
        site.briefing(&format!("content/{folder}/kim.md"), &front_matter, "Isi.");
    }
    site.build();
    let pages: Vec<String> = common::files(&site.output())
        .into_keys()
        .filter(|p| p.starts_with("2019/02/"))
        .collect();
    assert_eq!(pages, ["2019/02/kim/index.html"]);
    assert!(!site.read("2019/02/kim/index.html").contains("http-equiv"));
}
