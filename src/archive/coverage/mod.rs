//! Coverage: the briefings that tell one event, each from its outlet ("Juga diberitakan"), and
//! the texts that are one text twice (pasted again, a syndicated copy), whose later file points
//! search engines to the first.
//!
//! Two briefings tell one event when they are at most [`WINDOW_DAYS`] apart and share a good
//! part of their word pairs (their [`Print`]s), or share fewer but name the same rare people
//! and places (`names`). Candidates come from buckets of the prints' bands and from the
//! names' lists, each walked in date order within the window: never all pairs.

use std::sync::Arc;

mod links;
mod names;

use crate::content::Briefing;
use crate::error::Diagnostic;
use crate::layout::CONTENT_DIR;

/// The most days between the first and the last telling of one event.
pub const WINDOW_DAYS: i32 = 3;
/// The share of word pairs two tellings of one event have at least, by their prints.
pub const SAME_EVENT: f64 = 0.25;
/// The share above which two texts are one text twice.
pub const SAME_TEXT: f64 = 0.85;

/// What a rebuild reuses of the last build's links.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Cache {
    prints: links::Cache,
    names: names::Cache,
}

/// The archive's coverage groups and copies.
#[derive(Debug, Default, PartialEq)]
pub struct Coverage {
    /// Briefings that tell one event (positions in the archive), oldest first; groups ordered
    /// by their newest member, newest first.
    pub groups: Vec<Vec<usize>>,
    /// For each briefing, its group.
    pub of_briefing: Vec<Option<usize>>,
    /// Briefings that are an older briefing's text twice: (copy, original, share alike),
    /// by copy.
    pub copies: Vec<Repeat>,
}

/// A briefing whose text an older one already tells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Repeat {
    pub copy: usize,
    pub original: usize,
    pub alike: f64,
}

impl Coverage {
    /// The briefing whose text `i` repeats, if any.
    pub fn original_of(&self, i: usize) -> Option<&Repeat> {
        let at = self.copies.binary_search_by_key(&i, |c| c.copy).ok()?;
        Some(&self.copies[at])
    }

    /// Whether two briefings are in one coverage group.
    pub fn same_event(&self, i: usize, j: usize) -> bool {
        let group = |i: usize| self.of_briefing.get(i).copied().flatten();
        group(i).is_some() && group(i) == group(j)
    }

    /// The other versions of `i`'s event, oldest first: its group but `i`, the text `i`
    /// repeats, and the copies (a text twice is one version).
    pub fn others(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let group = self.of_briefing.get(i).copied().flatten();
        let members = group.map_or(&[][..], |g| self.groups[g].as_slice());
        let original = self.original_of(i).map(|c| c.original);
        members
            .iter()
            .copied()
            .filter(move |&j| j != i && Some(j) != original && self.original_of(j).is_none())
    }
}

/// The coverage groups and copies of `briefings` (newest first, as the archive holds them);
/// `cache` holds the links of the last call, so that a rebuild compares again only the
/// briefings whose text or day changed.
pub fn find(briefings: &[Arc<Briefing>], cache: &mut Cache) -> Coverage {
    let days: Vec<i32> = briefings.iter().map(|b| links::day(b)).collect();
    let mut links = links::alike_pairs(briefings, &days, &mut cache.prints);
    links.extend(names::named_pairs(briefings, &days, &mut cache.names));
    // Most alike first (then by pair, so the order is the same however they were found): a
    // set refuses a join that would span too many days, so the closest pairs join first. A
    // pair both ways find has one share alike, so its two links meet and one goes.
    links.sort_by(|x, y| y.alike.total_cmp(&x.alike).then(x.pair.cmp(&y.pair)));
    links.dedup_by_key(|link| link.pair);
    let told: Vec<(i64, usize)> = briefings
        .iter()
        .enumerate()
        .map(|(i, b)| (b.date.timestamp(), i))
        .collect();
    let mut groups = Joined::new(&days, &told);
    let mut texts = Joined::new(&days, &told);
    for link in &links {
        groups.join(link.pair);
        if link.alike >= SAME_TEXT {
            texts.join(link.pair);
        }
    }
    let copies = texts.copies(|i, j| {
        let print = |i: usize| briefings[i].print.as_ref();
        print(i).zip(print(j)).map_or(0.0, |(a, b)| a.similarity(b))
    });
    let (groups, of_briefing) = groups.sets(briefings.len());
    Coverage {
        groups,
        of_briefing,
        copies,
    }
}

