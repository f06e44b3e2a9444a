//! Tags that look like one name written two ways: `Korea Utara` and `KoreaUtara` (spacing,
//! hyphens, case), or `KTT` and `Konferensi Tingkat Tinggi` (one the other's initials). Each
//! pair splits one subject's briefings between two tag pages; `kabar check` names the pair
//! and the `entities` line that joins them.

use std::collections::BTreeMap;

use super::groups::Group;

/// Pairs of tags (positions in `groups`) that look like one name: the first of each pair is
/// the one more briefings carry (the name to keep), the second the other spelling. Found by
/// lookup, not by comparing every pair: an archive has thousands of tags.
pub fn lookalikes(groups: &[Group]) -> Vec<(usize, usize)> {
    let mut by_letters: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_initials: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, group) in groups.iter().enumerate() {
        let key = letters(&group.name);
        if !key.is_empty() {
            by_letters.entry(key).or_default().push(i);
        }
        for initials in initials(&group.name) {
            by_initials.entry(initials).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for same in by_letters.values() {
        for (n, &a) in same.iter().enumerate() {
            pairs.extend(same[n + 1..].iter().map(|&b| (a, b)));
        }
    }
    for (i, group) in groups.iter().enumerate() {
        if is_acronym(&group.name) {
            let spelled = by_initials.get(&group.name).into_iter().flatten();
            pairs.extend(spelled.map(|&b| (i.min(b), i.max(b))));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .map(
            |(a, b)| match groups[a].members.len() >= groups[b].members.len() {
                true => (a, b),
                false => (b, a),
            },
        )
        .collect()
}

/// The letters and digits of a name, lowercased: spacing, hyphens and case set aside.
fn letters(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// All capitals, three letters or more (two would pair too much: `AS`, `UN`).
fn is_acronym(name: &str) -> bool {
    name.chars().count() >= 3 && name.chars().all(|c| c.is_uppercase())
}

/// The initials of a name of two words or more, with and without its small words (`dan`,
/// `and`, `of`, ...), in capitals.
fn initials(name: &str) -> Vec<String> {
    const SMALL: &[&str] = &["dan", "and", "of", "the", "untuk", "di"];
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let of = |skip_small: bool| -> String {
        words
            .iter()
            .filter(|w| !(skip_small && SMALL.contains(&w.to_lowercase().as_str())))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let (short, full) = (of(true), of(false));
    if short == full {
        vec![full]
    } else {
        vec![short, full]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(name: &str, members: usize) -> Group {
        Group {
            name: name.to_string(),
            slug: crate::slug::slugify(name),
            members: (0..members).collect(),
        }
    }

    #[test]
    fn spellings_and_initials_of_one_name_are_paired() {
        let groups = [
            group("Korea Utara", 5),
            group("KoreaUtara", 1),
            group("KTT", 1),
            group("Konferensi Tingkat Tinggi", 3),
            group("Korea Selatan", 4),
            group("PBB", 2),
            group("Perserikatan Bangsa-Bangsa", 1),
        ];
        assert_eq!(lookalikes(&groups), [(0, 1), (3, 2), (5, 6)]);
        assert!(lookalikes(&[group("Korea Utara", 1), group("Korea Selatan", 1)]).is_empty());
        assert!(lookalikes(&[group("AS", 1), group("Asia Selatan", 1)]).is_empty());
    }
}
