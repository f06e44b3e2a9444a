//! Source files → [`Briefing`]s: front matter, Markdown or raw text, dates, slugs, summaries.

pub mod article;
pub mod discover;
pub mod front_matter;
pub mod markdown;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveTime};

use crate::config::Config;
use crate::error::{Diagnostic, line_col};
use crate::extract::dates::{self, Stated};
use crate::extract::slug::{check_slug, slugify};
use crate::extract::summary::summarize;
pub use discover::{Asset, Discovery, Source, SourceKind, discover};
use front_matter::{FrontMatter, SourceField};

const DATE_HINT: &str =
    "write the date as 2019-12-31, 2019-12-31 18:19 or 2019-12-31T18:19:00+07:00";

/// One briefing, fully read: everything a page needs to show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Briefing {
    /// Path relative to the site root, e.g. `content/2019/ktt-hanoi.md`.
    pub path: PathBuf,
    pub slug: String,
    pub title: String,
    pub date: DateTime<FixedOffset>,
    /// False when only the day was given: pages then show no time of day.
    pub has_time: bool,
    pub updated: Option<DateTime<FixedOffset>>,
    /// Tags as written, in the order written, without duplicates.
    pub tags: Vec<String>,
    pub source: Option<Outlet>,
    pub dateline: Option<String>,
    pub author: Option<String>,
    /// Plain text.
    pub summary: String,
    pub body_html: String,
    pub words: usize,
    pub draft: bool,
    /// Links to this site found in the body: target, line, column.
    pub links: Vec<(String, usize, usize)>,
}

impl Briefing {
    /// When it last changed: `updated` if given (and not before `date`), else `date`.
    pub fn last_change(&self) -> DateTime<FixedOffset> {
        self.updated.unwrap_or(self.date).max(self.date)
    }
}

/// The outlet a briefing reports from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Outlet {
    pub name: String,
    pub url: Option<String>,
}

/// Reads and parses one source file. Never panics; every problem names the file and line.
pub fn parse(root: &Path, source: &Source, config: &Config) -> Result<Briefing, Diagnostic> {
    let text = std::fs::read_to_string(root.join(&source.path)).map_err(|e| {
        let hint = "save the file as UTF-8 text";
        Diagnostic::file(&source.path, format!("cannot read: {e}")).with_hint(hint)
    })?;
    parse_text(&source.path, source.kind, &text, config)
}

/// Parses a briefing's text; `path` is used for messages, the slug and a date prefix.
pub fn parse_text(
    path: &Path,
    kind: SourceKind,
    text: &str,
    config: &Config,
) -> Result<Briefing, Diagnostic> {
    let located = |d: Diagnostic| Diagnostic {
        path: path.to_path_buf(),
        ..d
    };
    let split = front_matter::split(text).map_err(located)?;
    let fm = split.front_matter;
    let content = match kind {
        SourceKind::Markdown => markdown_content(split.body, &fm, config),
        SourceKind::Raw => article::content(split.body),
    };
    let at_key = |key: &str, message: String, hint: &str| {
        let (line, col) = front_matter::value_position(text, key);
        Diagnostic::new(path, line, col, message).with_hint(hint)
    };
    let stem = name_stem(path);
    let prefix = dates::split_date_prefix(stem);

    let title = fm
        .title
        .clone()
        .or(content.title)
        .unwrap_or_else(|| title_from_stem(stem));
    let date = match (&fm.date, prefix) {
        (Some(text), _) => {
            dates::parse_stated(text, &config.timezone).map_err(|m| at_key("date", m, DATE_HINT))?
        }
        (None, Some((day, _))) => Stated {
            at: config
                .timezone
                .localize(day.and_time(NaiveTime::MIN))
                .ok_or_else(|| {
                    Diagnostic::file(
                        path,
                        "the date in the file name does not exist in the site's time zone",
                    )
                })?,
            has_time: false,
        },
        (None, None) => {
            return Err(Diagnostic::file(path, "this briefing has no date").with_hint(
                "add a line like `date: 2019-12-31 18:19` to the front matter, or start the file \
                 name with the day, like 2019-12-31-judul.md",
            ));
        }
    };
    let updated = fm
        .updated
        .as_deref()
        .map(|text| dates::parse_stated(text, &config.timezone).map(|s| s.at))
        .transpose()
        .map_err(|m| at_key("updated", m, DATE_HINT))?;
    let slug = match &fm.slug {
        Some(slug) => {
            check_slug(slug)
                .map_err(|m| at_key("slug", m, &format!("try `slug: {}`", slugify(slug))))?;
            slug.clone()
        }
        None => slug_from_name(prefix.map_or(stem, |(_, rest)| rest), &title),
    };
    let tags = fm
        .tags
        .map(front_matter::Tags::into_list)
        .unwrap_or_default();
    if let Some(bad) = tags.iter().find(|t| slugify(t).is_empty()) {
        return Err(at_key(
            "tags",
            format!("tag `{bad}` has no letters or digits"),
            "give each tag a name",
        ));
    }
    let summary = fm
        .summary
        .or(content.before_more)
        .unwrap_or_else(|| summarize(&content.paragraphs, config.summary_words));
    let links = content
        .links
        .into_iter()
        .map(|(target, offset)| {
            let (line, col) = line_col(split.body, offset);
            (target, line + split.body_line - 1, col)
        })
        .collect();
    Ok(Briefing {
        path: path.to_path_buf(),
        slug,
        title,
        date: date.at,
        has_time: date.has_time,
        updated,
        tags: dedup_tags(tags),
        source: fm.source.map(|s| match s {
            SourceField::Name(name) => Outlet { name, url: None },
            SourceField::Full { name, url } => Outlet { name, url },
        }),
        dateline: fm.dateline,
        author: fm.author,
        summary,
        body_html: content.html,
        words: content.words,
        draft: fm.draft,
        links,
    })
}

