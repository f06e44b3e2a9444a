//! Every HTML page of the example site passes the W3C Nu HTML checker (vnu.jar on Java).
//! `scripts/test` installs both; elsewhere the test skips, but never under CI=true.

use crate::common;
use std::path::PathBuf;
use std::process::Command;

/// The checker's jar, or `None` where it is not installed (a failure in CI).
fn vnu_jar() -> Option<PathBuf> {
    let jar = std::env::var_os("KABAR_VNU_JAR")
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    match (jar, java) {
        (Some(jar), true) => Some(jar),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "CI=true but Java or KABAR_VNU_JAR is missing: run the tests with `bash scripts/test`"
            )
        }
        _ => {
            eprintln!(
                "skipped: Java or the Nu HTML checker is missing; `bash scripts/test` installs them"
            );
            None
        }
    }
}

#[test]
fn example_site_pages_are_valid_html() {
    let Some(jar) = vnu_jar() else { return };
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let options = kabar::Options {
        output: Some(public.clone()),
        drafts: true,
        ..kabar::Options::new(common::example_root())
    };
    kabar::build(&options).unwrap_or_else(|e| panic!("{e}"));
    let pages = common::files(&public)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    assert!(pages > 50, "only {pages} pages to check");
    let result = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html"])
        .arg(&public)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&result.stderr);
    assert!(
        result.status.success() && report.trim().is_empty(),
        "invalid HTML:\n{report}"
    );
}
