//! Dates as front matter states them and as a text writes them: never a panic.
#![no_main]

use kabar::config::Config;
use kabar::time::written::{parse_stated, split_date_prefix};
use kabar::extract::dating::find_dates;
use libfuzzer_sys::fuzz_target;

/// Made once: the built-in tables are the same for every input.
static CONFIG: std::sync::LazyLock<Config> = std::sync::LazyLock::new(Config::default);

fuzz_target!(|text: &str| {
    let _ = parse_stated(text, &CONFIG.timezone);
    let _ = find_dates(text);
    let _ = split_date_prefix(text);
});
