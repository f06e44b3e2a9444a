//! Dates as editors write them in front matter and file names.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use super::{SiteZone, parse_offset};

/// A point in time, and whether the writer gave a time of day or only a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated {
    pub at: DateTime<FixedOffset>,
    pub has_time: bool,
}

/// Indonesian zone names, which editors write instead of offsets.
const ZONE_NAMES: [(&str, i32); 3] = [("WIB", 7), ("WITA", 8), ("WIT", 9)];

/// The offset for a zone name (`WIB`) or an offset (`+07:00`).
pub fn zone_offset(text: &str) -> Option<FixedOffset> {
    ZONE_NAMES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(text))
        .and_then(|(_, hours)| FixedOffset::east_opt(hours * 3600))
        .or_else(|| parse_offset(text))
}

/// The Indonesian name of an offset, if it has one.
pub fn zone_name(offset: &FixedOffset) -> Option<&'static str> {
    ZONE_NAMES
        .iter()
        .find(|(_, hours)| hours * 3600 == offset.local_minus_utc())
        .map(|(name, _)| *name)
}

/// Parses RFC 3339, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (also with `T`), each optionally
/// followed by an offset or WIB/WITA/WIT. A date without a zone is read in `zone`.
pub fn parse_stated(text: &str, zone: &SiteZone) -> Result<Stated, String> {
    let text = text.trim();
    let fail = || match what_is_wrong(text) {
        Some(wrong) => format!("cannot read the date `{text}`: {wrong}"),
        None => format!("cannot read the date `{text}`"),
    };
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        in_range(at.year())?;
        return Ok(Stated { at, has_time: true });
    }
    let (local, offset) = split_zone(text);
    let (naive, has_time) = parse_naive(local).ok_or_else(fail)?;
    let at = match offset {
        Some(offset) => naive.and_local_timezone(offset).single().ok_or_else(fail)?,
        None if !has_time => zone.start_of_day(naive.date()).ok_or_else(fail)?,
        None => zone
            .localize(naive)
            .ok_or_else(|| skipped(text, naive, zone))?,
    };
    in_range(at.year())?;
    Ok(Stated { at, has_time })
}

/// Years a page can show: URLs, feeds and the timeline all assume four digits.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// Refuses a year outside [`YEARS`] (a negative one, say).
pub fn in_range(year: i32) -> Result<(), String> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(format!("the year {year} is outside 1000–9999"))
    }
}

/// A time the site's clocks skip (a daylight-saving gap), with the nearest time they show.
fn skipped(text: &str, naive: NaiveDateTime, zone: &SiteZone) -> String {
    let after = zone
        .after_gap(naive)
        .map(|t| {
            format!(
                "; the nearest time that exists is {}",
                t.format("%Y-%m-%d %H:%M")
            )
        })
        .unwrap_or_default();
    format!(
        "`{text}` does not exist in {}: the clocks skip it when they change{after}",
        zone.name()
    )
}

/// Splits a trailing zone (`WIB`, `+07:00`, `Z`) from a date.
fn split_zone(text: &str) -> (&str, Option<FixedOffset>) {
    if let Some((local, zone)) = text.rsplit_once(' ')
        && let Some(offset) = zone_offset(zone)
    {
        return (local.trim_end(), Some(offset));
    }
    // `2019-12-31T18:19+07:00` or `...18:19Z`: the zone is glued to the time.
    if let Some(t) = text.find(['T', ' ']) {
        let time = &text[t + 1..];
        if let Some(z) = time.rfind(['+', '-', 'Z'])
            && let Some(offset) = zone_offset(&time[z..])
        {
            return (&text[..t + 1 + z], Some(offset));
        }
    }
    (text, None)
}

fn parse_naive(text: &str) -> Option<(NaiveDateTime, bool)> {
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some((day.and_time(NaiveTime::MIN), false));
    }
    [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H.%M",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
    .map(|naive| (naive, true))
}

/// What is wrong with a date written in the right shape: a month, day, hour or minute that
/// does not exist, or a time zone kabar does not know.
fn what_is_wrong(text: &str) -> Option<String> {
    static SHAPE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})[:.](\d{1,2})(?::\d{1,2})?)?(?:\s*(\S+))?$",
        )
        .expect("a valid pattern")
    });
    let parts = SHAPE.captures(text)?;
    let number = |i: usize| parts.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let year: i32 = parts[1].parse().ok()?;
    let month = number(2)?;
    let day = number(3)?;
    if !(1..=12).contains(&month) {
        return Some(format!("there is no month {month}"));
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let days = first
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?
        .day();
    if day == 0 || day > days {
        return Some(format!("{} has {days} days", first.format("%B %Y")));
    }
    if let Some(hour) = number(4).filter(|h| *h > 23) {
        return Some(format!("there is no hour {hour}: hours run from 00 to 23"));
    }
    if let Some(minute) = number(5).filter(|m| *m > 59) {
        return Some(format!(
            "there is no minute {minute}: minutes run from 00 to 59"
        ));
    }
    let zone = parts.get(6)?.as_str();
    zone_offset(zone).is_none().then(|| {
        let names: Vec<&str> = ZONE_NAMES.iter().map(|(name, _)| *name).collect();
        format!(
            "kabar does not know the time zone `{zone}`; it knows {}, UTC, GMT, Z and \
             offsets such as +07:00",
            names.join(", ")
        )
    })
}

