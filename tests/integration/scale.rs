//! Pages stay small however large the archive grows: on a generated archive, no page holds
//! more than its budget of briefing cards, and every briefing is still reachable by month.

use crate::common::{TestSite, files};

const PAGINATE: usize = 10;
/// Lead briefings per month on a year page (`render::views::LEADS_PER_MONTH`).
const LEADS_PER_MONTH: usize = 3;
/// Related briefings on a briefing page.
const RELATED: usize = 5;
/// Entries of "on this day" on the timeline.
const ON_THIS_DAY: usize = 10;

/// 2,000 briefings: 1,200 of them in 2019 (a hundred a month), tags one of which is on every
/// briefing, three sources, four places, and many briefings sharing a day of the year.
fn generated_archive() -> TestSite {
    let site = TestSite::new(&format!(
        "title: Uji\nbase_url: https://uji.example/\npaginate: {PAGINATE}\nfeed: 10\nsearch: false\n"
    ));
    for n in 0..2000 {
        let year = if n < 1200 { 2019 } else { 2020 + n % 3 };
        let date = format!(
            "{year}-{:02}-{:02} {:02}:00",
            1 + n % 12,
            1 + n / 12 % 28,
            n % 24
        );
        let tags = format!("[Korea Utara, Topik {}, Tokoh {}]", n % 40, n % 7);
        site.briefing(
            &format!("content/k{n:04}.md"),
            &[
                ("title", &format!("Kabar nomor {n}")),
                ("date", &date),
                ("tags", &tags),
                ("source", ["Kompas", "Antara", "Tempo"][n % 3]),
                (
                    "dateline",
                    ["Seoul", "Jakarta", "Hanoi", "Washington"][n % 4],
                ),
            ],
            &format!("Isi kabar nomor {n} tentang perundingan yang berlanjut."),
        );
    }
    site
}

/// How many briefing cards a page may hold, by where it is.
fn budget(path: &str) -> usize {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["timeline", "index.html"] => 0,
        ["timeline", _year, "index.html"] => 12 * LEADS_PER_MONTH,
        [year, _month, _slug, "index.html"] if year.parse::<u16>().is_ok() => RELATED,
        _ => PAGINATE,
    }
}

#[test]
fn no_page_outgrows_its_budget_on_a_large_archive() {
    let site = generated_archive();
    let report = site.build();
    assert_eq!(report.briefings, 2000);
    let mut in_months = 0;
    let mut largest = (0, String::new());
    for (path, bytes) in files(&site.output()) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        let cards = html.matches("<article class=\"card\"").count()
            + html.matches("<li class=\"row\"").count();
        assert!(cards <= budget(&path), "{path} holds {cards} cards");
        if path.starts_with("timeline/") && path.split('/').count() >= 4 {
            in_months += cards;
        }
        largest = largest.max((bytes.len(), path));
    }
    // Month pages and their pages (timeline/yyyy/mm/[page/n/]index.html) list every briefing once.
    assert_eq!(in_months, 2000);
    assert!(largest.0 < 150_000, "{} is {} bytes", largest.1, largest.0);

    let timeline = site.read("timeline/index.html");
    let on_this_day = timeline
        .split("class=\"on-this-day\"")
        .nth(1)
        .expect("briefings share the newest one's day")
        .split("</section>")
        .next()
        .unwrap();
    let entries = on_this_day.matches("<li>").count();
    assert!((1..=ON_THIS_DAY).contains(&entries), "{entries} entries");
}
