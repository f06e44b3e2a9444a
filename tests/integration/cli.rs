//! The `kabar` binary: exit codes, messages, and each subcommand.

use crate::common;
use std::process::{Command, Output};

use crate::common::TestSite;

fn kabar(args: &[&str], site: &TestSite) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(args)
        .arg("--root")
        .arg(site.root())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn site() -> TestSite {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\n");
    site.briefing(
        "content/2019/hanoi.md",
        &[
            ("title", "KTT Hanoi"),
            ("date", "2019-02-28 14:00"),
            ("tags", "[KTT Hanoi, AS]"),
            ("source", "Kompas"),
            ("dateline", "Hanoi"),
        ],
        "Kim dan Trump berpisah tanpa kesepakatan.",
    )
    .briefing(
        "content/2018/singapura.md",
        &[("title", "KTT Singapura"), ("date", "2018-06-12 09:00")],
        "Jabat tangan.",
    )
    .briefing(
        "content/2020/draf.md",
        &[("title", "Draf"), ("date", "2020-01-01"), ("draft", "true")],
        "Belum.",
    );
    site
}

#[test]
fn build_prints_a_summary_and_exits_zero() {
    let site = site();
    let out = kabar(&["build"], &site);
    assert!(out.status.success(), "{}", stderr(&out));
    let line = stdout(&out);
    let re = regex::Regex::new(
        r"^built 2 briefings \(1 draft left out: --drafts shows it\), \d+ pages in \d+\.\d\d s into ",
    )
    .unwrap();
    assert!(re.is_match(&line), "{line}");
    assert!(site.output().join("2019/02/hanoi/index.html").exists());
    let verbose = kabar(&["build", "--verbose"], &site);
    assert!(
        stdout(&verbose).starts_with("2 tags; "),
        "{}",
        stdout(&verbose)
    );
    let quiet = kabar(&["build", "--quiet"], &site);
    assert!(quiet.status.success() && stdout(&quiet).is_empty());
}

/// `new`, `serve` and `watch` refuse a folder that is not a site as `build` does, writing
/// nothing and serving nothing.
#[test]
fn every_command_refuses_a_folder_that_is_not_a_site() {
    let folder = tempfile::tempdir().unwrap();
    for args in [
        &["new", "Judul Uji"][..],
        &["serve", "--port", "0"],
        &["watch"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
            .args(args)
            .arg("--root")
            .arg(folder.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("is not a kabar site"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!stdout(&out).contains("serving"), "{args:?}");
        assert_eq!(
            std::fs::read_dir(folder.path()).unwrap().count(),
            0,
            "{args:?}"
        );
    }
}

#[test]
fn build_refuses_a_folder_that_is_not_a_site() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("catatan.txt"), "bukan situs").unwrap();
    let typo = folder.path().join("salah-ketik");
    for root in [folder.path(), typo.as_path()] {
        let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
            .args(["build", "--root"])
            .arg(root)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = stderr(&out);
        assert!(text.contains("kabar init"), "{text}");
        assert!(!text.contains(":1:1:"), "no made-up position: {text}");
        assert!(!root.join("public").exists(), "nothing is written");
    }
    let text = stderr(
        &Command::new(env!("CARGO_BIN_EXE_kabar"))
            .args(["build", "--root"])
            .arg(folder.path())
            .output()
            .unwrap(),
    );
    assert!(
        text.contains("is not a kabar site: it has no site.yaml and no content/ folder"),
        "{text}"
    );
    let text = stderr(
        &Command::new(env!("CARGO_BIN_EXE_kabar"))
            .args(["build", "--root"])
            .arg(&typo)
            .output()
            .unwrap(),
    );
    assert!(text.contains("there is no such folder"), "{text}");
    assert!(!typo.exists());
}

