//! Internal link checking over rendered pages: every `href` and `src` to this site must resolve
//! to a file the build writes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use html5gum::{Token, Tokenizer};

use crate::content::markdown::is_internal;
use crate::error::{Diagnostic, nearest};
use crate::render::files::OutputFile;

/// A link that leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The output file the link is in.
    pub page: PathBuf,
    pub target: String,
}

/// Checks the links of every HTML file in `files` against `outputs`, every path the site has.
pub fn broken_links(files: &[OutputFile], outputs: &Outputs) -> Vec<BrokenLink> {
    let mut broken = Vec::new();
    for (page, bytes) in files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
    {
        let html = String::from_utf8_lossy(bytes);
        for target in links_in(&html) {
            if !outputs.resolve(&target, page) {
                broken.push(BrokenLink {
                    page: page.clone(),
                    target,
                });
            }
        }
    }
    broken
}

/// The `href` and `src` attributes of an HTML document that point into this site. A preload
/// (`<link rel="preload">`, `modulepreload`) is a hint, not a link: a page works without its
/// target, and the search page's name files of the search index, which `kabar check` does not
/// make.
pub fn links_in(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    for token in Tokenizer::new(html).flatten() {
        if let Token::StartTag(tag) = token {
            let hint = tag.name.as_slice() == b"link"
                && tag.attributes.get(&b"rel"[..]).is_some_and(|rel| {
                    let rel = String::from_utf8_lossy(&rel.value).to_ascii_lowercase();
                    rel.split_whitespace().any(|r| r.ends_with("preload"))
                });
            if hint {
                continue;
            }
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
    /// Briefings' source file names (`hanoi.md`) and their addresses: a link to the source
    /// is told the address; the first briefing's address is the example of the hints.
    sources: Vec<(String, String)>,
}

impl Outputs {
    pub fn new(paths: impl Iterator<Item = impl AsRef<Path>>, base_path: &str) -> Outputs {
        Outputs {
            existing: paths.map(|p| slashed(p.as_ref())).collect(),
            base_path: base_path.to_string(),
            sources: Vec::new(),
        }
    }

    /// The same, knowing each briefing's source file and address.
    pub fn with_sources(mut self, sources: impl Iterator<Item = (String, String)>) -> Outputs {
        self.sources = sources.collect();
        self
    }

    /// Whether `target`, linked from the output file `page`, names an output file.
    pub fn resolve(&self, target: &str, page: &Path) -> bool {
        resolves(target, page, &self.base_path, &self.existing)
    }

    /// The site's address nearest to `target` (a page's address ends in `/`), linked from the
    /// output file `page`, to suggest.
    pub fn nearest(&self, target: &str, page: &Path) -> Option<String> {
        let target = target.split(['#', '?']).next().unwrap_or("");
        // A relative link is compared as the address it would lead to.
        let absolute;
        let target = match target.starts_with('/') {
            true => target,
            false => {
                let dir = slashed(page.parent().unwrap_or(Path::new("")));
                absolute = normalize(&format!("{dir}/{target}"))
                    .map(|path| format!("{}{path}/", self.base_path))?;
                &absolute
            }
        };
        let addresses: Vec<String> = self
            .existing
            .iter()
            .map(|path| {
                let address = path.strip_suffix("index.html").unwrap_or(path);
                format!("{}{address}", self.base_path)
            })
            .collect();
        let within = 3.max(target.len() / 3);
        nearest(target, addresses.iter().map(String::as_str), within).map(str::to_string)
    }

    /// The problem with `target`, a link written at `line`:`col` of the source `path`: what
    /// to do fits what was linked (a missing file is not a missing page).
    /// `page` is the output file the link is on.
    pub fn problem(
        &self,
        path: &Path,
        (line, col): (usize, usize),
        target: &str,
        page: &Path,
    ) -> Diagnostic {
        Diagnostic::new(
            path,
            line,
            col,
            format!("link to `{target}` leads to no page or file of the site"),
        )
        .with_hint(self.link_hint(target, page))
    }

    /// What to do about a link to `target`: the address of the briefing whose source it
    /// names, else the nearest address, and what kind of thing to link (a file is not a page).
    fn link_hint(&self, target: &str, page: &Path) -> String {
        let name = target
            .split(['#', '?'])
            .next()
            .unwrap_or("")
            .rsplit('/')
            .next()
            .unwrap_or("");
        let mut named = self.sources.iter().filter(|(source, _)| source == name);
        if let (Some((_, address)), None) = (named.next(), named.next()) {
            return format!("`{name}` is a briefing's source: link to its address, `{address}`");
        }
        let a_file = name
            .rsplit_once('.')
            .is_some_and(|(_, extension)| !extension.eq_ignore_ascii_case("html"));
        let what = match (a_file, self.sources.first()) {
            (true, _) => format!(
                "put `{name}` under static/, or beside the briefing in its folder under content/"
            ),
            (false, Some((_, example))) => {
                format!("link to another briefing by its address, e.g. {example}")
            }
            (false, None) => "link to another briefing by its address".to_string(),
        };
        match self.nearest(target, page) {
            Some(address) => format!("did you mean `{address}`? Otherwise {what}"),
            None => what,
        }
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

    /// The links of `files` checked against `files` and `extra`.
    fn broken_in(files: &[OutputFile], extra: &[&str], base_path: &str) -> Vec<BrokenLink> {
        let paths = files
            .iter()
            .map(|(p, _)| p.as_path())
            .chain(extra.iter().map(Path::new));
        broken_links(files, &Outputs::new(paths, base_path))
    }

    #[test]
    fn preloads_are_hints_not_links() {
        let html = r#"<link rel="stylesheet" href="/style.css">
            <link rel="preload" href="/pagefind/2019/pagefind.id_0a.pf_meta" as="fetch" crossorigin>
            <link rel="modulepreload" href="/pagefind/pagefind.js">"#;
        assert_eq!(links_in(html), ["/style.css"]);
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
        let broken = broken_in(&files, &["style.css"], "/arsip/");
        let targets: Vec<&str> = broken.iter().map(|b| b.target.as_str()).collect();
        assert_eq!(targets, ["/arsip/nope/", "../../x"]);
    }

    #[test]
    fn links_outside_the_base_path_are_broken() {
        let files = vec![
            page("index.html", r#"<a href="/tags/">t</a>"#),
            page("tags/index.html", ""),
        ];
        assert_eq!(broken_in(&files, &[], "/arsip/").len(), 1);
        assert!(broken_in(&files, &[], "/").is_empty());
    }
}
