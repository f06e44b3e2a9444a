//! A raw news article (plain text copied from a news site) read into a briefing's fields.
//!
//! The reading runs top to bottom: headline and header lines, then the body cleaned of
//! boilerplate, split into paragraphs and captions, its dateline and author code taken off;
//! then the date, outlet, citations, title, summary and tags are drawn from what is left.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::boilerplate::{self, Pattern};
use super::chrome;
use super::dating::{self, Dated};
use super::entities::{self, Entities};
use super::glued;
use super::headline;
use super::labels;
use super::loss::{Left, Loss, Part};
use super::outlets::{self, Outlet, SourceEvidence};
use super::pubdate::{self, DateEvidence};
use super::region::{self, Story};
use super::summary::{split_sentences, summarize, word_count};
use super::text::{WordSet, detokenize};

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
    pub title: Option<&'static str>,
}

impl Article {
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Caption(_) => None,
        })
    }
}

/// How many lines at the top may hold the headline, header lines and bylines.
const TOP_LINES: usize = 6;
/// How many paragraphs at the top may hold the dateline (a deck may come first).
const DATELINE_PARAGRAPHS: usize = 4;
/// Title length in words when it is made from the lead sentence.
const TITLE_WORDS: usize = 12;

/// Reads a raw article.
pub fn extract(text: &str, settings: &Settings) -> Article {
    let (mut lines, chrome_lines): (Vec<String>, Vec<String>) = text
        .lines()
        .map(|l| detokenize(without_debris(l.trim())).into_owned())
        .partition(|l| !chrome::is_chrome(l));
    glued::unglue_lines(&mut lines, text, settings.entities);
    let labels = labels::take(&mut lines);
    let address = labels.link.clone().or_else(|| take_address(&mut lines));
    join_parted_datelines(&mut lines);
    let story = region::find(&lines);
    let top = if story.lines_above <= TOP_LINES {
        read_top(&lines)
    } else {
        read_page_head(&lines, &story)
    };
    let body_end = if story.end > top.body_start {
        story.end
    } else {
        lines.len()
    };
    let story_lines = &lines[top.body_start..body_end];
    let body_lines = boilerplate::clean(story_lines, settings.boilerplate);
    let boilerplate_words = words_of(story_lines).saturating_sub(words_of(&body_lines));
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
        address: address.as_deref(),
    };
    let (source, source_from) = outlets::choose(&clues, text).unzip();
    let mut cited = outlets::cited(&body);
    cited.retain(|c| source.as_ref().is_none_or(|s| s.name != *c));

    let (title, title_inferred) = match labels.title.or(top.headline.clone()) {
        Some(line) => (Some(line), false),
        None => (
            headline::title_from_paragraphs(&paragraphs, TITLE_WORDS),
            true,
        ),
    };
    let title_from = title.as_ref().map(|_| {
        if title_inferred {
            "lead sentence"
        } else {
            "first line"
        }
    });
    let sources = pubdate::Sources {
        header: &top.header,
        label: labels.date.as_deref(),
        dateline: dateline.as_ref().map(|(_, text, _)| text.as_str()),
        address: address.as_deref(),
    };
    let date = pubdate::choose(&sources, &paragraphs, settings.today);
    let summary = summarize(&paragraphs, settings.summary_words);
    let kept = blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) | Block::Caption(t) => word_count(t),
        })
        .sum();
    let outside: Vec<&String> = lines[..top.body_start]
        .iter()
        .chain(&lines[body_end..])
        .filter(|l| !top.holds(l))
        .collect();
    let loss = Loss::measure(
        kept,
        word_count(text),
        vec![
            Part::of(Left::PageFurniture, &outside),
            Part::of(Left::Menus, &chrome_lines),
            Part {
                why: Left::Boilerplate,
                words: boilerplate_words,
                sample: String::new(),
            },
            Part::of(Left::Teaser, &teasers),
        ],
    );
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
        author: top.byline.or(code),
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

/// The lines above the story: headline, header lines with the date and outlet, bylines.
#[derive(Debug, Default)]
struct Top {
    headline: Option<String>,
    header: Vec<String>,
    /// The outlet a header line names: from the header, or from a byline it closes (`Rita
    /// Uli - detikNews`).
    outlet: Option<(String, SourceEvidence)>,
    byline: Option<String>,
    body_start: usize,
}