/// Briefings joined into sets that never span more than [`WINDOW_DAYS`]: a chain of daily
/// reports written from one template is not one event.
struct Joined<'a> {
    parent: Vec<usize>,
    /// For each set's root: its oldest and newest day.
    span: Vec<(i32, i32)>,
    /// For each briefing, when it was told (and its position, for those told at once): the
    /// least is a set's first telling, and its root.
    told: &'a [(i64, usize)],
}

impl<'a> Joined<'a> {
    fn new(days: &[i32], told: &'a [(i64, usize)]) -> Joined<'a> {
        Joined {
            parent: (0..days.len()).collect(),
            span: days.iter().map(|&d| (d, d)).collect(),
            told,
        }
    }

    fn root(&mut self, i: usize) -> usize {
        super::set_root(&mut self.parent, i)
    }

    /// Joins the sets of a pair unless the joined set would span too many days. The root is
    /// the first told, so a set of one text twice is rooted at its original; of two told at
    /// the same instant, the one the archive lists first (its address has no `-2`).
    fn join(&mut self, (a, b): (usize, usize)) {
        let (ra, rb) = (self.root(a), self.root(b));
        let (sa, sb) = (self.span[ra], self.span[rb]);
        let span = (sa.0.min(sb.0), sa.1.max(sb.1));
        if ra == rb || span.1 - span.0 > WINDOW_DAYS {
            return;
        }
        let (root, child) = match self.told[ra] < self.told[rb] {
            true => (ra, rb),
            false => (rb, ra),
        };
        self.parent[child] = root;
        self.span[root] = span;
    }

    /// Each briefing joined to an older one as a copy of the set's first.
    fn copies(mut self, alike: impl Fn(usize, usize) -> f64) -> Vec<Repeat> {
        let mut copies: Vec<Repeat> = Vec::new();
        for i in 0..self.parent.len() {
            let original = self.root(i);
            if original != i {
                let alike = alike(i, original);
                copies.push(Repeat {
                    copy: i,
                    original,
                    alike,
                });
            }
        }
        copies
    }

    /// The sets of more than one, each oldest first, newest set first; and each briefing's set.
    fn sets(mut self, n: usize) -> (Vec<Vec<usize>>, Vec<Option<usize>>) {
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            let root = self.root(i);
            by_root[root].push(i);
        }
        let mut groups: Vec<Vec<usize>> = by_root.into_iter().filter(|s| s.len() > 1).collect();
        groups.sort_by_key(|s| s[0]);
        let mut of_briefing = vec![None; n];
        for (g, members) in groups.iter_mut().enumerate() {
            members.sort_by_key(|&i| self.told[i]);
            for &i in members.iter() {
                of_briefing[i] = Some(g);
            }
        }
        (groups, of_briefing)
    }
}

