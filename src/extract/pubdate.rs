//! Which date dates a raw article. The evidence is ranked: a date in the header or the
//! dateline, then the day the text marks as today (`hari ini`), then a weekday with its day
//! near the top (the reporting day), then the latest whole date elsewhere. Historic mentions
//! never date the article nor lend it their year: a birth date (`kelahiran 9 Januari 1972`),
//! the year a book or law came out (`terbit pada 1979`, `UU Nomor 12 Tahun 2011`), or a year
//! decades before the newest one the text mentions.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::dating::{self, Dated, Written, YearFrom};
use super::summary::split_sentences;

/// A date read from the text and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub dated: Dated,
    /// `header`, `dateline`, `today`, `weekday` or `text`.
    pub from: &'static str,
    /// The date as the text writes it, for pointing the editor at it.
    pub written: String,
}

/// Why an editor should look at a date read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weak {
    pub reason: String,
    /// The date as the text writes it, to find it in the file.
    pub written: String,
}

impl Choice {
    /// Why an editor should look at this date, if the evidence is weak.
    pub fn weakness(&self) -> Option<Weak> {
        let reason = if self.from == "text" {
            format!(
                "the date comes from a bare mention in the text (`{}`)",
                self.written
            )
        } else if self.dated.year_from == YearFrom::Weekday {
            format!(
                "the year of `{}` was guessed from its weekday alone",
                self.written
            )
        } else {
            return None;
        };
        Some(Weak {
            reason,
            written: self.written.clone(),
        })
    }
}

/// How many paragraphs at the top may hold the reporting day's weekday.
const TOP_PARAGRAPHS: usize = 3;
/// A year more than this before the newest one the text mentions is history, not the
/// article's.
const PLAUSIBLE_SPAN: i32 = 15;

/// The date that dates the article, from its header lines, its dateline and its paragraphs.
pub fn choose(
    header: &[String],
    dateline: Option<&str>,
    paragraphs: &[String],
    today: NaiveDate,
) -> Option<Choice> {
    let header_text = header.join("\n");
    let dateline_text = dateline.unwrap_or("");
    let body_text = paragraphs.join("\n");
    let top_end: usize = paragraphs
        .iter()
        .take(TOP_PARAGRAPHS)
        .map(|p| p.len() + 1)
        .sum();
    // A header's or dateline's date is the article's by place (`Published 30 June 2019`);
    // only the body tells history.
    let header = Found::in_text(&header_text, false);
    let dateline = Found::in_text(dateline_text, false);
    let body = Found::in_text(&body_text, true);
    let years = plausible_years(&[&header, &dateline, &body], today);
    let (in_header, in_dateline, in_body) = (&header.dates, &dateline.dates, &body.dates);
    let newest = years.last().copied();
    let all: Vec<Written> = in_header
        .iter()
        .chain(in_dateline)
        .chain(in_body)
        .filter(|w| w.year.is_none_or(|y| years.contains(&y)))
        .cloned()
        .collect();
    let complete = |w: &Written| dating::complete(w, &all, &years, today);
    let plausible = |d: &Dated| newest.is_none_or(|n| d.day.year() >= n - PLAUSIBLE_SPAN);
    let choice = |text: &str, w: &Written, dated: Dated, from| Choice {
        dated,
        from,
        written: text[w.start..w.end].trim().to_string(),
    };

    if let Some((w, d)) = in_header.iter().find_map(|w| complete(w).map(|d| (w, d))) {
        return Some(choice(&header_text, w, d, "header"));
    }
    if let Some((w, d)) = in_dateline.iter().find_map(|w| complete(w).map(|d| (w, d))) {
        return Some(choice(dateline_text, w, d, "dateline"));
    }
    let marked = in_body
        .iter()
        .filter(|w| w.today_mark)
        .map(|w| (w, "today"));
    let weekday = in_body
        .iter()
        .filter(|w| w.weekday.is_some() && w.start < top_end)
        .map(|w| (w, "weekday"));
    let reporting = marked
        .chain(weekday)
        .find_map(|(w, from)| complete(w).filter(plausible).map(|d| (w, d, from)));
    let (written, mut dated, from) = match reporting {
        Some(found) => found,
        None => in_body
            .iter()
            .filter_map(|w| complete(w).map(|d| (w, d, "text")))
            .filter(|(_, d, _)| d.day <= today && plausible(d))
            .max_by_key(|(_, d, _)| d.day)?,
    };
    if dated.time.is_none() {
        let rest = &body_text[written.end..];
        let sentence = split_sentences(rest).first().copied().unwrap_or("");
        if let Some((time, zone)) = dating::find_clock(sentence) {
            dated.time = Some(time);
            dated.zone = zone.or(dated.zone);
        }
    }
    Some(choice(&body_text, written, dated, from))
}

