//! Counts that sum a list up for a reader: the most used tags (the home page's strip) and how
//! many briefings of a tag, source or place each year holds (their pages' year line).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::Datelike;
use serde::Serialize;

use super::views::TagLink;
use crate::content::Briefing;

/// How many tags the home page's strip shows.
pub const TOP_TAGS: usize = 12;

/// The `n` most used tags, most used first (by name among equals).
pub fn top_tags(tags: &[TagLink], n: usize) -> Vec<&TagLink> {
    let mut top: Vec<&TagLink> = tags.iter().collect();
    top.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.slug.cmp(&b.slug)));
    top.truncate(n);
    top
}

/// The groups (tags, sources or places) whose address starts with one letter or digit.
#[derive(Debug, Serialize)]
pub struct Initial<'a> {
    /// `A`, `B`, `0`.
    pub letter: String,
    pub groups: Vec<&'a TagLink>,
}

/// `groups`, in their order, under the initial of their address (`Korea Utara` under `K`):
/// an index of 500 tags reads as a book's index.
pub fn by_initial(groups: &[TagLink]) -> Vec<Initial<'_>> {
    let mut initials: Vec<Initial> = Vec::new();
    for group in groups {
        let letter: String = group
            .slug
            .chars()
            .take(1)
            .flat_map(char::to_uppercase)
            .collect();
        match initials.last_mut() {
            Some(last) if last.letter == letter => last.groups.push(group),
            _ => initials.push(Initial {
                letter,
                groups: vec![group],
            }),
        }
    }
    initials
}

/// A year and how many of a list's briefings it holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct YearCount {
    pub year: i32,
    pub count: usize,
    /// The list's page where the year's briefings start, and its address.
    pub page: usize,
    pub url: String,
}

/// How many of `members` (positions in `briefings`, newest first) each year holds, and on
/// which page of `per_page` briefings (at `link(page)`) each year starts, oldest year first.
pub fn per_year(
    members: &[usize],
    briefings: &[Arc<Briefing>],
    per_page: usize,
    link: impl Fn(usize) -> String,
) -> Vec<YearCount> {
    let mut years: BTreeMap<i32, YearCount> = BTreeMap::new();
    for (at, &i) in members.iter().enumerate() {
        let year = briefings[i].date.year();
        years
            .entry(year)
            .or_insert_with(|| {
                let page = at / per_page.max(1) + 1;
                YearCount {
                    year,
                    count: 0,
                    page,
                    url: link(page),
                }
            })
            .count += 1;
    }
    years.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::test_support::briefing;

    fn link(slug: &str, count: usize) -> TagLink {
        TagLink {
            name: slug.to_uppercase(),
            slug: slug.into(),
            url: format!("/tags/{slug}/"),
            count,
        }
    }

    #[test]
    fn most_used_tags_first() {
        let tags = [link("a", 1), link("b", 5), link("c", 5), link("d", 2)];
        let top: Vec<&str> = top_tags(&tags, 3).iter().map(|t| t.slug.as_str()).collect();
        assert_eq!(top, ["b", "c", "d"]);
    }

    #[test]
    fn groups_under_their_initial() {
        let groups = [
            link("as", 1),
            link("denuklirisasi", 1),
            link("dmz", 1),
            link("2019", 1),
        ];
        let initials: Vec<(String, usize)> = by_initial(&groups)
            .iter()
            .map(|i| (i.letter.clone(), i.groups.len()))
            .collect();
        assert_eq!(
            initials,
            [("A".into(), 1), ("D".into(), 2), ("2".into(), 1)]
        );
    }

    #[test]
    fn counts_by_year_oldest_first_with_the_page_each_starts_on() {
        let briefings = [
            briefing("c", "2020-03-01T00:00:00+07:00", &[]),
            briefing("a", "2020-01-01T00:00:00+07:00", &[]),
            briefing("b", "2018-05-01T00:00:00+07:00", &[]),
        ];
        assert_eq!(
            per_year(&[0, 1, 2], &briefings, 2, |n| format!("/p{n}")),
            [
                YearCount {
                    year: 2018,
                    count: 1,
                    page: 2,
                    url: "/p2".into()
                },
                YearCount {
                    year: 2020,
                    count: 2,
                    page: 1,
                    url: "/p1".into()
                }
            ]
        );
    }
}
