//! Dates written in news text, in the Indonesian and English forms outlets use, and the
//! choice of the one that dates the article.

use std::sync::LazyLock;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, Weekday};
use regex::{Captures, Regex, RegexSet};

use crate::time::parse_offset;
use crate::time::written::zone_offset;

const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("february", 2),
    ("pebruari", 2),
    ("feb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// Weekdays by their whole names, then as English abbreviates them.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("senin", Weekday::Mon),
    ("selasa", Weekday::Tue),
    ("rabu", Weekday::Wed),
    ("kamis", Weekday::Thu),
    ("jumat", Weekday::Fri),
    ("jum'at", Weekday::Fri),
    ("sabtu", Weekday::Sat),
    ("minggu", Weekday::Sun),
    ("ahad", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    // Abbreviations from here on (see `WHOLE_WEEKDAYS`).
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

/// How many of `WEEKDAYS` are whole names.
const WHOLE_WEEKDAYS: usize = 16;

/// The first weekday `text` names by its whole name, written capitalized (`on Tuesday`,
/// `Selasa`): in Indonesian a lowercase `minggu` is a week.
pub fn weekday_named(text: &str) -> Option<Weekday> {
    text.split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .find_map(|word| {
            let word = word.to_lowercase();
            WEEKDAYS[..WHOLE_WEEKDAYS]
                .iter()
                .find(|(name, _)| *name == word)
                .map(|(_, weekday)| *weekday)
        })
}

/// Zone names and offsets that may follow a time of day.
const ZONE: &str = r"WIB|WITA|WIT|UTC|GMT|AEDT|AEST|CEST|CET|BST|EST|EDT|CST|CDT|PST|PDT|HKT|JST|KST|SGT|[+-][0-9]{2}:?[0-9]{2}";

/// The zone after a time, as group `z`: a name or offset ending a word, or an offset from
/// GMT that a page may glue to the next word (`5:12 AM GMT+8Updated`).
static ZONE_AFTER_TIME: LazyLock<String> = LazyLock::new(|| {
    format!(r"(?P<z>(?:GMT|UTC)[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?|(?:{ZONE})(?-u:\b))")
});

/// Zones that name more than one offset (`ET` is -05:00 or -04:00, `IST` India's or
/// Ireland's), as group `zx`: a time written with one is left out, the day kept.
const AMBIGUOUS_ZONE: &str = r"(?P<zx>ET|PT|CT|MT|IST)(?-u:\b)";

/// Zones English news pages write after a time, in hours east of UTC (`ET` alone is left out:
/// it names two offsets).
const ENGLISH_ZONES: &[(&str, i32)] = &[
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("PST", -8),
    ("PDT", -7),
    ("BST", 1),
    ("CET", 1),
    ("CEST", 2),
    ("HKT", 8),
    ("SGT", 8),
    ("JST", 9),
    ("KST", 9),
    ("AEST", 10),
    ("AEDT", 11),
];

/// Each form a date takes in news text, and all of them as one set. Most lines searched hold
/// no date: the set tells so in one pass, where searching form by form paid seven searches'
/// setup for every line.
struct Forms {
    each: Vec<Regex>,
    any: RegexSet,
}

static FORMS: LazyLock<Forms> = LazyLock::new(|| {
    let patterns = form_patterns();
    Forms {
        each: patterns
            .iter()
            .map(|pattern| Regex::new(pattern).expect("valid date pattern"))
            .collect(),
        any: RegexSet::new(&patterns).expect("valid date patterns"),
    }
});

/// The patterns of the forms a date takes in news text. Named groups: `wd` weekday, `d` day,
/// `m` month number, `mon` month name, `y` year, `h`/`mi` time, `ap` am/pm, `z` zone.
fn form_patterns() -> [String; 11] {
    let wd = alternation(WEEKDAYS.iter().map(|(n, _)| *n));
    let mon = alternation(MONTHS.iter().map(|(n, _)| *n));
    let zone = ZONE_AFTER_TIME.as_str();
    let time = format!(
        r"(?:,?\s*(?:pukul\s+|pkl\.?\s*|jam\s+|at\s+|[-–—/|:•·]\s*)?(?P<h>[0-9]{{1,2}})[:.](?P<mi>[0-9]{{2}})(?:\s*(?P<ap>[ap]\.?m\.?)|(?-u:\b))(?:\s*\(?(?:{zone}|{AMBIGUOUS_ZONE})\)?)?)?"
    );
    let weekday = format!(r"(?:(?P<wd>{wd})\s*[,(]?\s*)?");
    let time_first = format!(
        r"(?-u:\b)(?P<h>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?:\s*(?P<ap>[ap]\.?m\.?))?(?:\s*{zone})?\s*,?\s*(?:on\s+)?"
    );
    let months_capitalized =
        alternation(MONTHS.iter().filter(|(n, _)| n.len() >= 3).map(|(n, _)| *n))
            .split('|')
            .map(capitalized)
            .collect::<Vec<_>>()
            .join("|");
    [
        // Selasa, 31/12/2019 18:19 WIB · Kompas.com - 21/01/2019, 10:30 WIB
        format!(
            r"(?i)(?-u:\b){weekday}(?P<d>[0-9]{{1,2}})/(?P<m>[0-9]{{1,2}})/(?P<y>[0-9]{{4}}|[0-9]{{2}})(?-u:\b)\)?{time}"
        ),
        // 14.03.2023 09:12 · 14-03-2023
        format!(
            r"(?i)(?-u:\b){weekday}(?P<d>[0-9]{{1,2}})[.-](?P<m>[0-9]{{1,2}})[.-](?P<y>[0-9]{{4}})(?-u:\b){time}"
        ),
        // Jumat (12/6/2020) · Senin (30/12) · Rabu dini hari (10/9)
        format!(
            r"(?i)(?-u:\b)(?P<wd>{wd})(?:\s+(?:dini hari|pagi|siang|sore|malam))?\s*\(\s*(?P<d>[0-9]{{1,2}})/(?P<m>[0-9]{{1,2}})(?:/(?P<y>[0-9]{{4}}|[0-9]{{2}}))?\s*\)"
        ),
        // Rabu, 6 Desember 2023 14:20 WIB · 31 Des 2019 · 31 December 2019 · 12 Juni ·
        // 5th March 2019 · the 5th of March
        format!(
            r"(?i)(?-u:\b){weekday}(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{mon})\.?(?:,?\s+(?P<y>[0-9]{{4}}))?(?-u:\b)\)?{time}"
        ),
        // Dec. 31, 2019 · December 31, 2019 at 6:19 p.m.
        format!(
            r"(?i)(?-u:\b){weekday}(?P<mon>{mon})\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{{4}})(?-u:\b){time}"
        ),
        // March 14, 20235:12 AM GMT+8: a scrape glued the time to the year
        format!(
            r"(?i)(?-u:\b){weekday}(?P<mon>{mon})\.?\s+(?P<d>[0-9]{{1,2}}),?\s+(?P<y>[0-9]{{4}})(?P<h>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?:\s*(?P<ap>[ap]\.?m\.?))?(?:\s*{zone})?"
        ),
        // 2:20 AM EDT, Tue March 14, 2023: the time first
        format!(
            r"(?i){time_first}{weekday}(?P<mon>{mon})\.?\s+(?P<d>[0-9]{{1,2}}),?\s+(?P<y>[0-9]{{4}})(?-u:\b)"
        ),
        // 09:05 GMT, 14 March 2023 · 5:42 PM on 12th March 2011
        format!(
            r"(?i){time_first}{weekday}(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{mon})\.?,?\s+(?P<y>[0-9]{{4}})(?-u:\b)"
        ),
        // SEOUL, Dec 31 (Reuters) · March 2: a wire's day without its year, the month
        // capitalized
        format!(
            r"(?-u:\b)(?P<mon>{months_capitalized})\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:\s*,?\s*(?P<y>[0-9]{{4}}))?"
        ),
        // Harian Kontan (22/1): a day in parentheses after a name, the way Indonesian news
        // dates a source without its weekday
        r"(?-u:\b)\p{Lu}[\p{L}.]+\s+\(\s*(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})(?:/(?P<y>[0-9]{4}))?\s*\)"
            .to_string(),
        // 2019-12-31, 2019-12-31T18:19:00+07:00 · 2019/12/31 18:19 · 2019.12.31
        format!(
            r"(?-u:\b)(?P<y>(?:19|20)[0-9]{{2}})[-/.](?P<m>[0-9]{{1,2}})[-/.](?P<d>[0-9]{{1,2}})(?:[T ](?P<h>[0-9]{{2}}):(?P<mi>[0-9]{{2}})(?::[0-9]{{2}})?\s*(?P<z>Z|{ZONE})?)?"
        ),
    ]
}

/// `pukul 18.45 WIB` near a date in the text.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    let zone = ZONE_AFTER_TIME.as_str();
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:pukul|pkl\.?|jam)\s*(?P<h>[0-9]{{1,2}})[:.](?P<mi>[0-9]{{2}})(?-u:\b)(?:\s*{zone})?"
    ))
    .expect("valid clock pattern")
});

