//! Coverage: briefings a few days apart whose texts tell one event link each other ("Juga
//! diberitakan"), cards count the versions, and a text pasted twice is a warning naming both
//! files while the copy names the first as its canonical page.

use std::collections::{BTreeSet, HashMap};

use crate::common::{self, TestSite};

const CONFIG: &str = "title: Uji\nbase_url: https://uji.example/\nsearch: false\n";

/// One event as two outlets tell it, in their own words.
const TOLD_BY_WARTA: &str = "Pemimpin Korea Utara Kim Jong-un tiba di Vietnam pada Selasa pagi \
setelah menempuh perjalanan kereta api sekitar 60 jam dari Pyongyang melintasi daratan China.\n\n\
Kereta lapis baja yang membawa Kim berhenti di stasiun perbatasan Dong Dang. Dari sana Kim \
melanjutkan perjalanan dengan mobil menuju Hanoi, dan jalan yang dilaluinya ditutup serta dijaga \
ketat aparat keamanan.\n\nPresiden Amerika Serikat Donald Trump dijadwalkan mendarat di Hanoi \
malam ini. Kedua pemimpin akan makan malam bersama pada Rabu sebelum pertemuan resmi pada Kamis.";

const TOLD_BY_HARIAN: &str = "Kim Jong-un tiba di Vietnam setelah perjalanan kereta api sekitar \
60 jam dari Pyongyang melintasi daratan China untuk KTT kedua dengan Donald Trump.\n\nKereta lapis \
baja itu berhenti di stasiun perbatasan Dong Dang, tempat Kim disambut pejabat Vietnam dengan \
karpet merah. Kim lalu melanjutkan perjalanan dengan mobil menuju Hanoi yang berjarak sekitar 170 \
kilometer.\n\nTrump dijadwalkan mendarat di Hanoi malam ini. Kedua pemimpin akan makan malam \
bersama pada Rabu, sebelum pertemuan resmi sehari sesudahnya.";

/// Another event of the same days and subject.
const OTHER_EVENT: &str = "Menteri Luar Negeri Korea Selatan mengatakan Seoul berharap \
pertemuan di Hanoi menghasilkan langkah nyata menuju denuklirisasi semenanjung. Ia menyebut \
pemerintahnya siap mendukung setiap kesepakatan yang dicapai kedua pemimpin.\n\nPara pengamat \
di Seoul menilai hasil pertemuan akan menentukan arah hubungan antar-Korea sepanjang tahun ini, \
termasuk rencana proyek ekonomi bersama di perbatasan.";

fn told(site: &TestSite, file: &str, title: &str, date: &str, source: &str, body: &str) {
    site.briefing(
        &format!("content/{file}.md"),
        &[
            ("title", title),
            ("date", date),
            ("source", source),
            ("tags", "[KTT Hanoi]"),
        ],
        body,
    );
}

/// Warta Selatan's opening and Harian Timur's rest: a third telling, like both and the same
/// as neither.
fn mixed_telling() -> String {
    let opening = TOLD_BY_WARTA.split("\n\n").next().unwrap();
    let rest: Vec<&str> = TOLD_BY_HARIAN.split("\n\n").skip(1).collect();
    format!("{opening}\n\n{}", rest.join("\n\n"))
}

/// Harian Timur's telling, as `content/harian.md`.
fn told_by_harian(site: &TestSite) {
    told(
        site,
        "harian",
        "Kereta Kim berhenti di Dong Dang",
        "2019-02-26 15:00",
        "Harian Timur",
        TOLD_BY_HARIAN,
    );
}

/// A site holding Warta Selatan's telling as `content/asli.md`.
fn with_original() -> TestSite {
    let site = TestSite::new(CONFIG);
    told(
        &site,
        "asli",
        "Kim tiba di Vietnam",
        "2019-02-26 10:00",
        "Warta Selatan",
        TOLD_BY_WARTA,
    );
    site
}