/// `Penulis: Rita Uli` · `Oleh: Rita Uli` · `Rita Uli Hutapea - detikNews`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:Penulis|Reporter|Oleh|Pewarta|By)\s*:?\s+(?P<name>[A-Z][\w'’.-]*(?:\s+(?:and\s+|dan\s+)?[A-Z][\w'’.-]*){0,6})$|(?P<named>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\s+[-–—|]\s+\S+$)",
    )
    .expect("valid byline pattern")
});

impl Top {
    /// Whether `line` was read as part of the header: the headline, a date line, a byline.
    fn holds(&self, line: &str) -> bool {
        self.headline.as_deref() == Some(line)
            || self.header.iter().any(|h| h == line)
            || BYLINE.is_match(line)
    }
}

/// A byline's label standing alone: `Oleh :`, `Penulis:`, `By`.
static BYLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Penulis|Reporter|Oleh|Pewarta|By)\s*:?$").expect("valid byline label pattern")
});

fn read_top(lines: &[String]) -> Top {
    let mut top = Top::default();
    let mut seen = 0;
    let mut i = 0;
    while i < lines.len() && seen < TOP_LINES {
        let line = &lines[i];
        if line.is_empty() {
            i += 1;
            continue;
        }
        seen += 1;
        if let Some(outlet) = header_line(line) {
            top.header.push(line.clone());
            if let Some(outlet) = outlet {
                let byline = BYLINE
                    .captures(line)
                    .and_then(|c| c.name("named"))
                    .filter(|name| name.as_str() != outlet);
                if top.outlet.is_none() {
                    let from = if byline.is_some() {
                        SourceEvidence::Byline
                    } else {
                        SourceEvidence::Header
                    };
                    top.outlet = Some((outlet.clone(), from));
                }
                if let Some(name) = byline {
                    top.byline.get_or_insert(name.as_str().to_string());
                }
            }
        } else if let Some(c) = BYLINE.captures(line).filter(|c| c.name("name").is_some()) {
            top.byline.get_or_insert(c["name"].to_string());
        } else if top.headline.is_none() && is_kicker(lines, i) {
            // A section name or breadcrumb above the headline: neither title nor story.
        } else if top.headline.is_none()
            && headline::looks_like_headline(line)
            && outlets::dateline(line).is_none()
            && next_is_a_break(lines, i)
        {
            top.headline = Some(line.clone());
        } else {
            break;
        }
        i += 1;
    }
    top.body_start = i;
    top
}

/// A line without the punctuation a scrape left before its first word (`, , - Judul`).
fn without_debris(line: &str) -> &str {
    let start = line.find(|c: char| c.is_alphanumeric() || "\"“'‘([".contains(c));
    match start {
        Some(at) if line[..at].contains([',', ';']) => &line[at..],
        _ => line,
    }
}

/// How many non-empty lines above the story a saved page's header block (headline, date,
/// byline, photo and its caption, a few related links) may take.
const HEAD_WINDOW: usize = 15;

