//! What a page shows, described once: its title and each value its template gets, with what
//! the value is made from. The page's context and its key both come from this description,
//! so a key covers exactly what the page is rendered from.

use std::hash::Hash;

use serde::Serialize;
use tera::Context;

use super::keys::Keys;
use super::views::{self, BriefingView};
use super::{Page, Renderer, i18n};
use crate::digest;
use crate::error::Diagnostic;

/// A page's title and the values its template gets, by name.
pub(crate) struct Shown<'r> {
    pub(super) title: String,
    values: Vec<(&'static str, Value<'r>)>,
}

/// One value a template gets.
pub(super) enum Value<'r> {
    /// The cards of these briefings (positions), in order.
    Cards(Vec<usize>),
    /// One briefing's card, or none.
    Card(Option<usize>),
    /// A briefing's own view: its card, its body and its dates of change.
    Briefing(usize),
    /// The newest briefings of a feed, whole; not given to a template.
    Entries(Vec<usize>),
    /// A value made from briefing `.0`'s card and own data alone, keyed as its own page is.
    FromBriefing(usize, Box<dyn Made + 'r>),
    /// A value made from the bodies of briefings `.0` (among other things): keyed by what
    /// it makes, and made again when one of their texts changes.
    FromBodies(Vec<usize>, Box<dyn Made + 'r>),
    /// Any other value, made when the page is keyed or rendered.
    Made(Box<dyn Made + 'r>),
}

/// A value made from the archive when it is needed: its key is the digest of what it makes.
pub(super) trait Made: Sync {
    fn digest(&self) -> u64;
    fn insert(&self, name: &'static str, context: &mut Context);
}

impl<F, T> Made for F
where
    F: Fn() -> T + Sync,
    T: Serialize,
{
    fn digest(&self) -> u64 {
        digest::of_serialized(&self())
    }

    fn insert(&self, name: &'static str, context: &mut Context) {
        context.insert(name, &self());
    }
}

/// A value made from `input` and the site's settings alone: keyed by its input, which
/// costs less than making it.
struct MadeFrom<I, F> {
    input: I,
    make: F,
}

impl<I, F, T> Made for MadeFrom<I, F>
where
    I: Hash + Sync,
    F: Fn(&I) -> T + Sync,
    T: Serialize,
{
    fn digest(&self) -> u64 {
        digest::of(&self.input)
    }

    fn insert(&self, name: &'static str, context: &mut Context) {
        context.insert(name, &(self.make)(&self.input));
    }
}

impl<'r> Shown<'r> {
    pub(super) fn new(title: String) -> Self {
        Shown {
            title,
            values: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, name: &'static str, value: Value<'r>) {
        self.values.push((name, value));
    }

    /// Adds a value made by `make`, when the page is keyed or rendered.
    pub(super) fn made<T: Serialize>(
        &mut self,
        name: &'static str,
        make: impl Fn() -> T + Sync + 'r,
    ) {
        self.add(name, Value::Made(Box::new(make)));
    }

    /// Adds a value made by `make` from the bodies of `briefings`, among other things.
    pub(super) fn made_from_bodies<T: Serialize>(
        &mut self,
        name: &'static str,
        briefings: Vec<usize>,
        make: impl Fn() -> T + Sync + 'r,
    ) {
        self.add(name, Value::FromBodies(briefings, Box::new(make)));
    }

    /// Adds a value made by `make` from `input` and the site's settings alone.
    pub(super) fn made_from<I: Hash + Sync + 'r, T: Serialize>(
        &mut self,
        name: &'static str,
        input: I,
        make: impl Fn(&I) -> T + Sync + 'r,
    ) {
        self.add(name, Value::Made(Box::new(MadeFrom { input, make })));
    }

    /// Adds a value made by `make` from briefing `i`'s card and own data alone.
    pub(super) fn made_from_briefing<T: Serialize>(
        &mut self,
        name: &'static str,
        i: usize,
        make: impl Fn() -> T + Sync + 'r,
    ) {
        self.add(name, Value::FromBriefing(i, Box::new(make)));
    }

    /// The newest briefings the feed carries, if the page is a feed.
    pub(super) fn entries(&self) -> &[usize] {
        self.values
            .iter()
            .find_map(|(_, value)| match value {
                Value::Entries(entries) => Some(entries.as_slice()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Whether the page shows briefing `i`'s text, beyond its card: a save that changes only
    /// that text changes this page.
    pub(crate) fn shows_text_of(&self, i: usize) -> bool {
        self.values.iter().any(|(_, value)| match value {
            Value::Briefing(j) | Value::FromBriefing(j, _) => *j == i,
            Value::Entries(entries) | Value::FromBodies(entries, _) => entries.contains(&i),
            _ => false,
        })
    }
}

impl Renderer<'_> {
    /// The key of `page`: equal keys, equal bytes. The templates and the configuration are
    /// covered by the caller, who renders everything when either changes.
    pub(crate) fn key(&self, page: &Page, shown: &Shown, keys: &Keys) -> u64 {
        let values: Vec<(&str, u64)> = shown
            .values
            .iter()
            .map(|(name, value)| (*name, keys.of(value)))
            .collect();
        digest::of((
            &page.path,
            page.kind.name(),
            &shown.title,
            self.common_digest,
            values,
        ))
    }

    /// What the page's template gets: what every page gets, then what this one shows.
    pub(super) fn context(&self, page: &Page, shown: &Shown) -> Result<Context, Diagnostic> {
        let mut context = self.common(page, &shown.title);
        for (name, value) in &shown.values {
            let name = *name;
            match value {
                Value::Cards(members) => context.insert(name, &self.views.cards(members)),
                Value::Card(i) => context.insert(name, &i.map(|i| &self.views.cards[i])),
                Value::Briefing(i) => self.insert_briefing(&mut context, name, *i)?,
                Value::Entries(_) => {}
                Value::FromBriefing(_, made) | Value::FromBodies(_, made) | Value::Made(made) => {
                    made.insert(name, &mut context)
                }
            }
        }
        Ok(context)
    }

    fn insert_briefing(
        &self,
        context: &mut Context,
        name: &'static str,
        i: usize,
    ) -> Result<(), Diagnostic> {
        let (b, config) = (&self.archive.briefings[i], self.config);
        let body = b.body.html()?;
        let view = BriefingView {
            card: &self.views.cards[i],
            body: &body,
            updated: b.updated.map(|d| d.to_rfc3339()),
            updated_long: b
                .updated
                .map(|d| i18n::long_date(&d, true, config.language, &config.timezone)),
            path: b.path.display().to_string(),
            cited: &b.cited,
            lede: views::lede(&b.summary, &body),
        };
        context.insert(name, &view);
        Ok(())
    }
}

impl Keys {
    /// The key of one value: its cards' keys, its briefings' keys, or the digest of what it
    /// makes.
    fn of(&self, value: &Value) -> u64 {
        match value {
            Value::Cards(members) => digest::of(self.cards_of(members)),
            Value::Card(i) => digest::of(i.map(|i| self.cards_of(&[i]))),
            Value::Briefing(i) | Value::FromBriefing(i, _) => self.briefing(*i),
            Value::Entries(entries) => digest::of(
                entries
                    .iter()
                    .map(|&i| self.briefing(i))
                    .collect::<Vec<_>>(),
            ),
            Value::FromBodies(_, made) | Value::Made(made) => made.digest(),
        }
    }
}