/// Words that make the date after them history: a birth, a book, a body's founding; with
/// the place and the words that may stand between (`lahir di Solo pada`).
static HISTORIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:lahir|kelahiran|born|terbit|diterbitkan|published|didirikan|berdiri|founded|established|dibentuk)\s+(?:(?:di|in|at)\s+\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)?\s*,?\s*)?(?:(?:pada|on|tanggal|tahun|in|sejak|since)\s+)*",
    )
    .expect("valid historic pattern")
});

/// `Nomor 12 Tahun 2011`, `No. 5 tahun 2019`: the year of a law.
static LAW_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:nomor|no\.?)\s*\d+[A-Za-z]?\s*$").expect("valid law pattern")
});

/// The dates written in a text, history (dates right after words like `kelahiran`) apart.
struct Found<'a> {
    text: &'a str,
    dates: Vec<Written>,
    historic: Vec<Written>,
    /// Where words that make what follows history end, found in one pass.
    history: Vec<usize>,
}

impl<'a> Found<'a> {
    fn in_text(text: &'a str, tells_history: bool) -> Found<'a> {
        let history: Vec<usize> = match tells_history {
            true => HISTORIC.find_iter(text).map(|m| m.end()).collect(),
            false => Vec::new(),
        };
        let (historic, dates) = dating::find_dates(text)
            .into_iter()
            .partition(|w| ends_between(&history, w.start, w.start));
        Found {
            text,
            dates,
            historic,
            history,
        }
    }

    /// Whether history words end between `from` and `to` (inclusive): right before a date,
    /// or inside the phrase leading to a year (`terbit pada 1979`).
    fn marks(&self, from: usize, to: usize) -> bool {
        ends_between(&self.history, from, to)
    }

    /// Whether the byte at `at` is inside a date found, historic or not.
    fn in_a_date(&self, at: usize) -> bool {
        self.dates
            .iter()
            .chain(&self.historic)
            .any(|w| (w.start..w.end).contains(&at))
    }
}

/// Whether one of `ends` (sorted) lies between `from` and `to`, inclusive.
fn ends_between(ends: &[usize], from: usize, to: usize) -> bool {
    let at = ends.partition_point(|end| *end < from);
    ends.get(at).is_some_and(|end| *end <= to)
}

/// The years that may be the article's, in order: those of the dates found (history left
/// out) and of phrases like `pada 2019`, except historic ones, laws' years, years after
/// `today`, and years decades before the newest left.
fn plausible_years(found: &[&Found], today: NaiveDate) -> Vec<i32> {
    let mut years: Vec<i32> = Vec::new();
    for f in found {
        years.extend(f.dates.iter().filter_map(|w| w.year));
        for mention in dating::year_mentions(f.text) {
            let law = LAW_NUMBER.is_match(dating::just_before(f.text, mention.start, 24));
            let historic = f.marks(mention.start, mention.digits);
            if !law && !historic && !f.in_a_date(mention.digits) {
                years.push(mention.year);
            }
        }
    }
    years.retain(|y| *y <= today.year());
    years.sort_unstable();
    years.dedup();
    if let Some(&newest) = years.last() {
        years.retain(|y| *y >= newest - PLAUSIBLE_SPAN);
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    /// The date of a body of paragraphs, and where it came from.
    fn date_of(paragraphs: &[&str]) -> Option<(String, &'static str)> {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        choose(&[], None, &paragraphs, today()).map(|c| (c.dated.day.to_string(), c.from))
    }

    #[test]
    fn birth_dates_and_books_lend_no_year() {
        assert_eq!(
            date_of(&[
                "Warga merayakan ulang tahun tokoh itu, Senin (9/1).",
                "Tokoh kelahiran 9 Januari 1972 itu disambut pendukungnya. Acara digelar tahun 2023.",
            ]),
            Some(("2023-01-09".into(), "weekday"))
        );
        assert_eq!(
            date_of(&[
                "Buku itu terbit pada 1979 dan kini dicetak ulang.",
                "Penerbit meluncurkannya pada 3 Maret 2024 di Jakarta.",
            ]),
            Some(("2024-03-03".into(), "text"))
        );
    }

    #[test]
    fn laws_years_are_not_the_articles() {
        let found = Found::in_text(
            "Menurut UU Nomor 12 Tahun 2011, aturan itu diubah pada 2023.",
            true,
        );
        assert_eq!(plausible_years(&[&found], today()), [2023]);
        let found = Found::in_text("Tokoh kelahiran 9 Januari 1972 itu tiba pada 2001.", true);
        assert_eq!(found.historic.len(), 1);
        let years = plausible_years(&[&found], today());
        assert_eq!(years, [2001]);
    }

    #[test]
    fn never_decades_before_the_newest_year() {
        // A retrospective: the only whole date is history.
        assert_eq!(
            date_of(&[
                "Pada 1 Agustus 1975 kapal itu tenggelam.",
                "Hingga tahun 2023, bangkainya belum diangkat.",
            ]),
            None
        );
    }

    #[test]
    fn the_evidence_is_ranked() {
        let paragraphs: Vec<String> =
            ["Pada 12 Juni 2018 Kim bertemu Trump.", "Jumat (12/6/2020)."]
                .iter()
                .map(|p| p.to_string())
                .collect();
        let header = vec!["Kamis, 11/6/2020 10:00 WIB".to_string()];
        let c = choose(&header, None, &paragraphs, today()).unwrap();
        assert_eq!(
            (c.dated.day.to_string(), c.from),
            ("2020-06-11".into(), "header")
        );
        let c = choose(
            &[],
            Some("SEOUL, 10 Juni 2020 (Reuters) - "),
            &paragraphs,
            today(),
        )
        .unwrap();
        assert_eq!(
            (c.dated.day.to_string(), c.from),
            ("2020-06-10".into(), "dateline")
        );
        let c = choose(&[], None, &paragraphs, today()).unwrap();
        assert_eq!(
            (c.dated.day.to_string(), c.from),
            ("2020-06-12".into(), "weekday")
        );
        // A weekday deep in the text is only a mention.
        let deep: Vec<String> = ["Satu.", "Dua.", "Tiga.", "Pada Jumat (12/6/2020) rapat."]
            .iter()
            .map(|p| p.to_string())
            .collect();
        let c = choose(&[], None, &deep, today()).unwrap();
        assert_eq!(c.from, "text");
        assert!(c.weakness().unwrap().reason.contains("Jumat (12/6/2020)"));
    }

    #[test]
    fn a_year_from_the_weekday_alone_is_weak() {
        let paragraphs = vec!["Kim tiba, Senin (30/12).".to_string()];
        let c = choose(&[], None, &paragraphs, today()).unwrap();
        assert_eq!(c.dated.day.to_string(), "2024-12-30");
        assert!(c.weakness().unwrap().reason.contains("weekday"));
    }
}
