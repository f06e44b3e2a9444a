//! Which date dates a raw article. Every date the text writes is a candidate, with where it
//! stands (header, `Tanggal:` line, the article's address, dateline, body) and the cues
//! around it (a weekday, `hari ini`, a reporting verb, `akan` or `mendatang`, a quotation, a
//! sidebar headline). A table of weights scores them; in the body a date older than the
//! newest reported day loses points, since an article is published after what it reports.
//! History never dates the article nor lends it its year: a birth date (`kelahiran 9
//! Januari 1972`), the year a book or law came out (`terbit pada 1979`, `UU Nomor 12 Tahun
//! 2011`), a year decades before the newest one the text mentions.

mod cues;
mod history;

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::dating::{self, Dated, Written, YearFrom};
use crate::summary::first_sentence;
use cues::Cue;
use history::{Found, plausible_years};

/// What a date's choice rests on, strongest first. Only the first five are trusted without
/// an editor's look; `kabar check` warns about the others.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum DateEvidence {
    /// A date line above the story (`Selasa, 31/12/2019 18:19 WIB`).
    Header,
    /// A `Tanggal:` line of a header block.
    Label,
    /// The story's dateline (`SEOUL, Dec 31 (Reuters) -`).
    Dateline,
    /// The date in the article's own address (`/2019/12/31/`).
    Address,
    /// The day the text calls today (`hari ini, Jumat (12/6)`).
    Today,
    /// The newest day the text reports (`kata dia, Senin (21/1)`): the article may have been
    /// published a day or two later.
    Reported,
    /// A bare mention in the text.
    Text,
}

impl DateEvidence {
    /// The name `kabar list` shows.
    pub fn name(self) -> &'static str {
        match self {
            DateEvidence::Header => "header",
            DateEvidence::Label => "label",
            DateEvidence::Dateline => "dateline",
            DateEvidence::Address => "address",
            DateEvidence::Today => "today",
            DateEvidence::Reported => "reported day",
            DateEvidence::Text => "text",
        }
    }

    /// How often a date resting on this evidence alone is the publication day.
    fn confidence(self) -> f32 {
        match self {
            DateEvidence::Header | DateEvidence::Label | DateEvidence::Dateline => 0.95,
            DateEvidence::Address => 0.9,
            DateEvidence::Today => 0.85,
            DateEvidence::Reported => 0.7,
            DateEvidence::Text => 0.4,
        }
    }
}

/// Below this confidence `kabar check` asks an editor to look at the date.
pub(crate) const TRUSTED: f32 = 0.8;

/// A date read from the text and what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Choice {
    pub dated: Dated,
    pub from: DateEvidence,
    /// The date as the text writes it, for pointing the editor at it.
    pub written: String,
    pub confidence: f32,
    /// The weekday written with the date is not the date's (`Senin (19/10/2025)`, a Sunday).
    pub slip: bool,
}

/// Why an editor should look at a date read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weak {
    pub reason: String,
    /// The date as the text writes it, to find it in the file.
    pub written: String,
}

impl Choice {
    /// Why an editor should look at this date, if its confidence is below [`TRUSTED`].
    pub(crate) fn weakness(&self) -> Option<Weak> {
        if self.confidence >= TRUSTED {
            return None;
        }
        let written = &self.written;
        let reason = if self.slip {
            format!("the weekday of `{written}` does not fall on that date")
        } else if self.dated.year_from == YearFrom::Weekday {
            format!("the year of `{written}` was guessed from its weekday alone")
        } else if self.from == DateEvidence::Reported {
            format!(
                "the date is the newest day the text reports (`{written}`); the article may \
                 have been published a day or two later"
            )
        } else {
            format!("the date comes from a bare mention in the text (`{written}`)")
        };
        Some(Weak {
            reason,
            written: written.clone(),
        })
    }
}

/// Where the dates the article carries stand, besides its body.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Sources<'a> {
    /// Date lines above the story.
    pub header: &'a [String],
    /// The text of a `Tanggal:` line.
    pub label: Option<&'a str>,
    /// The story's dateline.
    pub dateline: Option<&'a str>,
    /// The article's own address.
    pub address: Option<&'a str>,
}

/// How many paragraphs at the top count as the lead.
const LEAD_PARAGRAPHS: usize = 3;
/// A year more than this before the newest one the text mentions is history, not the
/// article's.
pub(super) const PLAUSIBLE_SPAN: i32 = 15;
/// Points a body date loses for each day it lies away from the anchor: the newest day the
/// text attributes a statement to (else the newest day it reports). Older days are past
/// news; newer ones without a statement are mostly schedules.
const PER_DAY_AWAY: i32 = 10;
const MOST_AWAY: i32 = 40;

