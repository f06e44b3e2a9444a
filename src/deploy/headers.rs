//! The headers each file is stored with: its type, how long readers and CDNs may keep it, and
//! its encoding when the target stores text compressed. Rules from `site.yaml` come first.

use std::path::Path;

use globset::{Glob, GlobMatcher};

use super::local::Kind;
use crate::config::{Compress, HeaderRule};
use crate::publish::served::content_type;

/// Pages, feeds and the sitemap change with every edit: readers see an edit within minutes.
const SHORT: &str = "public, max-age=300";
/// Assets without a digest in their name (the theme's CSS, the favicon): an hour.
const MEDIUM: &str = "public, max-age=3600";
/// The search index's files are named by their content: kept for a year, never asked again.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// What a file is stored and served with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Headers {
    pub(super) content_type: String,
    pub(super) cache_control: String,
    /// `gzip` or `br` when the bytes are stored compressed.
    pub(super) encoding: Option<&'static str>,
}

/// `deploy.headers` compiled, with the target's compression.
pub(super) struct Rules {
    rules: Vec<(GlobMatcher, HeaderRule)>,
    compress: Compress,
}

impl Rules {
    /// The rules were checked when `site.yaml` was read; one that does not compile here is
    /// left out rather than failing a deploy.
    pub(super) fn new(rules: &[HeaderRule], compress: Compress) -> Rules {
        let rules = rules
            .iter()
            .filter_map(|rule| {
                let glob = Glob::new(&rule.pattern).ok()?.compile_matcher();
                Some((glob, rule.clone()))
            })
            .collect();
        Rules { rules, compress }
    }

    /// The headers of the file at `key` (its path under the output folder, with `/`).
    pub(super) fn for_file(&self, key: &str, kind: Kind) -> Headers {
        let matching = || self.rules.iter().filter(|(glob, _)| glob.is_match(key));
        let content_type = matching()
            .find_map(|(_, rule)| rule.content_type.clone())
            .unwrap_or_else(|| content_type(Path::new(key)));
        let cache_control = matching()
            .find_map(|(_, rule)| rule.cache_control.clone())
            .unwrap_or_else(|| default_cache_control(key, kind).to_string());
        let encoding = match compressible(&content_type) {
            true => self.compress.encoding(),
            false => None,
        };
        Headers {
            content_type,
            cache_control,
            encoding,
        }
    }
}

fn default_cache_control(key: &str, kind: Kind) -> &'static str {
    match kind {
        Kind::Search if is_named_by_content(key) => IMMUTABLE,
        Kind::Asset => MEDIUM,
        Kind::Marker | Kind::Page | Kind::Search | Kind::Sitemap => SHORT,
    }
}

/// Pagefind names its index, metadata, filter and fragment files by their content.
fn is_named_by_content(key: &str) -> bool {
    key.rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .is_some_and(|(_, extension)| extension.starts_with("pf_"))
}

/// Text worth compressing; images and the search index (already gzipped by Pagefind) are not.
fn compressible(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    essence.starts_with("text/")
        || matches!(
            essence,
            "application/json"
                | "application/javascript"
                | "application/xml"
                | "application/atom+xml"
                | "image/svg+xml"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(pattern: &str, cache_control: &str) -> HeaderRule {
        HeaderRule {
            pattern: pattern.into(),
            cache_control: Some(cache_control.into()),
            content_type: None,
        }
    }

    #[test]
    fn kinds_get_their_default_lifetimes() {
        let rules = Rules::new(&[], Compress::None);
        let of = |key, kind| rules.for_file(key, kind).cache_control;
        assert_eq!(of("2019/a/index.html", Kind::Page), SHORT);
        assert_eq!(of("style.css", Kind::Asset), MEDIUM);
        assert_eq!(
            of("pagefind/2019/fragment/id_1.pf_fragment", Kind::Search),
            IMMUTABLE
        );
        assert_eq!(of("pagefind/2019/pagefind-entry.json", Kind::Search), SHORT);
    }

    #[test]
    fn the_first_matching_rule_wins_and_text_is_compressed() {
        let rules = Rules::new(
            &[rule("**/*.css", "no-cache"), rule("*.css", "private")],
            Compress::Gzip,
        );
        let css = rules.for_file("style.css", Kind::Asset);
        assert_eq!(css.cache_control, "no-cache");
        assert_eq!(css.content_type, "text/css; charset=utf-8");
        assert_eq!(css.encoding, Some("gzip"));
        let fragment = rules.for_file("pagefind/2019/fragment/id_1.pf_fragment", Kind::Search);
        assert_eq!(fragment.encoding, None);
    }
}
