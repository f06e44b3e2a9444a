//! Which fields of a briefing kabar read from the text or made up rather than found stated,
//! and the evidence each rests on: typed, so the checks that look at them cannot misspell a
//! name; `kabar list` shows them by name.

use crate::extract::headline::TitleEvidence;
use crate::extract::outlets::SourceEvidence;
use crate::extract::pubdate::DateEvidence;

/// A briefing's field an editor may state. Ordered by name, as `kabar list` lists evidence.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Field {
    Author,
    Cited,
    Date,
    Dateline,
    Source,
    Summary,
    Tags,
    Title,
}

impl Field {
    /// The front-matter key, as `kabar list` shows it.
    pub fn name(self) -> &'static str {
        match self {
            Field::Author => "author",
            Field::Cited => "cited",
            Field::Date => "date",
            Field::Dateline => "dateline",
            Field::Source => "source",
            Field::Summary => "summary",
            Field::Tags => "tags",
            Field::Title => "title",
        }
    }
}

/// Where a value an editor did not state came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Evidence {
    /// A raw article's date, by the cue it was read from.
    Date(DateEvidence),
    /// A raw article's outlet, by the clue that named it.
    Source(SourceEvidence),
    /// A raw article's title, by where it stood.
    Title(TitleEvidence),
    /// A Markdown body's first heading.
    FirstHeading,
    /// The file's name: its words, or the day it starts with.
    FileName,
    /// When the file was last saved (`raw.undated: mtime`).
    SavedTime,
}

impl Evidence {
    /// The name `kabar list` shows.
    pub fn name(self) -> &'static str {
        match self {
            Evidence::Date(e) => e.name(),
            Evidence::Source(e) => e.name(),
            Evidence::Title(e) => e.name(),
            Evidence::FirstHeading => "first heading",
            Evidence::FileName => "file name",
            Evidence::SavedTime => "mtime",
        }
    }
}
