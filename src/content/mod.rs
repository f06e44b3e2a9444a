//! Source files → [`Briefing`]s: front matter, Markdown or raw text, dates, slugs, summaries.

pub mod article;
pub mod body;
mod decode;
pub mod discover;
pub mod duplicate;
mod evidence;
pub mod front_matter;
mod html;
pub mod inferred;
pub mod markdown;
mod names;
pub mod placeholder;
pub mod print;
mod reader;
pub mod sanitize;
mod stated;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use crate::config::Config;
use crate::error::{Diagnostic, line_col};
use crate::extract::article::{Article, Block};
use crate::extract::outlets::SourceEvidence;
use crate::extract::pubdate::Weak;
use crate::slug::slugify;
use crate::summary::{summarize, word_count};
use crate::time::written;
use crate::yaml::Names;
pub use body::{Body, Shelf};
pub use discover::{Asset, Discovery, Source, SourceKind, discover};
use front_matter::FrontMatter;
pub use inferred::{Evidence, Field};
use names::{name_stem, slug_from_name, title_from_stem};
pub use reader::{Reader, Tables};
use stated::Fields;

/// One briefing, fully read: everything a page needs to show it. It is kept between builds
/// (see `build::cache`) without its body, which is kept apart.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Briefing {
    /// Path relative to the site root, e.g. `content/2019/ktt-hanoi.md`.
    pub path: PathBuf,
    pub slug: String,
    /// The slug was chosen by the editor: in the front matter, or by naming the file (rather
    /// than made from the title of a file named by a machine).
    pub slug_stated: bool,
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
    /// Agencies and media the briefing cites.
    pub cited: Vec<String>,
    /// Plain text.
    pub summary: String,
    #[serde(skip)]
    pub body: Body,
    pub words: usize,
    /// The body's word pairs as a signature, to find the other versions of its event.
    pub print: Option<print::Print>,
    /// Words of the text as the file holds it, to set beside `words`.
    pub source_words: usize,
    pub draft: bool,
    /// `duplicate_of:`: the briefing this one copies, published in its place.
    pub duplicate_of: Option<duplicate::Mark>,
    /// `story:`: whether the story it belongs to is found, named, or none.
    pub story: StoryMark,
    /// `story_title:`: the name of the story `story:` names.
    pub story_title: Option<String>,
    /// Links to this site found in the body: target, line, column.
    pub links: Vec<(String, usize, usize)>,
    /// Fields kabar read from the text or made up, rather than found stated by the editor.
    pub inferred: Vec<Field>,
    /// Where each of the date, source and title not stated came from (`date: header`).
    pub evidence: BTreeMap<Field, Evidence>,
    /// What kabar left out of the file to keep the site sound (control characters, links
    /// that run script), for the editor to fix.
    pub warnings: Vec<Diagnostic>,
    /// For a raw article whose date or title rests on weak evidence: what to check.
    pub doubt: Option<Diagnostic>,
}

/// What `story:` says of the story a briefing belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum StoryMark {
    /// Not said: found from what it shares with briefings near it in time.
    #[default]
    Found,
    /// `story: none`: in no story.
    Out,
    /// `story: <slug>`: in the story of that slug, whatever it shares.
    Named(String),
}

impl Briefing {
    /// When it last changed: `updated` if given (and not before `date`), else `date`.
    pub fn last_change(&self) -> DateTime<FixedOffset> {
        self.updated.unwrap_or(self.date).max(self.date)
    }
}

pub use crate::extract::outlets::Outlet;

/// What reading a file needs beyond its text.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The site's today: a date written without a year is never placed after it.
    pub today: NaiveDate,
    /// When the file was last modified, for `raw.undated: mtime`.
    pub modified: Option<DateTime<Utc>>,
}

/// Reads and parses one source file. Never panics; every problem names the file and line.
pub fn parse(
    root: &Path,
    source: &Source,
    reader: &Reader,
    today: NaiveDate,
) -> Result<Briefing, Diagnostic> {
    let file = read_file(&root.join(&source.path), &source.path)?;
    parse_file(&file, &source.path, source.kind, reader, today)
}

/// Parses a file as [`read_file`] read it, with the warning its reading gave.
pub fn parse_file(
    file: &FileText,
    path: &Path,
    kind: SourceKind,
    reader: &Reader,
    today: NaiveDate,
) -> Result<Briefing, Diagnostic> {
    let mut briefing = parse_text(path, kind, &file.text, reader, &file.context(today))?;
    briefing.warnings.extend(file.guessed.clone());
    Ok(briefing)
}

