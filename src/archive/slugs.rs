//! Slugs kabar made up must never fail a build: when two briefings whose slugs were not
//! stated (raw articles named by an inferred title, say) would have one address, the later
//! one by path gets `-2`, the next `-3`, and so on. A clash between slugs editors stated
//! stays an error naming both files (see `render::pages`).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::config::Permalink;
use crate::content::Briefing;
use crate::slug::first_free;

/// Gives every briefing with a made-up slug an address no other briefing has.
pub fn make_distinct(briefings: &mut [Arc<Briefing>], permalink: &Permalink) {
    let address = |b: &Briefing| permalink.expand(&b.date, &b.slug);
    let mut by_address: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, b) in briefings.iter().enumerate() {
        by_address.entry(address(b)).or_default().push(i);
    }
    let clashes: Vec<Vec<usize>> = by_address.into_values().filter(|c| c.len() > 1).collect();
    if clashes.is_empty() {
        return;
    }
    let mut taken: HashSet<String> = briefings.iter().map(|b| address(b)).collect();
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
