//! The output does not depend on how many threads built it: an archive built on one thread
//! and on four is the same, byte for byte, search index included.

use std::path::Path;
use std::process::Command;

use crate::common::{TestSite, files};

/// 600 briefings whose tags, sources, places, related lists and search shards all have
/// something to sort, and a few raw articles.
fn archive() -> TestSite {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\nsearch: true\n");
    for n in 0..600 {
        let date = format!(
            "{}-{:02}-{:02} {:02}:{:02}",
            2017 + n % 4,
            1 + n % 12,
            1 + n % 28,
            n % 24,
            n % 60
        );
        let tags = format!("[Topik {}, Tokoh {}, Tempat {}]", n % 17, n % 5, n % 11);
        site.briefing(
            &format!("content/{}/k{n:03}.md", 2017 + n % 4),
            &[
                (
                    "title",
                    &format!("Kabar {n} tentang perundingan nomor {}", n % 9),
                ),
                ("date", &date),
                ("tags", &tags),
                ("source", ["Kompas", "Antara", "Tempo"][n % 3]),
                ("dateline", ["Seoul", "Jakarta", "Hanoi"][n % 3]),
            ],
            &format!(
                "Perundingan babak {n} membahas sanksi dan bantuan pangan. Delegasi {} hadir.",
                n % 13
            ),
        );
    }
    for n in 0..5 {
        site.write(
            &format!("content/raw/{n}.txt"),
            &format!(
                "Kim Tiba di Hanoi {n}\n\nCNN Indonesia | Selasa, 26/02/2019 21:0{n} WIB\n\n\
                 Jakarta, CNN Indonesia -- Kim Jong-un tiba di Hanoi dengan kereta.\n"
            ),
        );
    }
    site
}

fn build_with_threads(root: &Path, out: &Path, threads: usize) {
    let status = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .status()
        .unwrap();
    assert!(status.success(), "the build on {threads} threads failed");
}

#[test]
fn one_thread_and_four_build_the_same_bytes() {
    let site = archive();
    let (one, four) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build_with_threads(site.root(), &one.path().join("public"), 1);
    build_with_threads(site.root(), &four.path().join("public"), 4);
    let (a, b) = (
        files(&one.path().join("public")),
        files(&four.path().join("public")),
    );
    assert!(a.len() > 1000, "{} files", a.len());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    let differing: Vec<&String> = a
        .iter()
        .filter(|(p, bytes)| b[*p] != **bytes)
        .map(|(p, _)| p)
        .collect();
    assert!(differing.is_empty(), "differ: {differing:?}");
}
