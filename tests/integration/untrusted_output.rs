//! A build trusts nothing it did not just make: an edit that keeps a file's size and time is
//! still an edit, and what was done to the last output (a `chmod`, an edit in place, a file
//! of a search shard deleted, corrupted or planted, a link to a folder elsewhere) never
//! reaches the next one.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};
use std::time::SystemTime;

use crate::common::{TestSite, files, succeeded};

fn build(site: &TestSite, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .arg("build")
        .args(args)
        .current_dir(site.root())
        .output()
        .unwrap();
    succeeded(out)
}

fn said(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Writes `text` to `path` under the site and sets its modification time to `time`.
fn write_at(site: &TestSite, path: &str, text: &str, time: SystemTime) {
    let file = site.root().join(path);
    fs::write(&file, text).unwrap();
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

fn site(search: bool) -> TestSite {
    let site = TestSite::new(&format!(
        "title: Uji\nbase_url: https://uji.example/\npaginate: 5\nsearch: {search}\n"
    ));
    site.briefing(
        "content/a.md",
        &[("title", "AAA"), ("date", "2019-01-01")],
        "Isi pertama tentang perundingan.",
    )
    .briefing(
        "content/b.md",
        &[("title", "Kabar B"), ("date", "2020-03-01")],
        "Isi kedua tentang pertemuan.",
    );
    site
}

/// The whole output, after it was built again from nothing: what every build must leave.
fn assert_as_cold(site: &TestSite, what: &str) {
    let out = site.root().join("public");
    let warm = files(&out);
    fs::remove_dir_all(&out).unwrap();
    build(site, &[]);
    assert_eq!(files(&out), warm, "{what}: not what a cold build gives");
}

/// `sed` then `touch -r`, `cp -p`, a same-size change to a template or to `paginate`, two
/// saves within a second: sizes and times stay, the bytes do not.
#[test]
fn edits_that_keep_size_and_time_are_still_built() {
    let site = site(false);
    site.write("templates/404.html", "<!doctype html><title>Hilang</title>");
    build(&site, &[]);
    let root = site.root();
    let cases: [(&str, &str, &str); 3] = [
        ("content/a.md", "AAA", "BBB"),
        ("templates/404.html", "Hilang", "Tiada!"),
        ("site.yaml", "paginate: 5", "paginate: 6"),
    ];
    for (path, from, to) in cases {
        let time = modified(&root.join(path));
        let text = fs::read_to_string(root.join(path)).unwrap();
        write_at(&site, path, &text.replace(from, to), time);
        let out = build(&site, &[]);
        assert!(said(&out).starts_with("built "), "{path}: {}", said(&out));
        assert_as_cold(&site, path);
    }
    let page = site.read("2019/01/a/index.html");
    assert!(page.contains("BBB") && !page.contains("AAA"));
}

/// The output edited in place, keeping the page's size and time, or `chmod`ed: the next
/// build sees it, and writes the page anew with kabar's own bytes and mode.
#[test]
fn an_output_changed_in_place_is_written_anew() {
    let site = site(false);
    build(&site, &[]);
    let out = site.root().join("public");
    let page = out.join("index.html");
    let time = modified(&page);
    let original = fs::read(&page).unwrap();
    let mut tampered = original.clone();
    tampered[..15].copy_from_slice(b"<!-- diubah -->");
    fs::write(&page, &tampered).unwrap();
    fs::File::options()
        .write(true)
        .open(&page)
        .unwrap()
        .set_modified(time)
        .unwrap();
    let again = build(&site, &[]);
    assert!(said(&again).starts_with("built "), "{}", said(&again));
    assert_eq!(fs::read(&page).unwrap(), original);

    let style = out.join("style.css");
    let kabar_mode = fs::metadata(out.join("404.html")).unwrap().mode() & 0o7777;
    fs::set_permissions(&style, fs::Permissions::from_mode(0o000)).unwrap();
    let again = build(&site, &[]);
    assert!(said(&again).starts_with("built "), "{}", said(&again));
    assert_eq!(fs::metadata(&style).unwrap().mode() & 0o7777, kabar_mode);
    // And after an edit elsewhere, still.
    site.briefing(
        "content/a.md",
        &[("title", "AAA"), ("date", "2019-01-01")],
        "Isi yang diubah.",
    );
    build(&site, &[]);
    assert_eq!(fs::metadata(&style).unwrap().mode() & 0o7777, kabar_mode);
}

/// A page of the old output replaced by a link to a file elsewhere (with the very bytes kabar
/// would write) or linked from elsewhere: never linked into the new output.
#[test]
fn links_in_the_old_output_are_not_carried_on() {
    let site = site(false);
    build(&site, &[]);
    let out = site.root().join("public");
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().join("style.css");
    fs::copy(out.join("style.css"), &outside).unwrap();
    fs::remove_file(out.join("style.css")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("style.css")).unwrap();
    let kept = elsewhere.path().join("index.html");
    fs::hard_link(out.join("index.html"), &kept).unwrap();
    build(&site, &["--force"]);
    let style = fs::symlink_metadata(out.join("style.css")).unwrap();
    assert!(style.file_type().is_file(), "a plain file, not a link");
    assert_ne!(style.ino(), fs::metadata(&outside).unwrap().ino());
    let home = fs::metadata(out.join("index.html")).unwrap();
    assert_ne!(home.ino(), fs::metadata(&kept).unwrap().ino());
    assert_eq!(home.nlink(), 1);
}

/// The search shard of 2019, as the last build left it, tampered with in each way; the
/// next build (a briefing of 2020 edited, so 2019's shard would be reused) gives what a
/// cold build gives, and nothing of the outside folder.
#[test]
fn search_shards_are_reused_only_as_they_were_written() {
    let site = site(true);
    build(&site, &[]);
    let shard = site.root().join("public/pagefind/2019");
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join("rahasia.txt"), "rahasia").unwrap();
    let first_in = |folder: &str| {
        let mut names: Vec<_> = fs::read_dir(shard.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        names.remove(0)
    };
    let tamperings: [(&str, &dyn Fn()); 5] = [
        ("a fragment deleted", &|| {
            fs::remove_file(first_in("fragment")).unwrap();
        }),
        ("an index file corrupted", &|| {
            let file = first_in("index");
            let mut bytes = fs::read(&file).unwrap();
            bytes[0] ^= 0xff;
            fs::write(&file, bytes).unwrap();
        }),
        ("a file planted", &|| {
            fs::write(shard.join("fragment/tanam.pf_fragment"), "tanam").unwrap();
        }),
        ("a link planted", &|| {
            std::os::unix::fs::symlink(elsewhere.path(), shard.join("luar")).unwrap();
        }),
        ("the shard replaced by a link", &|| {
            let moved = elsewhere.path().join("2019");
            fs::rename(&shard, &moved).unwrap();
            std::os::unix::fs::symlink(&moved, &shard).unwrap();
        }),
    ];
    for (n, (what, tamper)) in tamperings.iter().enumerate() {
        tamper();
        site.briefing(
            "content/b.md",
            &[("title", "Kabar B"), ("date", "2020-03-01")],
            &format!("Isi kedua, suntingan {n}."),
        );
        build(&site, &[]);
        let published = files(&site.root().join("public"));
        assert!(
            !published
                .keys()
                .any(|p| p.contains("tanam") || p.contains("luar")),
            "{what}"
        );
        assert!(
            fs::symlink_metadata(&shard).unwrap().file_type().is_dir(),
            "{what}"
        );
        assert_as_cold(&site, what);
    }
}

/// `--force` indexes every shard again, whatever their stamps say.
#[test]
fn force_builds_the_search_index_again() {
    let site = site(true);
    build(&site, &[]);
    site.briefing(
        "content/b.md",
        &[("title", "Kabar B"), ("date", "2020-03-01")],
        "Isi kedua yang diubah.",
    );
    let again = build(&site, &["--verbose"]);
    assert!(
        said(&again).contains("search index: 1 shard indexed, 1 reused"),
        "{}",
        said(&again)
    );
    assert_as_cold(&site, "a shard reused");
    let forced = build(&site, &["--force", "--verbose"]);
    assert!(
        said(&forced).contains("search index: 2 shards indexed, 0 reused"),
        "{}",
        said(&forced)
    );
}