/// Points each cue gives a date in the body.
const WEIGHTS: &[(Cue, i32)] = &[
    (Cue::Weekday, 20),
    (Cue::TodayMark, 30),
    (Cue::Reporting, 8),
    (Cue::InLead, 4),
    (Cue::SignOff, 40),
    (Cue::DateLine, 50),
    (Cue::Future, -45),
    (Cue::Quoted, -25),
    (Cue::Sidebar, -60),
];

fn weight(cues: &[Cue]) -> i32 {
    WEIGHTS
        .iter()
        .filter(|(cue, _)| cues.contains(cue))
        .map(|(_, w)| w)
        .sum()
}

/// The date that dates the article.
pub(crate) fn choose(sources: &Sources, paragraphs: &[String], today: NaiveDate) -> Option<Choice> {
    let header_text = sources.header.join("\n");
    let body_text = paragraphs.join("\n");
    let placed: Vec<(DateEvidence, Found)> = [
        (DateEvidence::Header, Some(header_text.as_str())),
        (DateEvidence::Label, sources.label),
        (DateEvidence::Dateline, sources.dateline),
    ]
    .into_iter()
    .filter_map(|(from, text)| text.map(|t| (from, Found::in_text(t, false))))
    .collect();
    let body = Found::in_text(&body_text, true);
    let address = sources.address.and_then(address_date);
    let mut all_found: Vec<&Found> = placed.iter().map(|(_, f)| f).collect();
    all_found.push(&body);
    let mut years = plausible_years(&all_found, today);
    if let Some(day) = address {
        years.push(day.year());
        years.sort_unstable();
        years.dedup();
    }
    let all: Vec<Written> = all_found
        .iter()
        .flat_map(|f| &f.dates)
        .filter(|w| w.year.is_none_or(|y| years.contains(&y)))
        .cloned()
        .collect();
    let context = Context {
        all: &all,
        years: &years,
        today,
    };

    let lead_weekday = paragraphs
        .first()
        .and_then(|lead| dating::weekday_named(lead));
    let placed_choice = placed.iter().find_map(|(from, found)| {
        found
            .dates
            .iter()
            .find_map(|w| {
                let dated = context.complete(w).or_else(|| {
                    // A wire dateline's day with no year in a text that names none
                    // (`SEOUL, Dec 31 (Reuters) - ... fired a missile on Tuesday`): the
                    // lead's weekday gives the year, and `kabar check` says it was guessed.
                    let wire = *from == DateEvidence::Dateline && w.weekday.is_none();
                    let weekday = lead_weekday.filter(|_| wire)?;
                    context.complete(&Written {
                        weekday: Some(weekday),
                        ..w.clone()
                    })
                })?;
                Some((w, dated))
            })
            .map(|(w, d)| choice(found.text, w, d, *from))
    });
    if let Some(mut placed) = placed_choice {
        if address.is_some_and(|day| day != placed.dated.day) {
            placed.confidence -= 0.1;
        }
        return Some(placed);
    }
    if let Some(day) = address {
        return Some(Choice {
            dated: Dated {
                day,
                time: None,
                zone: None,
                year_from: YearFrom::Written,
            },
            from: DateEvidence::Address,
            written: day.to_string(),
            confidence: DateEvidence::Address.confidence(),
            slip: false,
        });
    }
    body_choice(&body, paragraphs, &context)
}

/// What completing a date's missing parts needs.
struct Context<'a> {
    all: &'a [Written],
    years: &'a [i32],
    today: NaiveDate,
}

impl Context<'_> {
    fn complete(&self, w: &Written) -> Option<Dated> {
        dating::complete(w, self.all, self.years, self.today)
    }

    /// Not decades before the newest year the text mentions.
    fn plausible(&self, d: &Dated) -> bool {
        self.years
            .last()
            .is_none_or(|newest| d.day.year() >= newest - PLAUSIBLE_SPAN)
    }
}

fn choice(text: &str, w: &Written, dated: Dated, from: DateEvidence) -> Choice {
    let slip = w.year.is_some() && w.weekday.is_some_and(|wd| dated.day.weekday() != wd);
    let mut confidence = from.confidence();
    if slip {
        confidence -= 0.3;
    }
    if dated.year_from == YearFrom::Weekday {
        confidence -= 0.3;
    }
    Choice {
        dated,
        from,
        written: text[w.start..w.end].trim().to_string(),
        confidence,
        slip,
    }
}

/// A body date with its cues and score.
struct Candidate<'a> {
    written: &'a Written,
    dated: Dated,
    cues: Vec<Cue>,
    score: i32,
}

