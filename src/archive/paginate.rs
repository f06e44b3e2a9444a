//! Splitting long lists into numbered pages.

/// Page `number` (1-based) of `total`, holding `members`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager<'a> {
    pub number: usize,
    pub total: usize,
    pub members: &'a [usize],
}

/// Always at least one page, so an empty list still has its first page.
pub fn paginate(members: &[usize], per_page: usize) -> Vec<Pager<'_>> {
    let chunks: Vec<&[usize]> = if members.is_empty() {
        vec![&[]]
    } else {
        members.chunks(per_page.max(1)).collect()
    };
    let total = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, members)| Pager {
            number: i + 1,
            total,
            members,
        })
        .collect()
}

/// Page `number` (1-based) alone, as `paginate` would cut it.
pub fn page(members: &[usize], per_page: usize, number: usize) -> Pager<'_> {
    let per_page = per_page.max(1);
    let total = members.len().div_ceil(per_page).max(1);
    let start = (number.saturating_sub(1) * per_page).min(members.len());
    let end = (start + per_page).min(members.len());
    Pager {
        number,
        total,
        members: &members[start..end],
    }
}

/// Where page `number` of a list rooted at `first` lives: `tags/x/`, `tags/x/page/2/`.
pub fn page_path(first: &str, number: usize) -> String {
    if number <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{number}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_numbers() {
        let members: Vec<usize> = (0..25).collect();
        let pages = paginate(&members, 10);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[2].members, &[20, 21, 22, 23, 24]);
        assert_eq!(pages[2].total, 3);
        assert_eq!(paginate(&[], 10).len(), 1);
        for pager in &pages {
            assert_eq!(&page(&members, 10, pager.number), pager);
        }
        assert_eq!(page(&[], 10, 1).total, 1);
        assert_eq!(page_path("", 1), "");
        assert_eq!(page_path("", 2), "page/2/");
        assert_eq!(page_path("tags/a/", 3), "tags/a/page/3/");
    }
}
