//! A sitemap holds at most 50,000 addresses: a larger site gets a sitemap index and parts,
//! each valid by the sitemaps.org protocol (checked with the JDK's XML Schema validator,
//! which `scripts/test` installs; elsewhere the check is skipped, but never under CI=true).

use crate::common;
use std::path::Path;
use std::process::Command;

use crate::common::{TestSite, sitemap_locs};

const SCHEMAS: &str = "tests/fixtures/sitemaps";

/// A site of `n` briefings, one a page (`paginate: 1`) on twenty tags each: about 23 pages a
/// briefing, so a few thousand briefings pass the limit.
fn site_of(n: usize) -> TestSite {
    let site = TestSite::new(
        "title: Uji\nbase_url: https://uji.example/\npaginate: 1\nfeed: 1\nsearch: false\n",
    );
    let tags: Vec<String> = (0..20).map(|t| format!("Topik {t}")).collect();
    let tags = format!("[{}]", tags.join(", "));
    for k in 0..n {
        let date = format!(
            "{}-{:02}-{:02} {:02}:00",
            2015 + k % 8,
            1 + k % 12,
            1 + k / 96 % 28,
            k % 24
        );
        site.briefing(
            &format!("content/k{k:05}.md"),
            &[
                ("title", &format!("Kabar {k}")),
                ("date", &date),
                ("tags", &tags),
            ],
            "Isi.",
        );
    }
    site
}

/// Problems the validator finds in `files` against `schema`; `None` where Java is missing.
fn invalid(schema: &str, files: &[&Path]) -> Option<String> {
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true but Java is missing: run the tests with `bash scripts/test`");
        }
        eprintln!("skipped: Java is missing; `bash scripts/test` installs it");
        return None;
    }
    let out = Command::new("java")
        .arg(format!("{SCHEMAS}/Validate.java"))
        .arg(format!("{SCHEMAS}/{schema}"))
        .args(files)
        .output()
        .unwrap();
    Some(match out.status.success() {
        true => String::new(),
        false => {
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr)
        }
    })
}

#[test]
fn a_site_past_fifty_thousand_addresses_gets_a_sitemap_index() {
    let site = site_of(2300);
    site.build();
    let out = site.output();
    let index = site.read("sitemap.xml");
    assert!(
        index.contains("<sitemapindex "),
        "{}",
        &index[..index.len().min(500)]
    );
    let parts = sitemap_locs(&index);
    assert_eq!(
        parts,
        [
            "https://uji.example/sitemap-1.xml",
            "https://uji.example/sitemap-2.xml"
        ]
    );
    let first = sitemap_locs(&site.read("sitemap-1.xml"));
    let second = sitemap_locs(&site.read("sitemap-2.xml"));
    assert_eq!(first.len(), 50_000);
    let html_pages = common::files(&out)
        .into_keys()
        .filter(|p| p.ends_with(".html") && p != "404.html")
        .count();
    assert_eq!(
        first.len() + second.len(),
        html_pages,
        "every page listed once"
    );
    assert!(
        site.read("robots.txt")
            .contains("Sitemap: https://uji.example/sitemap.xml")
    );
    let parts = [out.join("sitemap-1.xml"), out.join("sitemap-2.xml")];
    let parts: Vec<&Path> = parts.iter().map(|p| p.as_path()).collect();
    if let Some(problems) = invalid("urlset.xsd", &parts) {
        assert_eq!(problems, "", "the parts are valid sitemaps");
        let problems = invalid("sitemapindex.xsd", &[&out.join("sitemap.xml")]).unwrap();
        assert_eq!(problems, "", "the index is a valid sitemap index");
    }
}

#[test]
fn a_small_site_has_one_valid_sitemap() {
    let site = site_of(30);
    site.build();
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<urlset "));
    assert!(!site.output().join("sitemap-1.xml").exists());
    if let Some(problems) = invalid("urlset.xsd", &[&site.output().join("sitemap.xml")]) {
        assert_eq!(problems, "");
    }
}
