//! A raw news article (plain text copied from a news site) read into a briefing's fields.
//!
//! The reading runs top to bottom: headline and header lines, then the body cleaned of
//! boilerplate, split into paragraphs and captions, its dateline and author code taken off;
//! then the date, outlet, citations, title, summary and tags are drawn from what is left.

mod body;
mod bylines;
mod lines;
mod top;

use std::borrow::Cow;

use chrono::NaiveDate;

use super::boilerplate::{self, Pattern};
use super::chrome;
use super::dating::Dated;
use super::entities::{self, Entities};
use super::glued;
use super::headline::{self, TitleEvidence};
use super::labels;
use super::loss::{Left, Loss, Part};
use super::outlets::{self, Outlet, SourceEvidence};
use super::pubdate::{self, DateEvidence};
use super::record;
use super::region;
use super::text::detokenize;
use crate::summary::{summarize, word_count};
pub use body::is_desk_code;
use body::{
    blocks_of, drop_restated_teasers, paragraphs_of, take_author_code, take_dateline, unwrap_lines,
};
use bylines::closing_byline;
use lines::{
    join_parted_datelines, part_bylines, raw_lines, single_spaced, take_address, without_debris,
};
use top::{TOP_LINES, Top, footer_date_line, pasted_headline, read_page_head, read_top};

/// What the reading needs from the site.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    pub boilerplate: &'a [Pattern],
    pub entities: &'a Entities,
    pub max_tags: usize,
    pub summary_words: usize,
    /// Dates are never placed after this day when a year has to be guessed.
    pub today: NaiveDate,
}

/// A piece of the cleaned body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    /// A photo caption with its credit.
    Caption(String),
}

/// Everything read from a raw article. Fields are empty where the text did not say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub title: Option<String>,
    /// The title was made from the lead sentence: the text had no headline.
    pub title_inferred: bool,
    pub date: Option<Dated>,
    pub source: Option<Outlet>,
    pub dateline: Option<String>,
    pub author: Option<String>,
    pub cited: Vec<String>,
    pub blocks: Vec<Block>,
    pub summary: String,
    pub tags: Vec<String>,
    /// Set when the body keeps too little of the text: what was left out and why.
    pub loss: Option<Loss>,
    pub evidence: Evidence,
}

/// Where the values read from the text came from, so an editor can judge them: date
/// `header`, `today` (`hari ini`), `weekday` or `text`; source `header`, `dateline` or
/// `fingerprint`; title `first line` or `lead sentence`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    pub date: Option<DateEvidence>,
    /// Why the date needs an editor's look, when its evidence is weak.
    pub weak_date: Option<pubdate::Weak>,
    pub source: Option<SourceEvidence>,
    pub title: Option<TitleEvidence>,
}

impl Article {
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Caption(_) => None,
        })
    }
}

/// Title length in words when it is made from the lead sentence.
const TITLE_WORDS: usize = 12;

