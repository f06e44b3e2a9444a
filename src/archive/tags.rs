//! The tag index: one entry per tag slug, however its name was spelled.

use std::collections::BTreeMap;

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

/// Builds the index from briefings already sorted newest first.
pub fn index(briefings: &[Briefing]) -> Vec<Tag> {
    let mut by_slug: BTreeMap<String, (BTreeMap<&str, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, briefing) in briefings.iter().enumerate() {
        for name in &briefing.tags {
            let (spellings, members) = by_slug.entry(slugify(name)).or_default();
            *spellings.entry(name.as_str()).or_default() += 1;
            members.push(i);
        }
    }
    by_slug
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
        .collect()
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
        let tags = index(&briefings);
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
