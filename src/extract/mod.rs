//! Pure functions on text: dates, summaries, slugs, and the reading of raw news articles.
//! No I/O, no site state: everything a function needs comes in as arguments.

pub mod article;
pub(crate) mod boilerplate;
mod chrome;
mod cued;
pub mod dating;
pub(crate) mod dictionary;
pub(crate) mod entities;
pub(crate) mod escapes;
mod glued;
pub(crate) mod headline;
mod labels;
mod lexicon;
pub(crate) mod loss;
pub(crate) mod markup;
pub(crate) mod outlets;
mod page_head;
pub(crate) mod pubdate;
pub(crate) mod record;
mod region;
mod text;
