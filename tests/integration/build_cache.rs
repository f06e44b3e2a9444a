//! `kabar build` after an edit reuses the cache the last build left beside the output: it
//! parses the edited file alone and renders only the pages whose key changed. The site it
//! writes is the one a cold build writes, and a cache that is lost, damaged or out of step
//! with the output only means a cold build.

use std::fs;
use std::path::PathBuf;

use crate::common::{self, TestSite};

const BRIEFINGS: usize = 8;

fn briefing(n: usize, title: &str, closing: &str) -> String {
    let tags = ["Korea Utara", "Sanksi", "KTT"][n % 3];
    format!(
        "---\ntitle: {title}\ndate: 2019-02-{:02} 10:00\ntags: [{tags}, Diplomasi]\n---\n\n\
         Paragraf pembuka kabar {n}. Kalimat kedua.\n\n{closing}\n",
        n + 1
    )
}

fn site() -> TestSite {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\npaginate: 3\n");
    for n in 0..BRIEFINGS {
        site.write(
            &format!("content/k{n}.md"),
            &briefing(n, &format!("Kabar {n}"), "Penutup."),
        );
    }
    site
}

fn cache_file(site: &TestSite) -> PathBuf {
    site.root().join(".public.kabar-cache")
}

fn assert_as_cold(site: &TestSite, step: &str) {
    let built = common::files(&site.output());
    common::assert_same(step, &built, &common::fresh_build(site));
}

#[test]
fn an_edit_parses_one_file_and_renders_only_the_pages_it_reaches() {
    let site = site();
    let first = site.build();
    assert_eq!(
        first.made_anew.files, BRIEFINGS,
        "a first build parses every file"
    );
    assert_eq!(first.made_anew.pages, first.pages);

    site.write(
        "content/k3.md",
        &briefing(3, "Kabar 3", "Penutup yang baru."),
    );
    let body = site.build();
    assert_eq!(body.made_anew.files, 1, "only the edited file is parsed");
    assert!(
        body.made_anew.pages >= 1 && body.made_anew.pages < body.pages / 2,
        "a body edit renders its page and the feeds, not {} of {} pages",
        body.made_anew.pages,
        body.pages
    );
    assert!(
        site.read("2019/02/k3/index.html")
            .contains("Penutup yang baru.")
    );
    assert_as_cold(&site, "a body edit");

    site.write("content/k5.md", &briefing(5, "Kabar Lima Baru", "Penutup."));
    let title = site.build();
    assert_eq!(title.made_anew.files, 1);
    assert!(
        title.made_anew.pages < title.pages,
        "a title edit keeps some pages"
    );
    assert!(site.read("index.html").contains("Kabar Lima Baru"));
    assert_as_cold(&site, "a title edit");

    site.write(
        "templates/partials/card.html",
        "<p class=\"kartu\">{{ b.title }}</p>\n",
    );
    let template = site.build();
    assert_eq!(
        template.made_anew.files, BRIEFINGS,
        "a template edit reads all again"
    );
    assert_eq!(template.made_anew.pages, template.pages);
    assert_as_cold(&site, "a template edit");
}

#[test]
fn a_lost_or_damaged_cache_means_a_cold_build() {
    type Damage = fn(&PathBuf);
    let damages: [(&str, Damage); 4] = [
        ("lost", |file| fs::remove_file(file).unwrap()),
        ("cut short", |file| {
            let bytes = fs::read(file).unwrap();
            fs::write(file, &bytes[..bytes.len() - 10]).unwrap();
        }),
        ("garbage", |file| fs::write(file, "not a cache").unwrap()),
        // The index is whole, but the bodies before it are not what was written.
        ("bodies overwritten", |file| {
            let mut bytes = fs::read(file).unwrap();
            let footer = bytes.len() - 24;
            let index = u64::from_le_bytes(bytes[footer..footer + 8].try_into().unwrap());
            bytes[..footer - index as usize].fill(b'x');
            fs::write(file, bytes).unwrap();
        }),
    ];
    for (what, damage) in damages {
        let site = site();
        site.build();
        damage(&cache_file(&site));
        // A new title shows on its neighbours' pages, which read their bodies back.
        site.write("content/k0.md", &briefing(0, "Kabar Nol Baru", "Penutup."));
        let report = site.build();
        assert_eq!(report.made_anew.files, BRIEFINGS, "{what}: a cold build");
        assert_as_cold(&site, what);
        site.write("content/k0.md", &briefing(0, "Kabar Nol", "Penutup."));
        let again = site.build();
        assert_eq!(again.made_anew.files, 1, "{what}: the cache is whole again");
        assert_as_cold(&site, what);
    }
}