/// The best date in the body: scored by its cues, less for each day it lies before the
/// newest day the text reports.
fn body_choice(body: &Found, paragraphs: &[String], context: &Context) -> Option<Choice> {
    let lead_end: usize = paragraphs
        .iter()
        .take(LEAD_PARAGRAPHS)
        .map(|p| p.len() + 1)
        .sum();
    let mut candidates: Vec<Candidate> = body
        .dates
        .iter()
        .filter_map(|w| {
            let dated = context.complete(w)?;
            if dated.day > context.today || !context.plausible(&dated) {
                return None;
            }
            let cues = cues::around(body.text, w, lead_end);
            let score = weight(&cues);
            Some(Candidate {
                written: w,
                dated,
                cues,
                score,
            })
        })
        .collect();
    let newest = |stated: bool| {
        candidates
            .iter()
            .filter(|c| c.is_reported() && (!stated || c.cues.contains(&Cue::Reporting)))
            .map(|c| c.dated.day)
            .max()
    };
    if let Some(anchor) = newest(true).or_else(|| newest(false)) {
        for c in &mut candidates {
            let days = (anchor - c.dated.day).num_days();
            let away = match days {
                0 => 0,
                older if older > 0 => older,
                _ if c.cues.contains(&Cue::Reporting) => 0,
                newer => -newer,
            };
            let away = i32::try_from(away.min(i64::from(MOST_AWAY))).unwrap_or(MOST_AWAY);
            c.score -= (PER_DAY_AWAY * away).min(MOST_AWAY);
        }
    }
    // A date ahead or a sidebar's is never the article's, even when it is the only one. The
    // first of equals wins: the lead's date before a later repeat.
    let best = candidates
        .iter()
        .filter(|c| c.score >= 0)
        .rev()
        .max_by_key(|c| c.score)?;
    let header = best.cues.contains(&Cue::DateLine) && best.cues.contains(&Cue::InLead);
    let from = if header {
        DateEvidence::Header
    } else if best.cues.contains(&Cue::TodayMark) && !best.cues.contains(&Cue::Quoted) {
        DateEvidence::Today
    } else if best.is_reported() {
        DateEvidence::Reported
    } else {
        DateEvidence::Text
    };
    let mut chosen = choice(body.text, best.written, best.dated, from);
    if chosen.dated.time.is_none() {
        let rest = &body.text[best.written.end..];
        let sentence = first_sentence(rest).unwrap_or("");
        if let Some((time, zone)) = dating::find_clock(sentence) {
            chosen.dated.time = Some(time);
            chosen.dated.zone = zone.or(chosen.dated.zone);
        }
    }
    Some(chosen)
}

impl Candidate<'_> {
    /// A day the text reports as news happening: a weekday with its date, or today, and
    /// neither ahead nor in a sidebar or quotation.
    fn is_reported(&self) -> bool {
        let marked = self.cues.contains(&Cue::Weekday) || self.cues.contains(&Cue::TodayMark);
        marked
            && ![Cue::Future, Cue::Sidebar, Cue::Quoted]
                .iter()
                .any(|c| self.cues.contains(c))
    }
}

