//! kabar's integration tests, one module per area, in one binary: each builds or serves a
//! site in a temporary folder and asserts on what it wrote. One binary links once, where a
//! binary per file linked the library twenty-two times.

mod common;

mod architecture;
mod browser;
mod build;
mod build_cache;
mod cli;
mod copies;
mod coverage;
mod deep_lists;
mod deploy;
mod discovery;
mod errors;
mod extract;
mod hostile;
mod html_valid;
mod incremental;
mod output;
mod raw_categories;
mod raw_saved;
mod raw_site;
mod readme;
mod scale;
mod search_load;
mod search_table;
mod search_words;
mod serve;
mod sitemap;
mod stories;
mod theme;
mod threads;
mod untrusted_output;
