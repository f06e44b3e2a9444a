//! Sites holding raw articles: the seeds built as briefings, `kabar list` with what was
//! extracted, and `kabar import` writing reviewable Markdown.

use crate::common;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::{TestSite, listed_titles};

const SEED_000: &str = "000_32f762eadf0bc361.txt";
const SEED_004: &str = "004_b5c387cbb51c8ba0.txt";

fn seed_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn seed_site() -> TestSite {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\n");
    site.write(&format!("content/raw/{SEED_000}"), &seed_text(SEED_000))
        .write(&format!("content/raw/{SEED_004}"), &seed_text(SEED_004));
    site
}

fn kabar(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

const PAGE_000: &str =
    "2019/12/kim-jong-un-serukan-militer-korut-siapkan-langkah-ofensif/index.html";
const PAGE_004: &str =
    "2020/06/korea-utara-bersumpah-akan-meningkatkan-kekuatan-militernya/index.html";

#[test]
fn seeds_build_into_linked_briefing_pages() {
    let site = seed_site();
    site.build();
    let page = site.read(PAGE_000);
    assert!(page.contains("<h1>Kim Jong-un Serukan Militer Korut Siapkan Langkah Ofensif</h1>"));
    assert!(page.contains("<time datetime=\"2019-12-31T18:19:00+07:00\">"));
    assert!(page.contains(r#"<a class="dateline" href="/places/jakarta/">Jakarta</a>"#));
    assert!(page.contains(r#"<a href="/sources/cnn-indonesia/">CNN Indonesia</a>"#));
    assert!(page.contains(r#"<a href="https://www.cnnindonesia.com" rel="external">"#));
    assert!(page.contains("Mengutip: AFP, Associated Press"));
    // A desk's code is shown as one, not as a byline.
    assert!(page.contains("Kode redaksi dea") && !page.contains("Oleh dea"));
    for gone in [
        "Gambas",
        "TOPIK TERKAIT",
        "REKOMENDASI",
        "DETIKNETWORK",
        "(dea)",
    ] {
        assert!(!page.contains(gone), "{gone} on the page");
    }
    assert!(page.contains("href=\"/tags/kim-jong-un/\""));
    let page = site.read(PAGE_004);
    for gone in ["SCROLL TO CONTINUE", "Simak video"] {
        assert!(!page.contains(gone), "{gone} on the page");
    }
    // Both sit in the indexes: tags, timeline, feed.
    let tag = site.read("tags/korea-utara/index.html");
    assert_eq!(
        listed_titles(&tag),
        [
            "Korea Utara bersumpah akan meningkatkan kekuatan militernya",
            "Kim Jong-un Serukan Militer Korut Siapkan Langkah Ofensif",
        ]
    );
    assert!(
        site.read("tags/donald-trump/index.html")
            .contains("Korea Utara bersumpah")
    );
    assert!(
        site.read("timeline/2019/12/index.html")
            .contains("Kim Jong-un Serukan Militer")
    );
    assert!(
        site.read("timeline/2020/06/index.html")
            .contains("Korea Utara bersumpah")
    );
    let feed = common::parse_feed(&site.read("atom.xml"));
    assert_eq!(feed.entries.len(), 2);
}

#[test]
fn list_reports_extracted_fields_and_unreadable_files() {
    let site = seed_site();
    site.write(
        "content/raw/tanpa-tanggal.txt",
        "Judul Saja\n\nIsi tanpa tanggal.\n",
    );
    let out = kabar(&["list", "--format", "json"], site.root());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/raw/tanpa-tanggal.txt:1:1: no date found in this article"),
        "{stderr}"
    );
    let records: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let records = records.as_array().unwrap();
    assert_eq!(records.len(), 2);
    let first = &records[0];
    assert_eq!(first["path"], format!("content/raw/{SEED_000}"));
    assert_eq!(
        first["cited"],
        serde_json::json!(["AFP", "Associated Press"])
    );
    assert_eq!(first["author"], "dea");
    assert_eq!(
        first["inferred"],
        serde_json::json!([
            "date", "summary", "source", "dateline", "author", "cited", "tags"
        ])
    );
    // Where each value read from the text came from.
    assert_eq!(
        first["evidence"],
        serde_json::json!({"date": "header", "source": "header", "title": "first line"})
    );
    let second = &records[1];
    assert_eq!(
        second["evidence"],
        serde_json::json!({"date": "reported day", "source": "fingerprint", "title": "lead sentence"})
    );
    assert_eq!(second["author"], serde_json::Value::Null);
    let inferred: Vec<&str> = second["inferred"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in ["title", "date", "tags", "summary"] {
        assert!(inferred.contains(&field), "{inferred:?}");
    }
}

#[test]
fn list_as_csv_carries_the_new_columns() {
    let site = seed_site();
    let out = kabar(&["list", "--format", "csv"], site.root());
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let header = text.lines().next().unwrap();
    assert!(
        header.ends_with(",author,cited,inferred,evidence"),
        "{header}"
    );
    assert!(text.contains("AFP; Associated Press"));
    assert!(
        text.contains("date: header; source: header; title: first line"),
        "{text}"
    );
}

#[test]
fn front_matter_in_a_txt_overrides_what_was_read() {
    let site = TestSite::new("");
    site.write(
        "content/x.txt",
        &format!(
            "---\ntitle: Judul Redaksi\ntags: [Pleno]\n---\n{}",
            seed_text(SEED_000)
        ),
    );
    let out = kabar(&["list"], site.root());
    assert!(out.status.success());
    let records: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let record = &records[0];
    assert_eq!(record["title"], "Judul Redaksi");
    assert_eq!(record["tags"], serde_json::json!(["Pleno"]));
    assert_eq!(record["source"], "CNN Indonesia");
    let inferred = record["inferred"].as_array().unwrap();
    assert!(!inferred.iter().any(|f| f == "title" || f == "tags"));
}

#[test]
fn import_writes_reviewable_markdown_that_builds_the_same() {
    let raw = TestSite::new("");
    raw.write(&format!("inbox/{SEED_000}"), &seed_text(SEED_000))
        .write(&format!("inbox/{SEED_004}"), &seed_text(SEED_004));
    let site = TestSite::new("");
    let inbox = raw.root().join("inbox");
    let out = kabar(&["import", inbox.to_str().unwrap()], site.root());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(printed.lines().count(), 2, "{printed}");
    assert!(printed.contains("CNN Indonesia; Jakarta; by dea; citing AFP, Associated Press"));
    let written = site
        .root()
        .join("content/2019/kim-jong-un-serukan-militer-korut-siapkan-langkah-ofensif.md");
    let markdown = std::fs::read_to_string(&written).unwrap();
    assert!(
        markdown
            .starts_with("---\ntitle: Kim Jong-un Serukan Militer Korut Siapkan Langkah Ofensif\n")
    );
    assert!(markdown.contains("date: 2019-12-31T18:19:00+07:00\n"));
    assert!(
        markdown.contains("*Pemimpin Korea Utara Kim Jong-un. (AFP Photo/Kirill Kudryavtsev)*")
    );
    assert!(!markdown.contains("Gambas"));

    // The imported site lists the same fields as the raw one, now stated.
    let seeds = seed_site();
    let from_raw: serde_json::Value =
        serde_json::from_slice(&kabar(&["list"], seeds.root()).stdout).unwrap();
    let imported: serde_json::Value =
        serde_json::from_slice(&kabar(&["list"], site.root()).stdout).unwrap();
    for (a, b) in from_raw
        .as_array()
        .unwrap()
        .iter()
        .zip(imported.as_array().unwrap())
    {
        for field in [
            "title", "date", "tags", "source", "dateline", "author", "cited", "summary",
        ] {
            assert_eq!(a[field], b[field], "{field}");
        }
        assert_eq!(b["inferred"], serde_json::json!([]));
    }

    // Never overwrites without --force.
    std::fs::write(&written, "edited by hand").unwrap();
    let again = kabar(&["import", inbox.to_str().unwrap()], site.root());
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&written).unwrap(), "edited by hand");
    let forced = kabar(&["import", "--force", inbox.to_str().unwrap()], site.root());
    assert!(forced.status.success());
    assert_ne!(std::fs::read_to_string(&written).unwrap(), "edited by hand");
}

#[test]
fn import_into_a_chosen_folder_and_reports_missing_paths() {
    let site = TestSite::new("");
    site.write("a.txt", &seed_text(SEED_004));
    let into = site.root().join("review");
    let out = kabar(
        &[
            "import",
            site.root().join("a.txt").to_str().unwrap(),
            site.root().join("nope.txt").to_str().unwrap(),
            "--into",
            into.to_str().unwrap(),
        ],
        site.root(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.txt:1:1: no such file or folder"));
    assert!(
        into.join("2020/korea-utara-bersumpah-akan-meningkatkan-kekuatan-militernya.md")
            .exists()
    );
}

#[test]
fn raw_articles_whose_inferred_titles_clash_get_distinct_addresses() {
    let site = TestSite::new("title: Uji\nsearch: false\n");
    let text = "Jakarta, CNN Indonesia -- Pemerintah Korea Selatan mengumumkan rencana baru pada Selasa (31/12/2019) untuk membuka kembali dialog dengan Pyongyang.\n";
    for n in 0..300 {
        site.write(
            &format!("content/{n:03}_{:016x}.txt", 0xabc_u64 * (n + 1)),
            text,
        );
    }
    let report = site.build();
    assert_eq!(report.briefings, 300);
    let pages: Vec<String> = common::files(&site.output())
        .into_keys()
        .filter(|p| p.starts_with("2019/12/") && p.ends_with("/index.html"))
        .collect();
    assert_eq!(pages.len(), 300, "every article has its own page");
    // The first by path keeps the plain address; the rest are numbered, the same every build.
    let first = site.read("2019/12/pemerintah-korea-selatan-mengumumkan-rencana-baru-untuk-membuka-kembali-dialog/index.html");
    assert!(first.contains("Pemerintah Korea Selatan"));
    let again = TestSite::new("title: Uji\nsearch: false\n");
    for n in (0..300).rev() {
        again.write(
            &format!("content/{n:03}_{:016x}.txt", 0xabc_u64 * (n + 1)),
            text,
        );
    }
    again.build();
    assert_eq!(
        common::files(&again.output()),
        common::files(&site.output())
    );
}

#[test]
fn import_numbers_articles_whose_inferred_titles_clash() {
    let raw = TestSite::new("");
    let text = "Jakarta, CNN Indonesia -- Pemerintah Korea Selatan mengumumkan rencana baru pada Selasa (31/12/2019) untuk membuka kembali dialog.\n";
    for name in ["b.txt", "a.txt", "c.txt"] {
        raw.write(&format!("inbox/{name}"), text);
    }
    let site = TestSite::new("");
    let out = kabar(
        &["import", raw.root().join("inbox").to_str().unwrap()],
        site.root(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = "content/2019/pemerintah-korea-selatan-mengumumkan-rencana-baru-untuk-membuka-kembali-dialog";
    // In the order of the files' names: a.txt keeps the plain name.
    for (suffix, from) in [("", "a.txt"), ("-2", "b.txt"), ("-3", "c.txt")] {
        let written = std::fs::read_to_string(site.root().join(format!("{stem}{suffix}.md")))
            .unwrap_or_else(|e| panic!("{stem}{suffix}.md from {from}: {e}"));
        let slug = format!(
            "slug: pemerintah-korea-selatan-mengumumkan-rencana-baru-untuk-membuka-kembali-dialog{suffix}\n"
        );
        assert!(written.contains(&slug), "{written}");
    }
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains("b.txt") && printed.contains("-2.md"),
        "{printed}"
    );

    // Slugs the editor stated still clash: that is an error naming both files.
    let stated = TestSite::new("");
    for name in ["a.txt", "b.txt"] {
        stated.write(
            &format!("inbox/{name}"),
            &format!("---\nslug: sama\n---\n{text}"),
        );
    }
    let out = kabar(
        &["import", stated.root().join("inbox").to_str().unwrap()],
        stated.root(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b.txt") && stderr.contains("like") && stderr.contains("a.txt"),
        "{stderr}"
    );
}

#[test]
fn check_warns_about_raw_articles_resting_on_weak_evidence() {
    let site = TestSite::new("title: Uji\nsearch: false\n");
    // Header date and headline: nothing to check.
    site.write(
        "content/kuat.txt",
        "Kim Tiba di Hanoi\n\nCNN Indonesia | Selasa, 26/02/2019 21:05 WIB\n\nJakarta, CNN Indonesia -- Kim Jong-un tiba di Hanoi dengan kereta.\n",
    );
    // No headline, and the only date is a mention deep in the text.
    site.write(
        "content/lemah.txt",
        "Pemerintah Korea Selatan menyiapkan rencana baru untuk dialog dengan Pyongyang.\n\n\
         Rencana itu dibahas di parlemen.\n\nSejumlah anggota parlemen mendukung.\n\n\
         Rapat terakhir digelar pada 14 Maret 2019 di Seoul.\n",
    );
    // A year guessed from the weekday alone.
    site.write(
        "content/tahun.txt",
        "Kim Kembali ke Pyongyang\n\nJakarta, CNN Indonesia -- Kim Jong-un kembali ke Pyongyang, Senin (30/12).\n",
    );
    let out = kabar(&["check"], site.root());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].starts_with(&format!(
            "{}:7:29: warning: check the date and title: the date comes from a bare mention in the text (`14 Maret 2019`); the title was made from the lead sentence",
            Path::new("content").join("lemah.txt").display()
        )),
        "{stderr}"
    );
    assert!(
        warnings[1].starts_with(&format!(
            "{}:3:",
            Path::new("content").join("tahun.txt").display()
        )) && warnings[1]
            .contains("the year of `Senin (30/12)` was guessed from its weekday alone"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: if it is wrong, state it in front matter"));
    assert!(!stderr.contains("kuat.txt"), "{stderr}");
    // A build does not repeat them: they are for `kabar check`.
    let out = kabar(&["build"], site.root());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("check the date"));
}

/// The source links to the original article where its address is known (a raw article's own
/// address line, or the front matter's `source.url`), and to the outlet's home page only when
/// that is all there is; JSON-LD's `isBasedOn` names the article, never the home page.
#[test]
fn the_source_links_to_the_article_when_its_address_is_known() {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\nsearch: false\n");
    site.write(
        "content/mentah.txt",
        "Kim Tiba di Hanoi dengan Kereta\n\
         https://www.cnnindonesia.com/internasional/20190226080000-113-372910/kim-tiba-di-hanoi\n\
         Selasa, 26/02/2019 08:00 WIB\n\n\
         Jakarta, CNN Indonesia -- Pemimpin Korea Utara Kim Jong Un tiba di Hanoi dengan kereta \
         lapis baja untuk bertemu Presiden AS Donald Trump. Kereta itu menempuh perjalanan dua \
         hari dari Pyongyang melintasi China.\n",
    );
    site.briefing(
        "content/beranda.md",
        &[
            ("title", "Hanya beranda"),
            ("date", "2019-02-25"),
            ("source", "{name: Kompas, url: https://www.kompas.com/}"),
        ],
        "Isi.",
    );
    site.briefing(
        "content/artikel.md",
        &[
            ("title", "Dengan artikel"),
            ("date", "2019-02-24"),
            (
                "source",
                "{name: Kompas, url: https://www.kompas.com/global/read/2019/02/24/kim}",
            ),
        ],
        "Isi.",
    );
    site.build();
    let article =
        "https://www.cnnindonesia.com/internasional/20190226080000-113-372910/kim-tiba-di-hanoi";
    let raw = site.read("2019/02/mentah/index.html");
    assert!(
        raw.contains(&format!(
            r#"(<a href="{article}" rel="external">artikel asli</a>)"#
        )),
        "{raw}"
    );
    assert!(
        raw.contains(&format!(r#""isBasedOn":"{article}""#))
            || raw.contains(&format!(r#""isBasedOn": "{article}""#)),
        "{raw}"
    );
    let home = site.read("2019/02/beranda/index.html");
    assert!(home.contains(r#"(<a href="https://www.kompas.com/" rel="external">situs asli</a>)"#));
    assert!(!home.contains("isBasedOn"), "the home page is no article");
    let stated = site.read("2019/02/artikel/index.html");
    assert!(stated.contains(
        r#"(<a href="https://www.kompas.com/global/read/2019/02/24/kim" rel="external">artikel asli</a>)"#
    ));
}
