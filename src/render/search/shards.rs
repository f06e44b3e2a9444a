//! The archive cut into search shards along the calendar, so that each Pagefind index stays
//! small (Pagefind's time and memory grow faster than its record count), shards index in
//! parallel, and an edit re-indexes only the shard it falls in.
//!
//! A year is one shard while it holds at most [`SHARD_SIZE`] briefings; a bigger year is
//! cut into quarters, and a quarter still too big into months. The cut of one year depends
//! only on that year's briefings, so a new briefing never moves the other years' shards.

use crate::archive::{Archive, Month};

/// The most briefings a year or a quarter holds and still stays one shard.
pub const SHARD_SIZE: usize = 1000;

/// A part of the archive indexed on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shard {
    /// `2019`, `2019-q2` or `2019-05`: also its folder under `pagefind/`.
    pub name: String,
    /// Positions in the archive, newest first.
    pub members: Vec<usize>,
}

/// The shards of an archive, newest first.
pub fn shards(archive: &Archive) -> Vec<Shard> {
    let mut shards = Vec::new();
    for year in &archive.years {
        if year.count() <= SHARD_SIZE {
            shards.push(shard(year.year.to_string(), &year.months));
            continue;
        }
        // Months are newest first, so each quarter's months are contiguous.
        for quarter in year.months.chunk_by(|a, b| quarter_of(a) == quarter_of(b)) {
            let count: usize = quarter.iter().map(|m| m.members.len()).sum();
            if count <= SHARD_SIZE {
                let name = format!("{}-q{}", year.year, quarter_of(&quarter[0]));
                shards.push(shard(name, quarter));
            } else {
                for month in quarter {
                    let name = format!("{}-{:02}", month.year, month.month);
                    shards.push(shard(name, std::slice::from_ref(month)));
                }
            }
        }
    }
    shards
}

fn quarter_of(month: &Month) -> u32 {
    (month.month - 1) / 3 + 1
}

fn shard(name: String, months: &[Month]) -> Shard {
    Shard {
        name,
        members: months
            .iter()
            .flat_map(|m| m.members.iter().copied())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::test_support::briefing;

    fn archive_with(per_month: &[(i32, u32, usize)]) -> Archive {
        let mut briefings = Vec::new();
        for &(year, month, count) in per_month {
            for n in 0..count {
                let date = format!("{year}-{month:02}-{:02}T10:00:00+07:00", n % 28 + 1);
                briefings.push(briefing(&format!("b-{year}-{month}-{n}"), &date, &[]));
            }
        }
        Archive::new(briefings)
    }

    fn names(archive: &Archive) -> Vec<String> {
        shards(archive).into_iter().map(|s| s.name).collect()
    }

    #[test]
    fn small_years_are_one_shard_each() {
        let archive = archive_with(&[(2019, 1, 3), (2019, 12, 2), (2020, 6, 1)]);
        assert_eq!(names(&archive), ["2020", "2019"]);
        let all: Vec<usize> = shards(&archive)
            .iter()
            .flat_map(|s| s.members.clone())
            .collect();
        assert_eq!(all, (0..6).collect::<Vec<_>>());
    }

    #[test]
    fn big_years_split_into_quarters_then_months() {
        let archive = archive_with(&[
            (2021, 1, 600),
            (2021, 2, 300),
            (2021, 7, 1200),
            (2021, 11, 5),
        ]);
        assert_eq!(names(&archive), ["2021-q4", "2021-07", "2021-q1"]);
        let sizes: Vec<usize> = shards(&archive).iter().map(|s| s.members.len()).collect();
        assert_eq!(sizes, [5, 1200, 900]);
    }

    #[test]
    fn a_year_cut_does_not_move_other_years() {
        let before = archive_with(&[(2019, 3, 10), (2020, 3, 999)]);
        let after = archive_with(&[(2019, 3, 10), (2020, 3, 999), (2020, 9, 2)]);
        assert_eq!(names(&before), ["2020", "2019"]);
        assert_eq!(names(&after), ["2020-q3", "2020-q1", "2019"]);
    }
}
