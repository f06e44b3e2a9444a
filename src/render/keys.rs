//! What each page is made from, as one number: a page whose key did not change since the last
//! build renders to the same bytes, so a rebuild renders only pages whose key changed.
//!
//! A key covers exactly the data [`Renderer::fill`] puts in the page's context; the
//! templates and the configuration are covered by the caller, who renders everything when
//! either changes.

use super::views::LEADS_PER_MONTH;
use super::{Page, PageKind, Plan, Renderer, counts, pages};
use crate::archive::{Facet, paginate};
use crate::content::Briefing;
use crate::digest;

/// Keys for a whole plan, built once per rebuild.
pub struct Keys {
    /// Per briefing: its card and everything its own page and feeds show beyond the card.
    briefings: Vec<u64>,
    /// Per briefing: its card alone, for lists.
    cards: Vec<u64>,
    /// Per sitemap file: its lines.
    sitemap: Vec<u64>,
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
}

impl Renderer<'_> {
    /// Keys for every page of `plan`. `digest` gives, for a briefing's position, a hash of
    /// what its own page and feeds show beyond its card ([`body_digest`]); the caller may
    /// keep it from when the briefing was parsed.
    pub fn keys(&self, plan: &Plan, digest: impl Fn(usize) -> u64 + Sync) -> Keys {
        let cards = self.views.card_keys.clone();
        let briefings = cards
            .iter()
            .enumerate()
            .map(|(i, card)| digest::of((card, digest(i))))
            .collect();
        let sitemap = match plan.sitemap_parts.len() {
            0 => vec![digest::of(self.sitemap(plan, None))],
            parts => (0..parts)
                .map(|part| digest::of(self.sitemap(plan, Some(part))))
                .collect(),
        };
        Keys {
            briefings,
            cards,
            sitemap,
        }
    }

    /// The key of one page.
    pub fn key(&self, page: &Page, keys: &Keys) -> u64 {
        let (a, config) = (self.archive, self.config);
        let cards = |members: &[usize]| members.iter().map(|&i| keys.cards[i]).collect::<Vec<_>>();
        let listed = |members: &[usize], number: usize| {
            let pager = paginate::page(members, config.paginate, number);
            (cards(pager.members), pager.number, pager.total)
        };
        let feed = |members: &[usize]| {
            let shown = &members[..members.len().min(config.feed_entries)];
            shown.iter().map(|&i| keys.briefings[i]).collect::<Vec<_>>()
        };
        let group = |facet, g: usize| digest::of(&self.views.links(facet)[g]);
        let data = match page.kind {
            PageKind::Home(number) => digest::of((
                listed(&self.all, number),
                (number == 1)
                    .then(|| counts::top_tags(self.views.links(Facet::Tag), counts::TOP_TAGS)),
            )),
            PageKind::Briefing(i) => digest::of((
                keys.briefings[i],
                cards(&a.related[i]),
                a.older(i).map(|j| keys.cards[j]),
                a.newer(i).map(|j| keys.cards[j]),
            )),
            PageKind::Redirect(j) => {
                let original = a.copies[j].1;
                digest::of((
                    &a.briefings[original].title,
                    pages::briefing_path(a, config, original),
                ))
            }
            PageKind::Groups(facet) => digest::of(self.views.links(facet)),
            PageKind::Group(facet, g, number) => digest::of((
                group(facet, g),
                listed(&a.groups(facet)[g].members, number),
                &self.per_year(facet)[g],
            )),
            PageKind::Feed(Some((facet, g))) => {
                digest::of((group(facet, g), feed(&a.groups(facet)[g].members)))
            }
            PageKind::Feed(None) => digest::of(feed(&self.all)),
            PageKind::Timeline => digest::of((
                a.years
                    .iter()
                    .map(|y| (y.year, y.calendar()))
                    .collect::<Vec<_>>(),
                cards(&self.on_this_day()),
            )),
            PageKind::Year(y) => digest::of((
                a.years[y].year,
                a.years[y].calendar(),
                a.years[y]
                    .months
                    .iter()
                    .map(|m| {
                        let leads = &m.members[..m.members.len().min(LEADS_PER_MONTH)];
                        (m.month, cards(leads))
                    })
                    .collect::<Vec<_>>(),
                self.year_neighbours(y),
            )),
            PageKind::Month(y, m, number) => {
                let year = &a.years[y];
                let neighbours = self
                    .month_neighbours(y, m)
                    .map(|n| n.map(|n| (n.year, n.month, n.count)));
                digest::of((
                    year.year,
                    year.calendar(),
                    listed(&year.months[m].members, number),
                    neighbours,
                ))
            }
            PageKind::Sitemap => keys.sitemap[0],
            PageKind::SitemapPart(part) => keys.sitemap[part],
            PageKind::SitemapIndex => digest::of(&keys.sitemap),
            PageKind::Search => digest::of(self.search_view()),
            PageKind::NotFound => digest::of(cards(&self.latest())),
            PageKind::Robots => 0,
        };
        digest::of((
            &page.path,
            super::kind_name(page.kind),
            self.title(page),
            data,
        ))
    }
}
