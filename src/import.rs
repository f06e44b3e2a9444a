//! `kabar import`: raw articles turned into Markdown briefings an editor can review, with
//! every extracted field written out as front matter.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::Config;
use crate::content::front_matter;
use crate::content::{self, Briefing, Outlet, SourceKind};
use crate::error::{BuildError, Diagnostic};
use crate::extract::article::Block;
use crate::scaffold::{Overwrite, write_file};
use crate::slug::{first_free, slugify};

/// One article written as a briefing.
#[derive(Debug)]
pub struct Imported {
    pub from: PathBuf,
    pub to: PathBuf,
    pub briefing: Briefing,
    /// Where the raw file went: one imported from inside the content folder is moved out
    /// of it, or the next build would publish the story twice.
    pub moved_to: Option<PathBuf>,
}

/// The folder, beside the content folder, that raw files imported from inside it go to.
pub const IMPORTED_DIR: &str = "imported";

/// Imports every raw article among `paths` (files, or folders searched for them) into
/// `into/<year>/<slug>.md`. Returns what was written and what could not be.
pub fn import(
    paths: &[PathBuf],
    into: &Path,
    force: bool,
    config: &Config,
) -> (Vec<Imported>, Vec<Diagnostic>) {
    let today = config.timezone.now().date_naive();
    let mut imported: Vec<Imported> = Vec::new();
    let reader = match content::Reader::new(config) {
        Ok(reader) => reader,
        Err(e) => return (imported, vec![e]),
    };
    let mut errors = Vec::new();
    let (files, missing) = raw_files(paths);
    errors.extend(missing);
    for from in files {
        match import_one(&from, into, force, &reader, today, &imported) {
            Ok(done) => imported.push(done),
            Err(e) => errors.push(e),
        }
    }
    (imported, errors)
}

/// How scrapers save an article: as text, as the page's HTML, or as a JSON record.
const RAW_EXTENSIONS: &[&str] = &["txt", "html", "htm", "json"];

fn is_raw(path: &Path) -> bool {
    path.is_file()
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| RAW_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The files named, and the raw articles inside the folders named, in name order.
fn raw_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    const HINT: &str = "name raw article files (.txt, .html or .json) or folders holding them";
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(
                crate::layout::inside::walk(path)
                    .filter_map(Result::ok)
                    .map(walkdir::DirEntry::into_path)
                    .filter(|p| is_raw(p)),
            );
        } else if is_raw(path) {
            files.push(path.clone());
        } else if path.is_file() {
            let what = match path.extension().and_then(|e| e.to_str()) {
                Some("md" | "markdown") => "this is a Markdown briefing already",
                _ => "this is not a raw article",
            };
            errors.push(
                Diagnostic::file(
                    path,
                    format!("{what}: only `.txt`, `.html` and `.json` files are imported"),
                )
                .with_hint(HINT),
            );
        } else {
            errors.push(Diagnostic::file(path, "no such file or folder").with_hint(HINT));
        }
    }
    (files, errors)
}