/// Reads a raw article.
pub fn extract(text: &str, settings: &Settings) -> Article {
    let (stated, text) = match record::read(text) {
        Some(record) => (Some(record.labels), record.text),
        None => (None, Cow::Borrowed(text)),
    };
    let unescaped = crate::extract::escapes::unescaped(&text);
    let unmarked = crate::extract::markup::unmarked(&unescaped);
    let text = &*single_spaced(&unmarked);
    let (mut lines, chrome_lines) =
        chrome::split_off(raw_lines(text).map(|l| detokenize(without_debris(&l)).into_owned()));
    glued::unglue_lines(&mut lines, text, settings.entities);
    let labels = stated.unwrap_or_else(|| labels::take(&mut lines));
    let address = labels.link.clone().or_else(|| take_address(&mut lines));
    join_parted_datelines(&mut lines);
    part_bylines(&mut lines);
    let story = region::find(&lines);
    // A clean copy's header is read from its top; a page's from beside its story, as is a
    // short page whose top is a menu that reads as nothing.
    let top = Some(story.lines_above)
        .filter(|above| *above <= TOP_LINES)
        .map(|_| read_top(&lines))
        .filter(|top| top.read_any() || story.lines_above == 0)
        .unwrap_or_else(|| read_page_head(&lines, &story, pasted_headline(text)));
    let body_end = if story.end > top.body_start {
        story.end
    } else {
        lines.len()
    };
    let story_lines = &lines[top.body_start..body_end];
    let body_lines = boilerplate::clean(story_lines, settings.boilerplate);
    let mut blocks = blocks_of(&unwrap_lines(body_lines));
    let dateline = take_dateline(&mut blocks);
    let story_start = dateline.as_ref().map_or(0, |(_, _, at)| *at);
    let teasers = drop_restated_teasers(&mut blocks, story_start);
    let code = take_author_code(&mut blocks);
    let paragraphs: Vec<String> = paragraphs_of(&blocks);
    let body = paragraphs.join("\n");

    let clues = outlets::Clues {
        header: top.outlet.as_ref().map(|(o, from)| (o.as_str(), *from)),
        dateline: dateline.as_ref().and_then(|(d, _, _)| d.outlet.as_deref()),
        label: labels.source.as_deref(),
        label_stated: labels.from_record,
        address: address.as_deref(),
    };
    let (source, source_from) = choose_source(&clues, text, address.as_deref());
    let mut cited = outlets::cited(&body);
    cited.retain(|c| source.as_ref().is_none_or(|s| s.name != *c));

    let (title, title_from) = choose_title(labels.title, &top, &paragraphs);
    let title_inferred = title_from == Some(TitleEvidence::Lead);
    // A date line under the story counts as the header's, after it.
    let header: Cow<[String]> = match footer_date_line(&lines, body_end) {
        Some(footer) => Cow::Owned([top.header.as_slice(), std::slice::from_ref(footer)].concat()),
        None => Cow::Borrowed(&top.header),
    };
    let sources = pubdate::Sources {
        header: &header,
        label: labels.date.as_deref(),
        dateline: dateline.as_ref().map(|(_, text, _)| text.as_str()),
        address: address.as_deref(),
    };
    let date = pubdate::choose(&sources, &paragraphs, settings.today);
    let summary = summary_of(&blocks, &paragraphs, settings.summary_words);
    let read = Reading {
        lines: &lines,
        top: &top,
        body_end,
        chrome: &chrome_lines,
        teasers: &teasers,
    };
    let loss = read.loss(text, &blocks, settings.boilerplate);
    let mut exclude: Vec<String> = cited.clone();
    exclude.extend(source.iter().map(|s| s.name.clone()));
    let tags = entities::tags(
        title.as_deref().unwrap_or(""),
        &paragraphs,
        settings.entities,
        &exclude,
        settings.max_tags,
    );
    Article {
        title,
        title_inferred,
        date: date.as_ref().map(|c| c.dated),
        source,
        dateline: dateline.and_then(|(d, _, _)| d.city),
        author: labels
            .author
            .or(top.byline)
            .or_else(|| closing_byline(&lines[top.body_start..]))
            .or(code),
        cited,
        blocks,
        summary,
        tags,
        loss,
        evidence: Evidence {
            weak_date: date.as_ref().and_then(pubdate::Choice::weakness),
            date: date.map(|c| c.from),
            source: source_from,
            title: title_from,
        },
    }
}

/// The outlet the clues name, linked to the story when the article's address is the
/// outlet's.
fn choose_source(
    clues: &outlets::Clues,
    text: &str,
    address: Option<&str>,
) -> (Option<Outlet>, Option<SourceEvidence>) {
    let (mut source, from) = outlets::choose(clues, text).unzip();
    if let (Some(outlet), Some(address)) = (source.as_mut(), address)
        && outlets::address_outlet(address).is_some_and(|k| k.name == outlet.name)
    {
        outlet.url = Some(address.trim().to_string());
    }
    (source, from)
}

/// A `Judul:` label, else the header's headline, else a title made from the lead.
fn choose_title(
    label: Option<String>,
    top: &Top,
    paragraphs: &[String],
) -> (Option<String>, Option<TitleEvidence>) {
    match (label, top.headline.clone()) {
        (Some(label), _) => (Some(label), Some(TitleEvidence::Label)),
        (None, Some(line)) => (Some(line), Some(top.headline_from)),
        (None, None) => {
            let made = headline::title_from_paragraphs(paragraphs, TITLE_WORDS);
            let from = made.as_ref().map(|_| TitleEvidence::Lead);
            (made, from)
        }
    }
}

/// The summary of the paragraphs; a photo story is all captions, and they are its text.
fn summary_of(blocks: &[Block], paragraphs: &[String], words: usize) -> String {
    if !paragraphs.is_empty() {
        return summarize(paragraphs, words);
    }
    let captions: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Caption(text) => Some(text.as_str()),
            Block::Paragraph(_) => None,
        })
        .collect();
    summarize(&captions, words)
}

/// An article's lines as read, and what was set aside from them.
struct Reading<'l> {
    lines: &'l [String],
    top: &'l Top,
    /// Where the story's lines end.
    body_end: usize,
    /// Menu lines taken out first.
    chrome: &'l [String],
    teasers: &'l [String],
}