#[test]
fn mistyped_commands_and_values_get_a_suggestion() {
    let site = site();
    let out = kabar(&["biuld"], &site);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("a similar subcommand exists: 'build'"),
        "{}",
        stderr(&out)
    );
    let out = kabar(&["list", "--format", "jsn"], &site);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("a similar value exists: 'json'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn counts_are_singular_for_one() {
    let site = TestSite::new("title: Uji\n");
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2019-01-01")],
        "Isi.",
    );
    let out = kabar(&["build", "--verbose"], &site);
    let text = stdout(&out);
    assert!(text.starts_with("0 tags; "), "{text}");
    assert!(text.contains("\nbuilt 1 briefing, "), "{text}");
}

#[test]
fn build_timings_name_every_stage_and_the_peak_memory() {
    let site = site();
    let output = kabar(&["build", "--timings"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let stages: Vec<&str> = text
        .lines()
        .filter(|l| l.ends_with(" s"))
        .filter_map(|l| l.split("  ").map(str::trim).find(|w| !w.is_empty()))
        .collect();
    assert_eq!(
        stages,
        [
            "config",
            "cache read",
            "inputs",
            "cache open",
            "discover",
            "parse",
            "templates",
            "archive",
            "plan",
            "cards",
            "render",
            "search index",
            "publish",
            "stamp",
            "cache write"
        ],
        "{text}"
    );
    if cfg!(target_os = "linux") {
        assert!(text.contains("peak memory"), "{text}");
    }
}

#[test]
fn build_options_output_base_url_drafts() {
    let site = site();
    let target = site.root().join("keluar");
    let out = kabar(
        &[
            "build",
            "--output",
            target.to_str().unwrap(),
            "--base-url",
            "https://lain.example/arsip/",
            "--drafts",
        ],
        &site,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(target.join("2020/01/draf/index.html").exists());
    let page = std::fs::read_to_string(target.join("2019/02/hanoi/index.html")).unwrap();
    assert!(page.contains("https://lain.example/arsip/2019/02/hanoi/"));
    assert!(!site.output().exists());
}

#[test]
fn content_errors_exit_one_with_location() {
    let site = site();
    site.briefing(
        "content/rusak.md",
        &[("title", "R"), ("date", "besok")],
        "x",
    );
    let out = kabar(&["build"], &site);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("content/rusak.md:3:7: cannot read the date `besok`"),
        "{err}"
    );
    assert!(err.contains("hint: "), "{err}");
}

#[test]
fn bad_usage_exits_two() {
    let site = site();
    assert_eq!(
        kabar(&["build", "--no-such-flag"], &site).status.code(),
        Some(2)
    );
    assert_eq!(
        kabar(&["list", "--format", "xml"], &site).status.code(),
        Some(2)
    );
    assert_eq!(kabar(&["frobnicate"], &site).status.code(), Some(2));
}

#[test]
fn every_command_has_help() {
    let site = site();
    for command in [
        "build", "list", "new", "init", "check", "serve", "watch", "import",
    ] {
        let out = kabar(&[command, "--help"], &site);
        assert!(out.status.success(), "{command}");
        // `init` makes its own folder: a --root would mean nothing there.
        assert_eq!(
            stdout(&out).contains("--root"),
            command != "init",
            "{command} --help and --root"
        );
    }
}

/// The archive generator of the benchmarks is a tool of the repository too: `--help` answers,
/// and a bad value is a usage error, not a panic.
#[test]
fn the_archive_generator_has_help_and_refuses_bad_values() {
    let generator = |args: &[&str]| {
        Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--example", "gen-archive", "--"])
            .args(args)
            .output()
            .unwrap()
    };
    let help = generator(&["--help"]);
    assert!(help.status.success(), "{}", stderr(&help));
    assert!(stdout(&help).contains("--words"), "{}", stdout(&help));
    let bad = generator(&["--out", "unused", "--words", "9-3"]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(stderr(&bad).contains("not a range"), "{}", stderr(&bad));
    assert!(!stderr(&bad).contains("panicked"), "{}", stderr(&bad));
}

#[test]
fn list_json_has_every_field_in_date_order() {
    let site = site();
    let out = kabar(&["list", "--format", "json"], &site);
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(records.len(), 2, "drafts are left out");
    let first = &records[0];
    assert_eq!(first["title"], "KTT Singapura", "oldest first");
    let hanoi = &records[1];
    for key in [
        "path", "url", "title", "date", "tags", "source", "dateline", "summary", "words", "draft",
    ] {
        assert!(hanoi.get(key).is_some(), "missing {key}");
    }
    assert_eq!(hanoi["path"], "content/2019/hanoi.md");
    assert_eq!(hanoi["url"], "https://uji.example/2019/02/hanoi/");
    assert_eq!(hanoi["date"], "2019-02-28T14:00:00+07:00");
    assert_eq!(
        hanoi["tags"],
        serde_json::json!(["KTT Hanoi", "Amerika Serikat"])
    );
    assert_eq!(hanoi["source"], "Kompas");
    assert_eq!(hanoi["dateline"], "Hanoi");
    assert_eq!(
        hanoi["summary"],
        "Kim dan Trump berpisah tanpa kesepakatan."
    );
    assert_eq!(hanoi["words"], 6);
    assert_eq!(hanoi["draft"], false);
    let with_drafts: Vec<serde_json::Value> =
        serde_json::from_slice(&kabar(&["list", "--drafts"], &site).stdout).unwrap();
    assert_eq!(with_drafts.len(), 3);
}

#[test]
fn list_csv() {
    let site = site();
    let out = kabar(&["list", "--format", "csv"], &site);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "path");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[1][2], "KTT Hanoi");
    assert_eq!(&rows[1][4], "KTT Hanoi; Amerika Serikat");
}

#[test]
fn list_reports_unreadable_files_and_lists_the_rest() {
    let site = site();
    site.briefing("content/rusak.md", &[("date", "x")], "x");
    let out = kabar(&["list"], &site);
    assert_eq!(out.status.code(), Some(1));
    let records: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(records.len(), 2);
    assert!(
        stderr(&out).contains("content/rusak.md:2:7"),
        "{}",
        stderr(&out)
    );
}

/// `list` names the addresses the built site has: two machine-named raw articles titled
/// alike get `kim-tiba-di-hanoi` and `kim-tiba-di-hanoi-2` in both, and a copy marked
/// `duplicate_of` is listed at the address that leads to its original.
#[test]
fn list_gives_every_briefing_the_address_the_build_gives_it() {
    let site = site();
    let raw = |day: &str| {
        format!(
            "Kim Tiba di Hanoi\n\nHanoi, {day}/2/2019) - Pemimpin Korea Utara Kim Jong Un \
             tiba di Hanoi dengan kereta untuk bertemu Presiden AS Donald Trump.\n"
        )
    };
    site.write("content/2019/20190226-0001.txt", &raw("Selasa (26"))
        .write("content/2019/20190227-0001.txt", &raw("Rabu (27"))
        .briefing(
            "content/2019/salinan.md",
            &[
                ("title", "Salinan KTT Hanoi"),
                ("date", "2019-03-01"),
                ("duplicate_of", "content/2019/hanoi.md"),
            ],
            "Kim dan Trump berpisah tanpa kesepakatan, sekali lagi.",
        );
    let built = kabar(&["build"], &site);
    assert!(built.status.success(), "{}", stderr(&built));
    let out = kabar(&["list"], &site);
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let urls: Vec<&str> = records.iter().filter_map(|r| r["url"].as_str()).collect();
    assert_eq!(records.len(), 5, "{urls:?}");
    for address in [
        "https://uji.example/2019/02/kim-tiba-di-hanoi/",
        "https://uji.example/2019/02/kim-tiba-di-hanoi-2/",
        "https://uji.example/2019/03/salinan/",
    ] {
        assert!(urls.contains(&address), "{address} in {urls:?}");
    }
    for url in urls {
        let page = url.trim_start_matches("https://uji.example/");
        assert!(
            site.output().join(page).join("index.html").is_file(),
            "`list` names {url}, which the build did not write"
        );
    }
}

#[test]
fn new_creates_a_dated_briefing_and_never_overwrites() {
    let site = site();
    let out = kabar(
        &[
            "new",
            "Kim Jong-un Serukan Langkah Ofensif",
            "--tags",
            "Korea Utara, AS",
        ],
        &site,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let year = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Jakarta)
        .format("%Y")
        .to_string();
    let path = site.root().join(format!(
        "content/{year}/kim-jong-un-serukan-langkah-ofensif.md"
    ));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("title: \"Kim Jong-un Serukan Langkah Ofensif\""));
    assert!(text.contains("tags: [\"Korea Utara\", \"AS\"]"));
    // A draft, with no empty keys to publish.
    assert!(text.contains("\ndraft: true\n"), "{text}");
    // And it says so, with how to see it and how to publish it.
    assert!(
        stdout(&out).contains("as a draft: preview it with `kabar serve --drafts`"),
        "{}",
        stdout(&out)
    );
    let empty_key = regex::Regex::new(r"(?m)^[a-z_]+:\s*$").unwrap();
    assert!(!empty_key.is_match(&text), "{text}");
    let built = kabar(&["build"], &site);
    assert!(built.status.success(), "a new briefing builds as is");
    assert!(stderr(&built).is_empty(), "a draft is not warned about");
    assert!(
        !common::files(&site.output())
            .keys()
            .any(|p| p.contains("kim-jong-un-serukan")),
        "a draft is not published"
    );
    // Published with its placeholder still in it: the build says so, at the line.
    std::fs::write(&path, text.replace("draft: true\n", "")).unwrap();
    let built = kabar(&["build"], &site);
    assert!(built.status.success());
    let warning = stderr(&built);
    let line = text
        .replace("draft: true\n", "")
        .lines()
        .position(|l| l.starts_with("Tulis paragraf"))
        .unwrap()
        + 1;
    assert!(
        warning.contains(&format!(
            ":{line}:1: warning: this published briefing still holds the placeholder text"
        )),
        "{warning}"
    );
    std::fs::write(&path, &text).unwrap();
    let again = kabar(&["new", "Kim Jong-un Serukan Langkah Ofensif"], &site);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn init_makes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("arsip");
    let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .arg("init")
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(target.join("site.yaml").exists());
    assert_eq!(
        std::fs::read_to_string(target.join(".gitignore")).unwrap(),
        "/public/\n/.public.*\n"
    );
    let build = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(["build", "--root"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(target.join("public/index.html").exists());
    let twice = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .arg("init")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(twice.status.code(), Some(1));
}

#[test]
fn check_writes_nothing_and_fails_on_broken_links() {
    let site = site();
    let ok = kabar(&["check"], &site);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(!site.output().exists(), "check writes nothing");
    site.briefing(
        "content/2019/tautan.md",
        &[("date", "2019-03-01")],
        "[x](/tidak/ada/)",
    );
    let bad = kabar(&["check"], &site);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("content/2019/tautan.md:5:1: link to `/tidak/ada/`"),
        "{}",
        stderr(&bad)
    );
}

/// A new site with no briefing yet has no search index: its search page links none of it.
#[test]
fn check_passes_a_site_with_no_briefings_yet() {
    let site = TestSite::new("title: Baru\nbase_url: https://baru.example/\n");
    site.write("content/.gitkeep", "");
    let ok = kabar(&["check"], &site);
    assert!(ok.status.success(), "{}", stderr(&ok));
    site.build();
    assert!(!site.read("search/index.html").contains("preload"));
}

#[test]
fn broken_links_are_warned_on_build_and_fail_it_when_strict() {
    let site = site();
    site.write(
        "content/tautan.md",
        "---\ntitle: Tautan\ndate: 2019-03-01\n---\nLihat [KTT](/2019/02/hanio/) dan\n![peta](/gambar/peta.png).\n\nJuga [Singapura](/2018/06/singapura/).\n",
    );
    let out = kabar(&["build"], &site);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(
        text.contains("content/tautan.md:5:7: warning: link to `/2019/02/hanio/` leads to no page or file of the site\n  hint: did you mean `/2019/02/hanoi/`?"),
        "{text}"
    );
    assert!(
        text.contains("content/tautan.md:6:1: warning: link to `/gambar/peta.png`")
            && text.contains("put `peta.png` under static/"),
        "{text}"
    );
    assert!(
        !text.contains("singapura"),
        "a good link is not warned about: {text}"
    );
    let strict = kabar(&["build", "--strict"], &site);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stderr(&strict).contains("content/tautan.md:5:7: link to `/2019/02/hanio/`"));
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}build:\n  strict: true\n"));
    assert_eq!(kabar(&["build"], &site).status.code(), Some(1));
}