/// The header of a story saved with its whole page: the date line nearest above the story,
/// the headline beside it, bylines between them and the story. Without a headline there,
/// one an editor pasted as the first line is taken (a page's first line may be a link to
/// another story, so the page's own headline comes first).
fn read_page_head(lines: &[String], story: &Story) -> Top {
    // A headline that ends with `?` or `!` reads as prose: the story's first run may start
    // with the header, so the head reaches down to the first long paragraph.
    let first_long = (story.start..story.end)
        .find(|i| {
            lines[*i]
                .split_whitespace()
                .nth(region::PROSE_WORDS - 1)
                .is_some()
        })
        .unwrap_or(story.start);
    let mut top = Top {
        body_start: story.start,
        ..Top::default()
    };
    let above: Vec<usize> = (0..first_long)
        .rev()
        .filter(|i| !lines[*i].is_empty())
        .take(HEAD_WINDOW)
        .collect();
    let dated = above.iter().copied().find(|i| {
        header_line(&lines[*i]).is_some()
            && dating::find_dates(&lines[*i])
                .iter()
                .any(|d| d.year.is_some())
    });
    if let Some(d) = dated.filter(|d| *d >= story.start) {
        top.body_start = d + 1;
    }
    let neighbour = |from: usize, step: isize| {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < first_long {
            if !lines[i as usize].is_empty() {
                return Some(i as usize);
            }
            i += step;
        }
        None
    };
    let headline_at = |i: Option<usize>| {
        i.filter(|i| is_page_headline(&lines[*i]))
            .map(|i| lines[i].clone())
    };
    // Bylines stand between a headline and its date line on some pages.
    let past_bylines = |from: usize, step: isize| {
        let mut at = neighbour(from, step);
        while let Some(i) = at.filter(|i| BYLINE.is_match(&lines[*i])) {
            at = neighbour(i, step);
        }
        at
    };
    if let Some(d) = dated {
        top.header.push(lines[d].clone());
        if let Some(outlet) = header_line(&lines[d]).flatten() {
            top.outlet = Some((outlet, SourceEvidence::Header));
        }
        // The headline stands right above its date line, unless a deck stands between them;
        // a short line there may be a menu item above a headline written under its date:
        // then the longest headline-like neighbour wins.
        const SURE_WORDS: usize = 4;
        let first_above = past_bylines(d, -1);
        let second_above = first_above.and_then(|i| past_bylines(i, -1));
        top.headline = headline_at(first_above)
            .filter(|h| h.split_whitespace().count() >= SURE_WORDS)
            .or_else(|| {
                [first_above, past_bylines(d, 1), second_above]
                    .into_iter()
                    .filter_map(headline_at)
                    .min_by_key(|h| std::cmp::Reverse(h.split_whitespace().count()))
            });
        let near = above
            .iter()
            .copied()
            .take_while(|i| *i + 3 >= d)
            .min()
            .unwrap_or(d);
        for line in &lines[near..first_long] {
            if let Some(c) = BYLINE.captures(line).filter(|c| c.name("name").is_some()) {
                top.byline.get_or_insert(c["name"].to_string());
            }
        }
    } else {
        top.headline = headline_at(above.first().copied());
    }
    if let Some(pasted) = pasted_headline(lines) {
        top.headline = Some(pasted);
    }
    top
}

/// A headline on a saved page: a few words that are no menu and no section name.
fn is_page_headline(line: &str) -> bool {
    const FEWEST_WORDS: usize = 3;
    line.split_whitespace().count() >= FEWEST_WORDS
        && headline::looks_like_headline(line)
        && !BYLINE.is_match(line)
        && header_line(line).is_none()
        && outlets::dateline(line).is_none()
}

/// A headline an editor pasted above a saved page: the first line, standing alone.
fn pasted_headline(lines: &[String]) -> Option<String> {
    let first = lines.iter().position(|l| !l.is_empty())?;
    let line = &lines[first];
    (is_page_headline(line) && lines.get(first + 1).is_some_and(String::is_empty))
        .then(|| line.clone())
}

/// A dateline on its own line (`Jakarta -`, `REPUBLIKA.CO.ID, JAKARTA --`) joined to the story
/// line it opens; a dateline inside a line (after a wire headline, or glued to a teaser)
/// made to start a paragraph of its own.
fn join_parted_datelines(lines: &mut Vec<String>) {
    let mut i = 0;
    while i < lines.len() {
        if let Some(at) = outlets::inline_dateline(&lines[i]) {
            let rest = lines[i].split_off(at);
            let before = lines[i].trim_end().to_string();
            lines[i] = before;
            lines.splice(i + 1..i + 1, [String::new(), rest]);
        }
        i += 1;
    }
    let mut i = 0;
    while i + 1 < lines.len() {
        let line = &lines[i];
        // `Oleh :` on a line of its own, the name on the next.
        let byline_label = BYLINE_LABEL.is_match(line) && !lines[i + 1].is_empty();
        let parted = line.split_whitespace().count() <= 5
            && line.ends_with(['-', '—', '–'])
            && !lines[i + 1].is_empty();
        if byline_label
            || parted && outlets::dateline(&format!("{line} {}", lines[i + 1])).is_some()
        {
            let next = lines.remove(i + 1);
            lines[i].push(' ');
            lines[i].push_str(&next);
        }
        i += 1;
    }
}

