//! What a file's name gives a briefing when its front matter does not: a slug and a title.

use std::path::Path;

use crate::slug::slugify;
use crate::time::written;

/// The name a file goes by: its stem, or its folder's name for a bundle's `index.md`.
pub(super) fn name_stem(path: &Path) -> &str {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if stem == "index" {
        path.parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .unwrap_or(stem)
    } else {
        stem
    }
}

/// The slug a file name gives, or the title's when the name says nothing to a reader
/// (empty, or a machine's id like `000_32f762eadf0bc361`).
/// Whether the slug comes from the title: the file's name says nothing to a reader.
pub(super) fn slug_from_name(name: &str, title: &str) -> (String, bool) {
    let slug = slugify(name);
    let generated = name.len() >= 8
        && name.chars().any(|c| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_hexdigit() || matches!(c, '-' | '_'));
    if slug.is_empty() || generated {
        (slugify(title), true)
    } else {
        (slug, false)
    }
}

pub(super) fn title_from_stem(stem: &str) -> String {
    let name = written::split_date_prefix(stem).map_or(stem, |(_, rest)| rest);
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