/// Years the text speaks of: `2019` after a month name, `tahun`, `pada`, `sejak`, `in`...,
/// or in parentheses (`Constantine (2005)`).
static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    let mon = alternation(MONTHS.iter().map(|(n, _)| *n));
    Regex::new(&format!(
        r"(?i)(?:(?-u:\b)(?:{mon}|tahun|pada|sejak|hingga|sampai|awal|akhir|in|since|until|the)\.?\s+|\()(?P<y>(?:19|20)[0-9]{{2}})(?-u:\b)"
    ))
    .expect("valid year pattern")
});

/// Marks the day the article reports on: `hari ini, Jumat (12/6)`.
static TODAY_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:hari ini|today)\W*$").expect("valid pattern"));

/// Whether `word` (punctuation around it aside) names a month or a weekday: `Desember`,
/// `Senin,`.
pub fn is_calendar_name(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    MONTHS.iter().any(|(n, _)| *n == word) || WEEKDAYS.iter().any(|(n, _)| *n == word)
}

/// `march` → `March`.
fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn alternation<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = names.collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

/// A date as written: parts may be missing until [`complete`] fills them.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// Byte range in the text searched.
    pub start: usize,
    pub end: usize,
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
    pub weekday: Option<Weekday>,
    pub time: Option<NaiveTime>,
    pub zone: Option<FixedOffset>,
    /// Preceded by "hari ini".
    pub today_mark: bool,
}

