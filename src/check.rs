//! Internal link checking over rendered pages: every `href` and `src` to this site must resolve
//! to a file the build writes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use html5gum::{Token, Tokenizer};

use crate::content::markdown::is_internal;

/// A link that leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The output file the link is in.
    pub page: PathBuf,
    pub target: String,
}

/// Checks every HTML file in `files` against the set of all output paths.
pub fn broken_links(
    files: &[(PathBuf, Vec<u8>)],
    extra: &[PathBuf],
    base_path: &str,
) -> Vec<BrokenLink> {
    let existing: BTreeSet<String> = files
        .iter()
        .map(|(p, _)| p)
        .chain(extra)
        .map(|p| slashed(p))
        .collect();
    let mut broken = Vec::new();
    for (page, bytes) in files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
    {
        let html = String::from_utf8_lossy(bytes);
        for target in links_in(&html) {
            if !resolves(&target, page, base_path, &existing) {
                broken.push(BrokenLink {
                    page: page.clone(),
                    target,
                });
            }
        }
    }
    broken
}

/// The `href` and `src` attributes of an HTML document that point into this site.
pub fn links_in(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    for token in Tokenizer::new(html).flatten() {
        if let Token::StartTag(tag) = token {
            for attr in [&b"href"[..], &b"src"[..]] {
                if let Some(value) = tag.attributes.get(attr) {
                    let value = String::from_utf8_lossy(&value.value).into_owned();
                    if is_internal(&value) {
                        links.push(value);
                    }
                }
            }
        }
    }
    links
}

/// Every path a build writes, to tell whether a link leads somewhere without reading pages.
pub struct Outputs {
    existing: BTreeSet<String>,
    base_path: String,
}

impl Outputs {
    pub fn new<'a>(paths: impl Iterator<Item = &'a Path>, base_path: &str) -> Outputs {
        Outputs {
            existing: paths.map(slashed).collect(),
            base_path: base_path.to_string(),
        }
    }

    /// Whether `target`, linked from the output file `page`, names an output file.
    pub fn resolve(&self, target: &str, page: &Path) -> bool {
        resolves(target, page, &self.base_path, &self.existing)
    }

    /// The site's address nearest to `target` (a page's address ends in `/`), to suggest.
    pub fn nearest(&self, target: &str) -> Option<String> {
        let target = target.split(['#', '?']).next().unwrap_or("");
        self.existing
            .iter()
            .map(|path| {
                let address = path.strip_suffix("index.html").unwrap_or(path);
                format!("{}{address}", self.base_path)
            })
            .map(|address| (strsim::levenshtein(target, &address), address))
            .filter(|(distance, _)| *distance <= 3.max(target.len() / 3))
            .min()
            .map(|(_, address)| address)
    }
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether `target`, linked from `page`, names an output file.
fn resolves(target: &str, page: &Path, base_path: &str, existing: &BTreeSet<String>) -> bool {
    let target = target.split(['#', '?']).next().unwrap_or("");
    if target.is_empty() {
        return true;
    }
    let joined = match target.strip_prefix('/') {
        Some(_) => match target.strip_prefix(base_path) {
            Some(rest) => rest.to_string(),
            None => return false,
        },
        None => {
            let dir = slashed(page.parent().unwrap_or(Path::new("")));
            if dir.is_empty() {
                target.to_string()
            } else {
                format!("{dir}/{target}")
            }
        }
    };
    let Some(normal) = normalize(&joined) else {
        return false;
    };
    let as_dir = if normal.is_empty() {
        "index.html".to_string()
    } else {
        format!("{normal}/index.html")
    };
    existing.contains(&normal) || existing.contains(&as_dir)
}

/// Resolves `.` and `..`; `None` if the path climbs above the site.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, html: &str) -> (PathBuf, Vec<u8>) {
        (PathBuf::from(path), html.as_bytes().to_vec())
    }

    #[test]
    fn finds_broken_and_accepts_good_links() {
        let files = vec![
            page(
                "index.html",
                r#"<a href="/arsip/tags/">t</a><a href="/arsip/nope/">n</a><img src="style.css">"#,
            ),
            page(
                "tags/index.html",
                r##"<a href="../">home</a><a href="../../x">up</a><a href="https://x">ext</a><a href="#a">a</a>"##,
            ),
        ];
        let extra = vec![PathBuf::from("style.css")];
        let broken = broken_links(&files, &extra, "/arsip/");
        let targets: Vec<&str> = broken.iter().map(|b| b.target.as_str()).collect();
        assert_eq!(targets, ["/arsip/nope/", "../../x"]);
    }

    #[test]
    fn links_outside_the_base_path_are_broken() {
        let files = vec![
            page("index.html", r#"<a href="/tags/">t</a>"#),
            page("tags/index.html", ""),
        ];
        assert_eq!(broken_links(&files, &[], "/arsip/").len(), 1);
        assert!(broken_links(&files, &[], "/").is_empty());
    }
}
