//! A `site.yaml`: an error or settings, never a panic.
#![no_main]

use kabar::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = Config::parse(text);
});