/// Takes out the first line that is nothing but a web address (`https://news.detik.com/...`,
/// `Sumber: https://...`): the scrape saved where the article came from.
fn take_address(lines: &mut Vec<String>) -> Option<String> {
    let (i, address) = lines
        .iter()
        .enumerate()
        .find_map(|(i, line)| outlets::address_line(line).map(|a| (i, a.to_string())))?;
    lines.remove(i);
    Some(address)
}

/// A breadcrumb (`News » Internasional`) or section name (`Internasional`) above a headline.
fn is_kicker(lines: &[String], i: usize) -> bool {
    let line = &lines[i];
    let words = line.split_whitespace().count();
    let breadcrumb = words <= 8
        && [" > ", " » ", " / ", " › "]
            .iter()
            .any(|s| line.contains(s));
    let section = words <= 3 && !line.ends_with(['.', '!', '?', ':', '"', '”']);
    let headline_follows = lines[i + 1..]
        .iter()
        .position(|l| !l.is_empty())
        .is_some_and(|next| {
            let j = i + 1 + next;
            headline::looks_like_headline(&lines[j]) && next_is_a_break(lines, j)
        });
    (breadcrumb || section) && headline_follows
}

/// `Some(outlet)` when `line` is a header line (a short line carrying the date or naming the
/// outlet); the outlet is `None` for a line with only a date.
fn header_line(line: &str) -> Option<Option<String>> {
    // Besides the date and outlet a header line holds a few words at most: a byline, a
    // label such as `Published`, a zone.
    const OTHER_WORDS: usize = 4;
    // A day, a time, a zone and an outlet's name take a dozen words or so: a longer line is
    // story (and a whole story on one line must not be searched date by date).
    const MOST_WORDS: usize = 24;
    if line.split_whitespace().nth(MOST_WORDS).is_some() {
        return None;
    }
    let dates = dating::find_dates(line);
    let outlet = outlets::header_outlet(line);
    if dates.is_empty() && outlet.is_none() {
        return None;
    }
    let mut rest = line.to_string();
    for date in dates.iter().rev() {
        rest.replace_range(date.start..date.end, " ");
    }
    if let Some(outlet) = &outlet {
        rest = rest.replacen(outlet.as_str(), " ", 1);
    }
    let other_words = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    (other_words <= OTHER_WORDS).then_some(outlet)
}

/// After a headline: a blank line, or a header or dateline line.
fn next_is_a_break(lines: &[String], i: usize) -> bool {
    match lines.get(i + 1) {
        None => false,
        Some(next) if next.is_empty() => true,
        Some(next) => {
            header_line(next).is_some()
                || outlets::dateline(next).is_some()
                || BYLINE.is_match(next)
        }
    }
}

/// Text wrapped at a fixed width, with blank lines between paragraphs, joined back into one
/// line per paragraph. Text with one paragraph per line is left as it is.
fn unwrap_lines(lines: Vec<String>) -> Vec<String> {
    let continued = lines
        .windows(2)
        .filter(|w| !w[0].is_empty() && !w[1].is_empty());
    let (mut wrapped, mut total) = (0, 0);
    for pair in continued {
        total += 1;
        if !pair[0].ends_with(['.', '!', '?', '"', '”', '\'', '’', ')', ':']) {
            wrapped += 1;
        }
    }
    if wrapped * 2 <= total {
        return lines;
    }
    let mut joined: Vec<String> = Vec::new();
    let mut open = false;
    for line in lines {
        match (line.is_empty(), open) {
            (true, _) => open = false,
            (false, true) => {
                let last = joined.last_mut().expect("an open paragraph");
                last.push(' ');
                last.push_str(&line);
            }
            (false, false) => {
                joined.push(line);
                open = true;
            }
        }
    }
    joined
}

fn blocks_of(lines: &[String]) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(lines.len());
    for line in lines {
        let mut rest = line.as_str();
        while let Some((before, caption, after)) = boilerplate::split_caption(rest) {
            if !before.is_empty() {
                blocks.push(Block::Paragraph(before.to_string()));
            }
            blocks.push(Block::Caption(caption));
            rest = after;
        }
        if !rest.is_empty() {
            blocks.push(Block::Paragraph(rest.to_string()));
        }
    }
    blocks
}

