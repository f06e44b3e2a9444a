//! What each shard's index is made from, as one digest: a shard whose digest is the one
//! stamped in the last output (or held by a rebuilding session) need not be indexed again.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::shards::{Shard, shards};
use crate::archive::Archive;
use crate::config::Config;
use crate::digest;
use crate::render::views::{Card, Views};

/// What a shard holds and how its records are made, named so that a shard an older kabar made
/// is not reused: bumped when either changes.
const SHARD_FORMAT: &str = "words, word families, metadata named by digest, stems";

/// A shard and the digest of everything its index is made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    pub shard: Shard,
    pub digest: u64,
}

/// The shards the archive needs now, newest first. `digest` gives, for a briefing's
/// position, a hash of its body ([`crate::render::keys::body_digest`]); its card gives every
/// other field a record holds.
pub fn wanted(
    archive: &Archive,
    views: &Views,
    config: &Config,
    digest: impl Fn(usize) -> u64 + Sync,
) -> Vec<Wanted> {
    Digests::default().wanted(archive, views, config, digest)
}

/// The shard digests of the last rebuild, each with the cards (the same `Arc`s, which a
/// session reuses while nothing they show changed) and body digests it was made from: a
/// shard none of whose cards or bodies changed keeps its digest without hashing them again.
#[derive(Debug, Default)]
pub struct Digests {
    language: &'static str,
    shards: HashMap<String, Made>,
}

#[derive(Debug)]
struct Made {
    cards: Vec<Arc<Card>>,
    bodies: Vec<u64>,
    digest: u64,
}

impl Digests {
    /// As [`wanted`], reusing the digests of shards that did not change.
    pub fn wanted(
        &mut self,
        archive: &Archive,
        views: &Views,
        config: &Config,
        digest: impl Fn(usize) -> u64 + Sync,
    ) -> Vec<Wanted> {
        let language = config.language.code();
        if self.language != language {
            self.shards.clear();
            self.language = language;
        }
        let made: Vec<(Shard, Option<Made>, u64)> = shards(archive)
            .into_par_iter()
            .map(|shard| {
                let bodies: Vec<u64> = shard.members.iter().map(|&i| digest(i)).collect();
                let same = |m: &&Made| {
                    m.bodies == bodies
                        && m.cards.len() == shard.members.len()
                        && m.cards
                            .iter()
                            .zip(&shard.members)
                            .all(|(card, &i)| Arc::ptr_eq(card, &views.cards[i]))
                };
                if let Some(m) = self.shards.get(&shard.name).filter(same) {
                    let digest = m.digest;
                    return (shard, None, digest);
                }
                let digest = shard_digest(&shard, views, language, &bodies);
                let cards = shard
                    .members
                    .iter()
                    .map(|&i| Arc::clone(&views.cards[i]))
                    .collect();
                (
                    shard,
                    Some(Made {
                        cards,
                        bodies,
                        digest,
                    }),
                    digest,
                )
            })
            .collect();
        let names: Vec<&String> = made.iter().map(|(shard, ..)| &shard.name).collect();
        self.shards.retain(|name, _| names.contains(&name));
        made.into_iter()
            .map(|(shard, new, digest)| {
                if let Some(new) = new {
                    self.shards.insert(shard.name.clone(), new);
                }
                Wanted { shard, digest }
            })
            .collect()
    }
}

/// The digest of everything `shard`'s index is made from, given its briefings' body digests.
pub fn shard_digest(shard: &Shard, views: &Views, language: &str, bodies: &[u64]) -> u64 {
    let members: Vec<u64> = shard
        .members
        .iter()
        .zip(bodies)
        .map(|(&i, body)| digest::of((record_fields(&views.cards[i]), body)))
        .collect();
    digest::of((env!("CARGO_PKG_VERSION"), SHARD_FORMAT, language, members))
}

/// What a record takes from a card: a tag's count, shown on cards, is not in the index.
fn record_fields(card: &Card) -> impl std::hash::Hash + '_ {
    (
        (&card.url, &card.title, &card.date, &card.date_long),
        card.tags.iter().map(|t| &t.name).collect::<Vec<_>>(),
        card.source.as_ref().map(|s| &s.name),
        card.place.as_ref().map(|p| &p.name),
        card.story.as_ref().map(|s| &s.name),
    )
}
