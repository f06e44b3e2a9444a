//! The links under a list of many pages: older and newer, and numbers to reach deep into it
//! in a few steps (a tag of 2,500 pages is four clicks from any of them, not 2,500).

use serde::Serialize;

use crate::archive::paginate::page_path;
use crate::config::Config;

/// How far the numbered links jump from the current page, beside its near neighbours.
const JUMPS: [usize; 3] = [10, 100, 1000];
/// Neighbours linked on each side of the current page.
const NEAR: usize = 2;

#[derive(Debug, Serialize, Hash)]
pub struct Pagination {
    pub number: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The numbered links, in order; empty on a list of one page.
    pub pages: Vec<PageLink>,
}

/// One numbered link.
#[derive(Debug, Serialize, Hash, PartialEq, Eq)]
pub struct PageLink {
    pub number: usize,
    /// Empty for the page being shown.
    pub url: Option<String>,
    /// Pages were skipped between the link before and this one.
    pub gap: bool,
}

impl Pagination {
    pub fn new(config: &Config, first: &str, number: usize, total: usize) -> Pagination {
        let link = |n: usize| config.base_url.link(&page_path(first, n));
        let mut pages = Vec::new();
        if total > 1 {
            let mut before = 0;
            for n in window(number, total) {
                pages.push(PageLink {
                    number: n,
                    url: (n != number).then(|| link(n)),
                    gap: n > before + 1,
                });
                before = n;
            }
        }
        Pagination {
            number,
            total,
            previous: (number > 1).then(|| link(number - 1)),
            next: (number < total).then(|| link(number + 1)),
            pages,
        }
    }
}

/// The page numbers linked from page `number` of `total`: the first and last, the near
/// neighbours, and jumps of ten, a hundred and a thousand either way, ascending.
fn window(number: usize, total: usize) -> Vec<usize> {
    let near = number.saturating_sub(NEAR).max(1)..=(number + NEAR).min(total);
    let jumps = JUMPS
        .iter()
        .flat_map(|&jump| [number.checked_sub(jump), Some(number + jump)])
        .flatten()
        .filter(|&n| (1..=total).contains(&n));
    let mut numbers: Vec<usize> = [1, total].into_iter().chain(near).chain(jumps).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_links_every_page() {
        assert_eq!(window(1, 3), [1, 2, 3]);
        assert_eq!(window(3, 5), [1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_long_list_links_its_ends_neighbours_and_jumps() {
        assert_eq!(window(1, 2542), [1, 2, 3, 11, 101, 1001, 2542]);
        assert_eq!(
            window(1200, 2542),
            [
                1, 200, 1100, 1190, 1198, 1199, 1200, 1201, 1202, 1210, 1300, 2200, 2542
            ]
        );
        assert_eq!(window(2542, 2542), [1, 1542, 2442, 2532, 2540, 2541, 2542]);
    }

    #[test]
    fn any_page_is_reached_in_a_few_steps() {
        let total = 2542;
        for target in [1, 7, 555, 1234, 2000, 2541] {
            let (mut at, mut steps) = (1, 0);
            while at != target {
                at = *window(at, total)
                    .iter()
                    .min_by_key(|&&n| n.abs_diff(target))
                    .unwrap();
                steps += 1;
            }
            assert!(steps <= 20, "page {target} took {steps} steps");
        }
    }
}
