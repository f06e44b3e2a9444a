//! Slugs kabar made up must never fail a build: when two briefings whose slugs were not
//! stated (raw articles named by an inferred title, say) would have one address, the later
//! one by path gets `-2`, the next `-3`, and so on. A clash between slugs editors stated
//! stays an error naming both files (see `render::pages`).

use std::collections::hash_map::Entry;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::config::Permalink;
use crate::content::Briefing;
use crate::slug::first_free;

/// Gives every briefing with a made-up slug an address no other briefing has.
pub fn make_distinct(briefings: &mut [Arc<Briefing>], permalink: &Permalink) {
    let addresses: Vec<String> = briefings
        .iter()
        .map(|b| permalink.expand(&b.date, &b.slug))
        .collect();
    // Most addresses are taken once: only those taken again get a list of their briefings.
    let mut first: FxHashMap<&str, usize> = FxHashMap::default();
    first.reserve(addresses.len());
    let mut clashes: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, address) in addresses.iter().enumerate() {
        match first.entry(address) {
            Entry::Occupied(taker) => clashes
                .entry(address)
                .or_insert_with(|| vec![*taker.get()])
                .push(i),
            Entry::Vacant(free) => _ = free.insert(i),
        }
    }
    let mut clashes: Vec<Vec<usize>> = clashes.into_values().collect();
    if clashes.is_empty() {
        return;
    }
    clashes.sort_unstable();
    let mut taken: FxHashSet<String> = addresses.into_iter().collect();
    for mut clash in clashes {
        // Stated slugs keep theirs; the made-up ones follow, by path, so the result does not
        // depend on the order files were read in.
        clash.sort_by(|&a, &b| {
            let key = |i: usize| (!briefings[i].slug_stated, briefings[i].path.clone());
            key(a).cmp(&key(b))
        });
        let made_up: Vec<usize> = clash
            .into_iter()
            .skip(1)
            .filter(|&i| !briefings[i].slug_stated)
            .collect();
        for i in made_up {
            let date = briefings[i].date;
            let slug = first_free(&briefings[i].slug, |slug| {
                !taken.contains(&permalink.expand(&date, slug))
            });
            taken.insert(permalink.expand(&date, &slug));
            Arc::make_mut(&mut briefings[i]).slug = slug;
        }
    }
}
