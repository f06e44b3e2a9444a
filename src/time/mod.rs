//! The site's time zone: an IANA name or a fixed offset, for dates written without one.
//! Shared by every stage that reads or writes a date (config, extract, content, render).

pub mod written;

use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};

/// The site's time zone: dates written without an offset are read in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SiteZone {
    Named(chrono_tz::Tz),
    Fixed(FixedOffset),
}

impl FromStr for SiteZone {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        if let Ok(tz) = chrono_tz::Tz::from_str(text) {
            return Ok(SiteZone::Named(tz));
        }
        parse_offset(text)
            .map(SiteZone::Fixed)
            .ok_or_else(|| format!("unknown time zone `{text}`"))
    }
}

/// `+07:00`, `-0330`, `UTC`, `Z`.
pub fn parse_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    if matches!(text, "Z" | "UTC" | "GMT") {
        return FixedOffset::east_opt(0);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

impl SiteZone {
    /// A wall-clock time in this zone, with the offset it had then.
    pub fn localize(&self, naive: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        match self {
            SiteZone::Named(tz) => tz
                .from_local_datetime(&naive)
                .earliest()
                .map(|dt| dt.with_timezone(&dt.offset().fix())),
            SiteZone::Fixed(offset) => offset.from_local_datetime(&naive).single(),
        }
    }

    /// The first moment of `day` the zone's clocks show: midnight, or the moment a clock
    /// change that skips midnight lands on (`America/Sao_Paulo` on 2018-11-04: 01:00).
    pub fn start_of_day(&self, day: NaiveDate) -> Option<DateTime<FixedOffset>> {
        let midnight = day.and_time(NaiveTime::MIN);
        self.localize(midnight)
            .or_else(|| self.localize(self.after_gap(midnight)?))
    }

    /// The first wall-clock time after `naive` that the zone's clocks show, when they skip
    /// `naive` (a daylight-saving gap).
    pub fn after_gap(&self, naive: NaiveDateTime) -> Option<NaiveDateTime> {
        (1..=24 * 60)
            .map(|minutes| naive + chrono::Duration::minutes(minutes))
            .find(|t| self.localize(*t).is_some())
    }

    /// The zone's name, as `site.yaml` gives it.
    pub fn name(&self) -> String {
        match self {
            SiteZone::Named(tz) => tz.name().to_string(),
            SiteZone::Fixed(offset) => offset.to_string(),
        }
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.at(Utc::now())
    }

    /// A moment as the zone's clocks show it.
    pub fn at(&self, moment: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self {
            SiteZone::Named(tz) => {
                let local = moment.with_timezone(tz);
                local.with_timezone(&local.offset().fix())
            }
            SiteZone::Fixed(offset) => moment.with_timezone(offset),
        }
    }

    /// The zone's own abbreviation (WIB for Asia/Jakarta) when `date` is in it.
    pub fn abbreviation(&self, date: &DateTime<FixedOffset>) -> Option<String> {
        match self {
            SiteZone::Named(tz) => {
                let local = date.with_timezone(tz);
                (local.offset().fix() == *date.offset()).then(|| local.format("%Z").to_string())
            }
            SiteZone::Fixed(_) => None,
        }
        .filter(|abbr| !abbr.starts_with(['+', '-']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_offsets() {
        assert_eq!(parse_offset("+07:00"), FixedOffset::east_opt(7 * 3600));
        assert_eq!(
            parse_offset("-0330"),
            FixedOffset::east_opt(-(3 * 3600 + 1800))
        );
        assert_eq!(parse_offset("7"), None);
        let zone: SiteZone = "+08:00".parse().unwrap();
        assert_eq!(
            zone,
            SiteZone::Fixed(FixedOffset::east_opt(8 * 3600).unwrap())
        );
    }

    #[test]
    fn jakarta_is_wib() {
        let zone = SiteZone::Named(chrono_tz::Asia::Jakarta);
        let date = DateTime::parse_from_rfc3339("2019-12-31T18:19:00+07:00").unwrap();
        assert_eq!(zone.abbreviation(&date).as_deref(), Some("WIB"));
        let other = DateTime::parse_from_rfc3339("2019-12-31T18:19:00+09:00").unwrap();
        assert_eq!(zone.abbreviation(&other), None);
    }
}