/// A broken link's hint is built from the site's own addresses: a link to a briefing's
/// source file is told that briefing's address, a relative link gets a "did you mean", and
/// the example address is one of this site's.
#[test]
fn link_hints_come_from_the_sites_own_addresses() {
    let site = site();
    site.write(
        "content/2019/tautan.md",
        "---\ntitle: Tautan\ndate: 2019-03-01\n---\nLihat [KTT](hanoi.md), [lagi](../../02/hanio/) \
         dan [lain](/tidak-ada-sama-sekali/).\n",
    );
    let out = kabar(&["build"], &site);
    let text = stderr(&out);
    assert!(
        text.contains("link to `hanoi.md` leads to no page or file of the site\n  hint: `hanoi.md` is a briefing's source: link to its address, `/2019/02/hanoi/`"),
        "{text}"
    );
    assert!(
        text.contains("link to `../../02/hanio/`")
            && text.contains("did you mean `/2019/02/hanoi/`?"),
        "{text}"
    );
    assert!(!text.contains("ktt-hanoi"), "{text}");
    assert!(
        text.contains("link to another briefing by its address, e.g. /20"),
        "{text}"
    );
}

/// A file name (or a title, a tag) can carry a terminal's escape sequences: messages show
/// them escaped, so a file cannot retitle the window or hide a line of the report.
#[test]
fn control_characters_in_messages_are_shown_escaped() {
    let site = site();
    let name = "content/2019/jahat\u{1b}]0;diambil\u{7}\u{1b}[2K\r.md";
    site.write(name, "---\ntitle: Jahat\ndate: 31/02/2019\n---\nIsi.\n");
    let out = kabar(&["build"], &site);
    assert_eq!(out.status.code(), Some(1));
    let told = stderr(&out);
    assert!(!told.contains(['\u{1b}', '\u{7}', '\r']), "{told:?}");
    assert!(
        told.contains("content/2019/jahat\\u{1b}]0;diambil\\u{7}\\u{1b}[2K\\u{d}.md:3:7:"),
        "{told}"
    );
}

