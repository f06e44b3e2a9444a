//! Raw articles as tools other than an editor's save them: Windows-1252 or UTF-16 bytes,
//! lines ended by a bare carriage return, a rule drawn above the text. Each builds into its
//! page; only the guessed encoding gets a warning, and front matter an editor wrote in a
//! `.txt` is still checked strictly.

use std::path::Path;
use std::process::Command;

use crate::common::TestSite;

const STORY: &str = "Kim Tiba di Hanoi Naik Kereta\n\nCNN Indonesia | Selasa, 26/02/2019 10:15 WIB\n\n\
    Jakarta, CNN Indonesia -- Pemimpin Korea Utara Kim Jong-un tiba di Hanoi setelah menempuh \
    perjalanan kereta lebih dari dua hari dari Pyongyang.\n\n\
    Kim disambut pejabat Vietnam di stasiun perbatasan Dong Dang sebelum melanjutkan perjalanan \
    dengan mobil.\n";

fn write_bytes(site: &TestSite, path: &str, bytes: &[u8]) {
    let path = site.root().join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn build(site: &TestSite) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .arg("build")
        .arg("--root")
        .arg(site.root())
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn page(site: &TestSite, slug: &str) -> String {
    site.read(&format!("2019/02/{slug}/index.html"))
}

#[test]
fn files_in_other_encodings_and_line_ends_build_into_their_pages() {
    let site = TestSite::new("title: Uji\nsearch: false\n");
    // Windows-1252: curly quotes and an accented letter, as an old Windows tool saves them.
    let cp1252 = STORY.replace(
        "Vietnam di",
        "Vietnam \u{201c}dengan hangat\u{201d} di kafé",
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&cp1252);
    assert!(!unmappable);
    write_bytes(&site, "content/windows.txt", &bytes);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        STORY
            .replace("Naik Kereta", "Lewat Dong Dang")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    write_bytes(&site, "content/utf16.txt", &utf16);
    let mac = STORY.replace("Naik Kereta", "Setelah Dua Hari");
    write_bytes(&site, "content/mac.txt", mac.replace('\n', "\r").as_bytes());
    // A rule above the text, and a headline between two rules: neither is front matter.
    site.write(
        "content/rule.txt",
        &format!("---\n{}", STORY.replace("Naik Kereta", "dari Pyongyang")),
    );
    site.write(
        "content/rules.txt",
        &format!(
            "---\n{}---\nBaca juga: Trump tiba di Hanoi\n",
            STORY.replace("Naik Kereta", "untuk KTT")
        ),
    );
    let (built, stderr) = build(&site);
    assert!(built, "{stderr}");

    let windows = page(&site, "windows");
    assert!(windows.contains("<h1>Kim Tiba di Hanoi Naik Kereta</h1>"));
    assert!(
        windows.contains("\u{201c}dengan hangat\u{201d} di kafé"),
        "{windows}"
    );
    let warning = format!("{}:7:", Path::new("content").join("windows.txt").display());
    let warned: Vec<&str> = stderr.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(warned.len(), 1, "{stderr}");
    assert!(
        warned[0].starts_with(&warning) && warned[0].contains("read as Windows-1252"),
        "{stderr}"
    );
    assert!(stderr.contains("then save the file as UTF-8"), "{stderr}");

    for (slug, title) in [
        ("utf16", "Kim Tiba di Hanoi Lewat Dong Dang"),
        ("mac", "Kim Tiba di Hanoi Setelah Dua Hari"),
        ("rule", "Kim Tiba di Hanoi dari Pyongyang"),
        ("rules", "Kim Tiba di Hanoi untuk KTT"),
    ] {
        let html = page(&site, slug);
        assert!(
            html.contains(&format!("<h1>{title}</h1>")),
            "{slug}: {html}"
        );
        assert!(
            html.contains("<time datetime=\"2019-02-26T10:15:00+07:00\">"),
            "{slug}: {html}"
        );
        assert!(html.contains("stasiun perbatasan Dong Dang"), "{slug}");
    }
}

#[test]
fn what_is_not_text_and_unclosed_front_matter_are_still_errors() {
    let site = TestSite::new("title: Uji\nsearch: false\n");
    write_bytes(
        &site,
        "content/gambar.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\x01\xff",
    );
    site.write(
        "content/lupa.txt",
        &format!("---\ntitle: Kim Tiba\ndate: 2019-02-26\n{STORY}"),
    );
    let (built, stderr) = build(&site);
    assert!(!built);
    assert!(
        stderr.contains(&format!(
            "{}:1:1: cannot read: this is not UTF-8 text",
            Path::new("content").join("gambar.txt").display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}:1:1: front matter starts with `---` but has no closing `---` line",
            Path::new("content").join("lupa.txt").display()
        )),
        "{stderr}"
    );
}

