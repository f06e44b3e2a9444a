//! [`Briefing`]s → [`Archive`]: sorted, grouped by tag and by month, linked to neighbours.

pub mod copies;
pub mod coverage;
pub mod duplicates;
pub mod groups;
pub mod lookalikes;
pub mod paginate;
pub mod related;
mod settle;
pub mod slugs;
pub mod stories;
pub mod timeline;

use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Briefing;
pub use groups::Group;
pub use settle::{Settled, settle};
pub use stories::{Stories, Story};
pub use timeline::{Month, Year};

/// The root of `i`'s set in a union-find forest of parent links, halving the path on the way
/// (stories and coverage groups join briefings so).
fn set_root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// For each of `briefings`, what a step `read`s of it (given its position): taken from
/// `kept` where `held`, the briefings `kept` was read from, has the same one at the same
/// place (the same allocation, so the same text), read anew for the rest. A cache read back
/// from the build cache holds no briefings, and reads every one.
fn read_reusing<T: Clone + Send + Sync>(
    briefings: &[Arc<Briefing>],
    (held, kept): (&[Arc<Briefing>], &[T]),
    read: impl Fn(usize, &Briefing) -> T + Sync,
) -> Vec<T> {
    briefings
        .par_iter()
        .enumerate()
        .map(|(i, b)| match held.get(i) {
            Some(same) if Arc::ptr_eq(same, b) => kept[i].clone(),
            _ => read(i, b),
        })
        .collect()
}

/// The kinds of names briefings are grouped by, each with an index page and a page per name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Tag,
    /// The outlet a briefing came from.
    Source,
    /// Its dateline.
    Place,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Tag, Facet::Source, Facet::Place];

    /// The folder of its pages: `tags`, `sources`, `places`.
    pub fn dir(self) -> &'static str {
        match self {
            Facet::Tag => "tags",
            Facet::Source => "sources",
            Facet::Place => "places",
        }
    }

    /// The singular, as templates and page kinds name it.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Tag => "tag",
            Facet::Source => "source",
            Facet::Place => "place",
        }
    }

    fn names(self, b: &Briefing) -> impl Iterator<Item = &str> {
        let (tags, source, place) = match self {
            Facet::Tag => (b.tags.as_slice(), None, None),
            Facet::Source => (&[][..], b.source.as_ref(), None),
            Facet::Place => (&[][..], None, b.dateline.as_deref()),
        };
        let tags = tags.iter().map(String::as_str);
        tags.chain(source.map(|s| s.name.as_str())).chain(place)
    }
}

/// What an archive keeps for the next one, so a rebuild redoes only what its edits reach.
/// The build cache keeps it too, but for the facets' indexes, quick to make again.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Cache {
    pub related: related::Cache,
    /// Each facet's last index.
    #[serde(skip)]
    facets: [Option<groups::Kept>; 3],
    /// What stories were found from, by file.
    pub stories: stories::Cache,
    /// The last coverage links.
    pub coverage: coverage::Cache,
}

impl Cache {
    /// The cache without what the build cache need not keep: the related lists' words
    /// (see [`related::Cache::without_words`]) and the facets' indexes.
    pub fn for_keeping(self) -> Cache {
        Cache {
            related: self.related.without_words(),
            facets: Default::default(),
            ..self
        }
    }
}

/// Every published briefing and the indexes over them. Indexes hold positions in `briefings`.
#[derive(Debug, Default)]
pub struct Archive {
    /// Newest first; briefings at the same instant are ordered by slug, so output is stable.
    /// Shared, so a rebuild re-indexes without copying what did not change.
    pub briefings: Vec<Arc<Briefing>>,
    /// Tags, sources and places, each ordered by slug (see [`Archive::groups`]).
    facets: [Arc<groups::Index>; 3],
    /// Newest year first, each with its months newest first.
    pub years: Vec<Year>,
    /// For each briefing, its related briefings, best first.
    pub related: Vec<Vec<usize>>,
    /// Briefings marked `duplicate_of`, each with its original's position in `briefings`.
    pub copies: Vec<(Arc<Briefing>, usize)>,
    /// Briefings that follow one story, on a site with story pages.
    pub stories: Stories,
    /// Briefings that tell one event, and texts told twice.
    pub coverage: coverage::Coverage,
}

impl Archive {
    pub fn new(briefings: Vec<impl Into<Arc<Briefing>>>) -> Archive {
        Archive::reusing(briefings, &mut Cache::default())
    }

    /// An archive whose indexes and related lists come from `cache` when they cannot have
    /// changed.
    pub fn reusing(briefings: Vec<impl Into<Arc<Briefing>>>, cache: &mut Cache) -> Archive {
        let mut briefings: Vec<Arc<Briefing>> = briefings.into_iter().map(Into::into).collect();
        briefings.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        let mut facets = Facet::ALL.map(|_| Arc::default());
        facets
            .par_iter_mut()
            .zip(cache.facets.par_iter_mut())
            .enumerate()
            .for_each(|(k, (index, kept))| {
                let facet = Facet::ALL[k];
                *index = groups::index_reusing(&briefings, |b| facet.names(b), kept);
            });
        let years = timeline::index(&briefings);
        let coverage = coverage::find(&briefings, &mut cache.coverage);
        let tags = &facets[Facet::Tag as usize];
        let related = cache
            .related
            .related(&briefings, &tags.groups, &tags.of_briefing);
        Archive {
            briefings,
            facets,
            years,
            related,
            copies: Vec::new(),
            stories: Stories::default(),
            coverage,
        }
    }