/// `kabar import content/*.txt` leaves one publishable copy of each story: the `.txt` moves
/// out of `content/` to `imported/`, and a `.md` named is refused rather than garbled.
#[test]
fn import_from_inside_content_leaves_one_copy_and_refuses_markdown() {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\nsearch: false\n");
    site.write(
        "content/mentah.txt",
        "Kim Tiba di Hanoi\n\nHanoi, Selasa (26/2/2019) - Pemimpin Korea Utara Kim Jong Un tiba \
         di Hanoi dengan kereta lapis baja untuk bertemu Presiden AS Donald Trump.\n",
    );
    site.briefing(
        "content/ada.md",
        &[("title", "Ada"), ("date", "2019-01-01")],
        "Isi.",
    );
    let raw = site.root().join("content/mentah.txt");
    let out = kabar(&["import", raw.to_str().unwrap()], &site);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("the .txt moved to"),
        "{}",
        stdout(&out)
    );
    assert!(!site.root().join("content/mentah.txt").exists());
    assert!(site.root().join("imported/mentah.txt").exists());
    let built = kabar(&["build"], &site);
    assert!(built.status.success(), "{}", stderr(&built));
    let pages: Vec<String> = common::files(&site.output())
        .into_keys()
        .filter(|p| p.starts_with("2019/02/"))
        .collect();
    assert_eq!(pages.len(), 1, "one copy of the story: {pages:?}");
    // The .txt put back beside its briefing: the same story twice is an error naming both.
    std::fs::copy(site.root().join("imported/mentah.txt"), &raw).unwrap();
    let twice = kabar(&["build"], &site);
    assert_eq!(twice.status.code(), Some(1));
    assert!(
        stderr(&twice).contains("content/mentah.txt:1:1: this raw article is the story content/2019/kim-tiba-di-hanoi.md tells"),
        "{}",
        stderr(&twice)
    );

    let markdown = site.root().join("content/ada.md");
    let refused = kabar(&["import", markdown.to_str().unwrap()], &site);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("content/ada.md:1:1: this is a Markdown briefing already"),
        "{}",
        stderr(&refused)
    );
}