/// `2019-12-31-kim-serukan` → the day and `kim-serukan`.
pub fn split_date_prefix(stem: &str) -> Option<(NaiveDate, &str)> {
    let prefix = stem.get(..10)?;
    let day = NaiveDate::parse_from_str(prefix, "%Y-%m-%d").ok()?;
    let rest = &stem[10..];
    let rest = rest.strip_prefix(['-', '_']).unwrap_or(rest);
    Some((day, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_is_wrong_with_a_date() {
        let wrong = |text| {
            parse_stated(text, &SiteZone::Fixed(FixedOffset::east_opt(0).unwrap())).unwrap_err()
        };
        assert_eq!(
            wrong("2019-13-45"),
            "cannot read the date `2019-13-45`: there is no month 13"
        );
        assert_eq!(
            wrong("2019-02-30 25:00"),
            "cannot read the date `2019-02-30 25:00`: February 2019 has 28 days"
        );
        assert!(
            wrong("2019-02-28 25:00").ends_with("there is no hour 25: hours run from 00 to 23")
        );
        assert!(
            wrong("2019-02-28 18:61").ends_with("there is no minute 61: minutes run from 00 to 59")
        );
        assert!(
            wrong("2019-12-31 18:19 EST")
                .contains("does not know the time zone `EST`; it knows WIB, WITA, WIT")
        );
        assert_eq!(wrong("31/02/2019"), "cannot read the date `31/02/2019`");
    }

    fn jakarta() -> SiteZone {
        SiteZone::Named(chrono_tz::Asia::Jakarta)
    }

    fn rfc(text: &str) -> String {
        parse_stated(text, &jakarta()).unwrap().at.to_rfc3339()
    }

    #[test]
    fn forms_editors_write() {
        assert_eq!(
            rfc("2019-12-31T18:19:00+07:00"),
            "2019-12-31T18:19:00+07:00"
        );
        assert_eq!(rfc("2019-12-31"), "2019-12-31T00:00:00+07:00");
        assert_eq!(rfc("2019-12-31 18:19"), "2019-12-31T18:19:00+07:00");
        assert_eq!(rfc("2019-12-31T18:19"), "2019-12-31T18:19:00+07:00");
        assert_eq!(rfc("2019-12-31 18:19:05"), "2019-12-31T18:19:05+07:00");
        assert_eq!(rfc("2019-12-31 18:19 WITA"), "2019-12-31T18:19:00+08:00");
        assert_eq!(rfc("2019-12-31 18:19 +09:00"), "2019-12-31T18:19:00+09:00");
        assert_eq!(rfc("2019-12-31T18:19+09:00"), "2019-12-31T18:19:00+09:00");
        assert_eq!(rfc("2019-12-31T11:19:00Z"), "2019-12-31T11:19:00+00:00");
    }

    #[test]
    fn knows_whether_a_time_was_given() {
        assert!(!parse_stated("2019-12-31", &jakarta()).unwrap().has_time);
        assert!(
            parse_stated("2019-12-31 08:00", &jakarta())
                .unwrap()
                .has_time
        );
    }

    #[test]
    fn site_zone_applies_to_local_dates() {
        let zone = SiteZone::Named(chrono_tz::Europe::Berlin);
        let summer = parse_stated("2019-06-30 12:00", &zone).unwrap().at;
        assert_eq!(summer.to_rfc3339(), "2019-06-30T12:00:00+02:00");
        let winter = parse_stated("2019-12-30 12:00", &zone).unwrap().at;
        assert_eq!(winter.to_rfc3339(), "2019-12-30T12:00:00+01:00");
    }

    #[test]
    fn rejects_nonsense() {
        for bad in [
            "31/12/2019",
            "2019-13-01",
            "2019-02-30",
            "kemarin",
            "2019-12-31 25:00",
        ] {
            let err = parse_stated(bad, &jakarta()).unwrap_err();
            assert!(err.contains(bad), "{err}");
        }
    }

    #[test]
    fn file_name_prefix() {
        let (day, rest) = split_date_prefix("2019-12-31-kim-serukan").unwrap();
        assert_eq!(day.to_string(), "2019-12-31");
        assert_eq!(rest, "kim-serukan");
        assert!(split_date_prefix("kim-serukan").is_none());
        assert!(split_date_prefix("2019-12").is_none());
    }
}
