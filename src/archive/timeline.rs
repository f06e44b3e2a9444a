//! The timeline: years, then months, each briefing in the month of its own local date.

use chrono::Datelike;
use std::sync::Arc;

use crate::content::Briefing;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub year: i32,
    /// Newest month first.
    pub months: Vec<Month>,
}

impl Year {
    pub fn count(&self) -> usize {
        self.months.iter().map(|m| m.members.len()).sum()
    }

    /// The count of each month, January first, empty months as zero.
    pub fn calendar(&self) -> [usize; 12] {
        let mut counts = [0; 12];
        for month in &self.months {
            counts[month.month as usize - 1] = month.members.len();
        }
        counts
    }
}

/// Briefings of earlier years published on the same day and month as the one at `newest`
/// (the archive's newest, so the block depends on the archive, never on the clock), newest
/// first, at most `limit`.
pub fn on_this_day(briefings: &[Arc<Briefing>], years: &[Year], limit: usize) -> Vec<usize> {
    let Some(newest) = briefings.first() else {
        return Vec::new();
    };
    let (year, month, day) = (newest.date.year(), newest.date.month(), newest.date.day());
    years
        .iter()
        .filter(|y| y.year < year)
        .flat_map(|y| y.months.iter().filter(|m| m.month == month))
        .flat_map(|m| m.members.iter().copied())
        .filter(|&i| briefings[i].date.day() == day)
        .take(limit)
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u32,
    /// Positions in the archive, newest first.
    pub members: Vec<usize>,
}

/// Builds the timeline from briefings already sorted newest first.
pub fn index(briefings: &[Arc<Briefing>]) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for (i, briefing) in briefings.iter().enumerate() {
        let (year, month) = (briefing.date.year(), briefing.date.month());
        if years.last().is_none_or(|y| y.year != year) {
            years.push(Year {
                year,
                months: Vec::new(),
            });
        }
        let months = &mut years.last_mut().expect("pushed above").months;
        if months.last().is_none_or(|m| m.month != month) {
            months.push(Month {
                year,
                month,
                members: Vec::new(),
            });
        }
        months.last_mut().expect("pushed above").members.push(i);
    }
    years
}

/// The month before month `m` of year `y` that has briefings, as positions in `years`
/// (newest first, as [`index`] orders them).
pub fn older_month(years: &[Year], y: usize, m: usize) -> Option<(usize, usize)> {
    if m + 1 < years[y].months.len() {
        Some((y, m + 1))
    } else {
        (y + 1 < years.len()).then_some((y + 1, 0))
    }
}

/// The month after month `m` of year `y` that has briefings.
pub fn newer_month(years: &[Year], y: usize, m: usize) -> Option<(usize, usize)> {
    match (m, y) {
        (0, 0) => None,
        (0, y) => Some((y - 1, years[y - 1].months.len() - 1)),
        (m, y) => Some((y, m - 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::test_support::briefing;

    #[test]
    fn groups_by_local_year_and_month() {
        let briefings = vec![
            briefing("d", "2020-06-12T10:00:00+07:00", &[]),
            // 31 Dec in Jakarta, already 1 Jan nowhere that matters: it stays in December.
            briefing("c", "2019-12-31T23:30:00+07:00", &[]),
            briefing("b", "2019-12-01T10:00:00+07:00", &[]),
            briefing("a", "2019-02-28T10:00:00+07:00", &[]),
        ];
        let years = index(&briefings);
        assert_eq!(
            years
                .iter()
                .map(|y| (y.year, y.count()))
                .collect::<Vec<_>>(),
            [(2020, 1), (2019, 3)]
        );
        let months: Vec<_> = years[1]
            .months
            .iter()
            .map(|m| (m.month, m.members.clone()))
            .collect();
        assert_eq!(months, [(12, vec![1, 2]), (2, vec![3])]);
        assert_eq!(years[1].calendar()[11], 2);
        assert_eq!(years[1].calendar()[0], 0);
    }

    #[test]
    fn on_this_day_looks_back_from_the_newest_briefing() {
        let briefings = vec![
            briefing("e", "2021-06-12T10:00:00+07:00", &[]),
            briefing("d", "2021-06-12T08:00:00+07:00", &[]),
            briefing("c", "2020-06-12T10:00:00+07:00", &[]),
            briefing("b", "2019-06-13T10:00:00+07:00", &[]),
            briefing("a", "2018-06-12T10:00:00+07:00", &[]),
        ];
        let years = index(&briefings);
        assert_eq!(on_this_day(&briefings, &years, 10), [2, 4]);
        assert_eq!(on_this_day(&briefings, &years, 1), [2]);
    }

    #[test]
    fn months_lead_to_their_neighbours_across_years() {
        let years = index(&[
            briefing("a", "2020-03-01T10:00:00+07:00", &[]),
            briefing("b", "2020-01-01T10:00:00+07:00", &[]),
            briefing("c", "2018-12-01T10:00:00+07:00", &[]),
        ]);
        // 2020: March (0,0), January (0,1); 2018: December (1,0).
        assert_eq!(older_month(&years, 0, 0), Some((0, 1)));
        assert_eq!(older_month(&years, 0, 1), Some((1, 0)));
        assert_eq!(older_month(&years, 1, 0), None);
        assert_eq!(newer_month(&years, 1, 0), Some((0, 1)));
        assert_eq!(newer_month(&years, 0, 1), Some((0, 0)));
        assert_eq!(newer_month(&years, 0, 0), None);
    }
}
