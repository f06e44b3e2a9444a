//! What each briefing is shown with, as numbers: its card's key, and the key of what its own
//! page and feed entries show beyond the card. A page's key is made of these and of the other
//! values it shows (see [`super::shown`]); a page whose key did not change since the last
//! build renders to the same bytes, so a rebuild renders only pages whose key changed.

use super::Renderer;
use crate::content::Briefing;
use crate::digest;

/// Every briefing's keys, built once per rebuild.
pub struct Keys {
    /// Per briefing: its card and everything its own page and feeds show beyond the card.
    briefings: Vec<u64>,
    /// Per briefing: its card alone, for lists.
    cards: Vec<u64>,
}

/// What a briefing's own page and feed entries show beyond its card.
pub fn body_digest(b: &Briefing) -> u64 {
    digest::of((
        &b.body,
        b.updated.map(|d| d.to_rfc3339()),
        b.last_change().to_rfc3339(),
        &b.cited,
        &b.path,
    ))
}

impl Keys {
    /// Takes in a new digest of briefing `i`'s own page and feed entries (its card unchanged).
    pub fn set_digest(&mut self, i: usize, digest: u64) {
        self.briefings[i] = digest::of((self.cards[i], digest));
    }

    /// The keys of these briefings' cards.
    pub(super) fn cards_of(&self, members: &[usize]) -> Vec<u64> {
        members.iter().map(|&i| self.cards[i]).collect()
    }

    /// The key of briefing `i` as its own page and feed entries show it.
    pub(super) fn briefing(&self, i: usize) -> u64 {
        self.briefings[i]
    }
}

impl Renderer<'_> {
    /// Every briefing's keys. `digest` gives, for a briefing's position, a hash of what its
    /// own page and feeds show beyond its card ([`body_digest`]); the caller may keep it from
    /// when the briefing was parsed.
    pub fn keys(&self, digest: impl Fn(usize) -> u64) -> Keys {
        let cards = self.views.card_keys.clone();
        let briefings = cards
            .iter()
            .enumerate()
            .map(|(i, card)| digest::of((card, digest(i))))
            .collect();
        Keys { briefings, cards }
    }
}
