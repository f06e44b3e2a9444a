//! Incremental rebuilds equal full builds, byte for byte, through a long run of random edits,
//! renames and deletions, both in a session (`kabar serve`, `kabar watch`) and in `kabar build`
//! reusing its cache; and they touch only what a change reaches.

use crate::common;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{TestSite, gunzip};
use kabar::incremental::Session;
use kabar::render::files::Files;

const CONFIG: &str = "title: Uji\nbase_url: https://uji.example/\npaginate: 3\nfeed: 4\n";
const TAGS: &[&str] = &[
    "Korea Utara",
    "Amerika Serikat",
    "Kim Jong-un",
    "Sanksi",
    "KTT",
];

/// The same deterministic generator everywhere: SplitMix64.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

fn briefing_text(rng: &mut Rng, n: usize) -> String {
    let tags: Vec<&str> = (0..1 + rng.below(3))
        .map(|_| TAGS[rng.below(TAGS.len())])
        .collect();
    format!(
        "---\ntitle: Kabar {n} versi {}\ndate: 20{}-{:02}-{:02} {:02}:00\ntags: [{}]\n---\n\n\
         Paragraf pembuka kabar {n}. Kalimat kedua {}.\n",
        rng.below(100),
        18 + rng.below(3),
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(24),
        tags.join(", "),
        rng.below(1000),
    )
}

/// Texts of the week of the Hanoi summit: two tellings of Kim's arrival (one event) and one
/// of another event, so that briefings now and then tell one event or repeat one text.
const HANOI_TEXTS: [&str; 3] = [
    "Kim Jong-un tiba di Vietnam setelah perjalanan kereta api sekitar 60 jam dari Pyongyang \
     melintasi daratan China. Kereta lapis baja itu berhenti di stasiun perbatasan Dong Dang, \
     lalu Kim melanjutkan perjalanan dengan mobil menuju Hanoi. Jalan yang dilaluinya ditutup \
     dan dijaga ketat. Trump dijadwalkan mendarat malam ini, dan keduanya makan malam pada Rabu.",
    "Pemimpin Korea Utara Kim Jong-un tiba di Vietnam pada Selasa pagi setelah perjalanan \
     kereta api sekitar 60 jam dari Pyongyang. Kereta lapis baja itu berhenti di stasiun \
     perbatasan Dong Dang, tempat Kim disambut karpet merah, lalu Kim melanjutkan perjalanan \
     dengan mobil menuju Hanoi. Trump dijadwalkan mendarat malam ini.",
    "Menteri Luar Negeri Korea Selatan berharap pertemuan di Hanoi menghasilkan langkah nyata \
     menuju denuklirisasi semenanjung. Pemerintahnya siap mendukung setiap kesepakatan yang \
     dicapai kedua pemimpin, kata dia kepada wartawan di Seoul. Para pengamat menilai hasilnya \
     akan menentukan arah hubungan antar-Korea sepanjang tahun ini.",
];

/// A briefing of the week of the Hanoi summit, which with two more makes a story; now and
/// then marked out of every story, or put in one by name.
fn story_text(rng: &mut Rng, n: usize) -> String {
    let marks = [
        "",
        "",
        "",
        "story: none\n",
        "story: hanoi\nstory_title: Pekan Hanoi\n",
    ];
    let mark = marks[rng.below(marks.len())];
    format!(
        "---\ntitle: Hanoi {n}\ndate: 2019-02-{:02} 10:00\ntags: [KTT Hanoi, Vietnam]\n{mark}---\n\n\
         {}\n\nKabar {n} dari Hanoi.\n",
        20 + rng.below(9),
        HANOI_TEXTS[rng.below(HANOI_TEXTS.len())],
    )
}

