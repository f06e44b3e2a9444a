//! Where a site keeps each kind of input, relative to its root, and how its folders are
//! walked (`inside`). Every stage and command names these folders from here.

pub mod inside;

/// The site's configuration.
pub const CONFIG_FILE: &str = "site.yaml";
/// Briefings, raw articles and the files beside them.
pub const CONTENT_DIR: &str = "content";
/// Templates that override the built-in ones, by name.
pub const TEMPLATES_DIR: &str = "templates";
/// Files copied into the output as they are.
pub const STATIC_DIR: &str = "static";