/// What the body of a file yields, whatever its format.
#[derive(Debug, Default)]
pub struct Content {
    pub title: Option<String>,
    pub html: String,
    pub paragraphs: Vec<String>,
    pub before_more: Option<String>,
    pub words: usize,
    /// Internal links with their byte offset in the body.
    pub links: Vec<(String, usize)>,
}

fn markdown_content(body: &str, fm: &FrontMatter, config: &Config) -> Content {
    let options = markdown::MarkdownOptions {
        base_path: config.base_url.path(),
        raw_html: config.raw_html,
        take_title: fm.title.is_none(),
    };
    let rendered = markdown::render(body, options);
    Content {
        title: rendered.heading_title,
        html: rendered.html,
        paragraphs: rendered.paragraphs,
        before_more: rendered.before_more,
        words: rendered.words,
        links: rendered
            .links
            .into_iter()
            .map(|(l, r)| (l, r.start))
            .collect(),
    }
}

/// The name a file goes by: its stem, or its folder's name for a bundle's `index.md`.
fn name_stem(path: &Path) -> &str {
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

fn slug_from_name(name: &str, title: &str) -> String {
    let slug = slugify(name);
    if slug.is_empty() {
        slugify(title)
    } else {
        slug
    }
}

fn title_from_stem(stem: &str) -> String {
    let name = dates::split_date_prefix(stem).map_or(stem, |(_, rest)| rest);
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Same tag twice (by slug) is kept once, as first written.
fn dedup_tags(tags: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    tags.into_iter()
        .filter(|t| seen.insert(slugify(t)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_md(path: &str, text: &str) -> Result<Briefing, Diagnostic> {
        parse_text(
            Path::new(path),
            SourceKind::Markdown,
            text,
            &Config::default(),
        )
    }

    #[test]
    fn full_front_matter() {
        let b = parse_md(
            "content/2019/x.md",
            "---\ntitle: KTT Hanoi\ndate: 2019-02-28 14:00\ntags: [Korea Utara, AS, korea utara]\n\
             source: {name: Kompas, url: https://kompas.com}\ndateline: Hanoi\nauthor: dea\n---\n\
             Kim dan Trump berpisah tanpa kesepakatan. Makan siang batal.\n",
        )
        .unwrap();
        assert_eq!(b.title, "KTT Hanoi");
        assert_eq!(b.slug, "x");
        assert_eq!(b.date.to_rfc3339(), "2019-02-28T14:00:00+07:00");
        assert!(b.has_time);
        assert_eq!(b.tags, ["Korea Utara", "AS"]);
        assert_eq!(
            b.source,
            Some(Outlet {
                name: "Kompas".into(),
                url: Some("https://kompas.com".into())
            })
        );
        assert_eq!(b.dateline.as_deref(), Some("Hanoi"));
        assert_eq!(
            b.summary,
            "Kim dan Trump berpisah tanpa kesepakatan. Makan siang batal."
        );
        assert_eq!(b.words, 9);
    }

    #[test]
    fn date_and_slug_from_file_name_title_from_heading() {
        let b = parse_md("content/2019-06-30-dmz.md", "# Bertemu di DMZ\n\nIsi.").unwrap();
        assert_eq!(b.title, "Bertemu di DMZ");
        assert_eq!(b.slug, "dmz");
        assert_eq!(b.date.to_rfc3339(), "2019-06-30T00:00:00+07:00");
        assert!(!b.has_time);
    }

    #[test]
    fn title_from_file_name_last() {
        let b = parse_md("content/2019-06-30-ktt-dmz.md", "Isi saja.").unwrap();
        assert_eq!(b.title, "Ktt dmz");
    }

    #[test]
    fn bundle_slug_is_folder_name() {
        let b = parse_md("content/2018/2018-06-12-ktt-singapura/index.md", "Isi.").unwrap();
        assert_eq!(b.slug, "ktt-singapura");
    }

    #[test]
    fn no_date_is_an_error_with_a_hint() {
        let err = parse_md("content/x.md", "---\ntitle: A\n---\nIsi.").unwrap_err();
        assert_eq!(err.path, Path::new("content/x.md"));
        assert!(err.hint.unwrap().contains("date:"));
    }

    #[test]
    fn bad_date_points_at_the_date_line() {
        let err = parse_md("content/x.md", "---\ntitle: A\ndate: 31/12/2019\n---\n").unwrap_err();
        assert_eq!((err.line, err.col), (3, 7));
        assert!(err.message.contains("31/12/2019"));
    }

    #[test]
    fn climbing_slug_is_refused() {
        let err = parse_md(
            "content/x.md",
            "---\ndate: 2019-01-01\nslug: ../../x\n---\n",
        )
        .unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.hint.unwrap().contains("slug: x"));
    }

    #[test]
    fn summary_sources_in_order_of_preference() {
        let stated = parse_md(
            "c/2019-01-01-a.md",
            "---\nsummary: Ringkas.\n---\nSatu. Dua.",
        )
        .unwrap();
        assert_eq!(stated.summary, "Ringkas.");
        let more = parse_md("c/2019-01-01-a.md", "Satu.\n\n<!-- more -->\n\nDua.").unwrap();
        assert_eq!(more.summary, "Satu.");
    }

    #[test]
    fn link_positions_are_file_lines() {
        let b = parse_md(
            "c/x.md",
            "---\ndate: 2019-01-01\n---\nIsi.\n\nLihat [a](/x/).\n",
        )
        .unwrap();
        assert_eq!(b.links, [("/x/".to_string(), 6, 7)]);
    }
}