/// A source file as read from disk.
pub struct FileText {
    pub text: String,
    pub modified: Option<DateTime<Utc>>,
    /// A warning when the file was not UTF-8 and its encoding was guessed.
    pub guessed: Option<Diagnostic>,
}

impl FileText {
    /// What reading its text needs beyond the text.
    pub fn context(&self, today: NaiveDate) -> Context {
        Context {
            today,
            modified: self.modified,
        }
    }
}

/// A source file's text and when it was last modified; problems are named after `named`.
pub fn read_file(path: &Path, named: &Path) -> Result<FileText, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::file(named, format!("cannot read: {e}"))
            .with_hint("check that the file exists and that you may read it")
    })?;
    let (text, guessed) = decode::decode(bytes, named)?;
    Ok(FileText {
        text,
        modified: modified(path),
        guessed,
    })
}

/// When the file at `path` was last modified, when the system tells.
pub fn modified(path: &Path) -> Option<DateTime<Utc>> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified());
    modified.ok().map(DateTime::<Utc>::from)
}

/// Parses a briefing's text; `path` is used for messages, the slug and a date prefix.
pub fn parse_text(
    path: &Path,
    kind: SourceKind,
    text: &str,
    reader: &Reader,
    context: &Context,
) -> Result<Briefing, Diagnostic> {
    read_text(path, kind, text, reader, context).map(|(briefing, _)| briefing)
}

/// Parses a briefing's text, also returning a raw article's cleaned body (empty for
/// Markdown).
pub fn read_text(
    path: &Path,
    kind: SourceKind,
    text: &str,
    reader: &Reader,
    context: &Context,
) -> Result<(Briefing, Vec<Block>), Diagnostic> {
    let config = reader.config;
    let (text, stripped) = sanitize::strip_forbidden(path, text);
    let text = text.as_ref();
    let mut warnings: Vec<Diagnostic> = stripped.into_iter().collect();
    // A scraper's record keeps its fields in a `---` block that is not front matter, and
    // a scrape may open with a rule.
    let not_front_matter =
        |text| crate::extract::record::is_record(text) || front_matter::opens_with_a_rule(text);
    let split = if kind == SourceKind::Raw && not_front_matter(text) {
        front_matter::Split::whole(text)
    } else {
        front_matter::split(text).map_err(|d| d.in_file(path))?
    };
    let fm = split.front_matter;
    let mut content = match kind {
        SourceKind::Markdown => markdown_content(split.body, &fm, config),
        SourceKind::Raw => article::content(split.body, reader, context.today),
    };
    let fields = Fields { path, text };
    let stem = name_stem(path);
    let prefix = written::split_date_prefix(stem);
    let article = content.article.take().unwrap_or_default();
    let mut found = Found::default();
    let title = found.title(fm.title.clone(), &mut content, &article, stem);
    let date = match &fm.date {
        Some(written) => fields.date("date", written, &config.timezone)?,
        None => found.unstated_date(&article, prefix, context, &fields, kind, config)?,
    };
    let updated = fields.updated(fm.updated.as_deref(), &config.timezone)?;
    let (slug, slug_from_title) = match &fm.slug {
        Some(slug) => (fields.slug(slug)?, false),
        None => slug_from_name(prefix.map_or(stem, |(_, rest)| rest), &title),
    };
    let duplicate_of = fields.duplicate_of(fm.duplicate_of.as_deref())?;
    let story = fields.story(fm.story.as_deref())?;
    let tags = fields.tags(fm.tags, &reader.tables.entities, &mut warnings)?;
    let source = fields.source(fm.source, &mut warnings);
    let stated_summary = fm.summary.or(content.before_more.take());
    let summary = found.summary(stated_summary, &content.paragraphs, article.summary, config);
    let read = article.source.zip(article.evidence.source);
    let source = found.source(source, read, &config.title);
    let dateline = found.pick(fm.dateline, article.dateline, Field::Dateline);
    let author = found.pick(fm.author, article.author, Field::Author);
    let non_empty = |list: Vec<String>| Some(list).filter(|l| !l.is_empty());
    let stated_cited = fm.cited.map(Names::into_list);
    let cited = found.pick(stated_cited, non_empty(article.cited), Field::Cited);
    let tags = found.pick(tags, non_empty(article.tags), Field::Tags);
    let links = located_in_body(
        path,
        (split.body, split.body_line),
        &mut content,
        article.loss.as_ref(),
        &mut warnings,
    );
    let weak_date = article.evidence.weak_date.as_ref();
    let doubt = (kind == SourceKind::Raw)
        .then(|| found.doubt(&fields, weak_date))
        .flatten();
    let mut briefing = Briefing {
        path: path.to_path_buf(),
        slug,
        slug_stated: !slug_from_title,
        title,
        date: date.at,
        has_time: date.has_time,
        updated,
        tags: dedup_tags(tags.unwrap_or_default()),
        source,
        dateline,
        author,
        cited: cited.unwrap_or_default(),
        summary,
        body: Body::Held(held(std::mem::take(&mut content.html))),
        words: content.words,
        print: print::Print::of(&content.paragraphs),
        source_words: word_count(split.body),
        draft: fm.draft,
        duplicate_of,
        story,
        story_title: fm.story_title,
        links,
        inferred: found.inferred,
        doubt,
        evidence: found.evidence,
        warnings,
    };
    warn_of_leftovers(&mut briefing, &fields);
    Ok((briefing, article.blocks))
}