fn seeded_site(rng: &mut Rng) -> (TestSite, Vec<String>) {
    let site = TestSite::new(CONFIG);
    let mut names = Vec::new();
    for n in 0..12 {
        let name = format!("content/k{n}.md");
        site.write(&name, &briefing_text(rng, n));
        names.push(name);
    }
    for n in 12..16 {
        let name = format!("content/h{n}.md");
        site.write(&name, &story_text(rng, n));
        names.push(name);
    }
    site.write(
        "content/raw/mentah.txt",
        "Kim Tiba di Hanoi\n\nCNN Indonesia | Selasa, 26/02/2019 21:05 WIB\n\
         Jakarta, CNN Indonesia -- Kim Jong-un tiba di Hanoi. Trump menyusul.\n(dea)\n",
    );
    site.write("static/extra.css", "body { color: black; }\n");
    site.write(
        "content/2019/ktt/index.md",
        "---\ntitle: KTT\ndate: 2019-02-27\n---\n![peta](peta.svg)\n",
    );
    site.write(
        "content/2019/ktt/peta.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    (site, names)
}

fn by_name(files: &Files) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|(path, bytes)| {
            let name = path
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (name, bytes.to_vec())
        })
        .collect()
}

/// `kabar build` of the site as it now is into its own output, reusing the last build's
/// cache there.
fn cached_build(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    kabar::build(&site.options()).unwrap_or_else(|e| panic!("cached build failed:\n{e}"));
    common::files(&site.output())
}