/// A draft is never silently missing: a build without `--drafts` says how many it left out,
/// and with `--drafts` each draft is marked on its card and page, and kept out of indexes.
#[test]
fn drafts_are_counted_when_left_out_and_marked_when_shown() {
    let site = site();
    site.briefing(
        "content/2019/draf.md",
        &[
            ("title", "Belum Terbit"),
            ("date", "2019-03-01"),
            ("draft", "true"),
        ],
        "Isi draf.",
    );
    let out = kabar(&["build"], &site);
    assert!(
        stdout(&out).contains("built 2 briefings (2 drafts left out: --drafts shows them)"),
        "{}",
        stdout(&out)
    );
    let out = kabar(&["check"], &site);
    assert!(
        stdout(&out).contains("(2 drafts left out"),
        "{}",
        stdout(&out)
    );
    let home = std::fs::read_to_string(site.output().join("index.html")).unwrap();
    assert!(!home.contains("draft-mark") && !home.contains("Belum Terbit"));

    let out = kabar(&["build", "--drafts"], &site);
    assert!(!stdout(&out).contains("left out"), "{}", stdout(&out));
    let page = std::fs::read_to_string(site.output().join("2019/03/draf/index.html")).unwrap();
    assert!(
        page.contains(r#"<meta name="robots" content="noindex">"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<span class="draft-mark">Draf</span> Belum Terbit"#),
        "{page}"
    );
    let home = std::fs::read_to_string(site.output().join("index.html")).unwrap();
    assert!(
        home.contains(r#"<span class="draft-mark">Draf</span>"#),
        "{home}"
    );
    let published =
        std::fs::read_to_string(site.output().join("2019/02/hanoi/index.html")).unwrap();
    assert!(!published.contains("noindex") && !published.contains("draft-mark"));
}

/// One typo never blocks a desk's deploy when it asks: `--keep-going` (or `build.on_error:
/// skip`) leaves the broken briefing out with its error as a warning, publishes the rest, and
/// exits with 3 so scripts notice; without it the build stops and publishes nothing.
#[test]
fn keep_going_publishes_the_rest_and_exits_three() {
    let site = site();
    site.write(
        "content/2019/rusak.md",
        "---\ntitle: Rusak\ndate: 31/02/2019\n---\nIsi.\n",
    );
    let stopped = kabar(&["build"], &site);
    assert_eq!(stopped.status.code(), Some(1));
    assert!(!site.output().exists());

    let kept = kabar(&["build", "--keep-going"], &site);
    assert_eq!(kept.status.code(), Some(3), "{}", stderr(&kept));
    assert!(
        stderr(&kept).contains("content/2019/rusak.md:3:7: warning: left out of the site:"),
        "{}",
        stderr(&kept)
    );
    assert!(site.output().join("2019/02/hanoi/index.html").exists());
    // Again with nothing changed: the same warning and the same code.
    let again = kabar(&["build", "--keep-going"], &site);
    assert_eq!(again.status.code(), Some(3));
    assert!(
        stderr(&again).contains("left out of the site"),
        "{}",
        stderr(&again)
    );

    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}build:\n  on_error: skip\n"));
    let configured = kabar(&["build"], &site);
    assert_eq!(configured.status.code(), Some(3), "{}", stderr(&configured));
}

/// Run from a folder inside the site (as an editor in `content/2019/` does), a command finds
/// the site by looking up for its `site.yaml`, as git and cargo do.
#[test]
fn commands_find_their_site_from_a_folder_inside_it() {
    let site = site();
    let inside = site.root().join("content/2019");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kabar"))
            .args(args)
            .current_dir(&inside)
            .output()
            .unwrap()
    };
    let made = run(&["new", "Dari Dalam"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let year = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Jakarta)
        .format("%Y")
        .to_string();
    assert!(
        site.root()
            .join(format!("content/{year}/dari-dalam.md"))
            .is_file()
    );
    assert!(!inside.join("content").exists(), "no site inside the site");
    let built = run(&["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(site.output().join("2019/02/hanoi/index.html").is_file());
    assert!(!inside.join("public").exists());
}

/// Tags that look like one name written two ways split a subject's briefings between two
/// pages: `kabar check` names the pair and the `entities` line that joins them.
#[test]
fn check_warns_about_tags_that_look_like_one_name() {
    let site = site();
    site.briefing(
        "content/2019/pbb.md",
        &[
            ("title", "Sidang"),
            ("date", "2019-03-01"),
            ("tags", "[Lembaga Pengkajian Damai, KoreaUtara]"),
        ],
        "Isi.",
    )
    .briefing(
        "content/2019/pbb2.md",
        &[
            ("title", "Sidang lagi"),
            ("date", "2019-03-02"),
            ("tags", "[LPD, Korea Utara]"),
        ],
        "Isi.",
    )
    .briefing(
        "content/2019/pbb3.md",
        &[
            ("title", "Sidang ketiga"),
            ("date", "2019-03-03"),
            ("tags", "[LPD]"),
        ],
        "Isi.",
    );
    let out = kabar(&["check"], &site);
    assert!(out.status.success(), "{}", stderr(&out));
    let told = stderr(&out);
    assert!(
        told.contains("content/2019/pbb.md:4:7: warning: the tags `KoreaUtara` and `Korea Utara` look like one name"),
        "{told}"
    );
    assert!(
        told.contains(
            "join them in site.yaml: `entities: {\"LPD\": [\"Lembaga Pengkajian Damai\"]}`"
        ),
        "{told}"
    );
}

/// A raw article's address is made from its title: an editor correcting the title in front
/// matter moves it, and the build says so, with the `slug:` that keeps the old one.
#[test]
fn a_made_address_that_moves_is_told_with_the_slug_that_keeps_it() {
    let site = site();
    let raw = "Kim Tiba di Hanoi\n\nHanoi, Selasa (26/2/2019) - Pemimpin Korea Utara Kim Jong Un \
               tiba di Hanoi dengan kereta untuk bertemu Presiden AS Donald Trump.\n";
    site.write("content/2019/20190226-0001.txt", raw);
    let first = kabar(&["build"], &site);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(!stderr(&first).contains("address changed"));
    site.write(
        "content/2019/20190226-0001.txt",
        &format!("---\ntitle: Kim Jong Un Tiba di Hanoi\n---\n{raw}"),
    );
    let second = kabar(&["build"], &site);
    let told = stderr(&second);
    assert!(
        told.contains("content/2019/20190226-0001.txt:1:1: warning: its address changed from `/2019/02/kim-tiba-di-hanoi/` to `/2019/02/kim-jong-un-tiba-di-hanoi/`"),
        "{told}"
    );
    assert!(told.contains("add `slug: kim-tiba-di-hanoi`"), "{told}");
    // Told once: the next build has the new address as its own.
    let third = kabar(&["build", "--force"], &site);
    assert!(
        !stderr(&third).contains("address changed"),
        "{}",
        stderr(&third)
    );
}