/// Warnings for what the editor left to fix: `kabar new`'s placeholder text, and control
/// characters written as escapes (which are left out).
fn warn_of_leftovers(briefing: &mut Briefing, fields: &Fields) {
    let placeholder = placeholder::left_in(fields.path, fields.text, briefing.draft);
    briefing.warnings.extend(placeholder);
    for key in sanitize::strip_escaped_controls(briefing) {
        briefing.warnings.push(fields.at_key(
            key,
            format!("control characters left out of `{key}`"),
            "remove the escape (such as \\x01) from the value",
        ));
    }
}

/// The body's internal links, each at its line and column in the file; what the body lost
/// (a raw article's left-out text, links that would run script, unsafe HTML) is added to
/// `warnings` at its place.
fn located_in_body(
    path: &Path,
    (body, body_line): (&str, usize),
    content: &mut Content,
    loss: Option<&crate::extract::loss::Loss>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<(String, usize, usize)> {
    let in_file = |offset: usize| {
        let (line, col) = line_col(body, offset);
        (line + body_line - 1, col)
    };
    if let Some(loss) = loss {
        warnings.push(
            Diagnostic::new(path, body_line, 1, loss.message()).with_hint(
                "if story text is missing, look at those parts of the file: kabar keeps the \
                 largest run of prose and the header right above it; paste only the story, or \
                 write it as a Markdown briefing",
            ),
        );
    }
    warnings.extend(content.script_links.iter().map(|(url, offset)| {
        let (line, col) = in_file(*offset);
        sanitize::script_link_warning(path, line, col, url)
    }));
    warnings.extend(content.unsafe_html.iter().map(|(what, offset)| {
        let (line, col) = in_file(*offset);
        html::removed_warning(path, line, col, what)
    }));
    std::mem::take(&mut content.links)
        .into_iter()
        .map(|(target, offset)| {
            let (line, col) = in_file(offset);
            (target, line, col)
        })
        .collect()
}

/// The fields read from the text or made up rather than stated, and what each came from.
#[derive(Default)]
struct Found {
    inferred: Vec<Field>,
    evidence: BTreeMap<Field, Evidence>,
}

impl Found {
    /// The stated value if there is one, else the value read from the text, noted as inferred.
    fn pick<T>(&mut self, stated: Option<T>, read: Option<T>, field: Field) -> Option<T> {
        if stated.is_some() {
            return stated;
        }
        if read.is_some() {
            self.inferred.push(field);
        }
        read
    }

    /// The stated outlet, else the one read from the text (with what named it); never the
    /// site itself.
    fn source(
        &mut self,
        stated: Option<Outlet>,
        read: Option<(Outlet, SourceEvidence)>,
        site_title: &str,
    ) -> Option<Outlet> {
        if let (None, Some((_, from))) = (&stated, &read) {
            self.evidence.insert(Field::Source, Evidence::Source(*from));
        }
        self.pick(stated, read.map(|(outlet, _)| outlet), Field::Source)
            // The desk's own briefing: no outlet to credit, and no source page of the site itself.
            .filter(|s| !same_name(&s.name, site_title))
    }

    /// For a raw article whose date or title rests on weak evidence: what to check.
    fn doubt(&self, fields: &Fields, weak_date: Option<&Weak>) -> Option<Diagnostic> {
        evidence::doubt(fields.path, fields.text, &self.evidence, weak_date)
    }

    /// The stated title, else the body's own, else one made from the file's name.
    fn title(
        &mut self,
        stated: Option<String>,
        content: &mut Content,
        article: &Article,
        stem: &str,
    ) -> String {
        if let Some(title) = stated {
            return title;
        }
        let Some(title) = content.title.take() else {
            self.inferred.push(Field::Title);
            self.evidence.insert(Field::Title, Evidence::FileName);
            return title_from_stem(stem);
        };
        if content.title_inferred {
            self.inferred.push(Field::Title);
        }
        let from = article
            .evidence
            .title
            .map_or(Evidence::FirstHeading, Evidence::Title);
        self.evidence.insert(Field::Title, from);
        title
    }

    /// The date of a file whose front matter states none: read from the article, named in
    /// the file's name (`prefix`), or the file's time, as `raw.undated` allows.
    fn unstated_date(
        &mut self,
        article: &Article,
        prefix: Option<(NaiveDate, &str)>,
        context: &Context,
        fields: &Fields,
        kind: SourceKind,
        config: &Config,
    ) -> Result<written::Stated, Diagnostic> {
        let read = article.date.zip(article.evidence.date.map(Evidence::Date));
        let named = prefix.map(|(day, _)| day);
        let (date, from) =
            evidence::unstated_date(read, named, context.modified, fields.path, kind, config)?;
        if from != Evidence::FileName {
            self.inferred.push(Field::Date);
        }
        self.evidence.insert(Field::Date, from);
        Ok(date)
    }

    /// The stated summary, else the one read from the article, else the lead paragraphs'
    /// first `summary_words`.
    fn summary(
        &mut self,
        stated: Option<String>,
        paragraphs: &[String],
        read: String,
        config: &Config,
    ) -> String {
        if let Some(summary) = stated {
            return summary;
        }
        self.inferred.push(Field::Summary);
        if read.is_empty() {
            summarize(paragraphs, config.summary_words)
        } else {
            read
        }
    }
}

/// What the body of a file yields, whatever its format.
#[derive(Debug, Default)]
pub struct Content {
    /// The body's own title: a Markdown heading, or a raw article's headline.
    pub title: Option<String>,
    /// The title was made from the lead sentence.
    pub title_inferred: bool,
    pub html: String,
    pub paragraphs: Vec<String>,
    pub before_more: Option<String>,
    pub words: usize,
    /// Internal links with their byte offset in the body.
    pub links: Vec<(String, usize)>,
    /// Links left out because they would run script, with their byte offset in the body.
    pub script_links: Vec<(String, usize)>,
    /// What cleaning took out of HTML in the body, with its byte offset there.
    pub unsafe_html: Vec<(String, usize)>,
    /// What was read from a raw article's text.
    pub article: Option<Article>,
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
        script_links: rendered
            .script_links
            .into_iter()
            .map(|(l, r)| (l, r.start))
            .collect(),
        unsafe_html: rendered
            .unsafe_html
            .into_iter()
            .map(|(what, r)| (what, r.start))
            .collect(),
        ..Content::default()
    }
}

