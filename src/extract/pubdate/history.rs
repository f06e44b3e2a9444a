//! History in a text: dates and years that mark a birth, a book, a law or a founding, which
//! never date an article nor lend it their year, and the years that may be the article's.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::PLAUSIBLE_SPAN;
use crate::extract::dating::{self, Written};

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
pub(super) struct Found<'a> {
    pub(super) text: &'a str,
    pub(super) dates: Vec<Written>,
    historic: Vec<Written>,
    /// Where words that make what follows history end, found in one pass.
    history: Vec<usize>,
}

impl<'a> Found<'a> {
    pub(super) fn in_text(text: &'a str, tells_history: bool) -> Found<'a> {
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
pub(super) fn plausible_years(found: &[&Found], today: NaiveDate) -> Vec<i32> {
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
}
