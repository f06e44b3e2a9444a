//! Pure functions on text: dates, summaries, slugs. No I/O, no site state.

pub mod dates;
pub mod slug;
pub mod summary;