    /// The archive with `copies` placed beside their originals; a copy whose original is
    /// not here (an error already reported) is dropped.
    pub fn with_copies(mut self, copies: Vec<copies::CopyOf>) -> Archive {
        let positions: std::collections::HashMap<&std::path::Path, usize> = self
            .briefings
            .iter()
            .enumerate()
            .map(|(i, b)| (b.path.as_path(), i))
            .collect();
        let mut copies: Vec<_> = copies
            .into_iter()
            .filter_map(|copy| Some((copy.briefing, *positions.get(copy.original.as_path())?)))
            .collect();
        copies.sort_by(|(a, _), (b, _)| a.path.cmp(&b.path));
        self.copies = copies;
        self
    }

    /// The archive with its stories found, on a site that has them (`settings`), reading
    /// again only the briefings `cache` has not seen as they are.
    pub fn with_stories(
        mut self,
        settings: Option<&crate::config::Stories>,
        cache: &mut stories::Cache,
    ) -> Archive {
        if let Some(settings) = settings {
            let tags = &self.facets[Facet::Tag as usize];
            let tags = (tags.groups.as_slice(), tags.of_briefing.as_slice());
            self.stories = Stories::find(&self.briefings, tags, settings, cache);
        }
        self
    }

    /// The groups of a facet, ordered by slug.
    pub fn groups(&self, facet: Facet) -> &[Group] {
        &self.facets[facet as usize].groups
    }

    /// The positions in [`Archive::groups`] of the briefing's groups, in the order it lists
    /// them.
    pub fn groups_of(&self, facet: Facet, i: usize) -> &[usize] {
        &self.facets[facet as usize].of_briefing[i]
    }

    pub fn tags(&self) -> &[Group] {
        self.groups(Facet::Tag)
    }

    /// The briefing published just before the one at `i`.
    pub fn older(&self, i: usize) -> Option<usize> {
        (i + 1 < self.briefings.len()).then_some(i + 1)
    }

    /// The briefing published just after the one at `i`.
    pub fn newer(&self, i: usize) -> Option<usize> {
        i.checked_sub(1)
    }

    /// The date of the newest change anywhere, used where a feed or sitemap needs "updated".
    pub fn last_change(
        &self,
        members: impl IntoIterator<Item = usize>,
    ) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        members
            .into_iter()
            .map(|i| self.briefings[i].last_change())
            .max()
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use std::path::PathBuf;
    use std::sync::Arc;

    use crate::content::Briefing;

    /// The briefings as the next `kabar build` has them: parsed again, sharing no allocation
    /// with these.
    pub(crate) fn parsed_again(all: &[Arc<Briefing>]) -> Vec<Arc<Briefing>> {
        all.iter().map(|b| Arc::new(Briefing::clone(b))).collect()
    }

    /// A cache as the next `kabar build` reads it: from its bytes.
    pub(crate) fn read_back<T: serde::Serialize + serde::de::DeserializeOwned>(cache: &T) -> T {
        postcard::from_bytes(&postcard::to_allocvec(cache).unwrap()).unwrap()
    }

    pub(crate) fn briefing(slug: &str, date: &str, tags: &[&str]) -> Arc<Briefing> {
        Arc::new(Briefing {
            path: PathBuf::from(format!("content/{slug}.md")),
            slug: slug.to_string(),
            title: slug.to_uppercase(),
            date: chrono::DateTime::parse_from_rfc3339(date).unwrap(),
            has_time: true,
            updated: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            source: None,
            dateline: None,
            author: None,
            cited: Vec::new(),
            summary: String::new(),
            body: Default::default(),
            print: None,
            words: 0,
            source_words: 0,
            draft: false,
            duplicate_of: None,
            story: Default::default(),
            story_title: None,
            links: Vec::new(),
            inferred: Vec::new(),
            evidence: Default::default(),
            warnings: Vec::new(),
            doubt: None,
            slug_stated: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::briefing;
    use super::*;

    #[test]
    fn newest_first_ties_by_slug() {
        let archive = Archive::new(vec![
            briefing("b", "2019-01-01T10:00:00+07:00", &[]),
            briefing("c", "2020-01-01T10:00:00+07:00", &[]),
            briefing("a", "2019-01-01T10:00:00+07:00", &[]),
        ]);
        let slugs: Vec<&str> = archive.briefings.iter().map(|b| b.slug.as_str()).collect();
        assert_eq!(slugs, ["c", "a", "b"]);
        assert_eq!(archive.newer(0), None);
        assert_eq!(archive.older(0), Some(1));
        assert_eq!(archive.older(2), None);
    }
}
