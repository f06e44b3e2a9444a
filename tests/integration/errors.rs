//! Bad input: a clear `path:line:col: message`, every problem at once, and the old site untouched.

use crate::common::{TestSite, files};

const CONFIG: &str = "title: Uji\nbase_url: https://uji.example/\n";

fn good_site() -> TestSite {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/baik.md",
        &[("title", "Baik"), ("date", "2019-01-01 10:00")],
        "Isi.",
    );
    site.build();
    site
}

/// Breaks a built site with `change`, and checks the build fails with `expected` in its report
/// while `public/` stays exactly as it was.
fn assert_fails_cleanly(change: impl FnOnce(&TestSite), expected: &[&str]) {
    let site = good_site();
    let before = files(&site.output());
    change(&site);
    let errors = site.build_errors();
    let report: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let report = report.join("\n");
    for text in expected {
        assert!(report.contains(text), "expected `{text}` in:\n{report}");
    }
    // An editor reads these: no parser jargon.
    for jargon in [
        "usize",
        "end of stream",
        "expected key",
        "invalid type",
        "unknown field",
    ] {
        assert!(!report.contains(jargon), "`{jargon}` in:\n{report}");
    }
    assert_eq!(
        files(&site.output()),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(".public")
                && ![".public.kabar-stamp", ".public.kabar-cache"].contains(&n.as_str())
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn bad_yaml() {
    assert_fails_cleanly(
        |s| {
            s.write(
                "content/rusak.md",
                "---\ntitle: Rusak\ntags: [a, b\ndate: 2019-01-01\n---\nIsi.",
            );
        },
        &["content/rusak.md:4:"],
    );
}

#[test]
fn bad_date() {
    assert_fails_cleanly(
        |s| {
            s.briefing(
                "content/tanggal.md",
                &[("title", "T"), ("date", "31/12/2019")],
                "Isi.",
            );
        },
        &[
            "content/tanggal.md:3:7: cannot read the date `31/12/2019`",
            "hint:",
        ],
    );
}

#[test]
fn missing_date() {
    assert_fails_cleanly(
        |s| {
            s.briefing("content/tanpa.md", &[("title", "T")], "Isi.");
        },
        &[
            "content/tanpa.md:1:1: this briefing has no date",
            "date: 2019-12-31",
        ],
    );
}

#[test]
fn unknown_front_matter_key() {
    assert_fails_cleanly(
        |s| {
            s.briefing(
                "content/kunci.md",
                &[("title", "T"), ("date", "2019-01-01"), ("tagz", "[a]")],
                "Isi.",
            );
        },
        &[
            "content/kunci.md:4:1: unknown key `tagz`: did you mean `tags`?",
            "front matter keys are",
        ],
    );
}

#[test]
fn unknown_site_yaml_key() {
    assert_fails_cleanly(
        |s| {
            s.write(
                "site.yaml",
                "title: Uji\nbase_url: https://uji.example/\npaginat: 5\n",
            );
        },
        &["site.yaml:3:1: unknown key `paginat`: did you mean `paginate`?"],
    );
}

/// What an Indonesian desk writes, and what another generator's habit writes, named as it is.
#[test]
fn mistakes_an_editor_makes_are_named_in_their_words() {
    let cases: [(&str, &str); 6] = [
        (
            "---\ntitle: A\n\tdate: 2019-01-01\n---\nIsi.\n",
            "content/x.md:3:1: this line is indented with a tab",
        ),
        (
            "---\ntitle A\ndate: 2019-01-01\n---\nIsi.\n",
            "content/x.md:2:1: `title A` has no `:` between its key and its value",
        ),
        (
            "---\ntitle: A\ndate 2019-01-01\n---\nIsi.\n",
            "content/x.md:3:1: `date 2019-01-01` has no `:`",
        ),
        (
            "+++\ntitle = \"A\"\ndate = 2019-01-01\n+++\nIsi.\n",
            "content/x.md:1:1: this front matter is TOML",
        ),
        (
            "{\n\"title\": \"A\"\n}\nIsi.\n",
            "content/x.md:1:1: this front matter is JSON",
        ),
        (
            "---\njudul: A\ntanggal: 2019-01-01\n---\nIsi.\n",
            "content/x.md:2:1: unknown key `judul`: did you mean `title`?",
        ),
    ];
    for (text, expected) in cases {
        assert_fails_cleanly(
            |s| {
                s.write("content/x.md", text);
            },
            &[expected],
        );
    }
    assert_fails_cleanly(
        |s| {
            s.write("site.yaml", "judul: Uji\n");
        },
        &["site.yaml:1:1: unknown key `judul`: did you mean `title`?"],
    );
}

#[test]
fn two_briefings_with_one_url_name_both_files() {
    assert_fails_cleanly(
        |s| {
            s.briefing(
                "content/x/baik.md",
                &[("title", "Kembar"), ("date", "2019-01-05")],
                "Isi.",
            );
        },
        &[
            "content/x/baik.md",
            "content/baik.md",
            "/2019/01/baik/index.html",
        ],
    );
}

#[test]
fn a_briefing_taking_a_generated_page_is_blamed() {
    let site = TestSite::new("permalink: /:slug/\n");
    site.briefing(
        "content/t.md",
        &[("date", "2019-01-01"), ("slug", "tags")],
        "Isi.",
    );
    let errors = site.build_errors();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].path.ends_with("content/t.md"), "{}", errors[0]);
}