#[test]
fn random_edits_renames_and_deletions_match_full_builds() {
    let mut rng = Rng(7);
    let (site, mut names) = seeded_site(&mut rng);
    let mut session = Session::new(site.options());
    session.index_in_foreground();
    session.rebuild(&[]).unwrap_or_else(|e| panic!("{e}"));
    common::assert_same(
        "the first build",
        &by_name(&session.files()),
        &common::fresh_build(&site),
    );
    cached_build(&site);
    let mut next = 100;
    let (mut told_one_event, mut told_twice) = (false, false);
    for step in 0..60 {
        let before = by_name(&session.files());
        let (what, changed): (String, Vec<PathBuf>) = match rng.below(12) {
            0..=2 if !names.is_empty() => {
                let name = names[rng.below(names.len())].clone();
                let text = match name.starts_with("content/h") {
                    true => story_text(&mut rng, next),
                    false => briefing_text(&mut rng, next),
                };
                site.write(&name, &text);
                next += 1;
                (format!("edit {name}"), vec![site.root().join(&name)])
            }
            3 => {
                let name = format!("content/baru/k{next}.md");
                let text = match rng.below(2) {
                    0 => briefing_text(&mut rng, next),
                    _ => story_text(&mut rng, next),
                };
                site.write(&name, &text);
                next += 1;
                names.push(name.clone());
                (format!("add {name}"), vec![site.root().join(&name)])
            }
            4 if names.len() > 2 => {
                let name = names.remove(rng.below(names.len()));
                std::fs::remove_file(site.root().join(&name)).unwrap();
                (format!("delete {name}"), vec![site.root().join(&name)])
            }
            5 if !names.is_empty() => {
                let i = rng.below(names.len());
                let old = names[i].clone();
                let new = format!("content/pindah/r{next}.md");
                next += 1;
                std::fs::create_dir_all(site.root().join("content/pindah")).unwrap();
                std::fs::rename(site.root().join(&old), site.root().join(&new)).unwrap();
                names[i] = new.clone();
                (
                    format!("rename {old} to {new}"),
                    vec![site.root().join(&old), site.root().join(&new)],
                )
            }
            6 => {
                let color = ["red", "blue", "green"][rng.below(3)];
                site.write("static/extra.css", &format!("body {{ color: {color}; }}\n"));
                (
                    "edit static/extra.css".into(),
                    vec![site.root().join("static/extra.css")],
                )
            }
            7 => {
                let mark = rng.below(1000);
                site.write(
                    "templates/partials/card.html",
                    &format!("<article class=\"card v{mark}\"><a href=\"{{{{ b.url }}}}\">{{{{ b.title }}}}</a></article>\n"),
                );
                (
                    "edit a template".into(),
                    vec![site.root().join("templates/partials/card.html")],
                )
            }
            8 | 9 if !names.is_empty() => {
                // Words past the summary, their count kept after the first time: the body
                // alone changes. Two files only, so each is edited so more than once.
                let name = names[rng.below(names.len().min(2))].clone();
                let text = std::fs::read_to_string(site.root().join(&name)).unwrap();
                let closing = format!("Penutup {}.", rng.below(1000));
                let text = match text.find("\n\nPenutup ") {
                    Some(at) => format!("{}\n\n{closing}\n", &text[..at]),
                    None => format!("{}\n\n{}\n\n{closing}\n", text.trim_end(), lead()),
                };
                site.write(&name, &text);
                (
                    format!("edit the text of {name}"),
                    vec![site.root().join(&name)],
                )
            }
            _ => {
                let title = format!("Uji {}", rng.below(1000));
                site.write(
                    "site.yaml",
                    &CONFIG.replace("title: Uji", &format!("title: {title}")),
                );
                ("edit site.yaml".into(), vec![site.root().join("site.yaml")])
            }
        };
        let outcome = session
            .rebuild(&changed)
            .unwrap_or_else(|e| panic!("step {step}, {what}: {e}"));
        let after = by_name(&session.files());
        let full = common::fresh_build(&site);
        common::assert_same(&format!("step {step}, {what}"), &after, &full);
        let built = cached_build(&site);
        common::assert_same(&format!("kabar build, step {step}, {what}"), &built, &full);
        let pages = || full.values().map(|page| String::from_utf8_lossy(page));
        told_one_event |= pages().any(|page| page.contains("Juga diberitakan"));
        told_twice |= pages().any(|page| {
            let after = |mark: &str| page.split(mark).nth(1).map(|v| v.split('"').next());
            after(r#"<link rel="canonical" href=""#)
                != after(r#"<meta property="og:url" content=""#)
        });
        // The outcome names exactly the files that changed.
        let mut written: Vec<String> = after
            .iter()
            .filter(|(k, v)| before.get(*k) != Some(*v))
            .map(|(k, _)| k.clone())
            .collect();
        let mut reported: Vec<String> = outcome.written.iter().map(|p| slashed(p)).collect();
        written.sort();
        reported.sort();
        assert_eq!(reported, written, "step {step}, {what}: written");
        let removed: Vec<String> = before
            .keys()
            .filter(|k| !after.contains_key(*k))
            .cloned()
            .collect();
        let reported: Vec<String> = outcome.removed.iter().map(|p| slashed(p)).collect();
        assert_eq!(reported, removed, "step {step}, {what}: removed");
    }
    assert!(told_one_event, "no step had briefings telling one event");
    assert!(told_twice, "no step had a text told twice");
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A first paragraph longer than the summary.
fn lead() -> String {
    (0..20)
        .map(|k| format!("Kalimat pembuka nomor {k} cukup panjang."))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_one_line_edit_renders_only_the_pages_that_show_it() {
    let site = TestSite::new("title: Uji\nbase_url: https://uji.example/\npaginate: 5\nfeed: 5\n");
    for n in 0..30 {
        site.briefing(
            &format!("content/k{n:02}.md"),
            &[
                ("title", &format!("Kabar {n}")),
                (
                    "date",
                    &format!("2019-{:02}-{:02} 10:00", 1 + n % 12, 1 + n),
                ),
                ("tags", TAGS[n % TAGS.len()]),
            ],
            &format!("{}\n\nPenutup kabar {n} lama.", lead()),
        );
    }
    let mut session = Session::new(site.options());
    session.rebuild(&[]).unwrap();
    // An old briefing (not on the home page or in feeds): a word changed past the summary,
    // the word count the same, changes its own page, and the search page only because that
    // names the tag of the newest search shard (here the only one), which the text is in.
    site.briefing(
        "content/k00.md",
        &[
            ("title", "Kabar 0"),
            ("date", "2019-01-01 10:00"),
            ("tags", TAGS[0]),
        ],
        &format!("{}\n\nPenutup kabar 0 baru.", lead()),
    );
    let outcome = session
        .rebuild(&[site.root().join("content/k00.md")])
        .unwrap();
    let written: Vec<String> = outcome.written.iter().map(|p| slashed(p)).collect();
    assert_eq!(written, ["2019/01/k00/index.html", "search/index.html"]);
    assert_eq!(outcome.rendered, 2, "{written:?}");
    assert!(outcome.removed.is_empty());

    // The search index catches up afterwards, in the background: only the edited
    // briefing's shard is indexed again, and it now finds the new word, as does the word
    // directory, which sends queries for it there.
    assert!(session.search_pending());
    let outcome = session
        .finish_search()
        .expect("the last rebuild was good")
        .unwrap();
    assert!(!outcome.written.is_empty());
    for path in &outcome.written {
        let path = slashed(path);
        assert!(
            path.starts_with("pagefind/2019/") || path.starts_with("pagefind/words/"),
            "{path}"
        );
    }
    let full = by_name(&session.files());
    assert!(
        full.iter()
            .any(|(name, bytes)| name.starts_with("pagefind/words/fragment/")
                && gunzip(bytes).contains(" baru")),
        "the directory knows the new word"
    );
    assert!(
        full.iter()
            .any(|(name, bytes)| name.starts_with("pagefind/2019/fragment/")
                && gunzip(bytes).contains("baru")),
        "the new word is in the index"
    );
}

#[test]
fn a_broken_file_keeps_the_last_good_site_and_its_fix_rebuilds() {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2019-01-01")],
        "Isi.",
    );
    let mut session = Session::new(site.options());
    session.index_in_foreground();
    session.rebuild(&[]).unwrap();
    let good = by_name(&session.files());
    site.write(
        "content/a.md",
        "---\ntitle: A\ndate: 31/12/2019\n---\nIsi.\n",
    );
    let err = session
        .rebuild(&[site.root().join("content/a.md")])
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("content/a.md:3:7: cannot read the date"),
        "{err}"
    );
    assert_eq!(by_name(&session.files()), good);
    site.write("templates/index.html", "{% for b in briefings %}");
    let err = session
        .rebuild(&[site.root().join("templates/index.html")])
        .unwrap_err();
    assert!(err.to_string().contains("templates/index.html"), "{err}");
    std::fs::remove_file(site.root().join("templates/index.html")).unwrap();
    site.briefing(
        "content/a.md",
        &[("title", "A2"), ("date", "2019-01-01")],
        "Isi.",
    );
    session
        .rebuild(&[
            site.root().join("content/a.md"),
            site.root().join("templates/index.html"),
        ])
        .unwrap();
    common::assert_same(
        "the fix",
        &by_name(&session.files()),
        &common::fresh_build(&site),
    );
}

/// A site of one briefing, `content/a.md`, built once by a new session.
fn one_briefing(body: &str) -> (TestSite, Session) {
    let site = TestSite::new(CONFIG);
    write_a(&site, body);
    let mut session = Session::new(site.options());
    session.rebuild(&[]).unwrap();
    (site, session)
}

fn write_a(site: &TestSite, body: &str) {
    site.briefing(
        "content/a.md",
        &[("title", "A"), ("date", "2019-01-01")],
        body,
    );
}

#[test]
fn a_broken_file_holds_the_background_index_back_until_its_fix() {
    let (site, mut session) = one_briefing("Isi lama.");
    let a = site.root().join("content/a.md");
    let write = |body: &str| write_a(&site, body);
    write("Isi baru.");
    session.rebuild(std::slice::from_ref(&a)).unwrap();
    site.write(
        "content/a.md",
        "---\ntitle: A\ndate: 31/12/2019\n---\nIsi.\n",
    );
    session.rebuild(std::slice::from_ref(&a)).unwrap_err();
    // The index finished meanwhile: taking it in now would tell the same error again.
    assert!(session.finish_search().is_none());
    write("Isi diperbaiki.");
    session.rebuild(std::slice::from_ref(&a)).unwrap();
    session.finish_search().expect("the fix was good").unwrap();
    common::assert_same(
        "the fix",
        &by_name(&session.files()),
        &common::fresh_build(&site),
    );
}

#[test]
fn the_background_index_waits_until_the_edits_settle() {
    let (site, mut session) = one_briefing("Isi pertama.");
    let a = site.root().join("content/a.md");
    let write = |body: &str| write_a(&site, body);
    // Saves in quick succession: nothing is indexed while they keep coming.
    for body in ["Isi kedua.", "Isi ketiga.", "Isi keempat."] {
        write(body);
        session.rebuild(std::slice::from_ref(&a)).unwrap();
        assert!(session.take_search().is_none());
        assert!(session.search_pending() && !session.search_indexing());
        std::thread::sleep(kabar::incremental::search::QUIET / 4);
    }
    // Once they settle, the latest version is indexed, and only it.
    std::thread::sleep(kabar::incremental::search::QUIET);
    assert!(
        session.take_search().is_none(),
        "nothing new yet: indexing starts"
    );
    assert!(session.search_indexing());
    session.finish_search().expect("a good build").unwrap();
    let files = by_name(&session.files());
    assert!(
        files
            .iter()
            .any(|(name, bytes)| name.starts_with("pagefind/2019/fragment/")
                && gunzip(bytes).contains("keempat")),
        "the last save is in the index"
    );
    common::assert_same("the settled index", &files, &common::fresh_build(&site));
}

#[test]
fn a_rebuild_reports_what_was_left_out_as_a_build_does() {
    let (site, mut session) = one_briefing("Isi.");
    write_a(&site, "Baca [ini](javascript:alert(1)).");
    let outcome = session
        .rebuild(&[site.root().join("content/a.md")])
        .unwrap();
    assert_eq!(outcome.warnings.len(), 1, "{:?}", outcome.warnings);
    assert!(outcome.warnings[0].message.contains("would run a script"));
}

#[test]
fn a_file_swapped_for_a_link_out_of_the_site_is_refused_as_a_full_build_refuses_it() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "TOKEN=do-not-publish\n").unwrap();
    for swapped in [
        "content/2019/ktt/peta.css",
        "content/a.md",
        "templates/404.html",
        "static/gaya.css",
    ] {
        let (site, mut session) = one_briefing("Isi.");
        site.write(
            "content/2019/ktt/index.md",
            "---\ndate: 2019-02-28\n---\nPeta.\n",
        )
        .write("content/2019/ktt/peta.css", "p { color: red }\n")
        .write(
            "templates/404.html",
            "<!doctype html><title>Hilang</title>\n",
        )
        .write("static/gaya.css", "p { color: blue }\n");
        let made: Vec<PathBuf> = [
            "content/2019/ktt/index.md",
            "content/2019/ktt/peta.css",
            "templates/404.html",
            "static/gaya.css",
        ]
        .iter()
        .map(|p| site.root().join(p))
        .collect();
        session.rebuild(&made).unwrap();
        let target = site.root().join(swapped);
        std::fs::remove_file(&target).unwrap();
        symlink(&secret, &target).unwrap();
        let err = session.rebuild(std::slice::from_ref(&target)).unwrap_err();
        assert!(
            err.to_string().contains("outside the site folder"),
            "{swapped}: {err}"
        );
        let published = by_name(&session.files()).values().any(|bytes| {
            let text = if bytes.starts_with(&[0x1f, 0x8b]) {
                gunzip(bytes)
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            };
            text.contains("do-not-publish")
        });
        assert!(!published, "{swapped}: the secret was published");
    }
}

