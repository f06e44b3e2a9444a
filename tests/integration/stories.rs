//! Stories: briefings that follow one developing story, found from what they share with the
//! briefings near them in time or named with `story:`, get a page together (oldest first),
//! a feed, a place in each briefing's page, and a mention on the months they ran in.

use crate::common::{self, TestSite, listed_titles, sitemap_locs};

const CONFIG: &str = "title: Uji\nbase_url: https://uji.example/\nsearch: false\n";

/// The story's briefings, oldest first: (file, title, date, source, dateline).
const HANOI: [(&str, &str, &str, &str, &str); 3] = [
    (
        "tiba",
        "Kim tiba di Hanoi",
        "2019-02-26 14:00",
        "Warta Selatan",
        "Hanoi",
    ),
    (
        "bubar",
        "KTT Hanoi bubar tanpa kesepakatan",
        "2019-02-28 16:45",
        "Harian Timur",
        "Hanoi",
    ),
    (
        "jumpa-pers",
        "Ri Yong-ho membantah versi Washington",
        "2019-03-01 01:30",
        "Warta Selatan",
        "Hanoi",
    ),
];

/// A site with the three briefings of the Hanoi summit, a fourth on the summit seven weeks
/// later, and briefings every month of 2016 to 2019 on other subjects.
fn site() -> TestSite {
    let site = TestSite::new(CONFIG);
    for month in 1..=48 {
        let (year, m) = (2016 + (month - 1) / 12, (month - 1) % 12 + 1);
        site.briefing(
            &format!("content/latar-{month}.md"),
            &[
                ("title", &format!("Kabar bulan {month}")),
                ("date", &format!("{year}-{m:02}-10")),
                ("tags", &format!("[Korea Utara, Topik {month}]")),
            ],
            "Kabar tentang hal lain.",
        );
    }
    for (file, title, date, source, dateline) in HANOI {
        hanoi(
            &site,
            file,
            title,
            date,
            &[("source", source), ("dateline", dateline)],
        );
    }
    hanoi(
        &site,
        "kelak",
        "Tujuh pekan setelah Hanoi",
        "2019-04-20 10:00",
        &[],
    );
    site
}

fn hanoi(site: &TestSite, file: &str, title: &str, date: &str, more: &[(&str, &str)]) {
    let mut keys = vec![
        ("title", title),
        ("date", date),
        ("tags", "[KTT Hanoi, Vietnam, Korea Utara]"),
    ];
    keys.extend_from_slice(more);
    site.briefing(
        &format!("content/2019/{file}.md"),
        &keys,
        "Kabar dari Hanoi.",
    );
}

fn titles_of_hanoi() -> Vec<String> {
    HANOI.iter().map(|h| h.1.to_string()).collect()
}