#[test]
fn versions_of_one_event_link_each_other_and_cards_count_them() {
    let site = TestSite::new(CONFIG);
    told(
        &site,
        "warta",
        "Kim tiba di Vietnam",
        "2019-02-26 10:00",
        "Warta Selatan",
        TOLD_BY_WARTA,
    );
    told_by_harian(&site);
    told(
        &site,
        "seoul",
        "Seoul berharap langkah nyata",
        "2019-02-26 12:00",
        "Warta Selatan",
        OTHER_EVENT,
    );
    // The same text, but told a fortnight later: not the same event.
    // A third telling from Warta Selatan again: named by its title there, by its outlet
    // elsewhere.
    told(
        &site,
        "warta-lagi",
        "Kim disambut karpet merah",
        "2019-02-27 09:00",
        "Warta Selatan",
        &mixed_telling(),
    );
    // Briefings on other subjects, so that the summit's tag is a rare one that relates.
    for n in 1..=12 {
        site.briefing(
            &format!("content/lain-{n}.md"),
            &[
                ("title", &format!("Kabar lain {n}")),
                ("date", "2019-01-10"),
            ],
            "Kabar tentang hal lain.",
        );
    }
    told(
        &site,
        "ulang",
        "Kim tiba lagi",
        "2019-03-12 10:00",
        "Harian Barat",
        TOLD_BY_WARTA,
    );
    site.build();

    let warta = site.read("2019/02/warta/index.html");
    assert!(
        warta.contains(
            r#"<p class="meta coverage">Juga diberitakan: <a href="/2019/02/harian/" title="Kereta Kim berhenti di Dong Dang">Harian Timur</a>, <a href="/2019/02/warta-lagi/" title="Kim disambut karpet merah">Kim disambut karpet merah</a></p>"#
        ),
        "{warta}"
    );
    let harian = site.read("2019/02/harian/index.html");
    assert!(
        harian.contains(
            r#"Juga diberitakan: <a href="/2019/02/warta/" title="Kim tiba di Vietnam">Warta Selatan</a>, <a href="/2019/02/warta-lagi/" title="Kim disambut karpet merah">Warta Selatan</a></p>"#
        ),
        "{harian}"
    );
    // Listed above the body, the other version is not among the related briefings.
    let related = warta
        .split(r#"<aside class="related""#)
        .nth(1)
        .unwrap_or_default();
    assert!(!related.contains("/2019/02/harian/"), "{related}");
    for page in ["2019/02/seoul/index.html", "2019/03/ulang/index.html"] {
        assert!(!site.read(page).contains("Juga diberitakan"), "{page}");
    }
    // Versions are not copies: each page is its own canonical page.
    assert!(warta.contains(r#"<link rel="canonical" href="https://uji.example/2019/02/warta/">"#));
    let month = site.read("timeline/2019/02/index.html");
    assert_eq!(month.matches(" · 3 versi</span>").count(), 3, "{month}");
}

#[test]
fn a_text_pasted_twice_is_a_warning_naming_both_files_and_the_copy_points_to_the_first() {
    let site = with_original();
    let pasted = format!("Bagikan: Facebook Twitter\n\n{TOLD_BY_WARTA}");
    told(
        &site,
        "salinan",
        "Kim tiba di Vietnam",
        "2019-02-26 10:00",
        "Warta Selatan",
        &pasted,
    );
    told_by_harian(&site);
    let report = site.build();

    let warnings: Vec<String> = report.warnings.iter().map(|w| format!("{w}")).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("content/salinan.md:1:1: the same text as content/asli.md ("),
        "{warnings:?}"
    );
    assert!(
        warnings[0].contains("mark this one a copy, `duplicate_of: asli.md` in its front matter"),
        "{warnings:?}"
    );
    let copy = site.read("2019/02/salinan/index.html");
    assert!(
        copy.contains(r#"<link rel="canonical" href="https://uji.example/2019/02/asli/">"#),
        "{copy}"
    );
    let original = site.read("2019/02/asli/index.html");
    assert!(
        original.contains(r#"<link rel="canonical" href="https://uji.example/2019/02/asli/">"#)
    );
    // Search engines are sent to the first: the sitemap lists it, not the copy.
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://uji.example/2019/02/asli/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("/2019/02/salinan/"), "{sitemap}");
    // The copy is no other version of the event: each page lists Harian Timur alone.
    for page in [&original, &copy] {
        let line = page.split(r#"<p class="meta coverage">"#).nth(1).unwrap();
        let line = line.split("</p>").next().unwrap();
        assert_eq!(line.matches("<a ").count(), 1, "{line}");
        assert!(line.contains(">Harian Timur</a>"), "{line}");
    }

    let check = std::process::Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(["check", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(
        said.contains("content/salinan.md:1:1: warning: the same text as content/asli.md"),
        "{said}"
    );
}

#[test]
fn a_copy_marked_duplicate_of_is_no_warning() {
    let site = with_original();
    site.briefing(
        "content/salinan.md",
        &[
            ("title", "Kim tiba di Vietnam"),
            ("date", "2019-02-26 10:00"),
            ("duplicate_of", "asli.md"),
        ],
        TOLD_BY_WARTA,
    );
    let report = site.build();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert!(
        !site
            .read("2019/02/asli/index.html")
            .contains("Juga diberitakan")
    );
}

/// The release of three detainees as two outlets wrote it, each in its own words: an eighth
/// of their word pairs alike, but the same people and places named.
const RELEASE_BY_WARTA: &str = "Menteri Luar Negeri Amerika Serikat Mike Pompeo meninggalkan \
Pyongyang pada Rabu bersama tiga warga negara Amerika yang selama ini ditahan Korea Utara. \
Ketiganya adalah Kim Dong Chul, Kim Hak Song dan Tony Kim.\n\nPembebasan itu diumumkan Presiden \
Donald Trump melalui Twitter tak lama setelah pesawat Pompeo lepas landas. Trump menyebut \
ketiganya dalam keadaan sehat dan berjanji akan menyambut mereka sendiri di Pangkalan Udara \
Andrews.\n\nKim Dong Chul ditahan sejak 2015 dengan tuduhan mata-mata, sedangkan Kim Hak Song dan \
Tony Kim ditangkap pada 2017 saat mengajar di Universitas Sains dan Teknologi Pyongyang.";

const RELEASE_BY_HARIAN: &str = "Tiga orang Amerika yang ditahan di Korea Utara akhirnya pulang. \
Mereka terbang dari Pyongyang dengan pesawat yang membawa Mike Pompeo, setelah diplomat \
tertinggi Washington itu bertemu Kim Jong Un untuk membahas rencana pertemuan puncak.\n\nDonald \
Trump mengabarkan lewat Twitter bahwa Kim Dong Chul, Kim Hak Song dan Tony Kim berada dalam \
kondisi baik. Presiden mengatakan akan hadir di Pangkalan Udara Andrews saat pesawat itu \
mendarat pada Kamis dini hari.\n\nPyongyang menjatuhkan hukuman kerja paksa sepuluh tahun kepada \
Kim Dong Chul pada 2016. Dua lainnya bekerja di Universitas Sains dan Teknologi Pyongyang \
sebelum ditangkap tahun lalu.";

/// Two matches of one evening at one stadium: as many word pairs alike as the two tellings
/// above, and a few rare names (the stadium, the group, the city), but each its own teams,
/// players and coaches.
const MATCH_IN_HANOI: &str = "Vietnam mengalahkan Thailand 2-1 dalam laga Grup B Piala AFF di \
Stadion My Dinh, Hanoi, pada Sabtu malam. Gol kemenangan tuan rumah dicetak Nguyen Quang Hai \
pada menit ke-78.\n\nThailand sempat unggul lebih dulu lewat sundulan Teerasil Dangda sebelum \
Nguyen Tien Linh menyamakan kedudukan menjelang turun minum. Pelatih Park Hang-seo memuji \
kesabaran para pemainnya di babak kedua.\n\nPelatih Thailand Akira Nishino mengakui timnya \
kehilangan fokus setelah Chanathip Songkrasin ditarik keluar karena cedera. Kiper Dang Van Lam \
melakukan empat penyelamatan penting sepanjang laga di Stadion My Dinh.";

const OTHER_MATCH_IN_HANOI: &str = "Malaysia ditahan imbang Myanmar 1-1 dalam laga Grup B Piala \
AFF di Stadion My Dinh, Hanoi, pada Sabtu sore. Hasil ini membuat Malaysia tertahan di posisi \
ketiga klasemen sementara.\n\nMyanmar unggul lebih dulu lewat tendangan Aung Thu pada menit ke-20 \
sebelum Safawi Rasid menyamakan kedudukan dari titik penalti. Pelatih Tan Cheng Hoe menyesalkan \
banyaknya peluang yang terbuang di babak kedua.\n\nPelatih Myanmar Antoine Hey memuji disiplin \
barisan belakang yang dipimpin Hein Thiha Zaw. Penyerang Norshahrul Idlan Talaha gagal \
memanfaatkan dua peluang emas di menit-menit akhir laga di Stadion My Dinh.";

#[test]
fn tellings_worded_apart_that_name_the_same_rare_people_are_one_event() {
    let site = TestSite::new(CONFIG);
    let told_on = |file: &str, title: &str, date: &str, source: &str, body: &str| {
        site.briefing(
            &format!("content/{file}.md"),
            &[("title", title), ("date", date), ("source", source)],
            body,
        );
    };
    told_on(
        "warta-tahanan",
        "Pompeo pulang membawa tiga tahanan",
        "2018-05-09 20:00",
        "Warta Selatan",
        RELEASE_BY_WARTA,
    );
    told_on(
        "harian-tahanan",
        "Tiga warga Amerika dibebaskan",
        "2018-05-10 07:00",
        "Harian Timur",
        RELEASE_BY_HARIAN,
    );
    told_on(
        "laga-vietnam",
        "Vietnam menang atas Thailand",
        "2018-11-24 21:00",
        "Warta Selatan",
        MATCH_IN_HANOI,
    );
    told_on(
        "laga-malaysia",
        "Malaysia ditahan Myanmar",
        "2018-11-24 18:00",
        "Harian Timur",
        OTHER_MATCH_IN_HANOI,
    );
    site.build();

    let warta = site.read("2018/05/warta-tahanan/index.html");
    assert!(
        warta.contains(
            r#"Juga diberitakan: <a href="/2018/05/harian-tahanan/" title="Tiga warga Amerika dibebaskan">Harian Timur</a></p>"#
        ),
        "{warta}"
    );
    assert!(
        site.read("2018/05/harian-tahanan/index.html")
            .contains("Juga diberitakan: <a href=\"/2018/05/warta-tahanan/\"")
    );
    for page in [
        "2018/11/laga-vietnam/index.html",
        "2018/11/laga-malaysia/index.html",
    ] {
        assert!(!site.read(page).contains("Juga diberitakan"), "{page}");
    }
}

/// Coverage groups and copies found in an archive made by `examples/gen-archive --coverage`,
/// against the ones planted in it: pairwise precision and recall of "tells the same event",
/// and the copies warned of.
#[test]
fn found_coverage_matches_the_planted_events() {
    let (_dir, root) =
        common::generated_archive(&["--n", "3000", "--coverage", "100", "--words", "150-300"]);
    let report = kabar::build(&kabar::Options::new(&root)).unwrap_or_else(|e| panic!("{e}"));

    let read = |name: &str| std::fs::read_to_string(root.join(name)).unwrap();
    let planted_copies: BTreeSet<(String, String)> = read("planted-copies.tsv")
        .lines()
        .map(|l| {
            let (original, copy) = l.split_once('\t').unwrap();
            (original.to_string(), copy.to_string())
        })
        .collect();
    let is_copy = |slug: &str| planted_copies.iter().any(|(_, c)| c == slug);
    let mut event_of: HashMap<String, usize> = HashMap::new();
    for line in read("planted-coverage.tsv").lines() {
        let (event, slugs) = line.split_once('\t').unwrap();
        for slug in slugs.split(' ').filter(|s| !is_copy(s)) {
            event_of.insert(slug.to_string(), event.parse().unwrap());
        }
    }
    let planted: BTreeSet<(String, String)> = event_of
        .iter()
        .flat_map(|(a, e)| {
            event_of
                .iter()
                .filter(move |(b, f)| a < *b && e == *f)
                .map(move |(b, _)| (a.clone(), b.clone()))
        })
        .collect();

    let versions = regex::Regex::new(r#"<a href="/\d{4}/\d{2}/([^/"]+)/" title="#).unwrap();
    let mut found: BTreeSet<(String, String)> = BTreeSet::new();
    for (path, bytes) in common::files(&root.join("public")) {
        let Some(slug) = path
            .strip_suffix("/index.html")
            .and_then(|p| p.rsplit('/').next())
        else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        let Some(line) = html.split(r#"<p class="meta coverage">"#).nth(1) else {
            continue;
        };
        let line = line.split("</p>").next().unwrap();
        // Pairs with a copy are measured as copies, below.
        if is_copy(slug) {
            continue;
        }
        for other in versions.captures_iter(line).filter(|c| !is_copy(&c[1])) {
            let (a, b) = (slug.to_string(), other[1].to_string());
            found.insert(if a < b { (a, b) } else { (b, a) });
        }
    }
    let right = found.intersection(&planted).count();
    let precision = right as f64 / found.len().max(1) as f64;
    let recall = right as f64 / planted.len() as f64;

    let copy = regex::Regex::new(
        r"content/\d{4}/(kabar-\d+)\.\w+:1:1: the same text as content/\d{4}/(kabar-\d+)\.",
    )
    .unwrap();
    let warned: BTreeSet<(String, String)> = report
        .warnings
        .iter()
        .filter_map(|w| {
            let said = w.to_string();
            let c = copy.captures(&said)?;
            Some((c[2].to_string(), c[1].to_string()))
        })
        .collect();
    let copies_right = warned.intersection(&planted_copies).count();
    eprintln!(
        "coverage: {} pairs planted, {} found; pairwise precision {precision:.3}, recall \
         {recall:.3}; copies: {} planted, {} warned of, {copies_right} right",
        planted.len(),
        found.len(),
        planted_copies.len(),
        warned.len()
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(copies_right as f64 >= 0.95 * planted_copies.len() as f64);
    assert!(copies_right as f64 >= 0.95 * warned.len() as f64);
}