/// `kabar serve` and `kabar watch` say how many drafts their rebuilds leave out, as `build`
/// does, after a body edit too.
#[test]
fn a_rebuild_counts_the_drafts_it_leaves_out() {
    let (site, mut session) = one_briefing("Isi.");
    site.briefing(
        "content/draf.md",
        &[("title", "Draf"), ("date", "2019-03-01"), ("draft", "true")],
        "Belum terbit.",
    );
    let outcome = session
        .rebuild(&[site.root().join("content/draf.md")])
        .unwrap();
    assert_eq!(outcome.drafts_left_out, 1);
    write_a(&site, "Isi yang diubah.");
    let outcome = session
        .rebuild(&[site.root().join("content/a.md")])
        .unwrap();
    assert_eq!(outcome.drafts_left_out, 1);
}

#[test]
fn the_last_source_removed_leaves_no_page_linking_its_index() {
    let site = TestSite::new(&format!("{CONFIG}search: false\n"));
    let with_source = |source: Option<&str>| {
        let mut fields = vec![("title", "Kim tiba"), ("date", "2019-02-26 10:00")];
        fields.extend(source.map(|s| ("source", s)));
        site.briefing("content/a.md", &fields, &lead());
    };
    with_source(Some("Kompas"));
    site.briefing(
        "content/b.md",
        &[
            ("title", "Trump tiba"),
            ("date", "2019-02-25 10:00"),
            ("tags", "Amerika Serikat"),
        ],
        &lead(),
    );
    let mut session = Session::new(site.options());
    session.rebuild(&[]).unwrap();
    assert!(by_name(&session.files()).contains_key("sources/index.html"));

    // Every page's menu names the index of sources only while some briefing has one: a
    // page that does not show the briefing (the other one's tag) changes with it.
    with_source(None);
    session
        .rebuild(&[site.root().join("content/a.md")])
        .unwrap();
    let files = by_name(&session.files());
    assert!(!files.contains_key("sources/index.html"));
    common::assert_same(
        "the last source removed",
        &files,
        &common::fresh_build(&site),
    );
}

