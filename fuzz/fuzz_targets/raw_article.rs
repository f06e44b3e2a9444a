//! A raw news article read for its fields and body, and as a `.txt` briefing: never a panic.
#![no_main]

use std::path::Path;

use chrono::NaiveDate;
use kabar::config::Config;
use kabar::content::{Context, SourceKind, article, parse_text};
use kabar::extract::article::extract;
use libfuzzer_sys::fuzz_target;

/// Made once: the built-in tables are the same for every input.
static CONFIG: std::sync::LazyLock<Config> = std::sync::LazyLock::new(Config::default);

fuzz_target!(|text: &str| {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
    let _ = extract(text, &article::settings(&CONFIG, today));
    let context = Context {
        today,
        modified: None,
    };
    let _ = parse_text(
        Path::new("content/a.txt"),
        SourceKind::Raw,
        text,
        &CONFIG,
        &context,
    );
});
