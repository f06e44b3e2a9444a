//! The cues around a date in an article's body that tell what the date is to the article:
//! the day it reports, a day ahead, a day someone quoted spoke of, a sidebar's headline.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::dating::{Written, just_before};
use crate::extract::headline::looks_like_headline;
use crate::extract::text::{floor_boundary, quoting_after};

/// A cue around a date; `WEIGHTS` in the parent module says what each is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// Written with its weekday: `Senin (21/1)`, the way Indonesian news marks the day it
    /// reports.
    Weekday,
    /// Marked as today: `hari ini, Jumat (12/6)`.
    TodayMark,
    /// In a sentence that attributes what was said: `kata dia, Senin (21/1)`.
    Reporting,
    /// In the lead paragraphs.
    InLead,
    /// A paragraph of its own that is only a place and the date, closing a column or
    /// letter: `Jakarta, 19 Oktober 2025.`
    SignOff,
    /// A day ahead: `akan digelar pada`, `hingga 30 April`, `1 Mei mendatang`.
    Future,
    /// Inside a quotation: a day someone spoke of, not the article's.
    Quoted,
    /// In a line of its own that reads as a headline: a related story's.
    Sidebar,
    /// A line of its own holding the date and labels only (`Posted on February 28, 2019, at
    /// 4:12 a.m. ET`): a header that stands inside the text.
    DateLine,
}

/// How far before a date a reporting verb may stand in its sentence.
const REPORTING_REACH: usize = 160;
/// How far before a date a word putting it ahead may stand.
const FUTURE_REACH: usize = 48;

static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:kata|ujar|ucap|tutur|ungkap|jelas|terang|sebut|tegas|imbuh|mengatakan|menyatakan|menilai|menjelaskan|menyebut|menuturkan|mengungkapkan|menegaskan|katanya|ujarnya|ucapnya|tuturnya|ungkapnya|jelasnya|terangnya|keterangan(?:nya)?|wartawan|konferensi pers|dikutip|dilansir|melansir|dihubungi|ditemui|dilihat|pantauan|said|told|says|according)(?-u:\b)",
    )
    .expect("valid reporting pattern")
});

/// A word putting what follows ahead, a few words before the date. A verb (`akan digelar di
/// Jakarta, Senin`) reaches past a comma; a preposition's object ends at one (`menjelang
/// Lebaran, Senin (1/4)` reports Monday, as `mulai hari ini, Senin` does).
static FUTURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)(?:akan|bakal|nanti|dijadwalkan|rencananya|will|scheduled|deadline)(?-u:\b)(?:\s+\S+){0,4}|(?-u:\b)(?:hingga|sampai(?:\s+dengan)?|batas|tenggat|paling lambat|mulai|jelang|menjelang|until)(?-u:\b)(?:\s+[^\s,]+){0,4})\s*$",
    )
    .expect("valid future pattern")
});

/// Words that put any date of their sentence ahead: a schedule, a plan.
static SCHEDULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:dijadwalkan|menjadwalkan|terjadwal|direncanakan|berencana|rencananya|berpotensi|diprediksi|diproyeksi|diperkirakan|besok|scheduled|expected to)(?-u:\b)")
        .expect("valid schedule pattern")
});

static FUTURE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W{0,3}(?:mendatang|nanti|depan|yang akan datang)(?-u:\b)")
        .expect("valid future pattern")
});

/// The cues around the date `w` in `text`; the lead ends at byte `lead_end`.
pub(super) fn around(text: &str, w: &Written, lead_end: usize) -> Vec<Cue> {
    // Only the words near the date are read, so a text of one huge paragraph costs what its
    // dates cost, not its length times theirs.
    let before = just_before(text, w.start, NEAR);
    let in_paragraph = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let paragraph_start = w.start - in_paragraph.len();
    let after_text = &text[w.end..];
    let near_after = &after_text[..floor_boundary(after_text, NEAR)];
    let paragraph_end = near_after
        .find('\n')
        .map(|i| w.end + i)
        .or((near_after.len() == after_text.len()).then_some(text.len()));
    // A paragraph that fits in the window around the date, when it does.
    let paragraph = paragraph_end
        .filter(|_| in_paragraph.len() < before.len() || paragraph_start == 0)
        .map(|end| &text[paragraph_start..end]);
    let before_in_paragraph = in_paragraph;
    let sentence_start = before_in_paragraph.rfind(". ").map_or(0, |i| i + 2);
    let sentence_before = &before_in_paragraph[sentence_start..];
    let after = &text[w.end..paragraph_end.unwrap_or(w.end + near_after.len())];
    // What a quotation says ahead belongs to its speaker's day, not to the date after it.
    let attribution = sentence_before
        .rfind(['”', '"'])
        .map_or(sentence_before, |i| &sentence_before[i..]);
    let mut cues = Vec::new();
    let mut note = |cue, present: bool| {
        if present {
            cues.push(cue);
        }
    };
    note(Cue::Weekday, w.weekday.is_some());
    note(Cue::TodayMark, w.today_mark);
    note(
        Cue::Reporting,
        REPORTING.is_match(just_before(
            sentence_before,
            sentence_before.len(),
            REPORTING_REACH,
        )),
    );
    note(Cue::InLead, w.start < lead_end);
    note(
        Cue::Future,
        FUTURE_BEFORE.is_match(just_before(
            sentence_before,
            sentence_before.len(),
            FUTURE_REACH,
        )) || FUTURE_AFTER.is_match(after)
            || SCHEDULE.is_match(attribution),
    );
    note(Cue::SignOff, paragraph.is_some_and(|p| is_sign_off(p, w)));
    note(Cue::Quoted, quoting_after(false, before_in_paragraph));
    // A paragraph that is only a date and its labels (`Published 2 March 2021`) is a date
    // line, not a related story's headline.
    let date_line = w.year.is_some() && paragraph.is_some_and(|p| is_date_line(p, w, text));
    note(
        Cue::Sidebar,
        !date_line && paragraph.is_some_and(looks_like_headline),
    );
    note(Cue::DateLine, date_line);
    cues
}

