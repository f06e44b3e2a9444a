//! Saves that change only a briefing's text: the common case while an editor writes.
//!
//! When every changed file is a briefing the last build had, and it reads the same as before
//! in everything but its body (title, date, tags, summary, word count, links: all equal), what
//! the last build indexed, planned and keyed still stands (its coverage groups too, which are
//! found again around it when its print changed). Only the pages that show its text
//! (its own page and the feeds carrying it, as what they show says) are keyed and rendered
//! again: a save costs what those pages cost, not a new index of the whole archive.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::{Outcome, Parsed, Session, file_state, render, salted};
use crate::Site;
use crate::content::{self, Briefing, Reader};
use crate::error::BuildError;
use crate::render::Renderer;
use crate::render::keys::{Keys, body_digest};
use crate::render::views::Views;

/// The last good build, kept for the next save.
pub(super) struct Last {
    site: Site,
    views: Views,
    keys: Keys,
    /// Each briefing's position in the archive, by source file.
    positions: HashMap<PathBuf, usize>,
}

impl Last {
    pub(super) fn new(site: Site, views: Views, keys: Keys) -> Last {
        let positions = site
            .archive
            .briefings
            .iter()
            .enumerate()
            .map(|(i, b)| (b.path.clone(), i))
            .collect();
        Last {
            site,
            views,
            keys,
            positions,
        }
    }
}

/// A briefing read again: its position in the archive and what it parsed to.
struct Edit {
    at: usize,
    path: PathBuf,
    briefing: Arc<Briefing>,
    parsed: Parsed,
}

impl Session {
    /// Rebuilds after saves that changed only briefings' text; `None` when a change reaches
    /// further (the caller then rebuilds the whole site).
    pub(super) fn rebuild_prose(
        &mut self,
        changed: &[PathBuf],
    ) -> Option<Result<Outcome, BuildError>> {
        if self.failing || self.sources_unchanged || changed.is_empty() {
            return None;
        }
        let edits = self.body_edits(changed)?;
        if !self.coverage_stands(&edits) {
            return None;
        }
        let mut last = self.last.take()?;
        let outcome = self.take_in_edits(&mut last, edits);
        self.last = Some(last);
        Some(outcome)
    }

    /// Each changed file, read again, when every one is a briefing of the last build whose
    /// body alone changed.
    fn body_edits(&self, changed: &[PathBuf]) -> Option<Vec<Edit>> {
        let (last, found) = (self.last.as_ref()?, self.found.as_ref()?);
        let root = &self.options.root;
        let config = &last.site.config;
        let reader = Reader::with_tables(config, Arc::clone(self.tables.as_ref()?));
        let today = config.timezone.now().date_naive();
        changed
            .iter()
            .map(|path| {
                let &at = last.positions.get(path)?;
                let source = found.sources.iter().find(|s| s.path == *path)?;
                let file_state = file_state(&root.join(path));
                let briefing = Arc::new(content::parse(root, source, &reader, today).ok()?);
                body_alone_differs(&last.site.archive.briefings[at], &briefing).then(|| {
                    let parsed = Parsed {
                        file_state,
                        result: Ok(Arc::clone(&briefing)),
                        digest: body_digest(&briefing),
                    };
                    Edit {
                        at,
                        path: path.clone(),
                        briefing,
                        parsed,
                    }
                })
            })
            .collect()
    }

    /// Whether the edits leave every coverage group and copy as it was: a body's words are
    /// what tells one event, so an edit that changed its print groups again, around the edited
    /// briefings only (see `archive::coverage`).
    fn coverage_stands(&mut self, edits: &[Edit]) -> bool {
        let Some(last) = self.last.as_ref() else {
            return false;
        };
        let briefings = &last.site.archive.briefings;
        if edits
            .iter()
            .all(|e| e.briefing.print == briefings[e.at].print)
        {
            return true;
        }
        let mut edited = briefings.clone();
        for edit in edits {
            edited[edit.at] = Arc::clone(&edit.briefing);
        }
        let coverage = crate::archive::coverage::find(&edited, &mut self.archive.coverage);
        coverage == last.site.archive.coverage
    }

    /// Puts the edited briefings in place and renders the pages that show their text.
    fn take_in_edits(&mut self, last: &mut Last, edits: Vec<Edit>) -> Result<Outcome, BuildError> {
        let mut touched = Vec::with_capacity(edits.len());
        for edit in edits {
            last.site.archive.briefings[edit.at] = edit.briefing;
            last.keys.set_digest(edit.at, edit.parsed.digest);
            self.parsed.insert(edit.path.into_os_string(), edit.parsed);
            touched.push(edit.at);
        }
        let site = &last.site;
        let renderer = Renderer::with_views(
            &site.archive,
            &site.config,
            &site.templates,
            std::mem::take(&mut last.views),
        );
        let stale: Vec<_> = site
            .plan
            .pages
            .par_iter()
            .filter_map(|page| {
                let shown = renderer.shown(page, &site.plan);
                touched.iter().any(|&i| shown.shows_text_of(i)).then(|| {
                    let key = salted(self.generation, renderer.key(page, &shown, &last.keys));
                    (page.output(), key, page)
                })
            })
            .filter(|(path, key, _)| {
                self.outputs
                    .get(path.as_path())
                    .is_none_or(|o| o.key != *key)
            })
            .collect();
        let rendered = stale.len();
        let made = render(&renderer, site, stale);
        let outcome =
            made.and_then(|made| self.take_in(site, renderer.views(), made, rendered, None));
        last.views = renderer.into_views();
        outcome
    }
}

/// Whether `new` reads as `old` does everywhere but on its own page and in feeds.
fn body_alone_differs(old: &Briefing, new: &Briefing) -> bool {
    let mut same = new.clone();
    same.body = old.body.clone();
    // Its print tells which briefings tell its event: see `Session::coverage_stands`.
    same.print = old.print.clone();
    same == *old
}