/// `kabar import` takes what scrapers save besides text: a page's HTML (`.html`, `.htm`) and a
/// record (`.json`), read as the build reads them; other files in the folder are left alone.
#[test]
fn import_takes_saved_pages_and_records() {
    let site = TestSite::new("title: Uji\nsearch: false\n");
    site.write(
        "inbox/halaman.html",
        "<html><head><meta property=\"og:title\" content=\"Kim Tiba di Hanoi Naik Kereta\">\
         <meta property=\"article:published_time\" content=\"2019-02-26T10:15:00+07:00\"></head>\
         <body><h1>Kim Tiba di Hanoi Naik Kereta</h1><p>Pemimpin Korea Utara Kim Jong-un tiba \
         di Hanoi setelah menempuh perjalanan kereta dari Pyongyang.</p><p>Ia disambut pejabat \
         Vietnam di stasiun perbatasan.</p></body></html>",
    );
    site.write(
        "inbox/lama.HTM",
        "<html><head><meta property=\"og:title\" content=\"Trump Mendarat di Hanoi\">\
         <meta name=\"publishdate\" content=\"2019/02/26 21:00:00\"></head><body><p>Presiden \
         Amerika Serikat Donald Trump mendarat di Hanoi untuk pertemuan kedua dengan Kim.</p>\
         <p>Pesawatnya tiba di bandara Noi Bai.</p></body></html>",
    );
    site.write(
        "inbox/rekaman.json",
        r#"{"title": "KTT Hanoi Berakhir Tanpa Kesepakatan", "date_publish": "2019-02-28 15:30:00", "maintext": "Pertemuan Kim Jong-un dan Donald Trump di Hanoi berakhir lebih cepat tanpa kesepakatan.\n\nKedua pihak berselisih soal sanksi."}"#,
    );
    site.write("inbox/foto.jpg", "bukan artikel");
    let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(["import", "inbox", "--root"])
        .arg(site.root())
        .current_dir(site.root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (path, title, date) in [
        (
            "content/2019/kim-tiba-di-hanoi-naik-kereta.md",
            "Kim Tiba di Hanoi Naik Kereta",
            "2019-02-26T10:15:00+07:00",
        ),
        (
            "content/2019/trump-mendarat-di-hanoi.md",
            "Trump Mendarat di Hanoi",
            "2019-02-26T21:00:00+07:00",
        ),
        (
            "content/2019/ktt-hanoi-berakhir-tanpa-kesepakatan.md",
            "KTT Hanoi Berakhir Tanpa Kesepakatan",
            "2019-02-28T15:30:00+07:00",
        ),
    ] {
        let markdown = std::fs::read_to_string(site.root().join(path))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            markdown.contains(&format!("title: {title}\n")),
            "{markdown}"
        );
        assert!(markdown.contains(&format!("date: {date}\n")), "{markdown}");
        assert!(!markdown.contains('<'), "{markdown}");
    }
    assert_eq!(
        std::fs::read_dir(site.root().join("content/2019"))
            .unwrap()
            .count(),
        3
    );
}

/// An article whose encoding was guessed is imported as UTF-8 Markdown, and the guess is
/// said, since the editor reviews what `kabar import` wrote.
#[test]
fn import_says_when_it_guessed_an_encoding() {
    let site = TestSite::new("title: Uji\nsearch: false\n");
    let text = STORY.replace("Vietnam di", "Vietnam \u{201c}dengan hangat\u{201d} di");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    write_bytes(&site, "inbox/lama.txt", &bytes);
    let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(["import", "inbox/lama.txt", "--root"])
        .arg(site.root())
        .current_dir(site.root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}:7:30: warning: this file is not UTF-8 text",
            Path::new("inbox").join("lama.txt").display()
        )),
        "{stderr}"
    );
    let markdown = std::fs::read_to_string(
        site.root()
            .join("content/2019/kim-tiba-di-hanoi-naik-kereta.md"),
    )
    .unwrap();
    assert!(
        markdown.contains("\u{201c}dengan hangat\u{201d}"),
        "{markdown}"
    );
}
