//! Dates a briefing does not state, and the raw articles whose date or title rests on
//! evidence weak enough for an editor to look at (`kabar check` names them).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::{Evidence, Field, SourceKind};
use crate::config::{Config, Undated};
use crate::error::{Diagnostic, line_col};
use crate::extract::dating::Dated;
use crate::extract::headline::TitleEvidence;
use crate::extract::outlets::SourceEvidence;
use crate::extract::pubdate::Weak;
use crate::time::written::Stated;

/// The date of a briefing that states none, and where it came from: read from the text,
/// else the day its file name starts with, else (raw articles, when the site says so) when
/// the file was saved.
pub(super) fn unstated_date(
    read: Option<(Dated, Evidence)>,
    named: Option<NaiveDate>,
    modified: Option<DateTime<Utc>>,
    path: &Path,
    kind: SourceKind,
    config: &Config,
) -> Result<(Stated, Evidence), Diagnostic> {
    let read = read.and_then(|(d, from)| localize(d, config).map(|d| (d, from)));
    let named = || {
        named
            .and_then(|day| config.timezone.start_of_day(day))
            .map(|at| {
                (
                    Stated {
                        at,
                        has_time: false,
                    },
                    Evidence::FileName,
                )
            })
    };
    let saved = || {
        (kind == SourceKind::Raw && config.raw.undated == Undated::Mtime)
            .then_some(modified)
            .flatten()
            .map(|m| {
                let at = config.timezone.at(m);
                (Stated { at, has_time: true }, Evidence::SavedTime)
            })
    };
    read.or_else(named)
        .or_else(saved)
        .ok_or_else(|| undated(path, kind))
}

/// A date read from text, placed in its own zone or else the site's.
fn localize(dated: Dated, config: &Config) -> Option<Stated> {
    let naive = dated.day.and_time(dated.time.unwrap_or(NaiveTime::MIN));
    let at = match (dated.zone, dated.time) {
        (Some(zone), _) => naive.and_local_timezone(zone).single(),
        (None, None) => config.timezone.start_of_day(dated.day),
        (None, Some(_)) => config.timezone.localize(naive),
    }?;
    Some(Stated {
        at,
        has_time: dated.time.is_some(),
    })
}

fn undated(path: &Path, kind: SourceKind) -> Diagnostic {
    match kind {
        SourceKind::Markdown => Diagnostic::file(path, "this briefing has no date").with_hint(
            "add a line like `date: 2019-12-31 18:19` to the front matter, or start the file \
             name with the day, like 2019-12-31-judul.md",
        ),
        SourceKind::Raw => Diagnostic::new(path, 1, 1, "no date found in this article").with_hint(
            "add front matter at the top of the file: a line `---`, a line \
                 `date: 2019-12-31 18:19`, and a line `---`; or start the file name with the \
                 day, like 2019-12-31-judul.txt; or set `raw: {undated: mtime}` in site.yaml \
                 to date such files by when they were saved",
        ),
    }
}

/// One warning for a raw article (`text` at `path`) whose date or title an editor should
/// check: a date kabar does not trust (a reported day, a bare mention in the text, a year
/// from the weekday alone, the file's save time), a source resting on a masthead alone, a
/// title made from the lead sentence. It points at the date when the
/// date is in doubt.
pub(super) fn doubt(
    path: &Path,
    text: &str,
    evidence: &BTreeMap<Field, Evidence>,
    weak_date: Option<&Weak>,
) -> Option<Diagnostic> {
    let date_from = evidence.get(&Field::Date).copied();
    let weak_date =
        weak_date.filter(|_| !matches!(date_from, Some(Evidence::FileName | Evidence::SavedTime)));
    let mut reasons: Vec<String> = Vec::new();
    let mut fields: Vec<Field> = Vec::new();
    if let Some(weak) = weak_date {
        reasons.push(weak.reason.clone());
        fields.push(Field::Date);
    }
    if date_from == Some(Evidence::SavedTime) {
        reasons.push("the date is when the file was last saved".to_string());
        fields.push(Field::Date);
    }
    if evidence.get(&Field::Source) == Some(&Evidence::Source(SourceEvidence::Masthead)) {
        reasons.push(
            "the source rests only on the outlet's name standing alone on the page".to_string(),
        );
        fields.push(Field::Source);
    }
    if evidence.get(&Field::Title) == Some(&Evidence::Title(TitleEvidence::Lead)) {
        reasons.push("the title was made from the lead sentence".to_string());
        fields.push(Field::Title);
    }
    if reasons.is_empty() {
        return None;
    }
    let (line, col) = weak_date
        .and_then(|w| text.find(&w.written))
        .map_or((1, 1), |at| line_col(text, at));
    let example: Vec<&str> = fields
        .iter()
        .map(|f| match f {
            Field::Date => "`date: 2019-12-31 18:19`",
            Field::Source => "`source: ...`",
            _ => "`title: ...`",
        })
        .collect();
    Some(
        Diagnostic::new(
            path,
            line,
            col,
            format!(
                "check the {}: {}",
                fields.iter().map(|f| f.name()).collect::<Vec<_>>().join(" and "),
                reasons.join("; ")
            ),
        )
        .with_hint(format!(
            "if it is wrong, state it in front matter at the top of the file: a line `---`, {}, and a line `---`",
            example.join(", ")
        )),
    )
}