impl Reading<'_> {
    /// What was left out of `text`, counted only when too much was: most articles keep
    /// their text.
    fn loss(&self, text: &str, blocks: &[Block], boilerplate: &[Pattern]) -> Option<Loss> {
        let kept = blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(t) | Block::Caption(t) => word_count(t),
            })
            .sum();
        let total = word_count(text);
        Loss::too_little(kept, total).then(|| {
            let (lines, top) = (self.lines, self.top);
            let outside: Vec<&String> = lines[..top.body_start]
                .iter()
                .chain(&lines[self.body_end..])
                .filter(|l| !top.holds(l))
                .collect();
            let story_lines = &lines[top.body_start..self.body_end];
            let cleaned = boilerplate::clean(story_lines, boilerplate);
            let boilerplate_words = words_of(story_lines).saturating_sub(words_of(&cleaned));
            Loss::new(
                kept,
                total,
                vec![
                    Part::of(Left::PageFurniture, &outside),
                    Part::of(Left::Menus, self.chrome),
                    Part {
                        why: Left::Boilerplate,
                        words: boilerplate_words,
                        sample: String::new(),
                    },
                    Part::of(Left::Teaser, self.teasers),
                ],
            )
        })
    }
}

fn words_of(lines: &[String]) -> usize {
    lines.iter().map(|l| word_count(l)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Article {
        let entities = Entities::default();
        let settings = Settings {
            boilerplate: &[],
            entities: &entities,
            max_tags: 6,
            summary_words: 60,
            today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        };
        extract(text, &settings)
    }

    #[test]
    fn header_headline_dateline_and_code() {
        let a = read(
            "Kim Tiba di Hanoi\n\nKompas.com - 26/02/2019, 10:30 WIB\n\
             HANOI, KOMPAS.com - Kim Jong-un tiba di Hanoi dengan kereta. Ia disambut Trump.\n\
             Kim dan Trump makan malam. (ain/dea)",
        );
        assert_eq!(a.title.as_deref(), Some("Kim Tiba di Hanoi"));
        assert!(!a.title_inferred);
        let date = a.date.unwrap();
        assert_eq!(date.day.to_string(), "2019-02-26");
        assert_eq!(date.time.unwrap().to_string(), "10:30:00");
        assert_eq!(a.source.unwrap().name, "Kompas.com");
        assert_eq!(a.dateline.as_deref(), Some("Hanoi"));
        assert_eq!(a.author.as_deref(), Some("ain/dea"));
        assert_eq!(
            a.blocks,
            [
                Block::Paragraph(
                    "Kim Jong-un tiba di Hanoi dengan kereta. Ia disambut Trump.".into()
                ),
                Block::Paragraph("Kim dan Trump makan malam.".into()),
            ]
        );
    }

    #[test]
    fn body_date_with_clock() {
        let a = read(
            "Kim tiba di Vladivostok hari ini, Rabu (24/4/2019) pukul 18.45 WIB, dengan kereta.",
        );
        let date = a.date.unwrap();
        assert_eq!(date.day.to_string(), "2019-04-24");
        assert_eq!(date.time.unwrap().to_string(), "18:45:00");
        assert!(a.title_inferred);
    }

    #[test]
    fn reporting_day_over_past_events() {
        let a = read(
            "Pada 12 Juni 2018 Kim bertemu Trump. Dua tahun kemudian, Jumat (12/6/2020), \
             Ri menyatakan kecewa.",
        );
        assert_eq!(a.date.unwrap().day.to_string(), "2020-06-12");
    }

    #[test]
    fn breadcrumbs_and_section_names_are_not_titles() {
        let a = read("News » Internasional\nKim Tiba di Hanoi\n\nJakarta - Kim tiba. Ia disambut.");
        assert_eq!(a.title.as_deref(), Some("Kim Tiba di Hanoi"));
        let a = read("Internasional\nKim Tiba di Hanoi\n\nJakarta - Kim tiba.");
        assert_eq!(a.title.as_deref(), Some("Kim Tiba di Hanoi"));
        assert_eq!(a.blocks, [Block::Paragraph("Kim tiba.".into())]);
    }

    #[test]
    fn wrapped_text_is_joined_into_paragraphs() {
        let a = read(
            "Kim Tiba di Hanoi\n\nJakarta - Kim Jong-un tiba di Hanoi\nsetelah dua hari di kereta.\n\n\
             Ia disambut pejabat\nVietnam di stasiun.\n",
        );
        assert_eq!(
            a.blocks,
            [
                Block::Paragraph("Kim Jong-un tiba di Hanoi setelah dua hari di kereta.".into()),
                Block::Paragraph("Ia disambut pejabat Vietnam di stasiun.".into()),
            ]
        );
        let a = read("Judul Berita\n\nSatu kalimat.\nDua kalimat.\n");
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn english_bylines() {
        let a = read(
            "Trump meets Kim\n\nBy HYUNG-JIN KIM and ZEKE MILLER\nSEOUL (AP) — Trump met Kim.",
        );
        assert_eq!(a.author.as_deref(), Some("HYUNG-JIN KIM and ZEKE MILLER"));
        assert_eq!(a.source.unwrap().name, "Associated Press");
    }

    #[test]
    fn no_date_at_all() {
        assert_eq!(read("Judul\n\nIsi tanpa tanggal.").date, None);
    }
}