/// A warning at each copy's file naming the briefing whose text it repeats.
pub fn copy_warnings(briefings: &[Arc<Briefing>], coverage: &Coverage) -> Vec<Diagnostic> {
    coverage
        .copies
        .iter()
        .map(|c| {
            let (copy, original) = (&briefings[c.copy].path, &briefings[c.original].path);
            let named = original.strip_prefix(CONTENT_DIR).unwrap_or(original);
            Diagnostic::file(
                copy,
                format!(
                    "the same text as {} ({:.0}% of word pairs alike): both are published, \
                     this one naming the first as the canonical page",
                    original.display(),
                    c.alike * 100.0
                ),
            )
            .with_hint(format!(
                "keep one of the two files, or mark this one a copy, `duplicate_of: {}` in \
                 its front matter (a raw .txt takes one too, between two `---` lines at its \
                 top), so the site publishes the story once",
                named.display()
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::test_support::briefing;
    use crate::content::print::Print;

    const TEXT: &str = "Kim Jong-un tiba di Vietnam setelah perjalanan kereta api sekitar 60 jam \
        dari Pyongyang melintasi daratan China. Kereta lapis baja itu berhenti di stasiun \
        perbatasan Dong Dang, lalu Kim melanjutkan perjalanan dengan mobil menuju Hanoi. Jalan \
        yang dilaluinya ditutup dan dijaga ketat.";

    /// Briefings telling `TEXT` on each of `days` (of February 2019), newest first.
    fn told_on(days: &[u32]) -> Vec<Arc<Briefing>> {
        let mut days = days.to_vec();
        days.sort_by(|a, b| b.cmp(a));
        days.iter()
            .map(|day| {
                let b = briefing(
                    &format!("k{day}"),
                    &format!("2019-02-{day:02}T10:00:00+07:00"),
                    &[],
                );
                let mut b = Arc::unwrap_or_clone(b);
                b.print = Print::of(&[format!("{TEXT} Hari {day}.")]);
                Arc::new(b)
            })
            .collect()
    }

    #[test]
    fn a_text_told_every_day_is_never_one_event_longer_than_the_window() {
        let briefings = told_on(&[1, 2, 3, 4, 5, 6, 7, 8]);
        let coverage = find(&briefings, &mut Cache::default());
        assert!(coverage.groups.len() >= 2, "{:?}", coverage.groups);
        for group in &coverage.groups {
            let days: Vec<i32> = group.iter().map(|&i| links::day(&briefings[i])).collect();
            let span = days.iter().max().unwrap() - days.iter().min().unwrap();
            assert!(span <= WINDOW_DAYS, "{group:?} spans {span} days");
        }
    }

    #[test]
    fn one_text_twice_is_a_copy_of_the_first_told_and_no_other_version() {
        let briefings = told_on(&[10, 11]);
        let coverage = find(&briefings, &mut Cache::default());
        // Newest first: the 11th is at 0, the first telling at 1.
        assert_eq!(coverage.groups, [vec![1, 0]]);
        let copy = coverage.original_of(0).unwrap();
        assert_eq!((copy.copy, copy.original), (0, 1));
        assert!(copy.alike >= SAME_TEXT);
        assert_eq!(coverage.original_of(1), None);
        assert_eq!(coverage.others(0).count(), 0);
        assert_eq!(coverage.others(1).count(), 0);
    }

    #[test]
    fn the_same_text_further_apart_than_the_window_is_no_link() {
        let briefings = told_on(&[1, 1 + WINDOW_DAYS as u32 + 1]);
        let coverage = find(&briefings, &mut Cache::default());
        assert!(coverage.groups.is_empty(), "{:?}", coverage.groups);
        assert!(coverage.copies.is_empty());
    }

    #[test]
    fn a_rebuild_finds_what_a_first_build_finds() {
        let mut cache = Cache::default();
        let before = told_on(&[1, 2, 9, 10, 11, 20]);
        find(&before, &mut cache);
        // The briefing of the 9th moves to the 21st; the rest are the same.
        let mut after: Vec<Arc<Briefing>> = told_on(&[21]);
        after.extend(before.iter().filter(|b| b.slug != "k9").cloned());
        let again = find(&after, &mut cache);
        let fresh = find(&after, &mut Cache::default());
        assert_eq!(again.groups, fresh.groups);
        assert_eq!(again.copies, fresh.copies);
        assert_eq!(fresh.groups.len(), 3, "{:?}", fresh.groups);
    }
}
