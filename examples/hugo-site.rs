//! The same archive as a Hugo site, for `scripts/bench` to time Hugo beside kabar:
//! `cargo run --release --example hugo-site -- ARCHIVE OUT`.
//!
//! The pages match what kabar writes with search off: one page per briefing, a paginated home,
//! tags, sources, years and months (as taxonomies, each with paginated term pages and a feed),
//! the site's feed and a sitemap. Briefings keep their text; dates get the site's offset, since
//! Hugo reads a date without one as UTC.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
struct Site {
    title: String,
    base_url: String,
    #[serde(default = "default_paginate")]
    paginate: usize,
}

fn default_paginate() -> usize {
    10
}

#[derive(Deserialize)]
struct Front {
    title: String,
    date: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    source: Option<serde_yaml::Value>,
    #[serde(default)]
    dateline: Option<String>,
}

const LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r#"<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"#,
    ),
    (
        "_default/single.html",
        r#"{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006 15:04" }}</time>
{{ with .Params.dateline }} · {{ . }}{{ end }}</p>
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}</article>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>{{ end }}
"#,
    ),
    (
        "_default/list.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p><time>{{ .Date.Format "2 January 2006" }}</time></p><p>{{ .Summary }}</p>
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>
{{ end }}
{{ with .Paginator.Prev }}<a href="{{ .URL }}">newer</a>{{ end }}
{{ with .Paginator.Next }}<a href="{{ .URL }}">older</a>{{ end }}{{ end }}
"#,
    ),
    (
        "_default/terms.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
"#,
    ),
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [archive, out] = args.as_slice() else {
        eprintln!("usage: hugo-site ARCHIVE OUT");
        std::process::exit(2);
    };
    let (archive, out) = (Path::new(archive), PathBuf::from(out));
    let site: Site =
        serde_yaml::from_str(&std::fs::read_to_string(archive.join("site.yaml")).unwrap())
            .expect("the archive's site.yaml");
    let _ = std::fs::remove_dir_all(&out);
    write(&out.join("hugo.toml"), &config(&site));
    for (path, text) in LAYOUTS {
        write(&out.join("layouts").join(path), text);
    }
    let content = archive.join("content");
    let mut count = 0;
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        let relative = entry.path().strip_prefix(&content).unwrap();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        write(&out.join("content/posts").join(relative), &converted(&text));
        count += 1;
    }
    println!(
        "{count} briefings written as a Hugo site in {}",
        out.display()
    );
}

fn config(site: &Site) -> String {
    format!(
        r#"baseURL = "{base}"
title = "{title}"
languageCode = "id"
paginate = {paginate}
disableKinds = ["section"]
[taxonomies]
  tag = "tags"
  source = "sources"
  place = "places"
  year = "years"
  month = "months"
[outputs]
  home = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]
"#,
        base = site.base_url,
        title = site.title.replace('"', "'"),
        paginate = site.paginate,
    )
}

/// A kabar briefing as a Hugo page: the same title, tags and body; the date with the site's
/// offset; source, place, year and month as taxonomies.
fn converted(text: &str) -> String {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let (yaml, body) = rest.split_once("\n---\n").expect("front matter's end");
    let front: Front = serde_yaml::from_str(yaml).expect("front matter");
    let date = hugo_date(&front.date);
    let list = |items: &[String]| {
        let quoted: Vec<String> = items.iter().map(|t| format!("{t:?}")).collect();
        format!("[{}]", quoted.join(", "))
    };
    let source = match &front.source {
        Some(serde_yaml::Value::String(name)) => vec![name.clone()],
        Some(serde_yaml::Value::Mapping(m)) => m
            .get("name")
            .and_then(|n| n.as_str())
            .map(|n| vec![n.to_string()])
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let place: Vec<String> = front.dateline.iter().cloned().collect();
    format!(
        "---\ntitle: {title:?}\ndate: {date}\ntags: {tags}\nsources: {sources}\nplaces: {places}\nyears: [\"{year}\"]\nmonths: [\"{month}\"]\ndateline: {dateline:?}\n---\n{body}",
        title = front.title,
        tags = list(&front.tags),
        sources = list(&source),
        places = list(&place),
        year = &date[..4],
        month = &date[..7],
        dateline = front.dateline.unwrap_or_default(),
    )
}

/// `2019-08-16 20:18` (the site's zone, +07:00) as RFC 3339.
fn hugo_date(date: &str) -> String {
    let date = date.trim();
    match date.len() {
        10 => format!("{date}T00:00:00+07:00"),
        16 => format!("{}T{}:00+07:00", &date[..10], &date[11..]),
        _ => date.replace(' ', "T"),
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}