/// The day in an article's address: `/2019/12/31/`, `/2019/dec/31/`, `/20191231...` (a
/// timestamp), `2019-12-31`.
fn address_date(address: &str) -> Option<NaiveDate> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"/(?P<y>(?:19|20)\d{{2}})[/-](?P<m>\d{{1,2}}|{months})[/-](?P<d>\d{{1,2}})(?:/|-|$)|/(?P<y2>(?:19|20)\d{{2}})(?P<m2>\d{{2}})(?P<d2>\d{{2}})\d{{0,6}}[-/_]",
            months = MONTHS.join("|")
        ))
        .expect("valid address date pattern")
    });
    let c = DAY.captures(address)?;
    let part = |a: &str, b: &str| -> Option<u32> {
        let written = c.name(a).or_else(|| c.name(b))?.as_str();
        written.parse().ok().or_else(|| {
            let month = MONTHS.iter().position(|name| *name == written)?;
            u32::try_from(month + 1).ok()
        })
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(part("y", "y2")?).ok()?,
        part("m", "m2")?,
        part("d", "d2")?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    /// The date of a body of paragraphs, and where it came from.
    fn date_of(paragraphs: &[&str]) -> Option<(String, &'static str)> {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        choose(&Sources::default(), &paragraphs, today())
            .map(|c| (c.dated.day.to_string(), c.from.name()))
    }

    #[test]
    fn birth_dates_and_books_lend_no_year() {
        assert_eq!(
            date_of(&[
                "Warga merayakan ulang tahun tokoh itu, Senin (9/1).",
                "Tokoh kelahiran 9 Januari 1972 itu disambut pendukungnya. Acara digelar tahun 2023.",
            ]),
            Some(("2023-01-09".into(), "reported day"))
        );
        assert_eq!(
            date_of(&[
                "Buku itu terbit pada 1979 dan kini dicetak ulang.",
                "Penerbit meluncurkannya pada 3 Maret 2024 di Jakarta.",
            ]),
            Some(("2024-03-03".into(), "text"))
        );
    }

    #[test]
    fn never_decades_before_the_newest_year() {
        // A retrospective: the only whole date is history.
        assert_eq!(
            date_of(&[
                "Pada 1 Agustus 1975 kapal itu tenggelam.",
                "Hingga tahun 2023, bangkainya belum diangkat.",
            ]),
            None
        );
    }

    #[test]
    fn the_evidence_is_ranked() {
        let paragraphs: Vec<String> =
            ["Pada 12 Juni 2018 Kim bertemu Trump.", "Jumat (12/6/2020)."]
                .iter()
                .map(|p| p.to_string())
                .collect();
        let header = vec!["Kamis, 11/6/2020 10:00 WIB".to_string()];
        let sources = Sources {
            header: &header,
            ..Sources::default()
        };
        let c = choose(&sources, &paragraphs, today()).unwrap();
        assert_eq!(
            (c.dated.day.to_string(), c.from),
            ("2020-06-11".into(), DateEvidence::Header)
        );
        let sources = Sources {
            dateline: Some("SEOUL, 10 Juni 2020 (Reuters) - "),
            ..Sources::default()
        };
        let c = choose(&sources, &paragraphs, today()).unwrap();
        assert_eq!(
            (c.dated.day.to_string(), c.from),
            ("2020-06-10".into(), DateEvidence::Dateline)
        );
        let c = choose(&Sources::default(), &paragraphs, today()).unwrap();
        assert_eq!(
            (c.dated.day.to_string(), c.from),
            ("2020-06-12".into(), DateEvidence::Reported)
        );
        assert!(
            c.weakness()
                .unwrap()
                .reason
                .contains("newest day the text reports")
        );
    }

    #[test]
    fn the_newest_reported_day_wins() {
        assert_eq!(
            date_of(&[
                "Gubernur meresmikan jembatan itu di Kendari, Selasa (26/8/2025).",
                "\"Stok beras aman,\" kata menteri dalam keterangan tertulis, Rabu (27/8/2025).",
            ]),
            Some(("2025-08-27".into(), "reported day"))
        );
    }

    #[test]
    fn deadlines_quotes_and_sidebars_do_not_date() {
        assert_eq!(
            date_of(&[
                "Penukaran uang dibuka hingga 30 April 2025, kata pejabat bank, Selasa (29/4/2025).",
            ]),
            Some(("2025-04-29".into(), "reported day"))
        );
        assert_eq!(
            date_of(&[
                "Anggota dewan berharap pengganti segera ditunjuk, kata dia, Senin (5/5/2025).",
                "\"Pada hari ini, 21 April 2025, saya mundur,\" katanya dalam video, Selasa (29/4).",
            ]),
            Some(("2025-05-05".into(), "reported day"))
        );
        assert_eq!(
            date_of(&[
                "Aktor itu membintangi film baru, kata produser, Rabu (4/11/2015).",
                "Film Kedua Dirilis 12 November 2015",
            ]),
            Some(("2015-11-04".into(), "reported day"))
        );
    }

    #[test]
    fn a_weekday_that_is_not_the_dates_is_a_slip() {
        let c = choose(
            &Sources::default(),
            &["Bahlil berbicara di Jakarta, Senin (19/10/2025).".to_string()],
            today(),
        )
        .unwrap();
        assert!(c.slip);
        assert!(c.weakness().unwrap().reason.contains("weekday"));
    }

    #[test]
    fn the_address_dates_an_article_without_a_header() {
        let sources = Sources {
            address: Some("https://www.cnnindonesia.com/nasional/20250910203507-20-1272318/banjir"),
            ..Sources::default()
        };
        let c = choose(
            &sources,
            &["Banjir melanda Bali, Selasa (9/9).".into()],
            today(),
        )
        .unwrap();
        assert_eq!(
            (c.dated.day.to_string(), c.from),
            ("2025-09-10".into(), DateEvidence::Address)
        );
        assert_eq!(
            address_date("https://example.com/2019/09/10/judul"),
            NaiveDate::from_ymd_opt(2019, 9, 10)
        );
        assert_eq!(
            address_date("https://www.example.co.uk/world/2017/mar/14/north-korea"),
            NaiveDate::from_ymd_opt(2017, 3, 14)
        );
        assert_eq!(address_date("https://example.com/2017/mars/14/x"), None);
    }

    #[test]
    fn a_year_from_the_weekday_alone_is_weak() {
        let paragraphs = vec!["Kim tiba, Senin (30/12).".to_string()];
        let c = choose(&Sources::default(), &paragraphs, today()).unwrap();
        assert_eq!(c.dated.day.to_string(), "2024-12-30");
        assert!(c.weakness().unwrap().reason.contains("weekday"));
    }
}
