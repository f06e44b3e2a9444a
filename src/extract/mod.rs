//! Pure functions on text: dates, summaries, slugs, and the reading of raw news articles.
//! No I/O, no site state: everything a function needs comes in as arguments.

pub mod article;
pub mod boilerplate;
pub mod chrome;
pub mod dating;
pub mod dictionary;
pub mod entities;
pub mod glued;
pub mod headline;
pub mod labels;
pub mod lexicon;
pub mod loss;
pub mod outlets;
pub mod pubdate;
pub mod region;
pub mod text;
