//! A raw news article read for its fields and body, and as a `.txt` briefing: never a panic.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use kabar::config::Config;
use kabar::content::{Context, Reader, SourceKind, Tables, article, parse_text};
use kabar::extract::article::extract;
use libfuzzer_sys::fuzz_target;

/// Made once: the built-in tables are the same for every input.
static CONFIG: std::sync::LazyLock<Config> = std::sync::LazyLock::new(Config::default);
static TABLES: std::sync::LazyLock<Arc<Tables>> = std::sync::LazyLock::new(|| {
    Arc::new(Tables::new(&CONFIG).expect("the default settings compile"))
});

fuzz_target!(|text: &str| {
    let reader = Reader::with_tables(&CONFIG, Arc::clone(&TABLES));
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
    let _ = extract(text, &article::settings(&reader, today));
    let context = Context {
        today,
        modified: None,
    };
    let _ = parse_text(
        Path::new("content/a.txt"),
        SourceKind::Raw,
        text,
        &reader,
        &context,
    );
});