#[test]
fn pages_changed_in_the_output_since_the_last_build_are_rendered_again() {
    use std::os::unix::fs::PermissionsExt;
    let site = site();
    site.build();
    let home = site.output().join("index.html");
    let page = site.output().join("2019/02/k1/index.html");
    // A page the edit below does not reach: only its changed file tells it must be written.
    let untouched = site.output().join("2019/02/k3/index.html");
    let tag = site.output().join("tags/sanksi/index.html");
    let mode = fs::metadata(&tag).unwrap().permissions().mode();
    fs::write(&home, "diubah").unwrap();
    fs::remove_file(&page).unwrap();
    fs::write(&untouched, "diubah").unwrap();
    fs::set_permissions(&tag, fs::Permissions::from_mode(0o777)).unwrap();
    site.write("content/k7.md", &briefing(7, "Kabar 7", "Penutup lain."));
    let report = site.build();
    assert_eq!(report.made_anew.files, 1, "the briefings are still reused");
    assert!(
        report.made_anew.pages < report.pages,
        "pages nobody touched are still kept"
    );
    assert_as_cold(&site, "pages changed by hand");
    assert!(page.is_file(), "a page removed by hand is written again");
    let now = fs::metadata(&tag).unwrap().permissions().mode();
    assert_eq!(now, mode, "a page whose mode changed is written again");
}

#[test]
fn a_raw_article_dated_by_its_file_time_is_read_again_when_only_its_time_changes() {
    let site = site();
    site.write(
        "site.yaml",
        "title: Uji\nbase_url: https://uji.example/\npaginate: 3\nraw:\n  undated: mtime\n",
    );
    let raw = "content/tanpa-tanggal.txt";
    site.write(
        raw,
        "Kim Tiba di Hanoi\n\nKim Jong-un tiba di Hanoi dengan kereta.\n",
    );
    let set_time = |path: &str, rfc3339: &str| {
        let at = chrono::DateTime::parse_from_rfc3339(rfc3339).unwrap();
        let file = fs::File::options()
            .write(true)
            .open(site.root().join(path))
            .unwrap();
        file.set_modified(at.into()).unwrap();
    };
    set_time(raw, "2019-03-01T10:00:00+07:00");
    site.build();
    assert!(site.output().join("2019/03").is_dir());

    // Only times change, so the stamp alone would see nothing new: an edit makes the build run.
    set_time(raw, "2020-05-02T10:00:00+07:00");
    set_time("content/k1.md", "2021-01-01T10:00:00+07:00");
    site.write("content/k2.md", &briefing(2, "Kabar 2", "Penutup lain."));
    let report = site.build();
    assert_eq!(
        report.made_anew.files, 2,
        "the article dated by its time and the edited file; not the Markdown file whose \
         time alone changed"
    );
    assert!(
        site.output().join("2020/05").is_dir(),
        "dated by its new time"
    );
    assert_as_cold(&site, "a raw article's time changed");

    // Its time alone changed: the stamp counts the time of an article dated by it.
    set_time(raw, "2021-07-03T10:00:00+07:00");
    let report = site.build();
    assert!(
        !report.unchanged,
        "a new time is a change for an article dated by it"
    );
    assert_eq!(report.made_anew.files, 1);
    assert!(
        site.output().join("2021/07").is_dir(),
        "dated by its newest time"
    );
    assert_as_cold(&site, "only a raw article's time changed");
}