/// Whether `paragraph` is the date `w` and labels only: `Posted on February 28, 2019, at
/// 4:12 a.m. ET`, `Diperbarui 12 Juni 2020`.
fn is_date_line(paragraph: &str, w: &Written, text: &str) -> bool {
    const LABELS: &[&str] = &[
        "posted",
        "first",
        "originally",
        "published",
        "updated",
        "last",
        "modified",
        "diperbarui",
        "dipublikasikan",
        "diterbitkan",
        "terbit",
        "tanggal",
        "date",
        "on",
        "at",
        "pada",
        "pukul",
        "et",
        "pt",
        "wib",
        "wita",
        "wit",
        "|",
        "-",
        "–",
        "—",
        ":",
    ];
    let date = &text[w.start..w.end];
    // A date line never ends a sentence (`Jumat (12/6/2020).` is a sentence).
    let Some(at) = paragraph
        .find(date)
        .filter(|_| !paragraph.trim_end().ends_with('.'))
    else {
        return false;
    };
    let labels_only = |before: &str| {
        [before, &paragraph[at + date.len()..]]
            .iter()
            .flat_map(|part| part.split_whitespace())
            .map(|word| word.trim_matches([',', '.', ':']).to_lowercase())
            .all(|word| word.is_empty() || LABELS.contains(&word.as_str()))
    };
    // The outlet's name and the place it writes from may open it: `CNNMoney (New York) First
    // published June 4, 2024: 8:12 AM ET`. Sought only for a line the labels do not explain,
    // as outlets are many.
    labels_only(&paragraph[..at])
        || paragraph[..at].contains('(')
            && crate::extract::outlets::after_masthead(paragraph).is_some_and(|rest| {
                let skipped = paragraph.len() - rest.len();
                skipped <= at && labels_only(&rest[..at - skipped])
            })
}

/// How far around a date its cues are read, in bytes.
const NEAR: usize = 600;

/// A paragraph that is a place and the date: `Astana Gede Kawali, 19 Oktober 2025.`
fn is_sign_off(paragraph: &str, w: &Written) -> bool {
    const PLACE_WORDS: usize = 4;
    const MOST_WORDS: usize = 10;
    if paragraph.split_whitespace().nth(MOST_WORDS).is_some() {
        return false;
    }
    let Some(at) = paragraph.find(',') else {
        return false;
    };
    let place = &paragraph[..at];
    let rest = paragraph[at + 1..].trim().trim_end_matches('.');
    w.year.is_some()
        && place.split_whitespace().count() <= PLACE_WORDS
        && place
            .split_whitespace()
            .all(|word| word.starts_with(char::is_uppercase))
        && dating_is_whole(rest)
}

/// Whether `text` is one date and nothing else.
fn dating_is_whole(text: &str) -> bool {
    let dates = crate::extract::dating::find_dates(text);
    dates.len() == 1 && dates[0].start == 0 && dates[0].end == text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dating::find_dates;

    fn cues_of(text: &str) -> Vec<Cue> {
        let w = find_dates(text).pop().expect("a date");
        around(text, &w, 0)
    }

    #[test]
    fn cues_are_read_around_the_date() {
        assert_eq!(
            cues_of("Hal itu disampaikan, kata dia, Senin (21/1)."),
            [Cue::Weekday, Cue::Reporting]
        );
        assert_eq!(
            cues_of("Proyek itu akan rampung pada 1 Mei 2019 mendatang."),
            [Cue::Future]
        );
        assert_eq!(
            cues_of("\"Pada hari ini, 21 April 2025, saya mundur,\" katanya."),
            [Cue::TodayMark, Cue::Quoted]
        );
        assert_eq!(
            cues_of("Film Kedua Dirilis 12 November 2015"),
            [Cue::Sidebar]
        );
        assert_eq!(
            cues_of("Astana Gede Kawali, 19 Oktober 2025."),
            [Cue::SignOff]
        );
        assert_eq!(
            cues_of("Posted on February 28, 2019, at 4:12 a.m. ET"),
            [Cue::DateLine]
        );
        assert_eq!(
            cues_of("CNNMoney (New York) First published June 4, 2024: 8:12 AM ET"),
            [Cue::DateLine]
        );
        assert_eq!(
            cues_of("Harga beras naik menjelang Lebaran, Senin (1/4/2024)."),
            [Cue::Weekday]
        );
        assert_eq!(
            cues_of("Konser itu akan digelar di Jakarta, Sabtu (10/5/2024)."),
            [Cue::Weekday, Cue::Future]
        );
        assert_eq!(
            cues_of("Polisi menjadwalkan ulang pemeriksaan penyanyi itu, Jumat (12/9)."),
            [Cue::Weekday, Cue::Future]
        );
    }
}