fn paragraphs_of(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.clone()),
            Block::Caption(_) => None,
        })
        .collect()
}

/// Takes the dateline off the first paragraph that opens with one; returns it with its text
/// and the index of its block.
fn take_dateline(blocks: &mut [Block]) -> Option<(outlets::Dateline, String, usize)> {
    blocks
        .iter_mut()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Paragraph(p) => Some((i, p)),
            Block::Caption(_) => None,
        })
        .take(DATELINE_PARAGRAPHS)
        .find_map(|(i, p)| {
            let dateline = outlets::dateline(p)?;
            let text = p[..dateline.len].to_string();
            p.replace_range(..dateline.len, "");
            Some((dateline, text, i))
        })
}

/// Teasers saved above the story that the story then says again: the site's summary line
/// the lead restates, or a pull quote standing before the dateline. The page would say
/// them twice. Returns what was dropped.
fn drop_restated_teasers(blocks: &mut Vec<Block>, story_start: usize) -> Vec<String> {
    let opening = |text: &str| split_sentences(text).first().map(|s| WordSet::of(s));
    let paragraph = |b: &Block| match b {
        Block::Paragraph(text) => Some(text.clone()),
        Block::Caption(_) => None,
    };
    let later: Vec<WordSet> = blocks
        .iter()
        .skip(story_start)
        .filter_map(paragraph)
        .flat_map(|p| {
            split_sentences(&p)
                .into_iter()
                .map(WordSet::of)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut dropped = Vec::new();
    let mut index = 0;
    blocks.retain(|b| {
        let before_story = index < story_start;
        index += 1;
        let Some(text) = paragraph(b) else {
            return true;
        };
        let repeated = before_story
            && opening(&text).is_some_and(|set| later.iter().any(|l| l.near_duplicate(&set)));
        if repeated {
            dropped.push(text);
        }
        !repeated
    });
    if let Some(lead) = drop_restated_summary(blocks) {
        dropped.push(lead);
    }
    dropped
}

/// A teaser saved above the story (a site's summary line) that the lead then says again.
fn drop_restated_summary(blocks: &mut Vec<Block>) -> Option<String> {
    let mut paragraphs = blocks.iter().enumerate().filter_map(|(i, b)| match b {
        Block::Paragraph(text) => Some((i, text)),
        Block::Caption(_) => None,
    });
    let (Some((teaser, first)), Some((_, lead))) = (paragraphs.next(), paragraphs.next()) else {
        return None;
    };
    let opening = |text: &str| split_sentences(text).first().map(|s| WordSet::of(s));
    let (a, b) = (opening(first)?, opening(lead)?);
    if !a.near_duplicate(&b) {
        return None;
    }
    match blocks.remove(teaser) {
        Block::Paragraph(text) | Block::Caption(text) => Some(text),
    }
}

fn words_of(lines: &[String]) -> usize {
    lines.iter().map(|l| word_count(l)).sum()
}

/// A desk's code (`dea`, `rdp/imk`): lowercase initials, never a person's name.
const DESK_CODE: &str = r"(?:[a-z]{2,5}|[A-Z][a-z]{1,4})(?:\s*/\s*[a-z]{2,5})*";

/// Whether an author is a desk's code rather than a name.
pub fn is_desk_code(author: &str) -> bool {
    static WHOLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("^{DESK_CODE}$")).expect("valid desk code pattern"));
    WHOLE.is_match(author)
}

/// A desk's code closing the story, `(dea)` or `(rdp/imk)`, taken off the last paragraph.
fn take_author_code(blocks: &mut Vec<Block>) -> Option<String> {
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"\s*\(\s*(?P<code>{DESK_CODE})\s*\)\s*$"))
            .expect("valid author code pattern")
    });
    let index = blocks
        .iter()
        .rposition(|b| matches!(b, Block::Paragraph(_)))?;
    let Block::Paragraph(last) = &mut blocks[index] else {
        return None;
    };
    let c = CODE.captures(last)?;
    let code: String = c["code"].split_whitespace().collect();
    let start = c.get(0)?.start();
    last.truncate(start);
    if last.trim().is_empty() {
        blocks.remove(index);
    }
    Some(code)
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
