//! The briefings as the site publishes them, before they are sorted and indexed. Every
//! command that names a briefing's address (`build`, `serve`, `watch`, `check`, `list`) starts
//! from here, so none of them can give a briefing another address than the built site does.

use std::sync::Arc;

use super::copies::{self, CopyOf};
use super::{duplicates, slugs};
use crate::config::Permalink;
use crate::content::Briefing;
use crate::error::Diagnostic;

/// What [`settle`] made of the briefings read.
pub struct Settled {
    /// The briefings published at their own address, made-up slugs made distinct.
    pub briefings: Vec<Arc<Briefing>>,
    /// Briefings marked `duplicate_of`, published as their original.
    pub copies: Vec<CopyOf>,
    /// Problems that stop a build: one story told twice, a `duplicate_of` naming no original.
    pub errors: Vec<Diagnostic>,
    /// Stories in `content/` twice that the site publishes once (warnings).
    pub told_twice: Vec<Diagnostic>,
}

/// Finds stories told twice, sets copies aside and gives made-up slugs distinct addresses.
pub fn settle(mut briefings: Vec<Arc<Briefing>>, permalink: &Permalink) -> Settled {
    let (mut errors, told_twice) = duplicates::same_story(&briefings);
    let (copies, wrong_marks) = copies::set_aside(&mut briefings);
    errors.extend(wrong_marks);
    slugs::make_distinct(&mut briefings, permalink);
    Settled {
        briefings,
        copies,
        errors,
        told_twice,
    }
}
