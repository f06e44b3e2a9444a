//! `kabar list`: one record per briefing, with what was read or extracted from it.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::config::Config;
use crate::content::Briefing;
use crate::content::{Evidence, Field};
use crate::render::pages::permalink_path;

#[derive(Debug, Serialize)]
pub struct Record {
    /// Relative to the site root.
    pub path: String,
    pub url: String,
    pub title: String,
    /// RFC 3339 with the briefing's offset.
    pub date: String,
    pub tags: Vec<String>,
    pub source: Option<String>,
    pub dateline: Option<String>,
    pub summary: String,
    pub words: usize,
    /// Words of the text as the file holds it: far more than `words` means much was left
    /// out (page furniture of a raw article).
    pub source_words: usize,
    pub draft: bool,
    pub author: Option<String>,
    pub cited: Vec<String>,
    /// Fields read from the text rather than stated by the editor.
    #[serde(serialize_with = "by_name")]
    pub inferred: Vec<Field>,
    /// Where the date, source and title that were not stated came from.
    #[serde(serialize_with = "by_names")]
    pub evidence: BTreeMap<Field, Evidence>,
}

/// Fields by their front-matter keys.
fn by_name<S: Serializer>(fields: &[Field], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(fields.iter().map(|f| f.name()))
}

/// Evidence by field key and name (`date: header`).
fn by_names<S: Serializer>(
    evidence: &BTreeMap<Field, Evidence>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(evidence.iter().map(|(f, e)| (f.name(), e.name())))
}

impl Record {
    pub const CSV_HEADER: [&str; 15] = [
        "path",
        "url",
        "title",
        "date",
        "tags",
        "source",
        "dateline",
        "summary",
        "words",
        "source_words",
        "draft",
        "author",
        "cited",
        "inferred",
        "evidence",
    ];

    pub fn new(b: &Briefing, config: &Config) -> Record {
        Record {
            path: b
                .path
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            url: config.base_url.absolute(&permalink_path(b, config)),
            title: b.title.clone(),
            date: b.date.to_rfc3339(),
            tags: b.tags.clone(),
            source: b.source.as_ref().map(|s| s.name.clone()),
            dateline: b.dateline.clone(),
            summary: b.summary.clone(),
            words: b.words,
            source_words: b.source_words,
            draft: b.draft,
            author: b.author.clone(),
            cited: b.cited.clone(),
            inferred: b.inferred.clone(),
            evidence: b.evidence.clone(),
        }
    }

    /// The same fields for CSV; lists are joined with `; `.
    pub fn csv_row(&self) -> [String; 15] {
        [
            self.path.clone(),
            self.url.clone(),
            self.title.clone(),
            self.date.clone(),
            self.tags.join("; "),
            self.source.clone().unwrap_or_default(),
            self.dateline.clone().unwrap_or_default(),
            self.summary.clone(),
            self.words.to_string(),
            self.source_words.to_string(),
            self.draft.to_string(),
            self.author.clone().unwrap_or_default(),
            self.cited.join("; "),
            self.inferred
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join("; "),
            self.evidence
                .iter()
                .map(|(field, from)| format!("{}: {}", field.name(), from.name()))
                .collect::<Vec<_>>()
                .join("; "),
        ]
    }
}