/// A whole date the article can carry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dated {
    pub day: NaiveDate,
    pub time: Option<NaiveTime>,
    pub zone: Option<FixedOffset>,
    pub year_from: YearFrom,
}

/// Every date written in `text`, in order; where two forms overlap the longer one is kept.
pub fn find_dates(text: &str) -> Vec<Written> {
    // Every form holds a digit: a text without one is spared seven searches.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut found: Vec<Written> = FORMS
        .any
        .matches(text)
        .iter()
        .flat_map(|form| {
            FORMS.each[form]
                .captures_iter(text)
                .filter_map(|c| written(text, &c))
        })
        .collect();
    found.sort_by_key(|w| (w.start, std::cmp::Reverse(w.end)));
    let mut kept: Vec<Written> = Vec::with_capacity(found.len());
    for w in found {
        if kept.last().is_none_or(|last| w.start >= last.end) {
            kept.push(w);
        }
    }
    kept
}

fn written(text: &str, c: &Captures) -> Option<Written> {
    let whole = c.get(0)?;
    let number = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = number("m").or_else(|| {
        let name = c.name("mon")?.as_str().to_lowercase();
        MONTHS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
    })?;
    let day = number("d")?;
    // `3/14/2017`: an American page puts the month first, which shows when the day cannot
    // be a month.
    let (day, month) = if c.name("m").is_some() && month > 12 && day <= 12 {
        (month, day)
    } else {
        (day, month)
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let year = c.name("y").and_then(|m| {
        let y: i32 = m.as_str().parse().ok()?;
        Some(if m.as_str().len() == 2 { 2000 + y } else { y })
    });
    let weekday = c.name("wd").and_then(|m| {
        let name = m.as_str().to_lowercase();
        WEEKDAYS.iter().find(|(n, _)| *n == name).map(|(_, w)| *w)
    });
    Some(Written {
        start: whole.start(),
        end: whole.end(),
        day,
        month,
        year,
        weekday,
        time: time_of(c).filter(|_| c.name("zx").is_none()),
        zone: c.name("z").and_then(|z| zone_of(z.as_str())),
        today_mark: TODAY_MARK.is_match(just_before(text, whole.start(), 24)),
    })
}

/// The few words (at most `window` bytes) before `at`: enough for `hari ini, ` and cheap to
/// search.
pub fn just_before(text: &str, at: usize, window: usize) -> &str {
    let mut start = at.saturating_sub(window);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

fn time_of(c: &Captures) -> Option<NaiveTime> {
    let hour: u32 = c.name("h")?.as_str().parse().ok()?;
    let minute: u32 = c.name("mi")?.as_str().parse().ok()?;
    let hour = match c.name("ap").map(|m| m.as_str().to_lowercase()) {
        Some(ap) if ap.starts_with('p') && hour < 12 => hour + 12,
        Some(ap) if ap.starts_with('a') && hour == 12 => 0,
        _ => hour,
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

fn zone_of(text: &str) -> Option<FixedOffset> {
    let upper = text.to_ascii_uppercase();
    if let Some(hours) = upper
        .strip_prefix("GMT")
        .or_else(|| upper.strip_prefix("UTC"))
        .filter(|rest| !rest.is_empty())
    {
        return offset_in_hours(hours);
    }
    match upper.as_str() {
        "Z" | "UTC" | "GMT" => FixedOffset::east_opt(0),
        _ => ENGLISH_ZONES
            .iter()
            .find(|(name, _)| *name == upper)
            .and_then(|(_, hours)| FixedOffset::east_opt(hours * 3600))
            .or_else(|| zone_offset(text)),
    }
}

/// `+8`, `-4`, `+07:00`, `+0530`: the offset after `GMT` or `UTC`, its hours padded to the
/// form [`parse_offset`] reads.
fn offset_in_hours(text: &str) -> Option<FixedOffset> {
    let (sign, digits) = text.split_at_checked(1)?;
    let (hours, minutes) = match digits.split_once(':') {
        Some(parts) => parts,
        None if digits.len() > 2 => digits.split_at(digits.len() - 2),
        None => (digits, "00"),
    };
    parse_offset(&format!("{sign}{hours:0>2}{minutes:0>2}"))
}

/// A time of day written as `pukul 18.45 WIB` in `text`, if any.
pub fn find_clock(text: &str) -> Option<(NaiveTime, Option<FixedOffset>)> {
    let c = CLOCK.captures(text)?;
    Some((time_of(&c)?, c.name("z").and_then(|z| zone_of(z.as_str()))))
}

/// A year the text speaks of in a phrase like `pada Februari 2019` or `tahun 2019`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMention {
    pub year: i32,
    /// Byte offsets where the phrase and where the year's digits start.
    pub start: usize,
    pub digits: usize,
}

/// Each year the text speaks of in phrases like `pada Februari 2019` or `tahun 2019`.
pub fn year_mentions(text: &str) -> impl Iterator<Item = YearMention> + '_ {
    YEARS.captures_iter(text).filter_map(|c| {
        let digits = c.name("y")?;
        Some(YearMention {
            year: digits.as_str().parse().ok()?,
            start: c.get(0)?.start(),
            digits: digits.start(),
        })
    })
}

/// Where a date's year came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearFrom {
    /// Written with the date.
    Written,
    /// From another date in the text with the same day and month, or a year the text
    /// mentions.
    Text,
    /// From the weekday alone: the latest year in which the day fell on it.
    Weekday,
}

/// Fills in a missing year: from a whole date with the same day and month (and weekday),
/// else from the latest year mentioned that fits the weekday, else from the weekday alone (the
/// latest year, not after `today`, in which that day falls on it), else the latest year
/// mentioned.
pub fn complete(w: &Written, all: &[Written], years: &[i32], today: NaiveDate) -> Option<Dated> {
    let on = |year: i32| NaiveDate::from_ymd_opt(year, w.month, w.day);
    let fits = |day: &NaiveDate| w.weekday.is_none_or(|wd| day.weekday() == wd) && *day <= today;
    let (day, year_from) = match w.year {
        Some(year) => (on(year)?, YearFrom::Written),
        None => all
            .iter()
            .filter(|o| (o.day, o.month) == (w.day, w.month))
            .filter_map(|o| o.year.and_then(on))
            .find(fits)
            .or_else(|| years.iter().rev().filter_map(|y| on(*y)).find(fits))
            .map(|day| (day, YearFrom::Text))
            .or_else(|| {
                w.weekday?;
                (today.year() - 27..=today.year())
                    .rev()
                    .filter_map(on)
                    .find(fits)
                    .map(|day| (day, YearFrom::Weekday))
            })?,
    };
    Some(Dated {
        day,
        time: w.time,
        zone: w.zone,
        year_from,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_weekday_names_come_before_abbreviations() {
        assert_eq!(WEEKDAYS[WHOLE_WEEKDAYS - 1].0, "sunday");
        assert!(
            WEEKDAYS[WHOLE_WEEKDAYS..]
                .iter()
                .all(|(name, _)| name.len() <= 5)
        );
        assert_eq!(
            weekday_named("fired on Tuesday, said Mon"),
            Some(Weekday::Tue)
        );
        assert_eq!(
            weekday_named("dalam satu minggu, Sabtu"),
            Some(Weekday::Sat)
        );
        assert_eq!(weekday_named("said Mon. and Wed."), None);
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    /// The first date found in `text`, completed, as `YYYY-MM-DD HH:MM zone`.
    fn first(text: &str) -> String {
        let all = find_dates(text);
        let mut years: Vec<i32> = all.iter().filter_map(|d| d.year).collect();
        years.extend(year_mentions(text).map(|m| m.year));
        years.sort_unstable();
        let d = complete(all.first().expect("a date"), &all, &years, today()).expect("complete");
        let time = d
            .time
            .map(|t| t.format(" %H:%M").to_string())
            .unwrap_or_default();
        let zone = d.zone.map(|z| format!(" {z}")).unwrap_or_default();
        format!("{}{time}{zone}", d.day)
    }

    #[test]
    fn header_forms() {
        assert_eq!(
            first("CNN Indonesia | Selasa, 31/12/2019 18:19 WIB"),
            "2019-12-31 18:19 +07:00"
        );
        assert_eq!(
            first("Selasa, 31 Des 2019 18:19 WIB"),
            "2019-12-31 18:19 +07:00"
        );
        assert_eq!(
            first("Kompas.com - 21/01/2019, 10:30 WIB"),
            "2019-01-21 10:30 +07:00"
        );
        assert_eq!(
            first("Rabu, 6 Desember 2023 14:20 WITA"),
            "2023-12-06 14:20 +08:00"
        );
        assert_eq!(
            first("Kamis, 28 Feb 2019 - 15:05 WIT"),
            "2019-02-28 15:05 +09:00"
        );
    }

    #[test]
    fn english_and_iso_forms() {
        assert_eq!(first("SEOUL, Dec. 31, 2019 (Reuters)"), "2019-12-31");
        assert_eq!(first("Published 31 December 2019"), "2019-12-31");
        assert_eq!(
            first("June 12, 2020 at 6:05 p.m. GMT"),
            "2020-06-12 18:05 +00:00"
        );
        assert_eq!(
            first("Diperbarui 2019-12-31T18:19:00+07:00"),
            "2019-12-31 18:19 +07:00"
        );
        // The Guardian, Reuters, the BBC, The New York Times.
        assert_eq!(first("Tue 2 Mar 2021 10.32 GMT"), "2021-03-02 10:32 +00:00");
        assert_eq!(first("March 2, 2021 10:32 AM"), "2021-03-02 10:32");
        assert_eq!(first("Published 2 March 2021"), "2021-03-02");
        assert_eq!(
            first("March 2, 2021 at 6:05 p.m. EST"),
            "2021-03-02 18:05 -05:00"
        );
        assert_eq!(
            first("Updated 6:05 p.m. ET, Tue March 2, 2021"),
            "2021-03-02"
        );
        // The month first where the day cannot be a month; a zone in parentheses; a time
        // after a colon or a bullet.
        assert_eq!(first("3/14/2017, 9:12 AM"), "2017-03-14 09:12");
        assert_eq!(
            first("MARCH 14, 2017 9:12AM (UTC)"),
            "2017-03-14 09:12 +00:00"
        );
        assert_eq!(first("14 MARCH 2017 • 9:12AM"), "2017-03-14 09:12");
        assert_eq!(first("March 14, 2017: 9:12 AM ET"), "2017-03-14");
        // A zone that names two offsets leaves the time out.
        assert_eq!(first("March 14, 2023, 9:12 a.m. ET"), "2023-03-14");
        assert_eq!(first("14 Mar 2023, 9:12 am IST"), "2023-03-14");
        assert_eq!(first("14.03.2023 09:12"), "2023-03-14 09:12");
        assert_eq!(
            first("Selasa, 14-03-2023 09:12 WIB"),
            "2023-03-14 09:12 +07:00"
        );
        // The year first with slashes or dots; a time after a dash.
        assert_eq!(first("2017/03/14 17:12"), "2017-03-14 17:12");
        assert_eq!(first("2017.3.14"), "2017-03-14");
        assert_eq!(
            first("March 14, 2017 — 5:12 PM EDT"),
            "2017-03-14 17:12 -04:00"
        );
    }

    #[test]
    fn times_written_before_their_day_or_glued_to_its_year() {
        assert_eq!(
            first("Updated 2:20 AM EDT, Tue March 14, 2023"),
            "2023-03-14 02:20 -04:00"
        );
        assert_eq!(
            first("Updated 4:31 AM GMT+7, March 14, 2023"),
            "2023-03-14 04:31 +07:00"
        );
        assert_eq!(
            first("Last updated 09:05 GMT, 14 March 2023"),
            "2023-03-14 09:05 +00:00"
        );
        assert_eq!(
            first("March 14, 20235:12 AM GMT+8Updated 3 hours ago"),
            "2023-03-14 05:12 +08:00"
        );
        assert_eq!(
            first("Last updated at 5:42 PM on 12th March 2011"),
            "2011-03-12 17:42"
        );
        assert_eq!(
            first("Published August 2, 2023 5:12am EDT"),
            "2023-08-02 05:12 -04:00"
        );
        assert_eq!(
            first("Oct 3, 202311:40 PM UTC+05:30"),
            "2023-10-03 23:40 +05:30"
        );
    }

    #[test]
    fn a_day_in_parentheses_after_a_name() {
        assert_eq!(
            first("lewat keterbukaan informasi di Harian Kontan (22/1) tahun 2019"),
            "2019-01-22"
        );
        assert!(find_dates("skor akhir (2/3) untuk tim tamu").is_empty());
    }

    #[test]
    fn in_text_forms_take_the_year_from_elsewhere() {
        assert_eq!(first("kata Ri, Jumat (12/6/2020)."), "2020-06-12");
        // The year comes from a whole date with the same day and month.
        assert_eq!(
            first("kata Ri, Jumat (12/6). Sebelumnya, Jumat (12/6/2020) ..."),
            "2020-06-12"
        );
        // The year comes from the weekday: 30 December was a Monday in 2024 (and 2019).
        assert_eq!(first("kata dia, Senin (30/12)."), "2024-12-30");
        // A mentioned year that fits the weekday wins over the weekday alone.
        assert_eq!(
            first("kata dia, Senin (30/12), soal tenggat tahun 2019."),
            "2019-12-30"
        );
        // 10 September was a Wednesday in 2025: the latest such year, not after today.
        assert_eq!(first("Rabu (10/9)"), "2025-09-10");
    }

    #[test]
    fn clock_in_the_text() {
        let (time, zone) = find_clock("Ia tiba pukul 18.45 WIB di bandara.").unwrap();
        assert_eq!(time.to_string(), "18:45:00");
        assert_eq!(zone.unwrap().to_string(), "+07:00");
    }

    #[test]
    fn knows_a_reporting_day_mark() {
        let dates = find_dates("Pyongyang menyatakan hari ini, Jumat (12/6), bahwa ...");
        assert!(dates[0].today_mark);
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert!(find_dates("Sebanyak 2,5 juta orang; skor 3/4; pukul 18.45").is_empty());
        assert!(find_dates("Pada 45/13/2019 tidak ada.").is_empty());
    }
}