/// Two names written alike, whatever their case and spacing.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// Same tag twice (by slug) is kept once, as first written.
fn dedup_tags(tags: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    tags.into_iter()
        .filter(|t| seen.insert(slugify(t)))
        .collect()
}

/// A string kept for the whole build, without the room it grew into.
fn held(mut text: String) -> String {
    text.shrink_to_fit();
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_md(path: &str, text: &str) -> Result<Briefing, Diagnostic> {
        let context = Context {
            today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            modified: None,
        };
        let config = Config::default();
        parse_text(
            Path::new(path),
            SourceKind::Markdown,
            text,
            &Reader::new(&config).unwrap(),
            &context,
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
        assert_eq!(b.tags, ["Korea Utara", "Amerika Serikat"]);
        assert_eq!(
            b.source,
            Some(Outlet {
                name: "Kompas".into(),
                url: None,
                home: Some("https://kompas.com".into())
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
    fn machine_named_files_take_the_title_slug() {
        let b = parse_md(
            "c/000_32f762eadf0bc361.md",
            "---\ndate: 2019-01-01\n---\n# Kim Tiba\n",
        )
        .unwrap();
        assert_eq!(b.slug, "kim-tiba");
        let b = parse_md("c/2019-01-01-ktt-2.md", "# Kim Tiba\n").unwrap();
        assert_eq!(b.slug, "ktt-2");
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