/// Each file and folder of the output, by path, as (inode, change time): what tells that a
/// build left it as it was.
fn identities(site: &TestSite, paths: &[&str]) -> Vec<(u64, i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    paths
        .iter()
        .map(|path| {
            let meta = fs::symlink_metadata(site.output().join(path)).unwrap();
            (meta.ino(), meta.ctime(), meta.ctime_nsec())
        })
        .collect()
}

/// After an edit, only the files whose bytes changed are moved into the last output: the
/// folders and pages the edit does not reach are the very ones the last build left (a swap
/// of a whole new folder would have made them all anew), files the site no longer has are
/// removed with their folders, and the stamp, told what was published rather than walking
/// the output, is right: the build after finds nothing changed.
#[test]
fn an_edit_is_published_in_place_leaving_the_rest_untouched() {
    let site = site();
    site.build();
    let untouched = ["2019", "2019/02", "2019/02/k1", "2019/02/k1/index.html"];
    let before = identities(&site, &untouched);
    site.write(
        "content/k3.md",
        &briefing(3, "Kabar 3", "Penutup yang baru."),
    );
    site.build();
    assert!(
        site.read("2019/02/k3/index.html")
            .contains("Penutup yang baru.")
    );
    assert_eq!(identities(&site, &untouched), before, "left as they were");
    assert!(
        site.build().unchanged,
        "the stamp names the output as it is"
    );

    fs::remove_file(site.root().join("content/k7.md")).unwrap();
    site.build();
    assert!(!site.output().join("2019/02/k7").exists());
    // Its folder's folder lost an entry; the others are as they were.
    let (page_and_folder, left) = (&untouched[2..], &before[2..]);
    assert_eq!(identities(&site, page_and_folder), left);
    assert!(site.build().unchanged);
    assert_as_cold(&site, "a briefing removed");
}

/// An output changed by hand since the last build (a file added in a page's folder or at
/// the top, a folder replaced by a link to a copy elsewhere) is not patched: the build
/// after an edit swaps in a whole new folder, as a cold build leaves it, and never writes
/// through the link.
#[test]
fn an_output_changed_by_hand_is_made_anew_after_an_edit() {
    type Change = fn(&TestSite, &std::path::Path);
    let changes: [(&str, Change); 3] = [
        ("a file added in a page's folder", |site, _| {
            fs::write(site.output().join("2019/02/k1/catatan.txt"), "x").unwrap();
        }),
        ("a file added at the top", |site, _| {
            fs::write(site.output().join("catatan.txt"), "x").unwrap();
        }),
        ("a folder replaced by a link", |site, elsewhere| {
            let folder = site.output().join("2019/02/k3");
            fs::rename(&folder, elsewhere.join("k3")).unwrap();
            std::os::unix::fs::symlink(elsewhere.join("k3"), &folder).unwrap();
        }),
    ];
    for (what, change) in changes {
        let site = site();
        let elsewhere = tempfile::tempdir().unwrap();
        site.build();
        let outside = fs::read(site.output().join("2019/02/k3/index.html")).unwrap();
        change(&site, elsewhere.path());
        site.write(
            "content/k3.md",
            &briefing(3, "Kabar 3", "Penutup yang baru."),
        );
        let report = site.build();
        assert_eq!(report.made_anew.files, 1, "{what}: the cache is still used");
        let k3 = fs::symlink_metadata(site.output().join("2019/02/k3")).unwrap();
        assert!(k3.is_dir(), "{what}: a folder of the site's own");
        if let Ok(copy) = fs::read(elsewhere.path().join("k3/index.html")) {
            assert_eq!(copy, outside, "{what}: nothing written through the link");
        }
        assert_as_cold(&site, what);
    }
}