#[test]
fn slug_cannot_climb_out_of_the_output() {
    assert_fails_cleanly(
        |s| {
            s.briefing(
                "content/jahat.md",
                &[("date", "2019-01-01"), ("slug", "../../x")],
                "Isi.",
            );
        },
        &["content/jahat.md:3:7: slug `../../x`"],
    );
}

#[test]
fn template_syntax_error() {
    assert_fails_cleanly(
        |s| {
            s.write("templates/tag.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ tag.name \n{% endblock content %}");
        },
        &["templates/tag.html:"],
    );
}

#[test]
fn template_rendering_error() {
    assert_fails_cleanly(
        |s| {
            s.write("templates/404.html", "ok\n{{ no_such_variable.field }}\n");
        },
        &["templates/404.html:2:"],
    );
}

#[test]
fn every_problem_is_reported_together() {
    let site = good_site();
    site.briefing("content/satu.md", &[("date", "kemarin")], "Isi.")
        .briefing(
            "content/dua.md",
            &[("date", "2019-01-01"), ("slug", "A B")],
            "Isi.",
        )
        .write("templates/index.html", "{% if %}");
    let errors = site.build_errors();
    let paths: Vec<String> = errors
        .iter()
        .map(|e| e.path.display().to_string())
        .collect();
    assert!(
        paths.iter().any(|p| p.ends_with("content/satu.md")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("content/dua.md")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("templates/index.html")),
        "{paths:?}"
    );
}

#[test]
fn unreadable_bytes_are_an_error_not_a_panic() {
    assert_fails_cleanly(
        |s| {
            std::fs::write(s.root().join("content/biner.md"), [0x80, 0x00, 0xff, 0x00]).unwrap();
        },
        &["content/biner.md:1:1: cannot read"],
    );
}

#[test]
fn output_folder_that_holds_the_site_is_refused() {
    let site = good_site();
    let options = kabar::Options {
        output: Some(site.root().to_path_buf()),
        ..site.options()
    };
    let err = kabar::build(&options).unwrap_err().to_string();
    assert!(err.contains("holds the site's own files"), "{err}");
    assert!(site.root().join("content/baik.md").exists());
}

#[test]
fn check_reports_broken_links_with_their_line() {
    let site = good_site();
    site.briefing(
        "content/tautan.md",
        &[("date", "2019-02-01")],
        "Baris satu.\n\nLihat [hilang](/2019/99/tidak-ada/).",
    );
    let err = kabar::check(&site.options()).unwrap_err();
    let kabar::BuildError::Site(errors) = err else {
        panic!("expected site errors")
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    let text = errors[0].to_string();
    // Line 7: three front matter lines, a blank line, then the body.
    assert!(
        text.starts_with("content/tautan.md:7:7: link to `/2019/99/tidak-ada/`"),
        "{text}"
    );
}

#[test]
fn errors_speak_an_editors_words() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "site.yaml",
            "title: Uji\nbase_url: https://uji.example/\npaginate: ten\n",
            &[
                "site.yaml:3:",
                "paginate: the text \"ten\", expected a whole number",
            ],
        ),
        (
            "content/bulan.md",
            "---\ntitle: T\ndate: 2019-13-45\n---\nIsi.\n",
            &["content/bulan.md:3:7: cannot read the date `2019-13-45`: there is no month 13"],
        ),
        (
            "content/hari.md",
            "---\ntitle: T\ndate: 2019-02-30 25:00\n---\nIsi.\n",
            &[
                "content/hari.md:3:7: cannot read the date `2019-02-30 25:00`: February 2019 has 28 days",
            ],
        ),
        (
            "content/zona.md",
            "---\ntitle: T\ndate: 2019-12-31 18:19 EST\n---\nIsi.\n",
            &[
                "content/zona.md:3:7:",
                "does not know the time zone `EST`; it knows WIB, WITA, WIT",
            ],
        ),
        (
            "site.yaml",
            "base_url: https://uji.example/\ntitle: \"Uji\npaginate: 5\nfeed: 5\n",
            &[
                "site.yaml:2:8: this value opens a quote `\"` that is never closed",
                "hint: end the value",
            ],
        ),
        (
            "content/kutip.md",
            "---\ntitle: \"KTT Hanoi\ndate: 2019-01-01\ntags: [a]\n---\nIsi.\n",
            &["content/kutip.md:2:8: this value opens a quote `\"` that is never closed"],
        ),
        (
            "content/dua.md",
            "---\ntitle: A\ndate: 2019-01-01\ntitle: B\n---\nIsi.\n",
            &[
                "content/dua.md:4:1: `title` is given twice",
                "hint: keep one of them",
            ],
        ),
        (
            "content/titik.md",
            "---\ntitle: A\ndate 2019-01-01\ntags: [a]\n---\nIsi.\n",
            &["content/titik.md:3:1: `date 2019-01-01` has no `:` between its key and its value"],
        ),
        (
            "templates/briefing.html",
            "{% extends \"base.html\" %}{% block content %}<h1>{{ briefing.titel }}</h1>{% endblock content %}",
            &[
                "templates/briefing.html:1:",
                "Field `titel` is not defined",
                "Did you mean `title`?",
            ],
        ),
    ];
    for (file, text, expected) in cases {
        assert_fails_cleanly(
            |s| {
                s.write(file, text);
            },
            expected,
        );
    }
}
