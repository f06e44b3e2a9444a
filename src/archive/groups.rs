//! Indexes of names briefings carry (tags, sources, places): one entry per slug, however
//! the name was spelled.

use rustc_hash::FxHashMap;
use std::sync::Arc;

use crate::content::Briefing;
use crate::slug::slugify;

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

/// An index kept from the last build, with the digest of the names it was made from.
#[derive(Debug)]
pub struct Kept {
    names: u64,
    index: Arc<Index>,
}

/// Builds the index from briefings already sorted newest first, with the names `names`
/// gives for each; takes the one in `kept` when every briefing has the same names in the
/// same place (a title or body edit), and keeps the one it returns. Each spelling is
/// slugified once, however many briefings use it; a name with no letters or digits (no
/// slug) is left out.
pub fn index_reusing<'a, N: Iterator<Item = &'a str>>(
    briefings: &'a [Arc<Briefing>],
    names: impl Fn(&'a Briefing) -> N,
    kept: &mut Option<Kept>,
) -> Arc<Index> {
    let (flat, ends) = flat_names(briefings, names);
    let digest = crate::digest::of((&flat, &ends));
    match kept {
        Some(kept) if kept.names == digest => Arc::clone(&kept.index),
        _ => {
            let index = Arc::new(index_of(&flat, &ends));
            *kept = Some(Kept {
                names: digest,
                index: Arc::clone(&index),
            });
            index
        }
    }
}

/// Every briefing's names in one list, not a list each: `ends[i]` is where briefing `i`'s
/// names end.
fn flat_names<'a, N: Iterator<Item = &'a str>>(
    briefings: &'a [Arc<Briefing>],
    names: impl Fn(&'a Briefing) -> N,
) -> (Vec<&'a str>, Vec<usize>) {
    let mut flat: Vec<&str> = Vec::with_capacity(briefings.len());
    let mut ends: Vec<usize> = Vec::with_capacity(briefings.len());
    for b in briefings {
        flat.extend(names(b));
        ends.push(flat.len());
    }
    (flat, ends)
}

/// The index of names as [`flat_names`] lists them.
fn index_of(flat: &[&str], ends: &[usize]) -> Index {
    let names = ends.iter().scan(0, |start, &end| {
        let written = &flat[*start..end];
        *start = end;
        Some(written)
    });
    // Each spelling leads to its slug's slot (or to none), so a name costs one lookup.
    let mut slot_of: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    let mut slot_of_slug: FxHashMap<String, usize> = FxHashMap::default();
    let mut slots: Vec<Slot> = Vec::new();
    for (i, written) in names.clone().enumerate() {
        for &name in written {
            let slot = *slot_of.entry(name).or_insert_with(|| {
                let slug = slugify(name);
                (!slug.is_empty()).then(|| {
                    *slot_of_slug.entry(slug.clone()).or_insert_with(|| {
                        slots.push(Slot::new(slug));
                        slots.len() - 1
                    })
                })
            });
            if let Some(slot) = slot {
                *slots[slot].spellings.entry(name).or_default() += 1;
                slots[slot].members.push(i);
            }
        }
    }
    let mut sorted: Vec<(usize, Slot)> = slots.into_iter().enumerate().collect();
    sorted.sort_by(|a, b| a.1.slug.cmp(&b.1.slug));
    let mut position = vec![0; sorted.len()];
    for (rank, (slot, _)) in sorted.iter().enumerate() {
        position[*slot] = rank;
    }
    let of_briefing = names
        .map(|written| {
            written
                .iter()
                .filter_map(|name| slot_of[name].map(|slot| position[slot]))
                .collect()
        })
        .collect();
    let groups = sorted
        .into_iter()
        .map(|(_, slot)| slot.into_group())
        .collect();
    Index {
        groups,
        of_briefing,
    }
}

/// A group while the index is being built.
struct Slot<'a> {
    slug: String,
    spellings: FxHashMap<&'a str, usize>,
    members: Vec<usize>,
}

impl<'a> Slot<'a> {
    fn new(slug: String) -> Slot<'a> {
        Slot {
            slug,
            spellings: FxHashMap::default(),
            members: Vec::new(),
        }
    }

    /// The group, named by the spelling most briefings use (ties: the first in
    /// alphabetical order).
    fn into_group(self) -> Group {
        let name = self
            .spellings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(name, _)| name.to_string())
            .unwrap_or_default();
        Group {
            name,
            slug: self.slug,
            members: self.members,
        }
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
        let tags = index_reusing(&briefings, |b| b.tags.iter().map(String::as_str), &mut None);
        let tags = &tags.groups;
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