fn import_one(
    from: &Path,
    into: &Path,
    force: bool,
    reader: &content::Reader,
    today: chrono::NaiveDate,
    done: &[Imported],
) -> Result<Imported, Diagnostic> {
    let file = content::read_file(from, from)?;
    let (mut briefing, blocks) = content::read_text(
        from,
        SourceKind::Raw,
        &file.text,
        reader,
        &file.context(today),
    )?;
    briefing.warnings.extend(file.guessed);
    let text = file.text;
    // Scraped files carry machine names; the briefing is named after its title instead,
    // unless the editor chose a slug.
    let slug_stated = front_matter::split(&text).is_ok_and(|s| s.front_matter.slug.is_some());
    let folder = into.join(briefing.date.format("%Y").to_string());
    let taken = |slug: &str| {
        let to = folder.join(format!("{slug}.md"));
        done.iter().find(|d| d.to == to)
    };
    if !slug_stated {
        // Made-up names never clash: a later article whose title gives the same name gets
        // `-2`, `-3`, as the build does for addresses.
        briefing.slug = first_free(&slugify(&briefing.title), |slug| taken(slug).is_none());
    }
    let to = folder.join(format!("{}.md", briefing.slug));
    if let Some(other) = taken(&briefing.slug) {
        return Err(Diagnostic::file(
            from,
            format!(
                "would be written to {}, like {}",
                to.display(),
                other.from.display()
            ),
        )
        .with_hint("change `slug:` in the front matter at the top of one of them"));
    }
    let overwrite = if force {
        Overwrite::Allowed
    } else {
        Overwrite::Never("pass --force to replace it, or move it away first")
    };
    write_file(&to, &markdown(&briefing, &blocks), overwrite).map_err(|e| match e {
        BuildError::Site(mut d) => d.remove(0),
        BuildError::Io {
            action,
            path,
            source,
        } => Diagnostic::file(path, format!("{action}: {source}")),
    })?;
    let moved_to = move_out_of(into, from)?;
    Ok(Imported {
        from: from.to_path_buf(),
        to,
        briefing,
        moved_to,
    })
}

/// Moves `from` out of the content folder `into` when it is inside it, to the same place
/// under `imported/` beside it: a `.txt` left there would be published beside its `.md`.
fn move_out_of(into: &Path, from: &Path) -> Result<Option<PathBuf>, Diagnostic> {
    let (Ok(content), Ok(file)) = (std::fs::canonicalize(into), std::fs::canonicalize(from)) else {
        return Ok(None);
    };
    let Ok(inside) = file.strip_prefix(&content) else {
        return Ok(None);
    };
    let aside = content
        .parent()
        .unwrap_or(&content)
        .join(IMPORTED_DIR)
        .join(inside);
    let moved = aside
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::rename(&file, &aside));
    moved.map_err(|e| {
        Diagnostic::file(
            from,
            format!("imported, but cannot be moved out of the content folder: {e}"),
        )
        .with_hint("move or delete the .txt yourself, or the build publishes the story twice")
    })?;
    Ok(Some(aside))
}

/// Front matter written by `import`, in the order an editor reads it.
#[derive(Serialize)]
struct FrontMatterOut<'a> {
    title: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a Outlet>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    cited: &'a [String],
    tags: &'a [String],
    summary: &'a str,
    slug: &'a str,
}

/// The briefing as a Markdown file: front matter, then the cleaned body.
pub fn markdown(b: &Briefing, blocks: &[Block]) -> String {
    let date = if b.has_time {
        b.date.to_rfc3339()
    } else {
        b.date.format("%Y-%m-%d").to_string()
    };
    let front = FrontMatterOut {
        title: &b.title,
        date,
        source: b.source.as_ref(),
        dateline: b.dateline.as_deref(),
        author: b.author.as_deref(),
        cited: &b.cited,
        tags: &b.tags,
        summary: &b.summary,
        slug: &b.slug,
    };
    let mut text = format!("---\n{}---\n", crate::yaml::to_string(&front));
    for block in blocks {
        text.push('\n');
        match block {
            Block::Paragraph(p) => text.push_str(&escape_markdown(p)),
            Block::Caption(c) => {
                text.push('*');
                text.push_str(&escape_markdown(c));
                text.push('*');
            }
        }
        text.push('\n');
    }
    text
}

/// Text that Markdown shows as written: its markup characters escaped.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A paragraph opening with `1.`, `-` or `+` would become a list.
    let list_like = out.starts_with(['-', '+'])
        || out
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if list_like {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape_markdown("a *b* [c](d) <e> & f_g"),
            r"a \*b\* \[c\](d) \<e\> \& f\_g"
        );
        assert_eq!(escape_markdown("1. Satu"), r"1\. Satu");
        assert_eq!(escape_markdown("- Satu"), r"\- Satu");
        assert_eq!(escape_markdown("2019 adalah tahun."), "2019 adalah tahun.");
    }
}