/// A save that changes a briefing's words past its summary (the fast path of a body edit)
/// but makes it tell the same event as another groups it as a full build does.
#[test]
fn a_body_edit_that_makes_one_text_twice_groups_it_as_a_full_build_does() {
    let site = TestSite::new(CONFIG);
    let told = HANOI_TEXTS[0];
    // The same words backwards: as many, in pairs the text does not have.
    let backwards: String = told.split_whitespace().rev().collect::<Vec<_>>().join(" ");
    let briefing = |name: &str, rest: &str| {
        site.briefing(
            &format!("content/{name}.md"),
            &[("title", name), ("date", "2019-02-26 10:00")],
            &format!("Kabar dari Hanoi hari ini.\n\n<!-- more -->\n\n{rest}"),
        );
    };
    briefing("pertama", told);
    briefing("kedua", &backwards);
    let mut session = Session::new(site.options());
    session.index_in_foreground();
    session.rebuild(&[]).unwrap_or_else(|e| panic!("{e}"));
    // Told at the same minute, the one listed first ("kedua") is the original.
    let page = |files: &BTreeMap<String, Vec<u8>>| {
        String::from_utf8_lossy(&files["2019/02/pertama/index.html"]).into_owned()
    };
    assert!(!page(&by_name(&session.files())).contains("Juga diberitakan"));

    briefing("kedua", told);
    session
        .rebuild(&[site.root().join("content/kedua.md")])
        .unwrap_or_else(|e| panic!("{e}"));
    let after = by_name(&session.files());
    common::assert_same("the edit", &after, &common::fresh_build(&site));
    assert!(
        page(&after)
            .contains(r#"<link rel="canonical" href="https://uji.example/2019/02/kedua/">"#),
        "{}",
        page(&after)
    );
}
