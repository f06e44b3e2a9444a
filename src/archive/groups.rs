//! Indexes of names briefings carry (tags, sources, places): one entry per slug, however
//! the name was spelled.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::content::Briefing;
use crate::extract::slug::slugify;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The spelling most briefings use (ties: the first in alphabetical order).
    pub name: String,
    pub slug: String,
    /// Positions in the archive, newest first.
    pub members: Vec<usize>,
}

/// The groups, and for each briefing the positions of its groups in the order it lists them.
#[derive(Debug, Default)]
pub struct Index {
    pub groups: Vec<Group>,
    pub of_briefing: Vec<Vec<usize>>,
}

/// Builds the index from briefings already sorted newest first, with the names `names`
/// gives for each. Each spelling is slugified once, however many briefings use it; a name
/// with no letters or digits (no slug) is left out.
pub fn index<'a>(
    briefings: &'a [Arc<Briefing>],
    names: impl Fn(&'a Briefing) -> Vec<&'a str>,
) -> Index {
    let names: Vec<Vec<&str>> = briefings.iter().map(|b| names(b)).collect();
    let mut slugs: HashMap<&str, String> = HashMap::new();
    let mut by_slug: BTreeMap<String, (BTreeMap<&str, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, written) in names.iter().enumerate() {
        for &name in written {
            let slug = slugs.entry(name).or_insert_with(|| slugify(name));
            if slug.is_empty() {
                continue;
            }
            let (spellings, members) = by_slug.entry(slug.clone()).or_default();
            *spellings.entry(name).or_default() += 1;
            members.push(i);
        }
    }
    let position: HashMap<&str, usize> = by_slug
        .keys()
        .enumerate()
        .map(|(t, slug)| (slug.as_str(), t))
        .collect();
    let of_briefing = names
        .iter()
        .map(|written| {
            written
                .iter()
                .filter_map(|name| position.get(slugs[name].as_str()).copied())
                .collect()
        })
        .collect();
    let groups = by_slug
        .into_iter()
        .map(|(slug, (spellings, members))| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(name, _)| name.to_string())
                .unwrap_or_default();
            Group {
                name,
                slug,
                members,
            }
        })
        .collect();
    Index {
        groups,
        of_briefing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::test_support::briefing;

    #[test]
    fn groups_spellings_under_one_slug() {
        let briefings = vec![
            briefing("c", "2020-01-03T00:00:00+07:00", &["Korea Utara", "AS"]),
            briefing("b", "2020-01-02T00:00:00+07:00", &["korea utara"]),
            briefing("a", "2020-01-01T00:00:00+07:00", &["Korea Utara"]),
        ];
        let tags = index(&briefings, |b| b.tags.iter().map(String::as_str).collect()).groups;
        assert_eq!(tags.len(), 2);
        assert_eq!(
            (tags[0].slug.as_str(), tags[0].members.as_slice()),
            ("as", &[0][..])
        );
        assert_eq!(tags[1].name, "Korea Utara");
        assert_eq!(tags[1].slug, "korea-utara");
        assert_eq!(tags[1].members, [0, 1, 2]);
    }
}