#[test]
fn a_developing_story_gets_a_page_with_its_briefings_oldest_first() {
    let site = site();
    site.build();
    let page = site.read("stories/tiba/index.html");
    assert!(page.contains("<h1>KTT Hanoi</h1>"), "{page}");
    assert_eq!(listed_titles(&page), titles_of_hanoi());
    assert!(
        page.contains("26 Feb – 1 Mar 2019</time> · 3 kabar"),
        "{page}"
    );
    assert!(page.contains(r#"<svg class="sparkline""#), "{page}");
    assert!(
        page.contains(r#"<a href="/sources/warta-selatan/">Warta Selatan</a>, <a href="/sources/harian-timur/">Harian Timur</a>"#),
        "outlets, the most frequent first: {page}"
    );
    assert!(
        page.contains(r#"<a href="/places/hanoi/">Hanoi</a>"#),
        "{page}"
    );

    let list = site.read("stories/index.html");
    assert_eq!(listed_titles(&list), ["KTT Hanoi"]);
    assert!(list.contains(r#"href="/stories/tiba/""#), "{list}");

    let feed = common::parse_feed(&site.read("stories/tiba/atom.xml"));
    let entries: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    let mut newest_first = titles_of_hanoi();
    newest_first.reverse();
    assert_eq!(entries, newest_first);

    let locs = sitemap_locs(&site.read("sitemap.xml"));
    for loc in [
        "https://uji.example/stories/",
        "https://uji.example/stories/tiba/",
    ] {
        assert!(locs.contains(&loc.to_string()), "{loc} in {locs:?}");
    }
    assert!(
        site.read("index.html")
            .contains(r#"<a href="/stories/">Kisah</a>"#)
    );
}

#[test]
fn a_briefing_page_names_its_story_and_its_neighbours_in_it() {
    let site = site();
    site.build();
    let middle = site.read("2019/02/bubar/index.html");
    assert!(
        middle.contains(r#"Bagian dari: <a href="/stories/tiba/">KTT Hanoi</a> (2 dari 3)"#),
        "{middle}"
    );
    let steps = middle
        .split("story-steps")
        .nth(1)
        .expect("the story's steps");
    let steps = &steps[..steps.find("</nav>").unwrap()];
    assert!(steps.contains(r#"href="/2019/02/tiba/""#), "{steps}");
    assert!(steps.contains(r#"href="/2019/03/jumpa-pers/""#), "{steps}");

    let first = site.read("2019/02/tiba/index.html");
    assert!(first.contains("(1 dari 3)"), "{first}");
    for outside in ["2019/04/kelak/index.html", "2019/02/latar-38/index.html"] {
        assert!(!site.read(outside).contains("Bagian dari"), "{outside}");
    }
}

#[test]
fn a_gap_longer_than_gap_days_leaves_a_briefing_out_and_a_longer_gap_takes_it_in() {
    let site = site();
    site.build();
    let page = site.read("stories/tiba/index.html");
    assert!(
        !page.contains("Tujuh pekan"),
        "seven weeks on is another story"
    );

    site.write(
        "site.yaml",
        &format!("{CONFIG}stories: {{gap_days: 60, min: 3}}\n"),
    );
    site.build();
    let page = site.read("stories/tiba/index.html");
    assert!(page.contains("Tujuh pekan setelah Hanoi"), "{page}");
}

#[test]
fn month_and_year_pages_name_the_stories_that_ran_in_them() {
    let site = site();
    site.build();
    for page in [
        "timeline/2019/02/index.html",
        "timeline/2019/03/index.html",
        "timeline/2019/index.html",
    ] {
        let html = site.read(page);
        assert!(
            html.contains(r#"<a href="/stories/tiba/">KTT Hanoi</a>"#),
            "{page}"
        );
    }
    for page in ["timeline/2019/04/index.html", "timeline/2018/index.html"] {
        assert!(!site.read(page).contains("/stories/tiba/"), "{page}");
    }
}

#[test]
fn an_editor_names_a_story_and_keeps_a_briefing_out() {
    let site = site();
    hanoi(
        &site,
        "tiba",
        HANOI[0].1,
        HANOI[0].2,
        &[("story", "ktt-hanoi"), ("story_title", "Pekan KTT Hanoi")],
    );
    // Named, a briefing far from the others is in the story all the same.
    hanoi(
        &site,
        "kelak",
        "Tujuh pekan setelah Hanoi",
        "2019-04-20 10:00",
        &[("story", "ktt-hanoi")],
    );
    hanoi(&site, "bubar", HANOI[1].1, HANOI[1].2, &[("story", "none")]);
    site.build();
    let page = site.read("stories/ktt-hanoi/index.html");
    assert!(page.contains("<h1>Pekan KTT Hanoi</h1>"), "{page}");
    assert_eq!(
        listed_titles(&page),
        [
            "Kim tiba di Hanoi",
            "Ri Yong-ho membantah versi Washington",
            "Tujuh pekan setelah Hanoi"
        ]
    );
    assert!(
        !site
            .read("2019/02/bubar/index.html")
            .contains("Bagian dari")
    );
}

#[test]
fn a_long_story_goes_on_over_pages() {
    let site = site();
    site.write("site.yaml", &format!("{CONFIG}paginate: 2\n"));
    site.build();
    let first = site.read("stories/tiba/index.html");
    assert_eq!(listed_titles(&first), titles_of_hanoi()[..2]);
    assert!(
        first.contains("· 3 kabar"),
        "the count is the story's: {first}"
    );
    assert!(first.contains(r#"href="/stories/tiba/page/2/""#), "{first}");
    let second = site.read("stories/tiba/page/2/index.html");
    assert_eq!(listed_titles(&second), titles_of_hanoi()[2..]);
}

#[test]
fn fewer_briefings_than_min_make_no_story() {
    let site = site();
    site.write("site.yaml", &format!("{CONFIG}stories: {{min: 4}}\n"));
    site.build();
    assert!(!site.output().join("stories").exists());
    assert!(!site.read("index.html").contains("/stories/"));
}

#[test]
fn stories_false_turns_the_pages_off() {
    let site = site();
    site.write("site.yaml", &format!("{CONFIG}stories: false\n"));
    site.build();
    assert!(!site.output().join("stories").exists());
    assert!(
        !site
            .read("2019/02/bubar/index.html")
            .contains("Bagian dari")
    );
    assert!(
        !site
            .read("timeline/2019/02/index.html")
            .contains("stories-in")
    );
}

#[test]
fn a_storys_address_stays_when_a_newer_briefing_joins_it() {
    let site = site();
    site.build();
    hanoi(
        &site,
        "reaksi-seoul",
        "Seoul menyesalkan hasil Hanoi",
        "2019-03-02 09:00",
        &[],
    );
    site.build();
    let page = site.read("stories/tiba/index.html");
    assert!(page.contains("· 4 kabar"), "{page}");
    assert_eq!(
        listed_titles(&page).last().unwrap(),
        "Seoul menyesalkan hasil Hanoi"
    );
}

#[test]
fn a_wrong_story_is_an_error_at_its_line_with_what_to_write() {
    let site = TestSite::new(CONFIG);
    site.briefing(
        "content/x.md",
        &[
            ("title", "X"),
            ("date", "2019-02-26"),
            ("story", "KTT Hanoi!"),
        ],
        "Teks.",
    );
    let errors = site.build_errors();
    let error = errors[0].to_string();
    assert!(error.contains("content/x.md:4:"), "{error}");
    assert!(error.contains("story: ktt-hanoi"), "{error}");

    let site = TestSite::new(&format!("{CONFIG}stories: {{gap_days: 0}}\n"));
    let error = site.build_errors()[0].to_string();
    assert!(error.contains("site.yaml:4:"), "{error}");
    assert!(error.contains("gap_days"), "{error}");
}

/// Stories found in an archive made by `examples/gen-archive --stories`, against the ones
/// planted in it: pairwise precision and recall of "in the same story", and no found story
/// joining two planted ones.
#[test]
fn found_stories_match_the_planted_ones() {
    let (_dir, root) = common::generated_archive(&[
        "--n",
        "3000",
        "--stories",
        "60",
        "--raw",
        "0",
        "--words",
        "40-80",
    ]);
    kabar::build(&kabar::Options::new(&root)).unwrap_or_else(|e| panic!("{e}"));

    let planted: std::collections::HashMap<String, usize> =
        std::fs::read_to_string(root.join("planted-stories.tsv"))
            .unwrap()
            .lines()
            .flat_map(|line| {
                let (story, slugs) = line.split_once('\t').unwrap();
                let story: usize = story.parse().unwrap();
                slugs.split(' ').map(move |slug| (slug.to_string(), story))
            })
            .collect();
    let link = regex::Regex::new(r#"<h2><a href="/\d{4}/\d{2}/([^/"]+)/">"#).unwrap();
    let mut found: Vec<Vec<String>> = Vec::new();
    for entry in std::fs::read_dir(root.join("public/stories")).unwrap() {
        let page = entry.unwrap().path().join("index.html");
        if let Ok(html) = std::fs::read_to_string(&page) {
            found.push(
                link.captures_iter(&html)
                    .map(|c| c[1].to_string())
                    .collect(),
            );
        }
    }
    let pairs = |n: usize| n * n.saturating_sub(1) / 2;
    let (mut said, mut right) = (0, 0);
    for story in &found {
        let of: Vec<Option<usize>> = story.iter().map(|s| planted.get(s).copied()).collect();
        let joined: std::collections::BTreeSet<usize> = of.iter().flatten().copied().collect();
        assert!(
            joined.len() <= 1,
            "a found story joins planted ones {joined:?}: {story:?}"
        );
        said += pairs(story.len());
        for (a, x) in of.iter().enumerate() {
            right += of[a + 1..]
                .iter()
                .filter(|y| x.is_some() && *y == x)
                .count();
        }
    }
    let mut sizes = std::collections::HashMap::new();
    for story in planted.values() {
        *sizes.entry(*story).or_insert(0) += 1;
    }
    let planted_pairs: usize = sizes.values().map(|&n| pairs(n)).sum();
    let precision = right as f64 / said.max(1) as f64;
    let recall = right as f64 / planted_pairs as f64;
    eprintln!(
        "stories: {} found, {} planted; pairwise precision {precision:.3}, recall {recall:.3}",
        found.len(),
        sizes.len()
    );
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(recall >= 0.9, "recall {recall:.3}");
}

#[test]
fn a_wrong_key_under_stories_is_named_at_its_line() {
    let site = TestSite::new(&format!("{CONFIG}stories: {{gap: 3}}\n"));
    let error = site.build_errors()[0].to_string();
    assert!(error.contains("site.yaml:4:"), "{error}");
    assert!(
        error.contains("unknown field `gap`, expected `gap_days` or `min`"),
        "{error}"
    );

    let site = TestSite::new(&format!("{CONFIG}stories: maybe\n"));
    let error = site.build_errors()[0].to_string();
    assert!(error.contains("site.yaml:4:"), "{error}");
    assert!(
        error.contains("true, false, or {gap_days: 14, min: 3}"),
        "{error}"
    );
}
