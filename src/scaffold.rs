//! `kabar new` and `kabar init`: files an editor starts from.

use std::fs;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::placeholder::PLACEHOLDER;
use crate::error::{BuildError, Diagnostic};
use crate::layout::CONFIG_FILE;
use crate::slug::slugify;

/// The text of a new briefing: a draft (kept out of the site until `draft: true` goes), with
/// the keys an editor fills in later as comments rather than empty values, and a body to
/// replace.
pub fn briefing_text(title: &str, date: &str, tags: &[String]) -> String {
    let tags = if tags.is_empty() {
        "# tags: [Korea Utara, Amerika Serikat]\n".to_string()
    } else {
        let quoted: Vec<String> = tags.iter().map(|t| yaml_string(t)).collect();
        format!("tags: [{}]\n", quoted.join(", "))
    };
    format!(
        "---\ntitle: {}\ndate: {date}\n{tags}# source: Kompas\n# dateline: Jakarta\n\
         draft: true\n---\n\n{PLACEHOLDER}\n",
        yaml_string(title),
    )
}

/// A YAML double-quoted string, safe for any title.
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// Creates `content/<yyyy>/<slug>.md` dated now in the site's time zone; never overwrites.
pub fn new_briefing(
    root: &Path,
    config: &Config,
    title: &str,
    tags: &[String],
) -> Result<PathBuf, BuildError> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Diagnostic::new(
            "kabar new",
            0,
            0,
            format!("the title `{title}` has no letters or digits to name a file"),
        )
        .with_hint("give the briefing a title in words")
        .into());
    }
    let now = config.timezone.now();
    let path = Path::new("content")
        .join(now.format("%Y").to_string())
        .join(format!("{slug}.md"));
    let text = briefing_text(title, &now.format("%Y-%m-%d %H:%M").to_string(), tags);
    write_file(
        &root.join(&path),
        &text,
        Overwrite::Never("pick another title, or edit the existing file"),
    )?;
    Ok(path)
}

/// A new site that builds as it is.
pub fn init_site(dir: &Path, today: &str) -> Result<Vec<PathBuf>, BuildError> {
    let year = &today[..4];
    let files = [
        (PathBuf::from(CONFIG_FILE), SITE_YAML.to_string()),
        // The built site is made again by every build: not something to commit.
        (
            PathBuf::from(".gitignore"),
            "/public/\n/.public.*\n".to_string(),
        ),
        (
            Path::new("content").join(year).join("selamat-datang.md"),
            format!(
                "---\ntitle: Selamat datang\ndate: {today}\ntags: [Arsip]\n---\n\n\
                 Ini kabar pertama arsip Anda. Ganti teks ini, lalu jalankan `kabar build`.\n"
            ),
        ),
    ];
    for (path, text) in &files {
        write_file(
            &dir.join(path),
            text,
            Overwrite::Never("run `kabar init` in an empty folder"),
        )?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

const SITE_YAML: &str = "\
title: Arsip Kabar
description: Ringkasan berita yang diarsipkan menurut tanggal dan tag.
base_url: https://example.org/
language: id
timezone: Asia/Jakarta
";

/// Whether an existing file may be replaced; `Never` carries the hint for the refusal.
#[derive(Debug, Clone, Copy)]
pub enum Overwrite<'a> {
    Never(&'a str),
    Allowed,
}

/// Writes a file, creating its folder; refuses to replace one unless allowed.
pub fn write_file(path: &Path, text: &str, overwrite: Overwrite) -> Result<(), BuildError> {
    if let Overwrite::Never(hint) = overwrite
        && path.exists()
    {
        return Err(
            Diagnostic::file(path, "already exists; kabar does not overwrite it")
                .with_hint(hint)
                .into(),
        );
    }
    let parent = path.parent().expect("a file in a folder");
    fs::create_dir_all(parent).map_err(|e| BuildError::io("cannot create", parent, e))?;
    fs::write(path, text).map_err(|e| BuildError::io("cannot write", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter;

    #[test]
    fn new_briefing_text_parses_back() {
        let text = briefing_text(
            "Kim: \"Kami siap\"",
            "2019-12-31 18:19",
            &["Korea Utara".into(), "AS".into()],
        );
        let split = front_matter::split(&text).unwrap();
        assert_eq!(
            split.front_matter.title.as_deref(),
            Some("Kim: \"Kami siap\"")
        );
        assert_eq!(
            split.front_matter.tags.unwrap().into_list(),
            ["Korea Utara", "AS"]
        );
    }
}
