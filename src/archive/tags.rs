//! The tag index: one entry per tag slug, however its name was spelled.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::content::Briefing;
use crate::extract::slug::slugify;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The spelling most briefings use (ties: the first in alphabetical order).
    pub name: String,
    pub slug: String,
    /// Positions in the archive, newest first.
    pub members: Vec<usize>,
}

/// The tags, and for each briefing the positions of its tags in the order it lists them.
#[derive(Debug, Default)]
pub struct Index {
    pub tags: Vec<Tag>,
    pub of_briefing: Vec<Vec<usize>>,
}

/// Builds the index from briefings already sorted newest first. Each spelling is slugified
/// once, however many briefings use it.
pub fn index(briefings: &[Arc<Briefing>]) -> Index {
    let mut slugs: HashMap<&str, String> = HashMap::new();
    let mut by_slug: BTreeMap<String, (BTreeMap<&str, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, briefing) in briefings.iter().enumerate() {
        for name in &briefing.tags {
            let slug = slugs.entry(name).or_insert_with(|| slugify(name));
            let (spellings, members) = by_slug.entry(slug.clone()).or_default();
            *spellings.entry(name.as_str()).or_default() += 1;
            members.push(i);
        }
    }
    let position: HashMap<&str, usize> = by_slug
        .keys()
        .enumerate()
        .map(|(t, slug)| (slug.as_str(), t))
        .collect();
    let of_briefing = briefings
        .iter()
        .map(|b| {
            b.tags
                .iter()
                .map(|name| position[slugs[name.as_str()].as_str()])
                .collect()
        })
        .collect();
    let tags = by_slug
        .into_iter()
        .map(|(slug, (spellings, members))| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(name, _)| name.to_string())
                .unwrap_or_default();
            Tag {
                name,
                slug,
                members,
            }
        })
        .collect();
    Index { tags, of_briefing }
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
        let tags = index(&briefings).tags;
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
