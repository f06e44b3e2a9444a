//! A Markdown briefing, front matter and all, read as a build reads it: an error or a
//! briefing, never a panic.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use kabar::config::Config;
use kabar::content::{Context, Reader, SourceKind, Tables, parse_text};
use libfuzzer_sys::fuzz_target;

/// Made once: the built-in tables are the same for every input.
static CONFIG: std::sync::LazyLock<Config> = std::sync::LazyLock::new(Config::default);
static TABLES: std::sync::LazyLock<Arc<Tables>> = std::sync::LazyLock::new(|| {
    Arc::new(Tables::new(&CONFIG).expect("the default settings compile"))
});

fuzz_target!(|text: &str| {
    let reader = Reader::with_tables(&CONFIG, Arc::clone(&TABLES));
    let context = Context {
        today: NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
        modified: None,
    };
    let _ = parse_text(
        Path::new("content/a.md"),
        SourceKind::Markdown,
        text,
        &reader,
        &context,
    );
});
