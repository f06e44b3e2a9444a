//! The output folder: a build replaces only what kabar wrote, follows a symlinked folder to
//! its target, and leaves nothing behind, not even after a build killed midway.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{TestSite, files};

/// What a build leaves beside `public`: the inputs it was built from.
const STAMP: &str = ".public.kabar-stamp";
const CACHE: &str = ".public.kabar-cache";

fn site() -> TestSite {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\nsearch: false\n");
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2019-01-01")],
        "Isi.",
    );
    site
}

/// `kabar build` run from the site folder, as an editor would, so `-o` paths are relative to it.
fn build(site: &TestSite, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kabar"))
        .arg("build")
        .args(args)
        .current_dir(site.root())
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_output_that_is_a_file_is_kept_and_refused() {
    let site = site();
    let target = site.root().join("site.yaml");
    let before = std::fs::read(&target).unwrap();
    let output = build(&site, &["-o", "site.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(text.contains("this is a file, not a folder"), "{text}");
    assert!(text.contains("hint: name a folder"), "{text}");
    assert_eq!(std::fs::read(&target).unwrap(), before);
    assert!(
        !names(site.root()).iter().any(|n| n.starts_with('.')),
        "{:?}",
        names(site.root())
    );
}

#[test]
fn a_folder_kabar_did_not_write_is_kept_unless_forced() {
    let site = site();
    site.write("p/d/t.tex", "\\documentclass{article}");
    let output = build(&site, &["-o", "p"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("holds files kabar did not write (such as `d`)"),
        "{text}"
    );
    assert!(text.contains("--force"), "{text}");
    assert!(site.root().join("p/d/t.tex").is_file());
    // With --force it is replaced; after that it is kabar's, and later builds need no flag.
    assert!(build(&site, &["-o", "p", "--force"]).status.success());
    assert!(!site.root().join("p/d").exists());
    assert!(build(&site, &["-o", "p"]).status.success());
    assert!(site.root().join("p/2019/01/a/index.html").is_file());
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_folder_updates_its_target() {
    let site = site();
    let target = tempfile::tempdir().unwrap();
    let www = target.path().join("www");
    std::fs::create_dir(&www).unwrap();
    std::os::unix::fs::symlink(&www, site.root().join("public")).unwrap();
    for _ in 0..2 {
        let output = build(&site, &[]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let link = std::fs::symlink_metadata(site.root().join("public")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert!(www.join("2019/01/a/index.html").is_file());
    assert_eq!(
        names(target.path()),
        ["www"],
        "nothing left beside the target"
    );
    assert!(
        names(site.root()).contains(&STAMP.to_string()),
        "the stamp is beside the link"
    );
}

#[test]
fn a_dot_output_path_leaves_no_staging_folder() {
    let site = site();
    for _ in 0..2 {
        assert!(build(&site, &["-o", "public/."]).status.success());
    }
    assert!(site.root().join("public/2019/01/a/index.html").is_file());
    let hidden: Vec<String> = names(site.root())
        .into_iter()
        .filter(|n| n.starts_with(".p") && n != STAMP && n != CACHE)
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
    assert!(
        !names(&site.root().join("public"))
            .iter()
            .any(|n| n.contains("staging"))
    );
}

#[test]
fn staging_folders_of_killed_builds_are_removed_by_the_next_build() {
    let site = site();
    site.build();
    // What `kill -9` during a build leaves: a process id that no longer runs.
    site.write(".public.staging-999999999/2019/x.html", "setengah");
    site.write(".public.old-999999999/index.html", "lama");
    site.write(".public.shelf-999999999", "<p>isi</p>");
    site.build();
    let left: Vec<String> = names(site.root())
        .into_iter()
        .filter(|n| n.starts_with(".public") && n != STAMP && n != CACHE)
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(files(&site.output()).contains_key("2019/01/a/index.html"));
}

#[cfg(unix)]
#[test]
fn a_read_only_output_is_still_replaced_and_the_leftover_named() {
    use std::os::unix::fs::PermissionsExt;
    let site = site();
    site.build();
    let public = site.root().join("public");
    let writable = |dir: &Path, yes: bool| {
        std::fs::set_permissions(
            dir,
            std::fs::Permissions::from_mode(if yes { 0o755 } else { 0o555 }),
        )
        .unwrap();
    };
    writable(&public, false);
    // Where permissions do not bind (root), there is nothing to show.
    let bound = std::fs::write(public.join("probe"), "").is_err();
    let _ = std::fs::remove_file(public.join("probe"));
    if bound {
        site.briefing(
            "content/a.md",
            &[("title", "A baru"), ("date", "2019-01-01")],
            "Isi.",
        );
        let output = build(&site, &[]);
        let text = stderr(&output);
        assert!(output.status.success(), "{text}");
        assert!(
            text.contains("warning: the site is published, but its previous copy"),
            "{text}"
        );
        assert!(site.read("2019/01/a/index.html").contains("A baru"));
        for old in names(site.root())
            .into_iter()
            .filter(|n| n.starts_with(".public.old"))
        {
            writable(&site.root().join(old), true);
        }
    } else {
        writable(&public, true);
        eprintln!("skipped: permissions do not bind this user (root)");
    }
}

#[test]
fn a_rebuild_leaves_unchanged_files_untouched_so_deploys_send_only_changes() {
    let site = site();
    site.briefing(
        "content/b.md",
        &[("title", "B"), ("date", "2018-01-01")],
        "Isi lain.",
    )
    .write("static/logo.svg", "<svg/>");
    assert!(build(&site, &[]).status.success());
    let out = site.root().join("public");
    let modified = |path: &str| {
        std::fs::metadata(out.join(path))
            .unwrap()
            .modified()
            .unwrap()
    };
    let before: Vec<_> = ["2018/01/b/index.html", "logo.svg", "2019/01/a/index.html"]
        .iter()
        .map(|p| modified(p))
        .collect();
    let before_files = files(&out);
    std::thread::sleep(std::time::Duration::from_millis(50));
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2019-01-01")],
        "Isi yang diubah.",
    );
    assert!(build(&site, &[]).status.success());
    // Unchanged: the other briefing's page and the static file keep their time.
    assert_eq!(modified("2018/01/b/index.html"), before[0]);
    assert_eq!(modified("logo.svg"), before[1]);
    // Changed: written anew.
    assert_ne!(modified("2019/01/a/index.html"), before[2]);
    assert!(
        std::fs::read_to_string(out.join("2019/01/a/index.html"))
            .unwrap()
            .contains("Isi yang diubah.")
    );
    // The rest of the site is what a cold build gives.
    let after = files(&out);
    assert_eq!(after.len(), before_files.len());
    std::fs::remove_dir_all(&out).unwrap();
    assert!(build(&site, &[]).status.success());
    assert_eq!(files(&out), after);
}

/// Every file of `dir` with its modification time and inode: what a deploy tool compares.
fn identities(dir: &Path) -> Vec<(String, std::time::SystemTime, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut all: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let meta = e.metadata().unwrap();
            let at = e.path().strip_prefix(dir).unwrap().display().to_string();
            (at, meta.modified().unwrap(), meta.ino())
        })
        .collect();
    all.sort();
    all
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_rebuild_with_nothing_changed_touches_nothing_and_repeats_the_warnings() {
    let site = site();
    // A link to a page the site does not have: a warning on every build.
    site.briefing(
        "content/b.md",
        &[("title", "B"), ("date", "2018-01-01")],
        "Lihat [ini](/tidak-ada/).",
    );
    let first = build(&site, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("tidak-ada"), "{}", stderr(&first));
    let out = site.root().join("public");
    let before = identities(&out);
    let again = build(&site, &[]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).starts_with("nothing changed since the last build"),
        "{}",
        stdout(&again)
    );
    assert_eq!(stderr(&again), stderr(&first), "the same warnings again");
    assert_eq!(
        identities(&out),
        before,
        "no file written, moved or replaced"
    );
    assert!(names(site.root()).contains(&STAMP.to_string()));
    assert!(!out.join(STAMP).exists(), "the stamp is never published");
    let verbose = build(&site, &["--verbose"]);
    assert!(
        stdout(&verbose).contains("tags; nothing written\n"),
        "{}",
        stdout(&verbose)
    );
}

/// What changed, how to change it, and the options to build with after.
type Change<'a> = (&'a str, &'a dyn Fn(&TestSite), &'a [&'a str]);

#[test]
fn a_rebuild_runs_in_full_when_anything_it_reads_has_changed() {
    let site = site();
    let out = site.root().join("public");
    let changes: [Change; 9] = [
        (
            "a briefing",
            &|s| {
                s.briefing(
                    "content/a.md",
                    &[("title", "A2"), ("date", "2019-01-01")],
                    "Isi.",
                );
            },
            &[],
        ),
        (
            "a new briefing",
            &|s| {
                s.briefing(
                    "content/c.md",
                    &[("title", "C"), ("date", "2019-02-01")],
                    "Isi.",
                );
            },
            &[],
        ),
        (
            "a removed briefing",
            &|s| {
                std::fs::remove_file(s.root().join("content/c.md")).unwrap();
            },
            &[],
        ),
        (
            "a template",
            &|s| {
                s.write("templates/404.html", "<!doctype html><title>Hilang</title>");
            },
            &[],
        ),
        (
            "site.yaml",
            &|s| {
                s.write(
                    "site.yaml",
                    "title: Uji Baru\nbase_url: https://uji.example/\nsearch: false\n",
                );
            },
            &[],
        ),
        (
            "a static file",
            &|s| {
                s.write("static/robots-extra.txt", "x");
            },
            &[],
        ),
        (
            "the command line",
            &|_| {},
            &["--base-url", "https://lain.example/"],
        ),
        (
            "a file removed from the output",
            &|s| {
                std::fs::remove_file(s.root().join("public/404.html")).unwrap();
            },
            &[],
        ),
        (
            "a page edited in the output",
            &|s| {
                s.write("public/index.html", "diubah");
            },
            &[],
        ),
    ];
    assert!(build(&site, &[]).status.success());
    for (what, change, args) in changes {
        change(&site);
        let rebuilt = build(&site, args);
        assert!(rebuilt.status.success(), "{what}: {}", stderr(&rebuilt));
        assert!(
            stdout(&rebuilt).starts_with("built "),
            "{what}: {}",
            stdout(&rebuilt)
        );
        // What the full build left is what a cold build gives.
        let warm = files(&out);
        std::fs::remove_dir_all(&out).unwrap();
        assert!(build(&site, args).status.success());
        assert_eq!(files(&out), warm, "{what}");
        let unchanged = build(&site, args);
        assert!(
            stdout(&unchanged).starts_with("nothing changed"),
            "{what}: {}",
            stdout(&unchanged)
        );
    }
}

/// An output folder that is a mount point (a docker bind mount) cannot be swapped whole: the
/// site is swapped in entry by entry inside it, with a warning that says so, and the result
/// is what a build into a plain folder gives. Needs a mount namespace (`unshare`, as root).
#[test]
fn a_mount_point_output_is_updated_in_place() {
    let site = site();
    let out = site.root().join("public");
    std::fs::create_dir_all(&out).unwrap();
    let kabar = env!("CARGO_BIN_EXE_kabar");
    let script = format!(
        "mount -t tmpfs tmpfs public || exit 77
         {kabar} build >/dev/null || exit 1
         printf -- '---\\ntitle: B\\ndate: 2019-02-01\\n---\\nIsi kedua.\\n' > content/b.md
         {kabar} build >/dev/null || exit 1
         tar -C public -cf - . "
    );
    let run = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", &script])
        .current_dir(site.root())
        .output();
    let run = match run {
        Ok(run) if run.status.code() != Some(77) && !stderr(&run).contains("unshare:") => run,
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI needs unshare and mount (run as root)")
        }
        _ => {
            eprintln!("skipped: no mount namespace here (unshare needs root)");
            return;
        }
    };
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("warning: this folder is a mount point"),
        "{}",
        stderr(&run)
    );
    // What was in the mount, against a build into a plain folder.
    let unpacked = tempfile::tempdir().unwrap();
    let mut tar = Command::new("tar")
        .args(["-C"])
        .arg(unpacked.path())
        .args(["-xf", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(tar.stdin.as_mut().unwrap(), &run.stdout).unwrap();
    assert!(tar.wait().unwrap().success());
    let in_mount = files(unpacked.path());
    assert!(in_mount.contains_key("2019/02/b/index.html"));
    assert!(
        !in_mount.keys().any(|k| k.starts_with(".kabar.")),
        "no staging left: {:?}",
        in_mount.keys().collect::<Vec<_>>()
    );
    assert!(build(&site, &[]).status.success());
    assert_eq!(in_mount, files(&out));
}
