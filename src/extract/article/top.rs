//! The header above a raw article's story: its headline, date lines, bylines and the
//! outlet a header names, read from the top of a clean copy or from beside the story on a
//! whole saved page.

use std::sync::LazyLock;

use regex::Regex;

use super::super::chrome;
use super::super::dating;
use super::super::headline::{self, TitleEvidence};
use super::super::outlets::{self, SourceEvidence};
use super::super::region::Story;
use super::super::text::PROSE_WORDS;
use super::bylines::{
    BYLINE, REPORTER_IN, STAFF, header_byline, is_bare_name, is_byline, is_role, parted_name,
    role_byline,
};

/// How many lines at the top may hold the headline, header lines and bylines.
pub(super) const TOP_LINES: usize = 6;
/// The lines above the story: headline, header lines with the date and outlet, bylines.
#[derive(Debug, Default)]
pub(super) struct Top {
    pub(super) headline: Option<String>,
    /// The first line, or a saved page's headline beside its date line.
    pub(super) headline_from: TitleEvidence,
    pub(super) header: Vec<String>,
    /// The outlet a header line names: from the header, or from a byline it closes (`Rita
    /// Uli - detikNews`).
    pub(super) outlet: Option<(String, SourceEvidence)>,
    pub(super) byline: Option<String>,
    pub(super) body_start: usize,
}

impl Top {
    /// Whether `line` was read as part of the header: the headline, a date line, a byline.
    pub(super) fn holds(&self, line: &str) -> bool {
        self.headline.as_deref() == Some(line)
            || self.header.iter().any(|h| h == line)
            || BYLINE.is_match(line)
    }

    /// Whether a header line with a date was read: a deck stands above it, never below.
    fn dated(&self) -> bool {
        self.header
            .iter()
            .any(|h| !dating::find_dates(h).is_empty())
    }

    /// Whether anything was read as header: a headline, a header line, a byline.
    pub(super) fn read_any(&self) -> bool {
        self.headline.is_some() || !self.header.is_empty() || self.byline.is_some()
    }

    /// A labelled byline's name, and the outlet after its comma (`By Jane Doe, Reuters`); a
    /// title there (`Seoul correspondent`) names no outlet, and `By Reuters` or `By Daily Mail
    /// Reporter` names no reporter.
    fn take_byline(&mut self, c: &regex::Captures) {
        let name = &c["name"];
        let desk = [" Reporters", " Reporter", " Staff"]
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .unwrap_or(name);
        let outlet = match outlets::header_outlet(desk) {
            Some(outlet) if outlet == desk => Some(outlet),
            _ => {
                let (reporter, outlet) = parted_name(name);
                self.byline.get_or_insert(reporter);
                outlet.map(|k| k.name.to_string()).or_else(|| {
                    c.name("of")
                        .and_then(|of| outlets::header_outlet(of.as_str()))
                })
            }
        };
        if self.outlet.is_none()
            && let Some(outlet) = outlet
        {
            self.outlet = Some((outlet, SourceEvidence::Byline));
        }
    }
}

pub(super) fn read_top(lines: &[String]) -> Top {
    let mut top = Top::default();
    let mut seen = 0;
    let mut i = 0;
    while i < lines.len() && seen < TOP_LINES {
        let line = &lines[i];
        if line.is_empty() {
            i += 1;
            continue;
        }
        // Section names and a reporter's title do not count against the header's lines.
        let mut counted = true;
        if let Some(c) = BYLINE.captures(line).filter(|c| c.name("name").is_some()) {
            top.take_byline(&c);
        } else if let Some(outlet) = header_line(line) {
            top.header.push(line.clone());
            if let Some(name) = header_byline(line, outlet.as_deref()) {
                top.byline.get_or_insert(name);
            }
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
        } else if let Some(name) = role_byline(line) {
            top.byline.get_or_insert(name);
        } else if STAFF.is_match(line) {
            // The editor or photographer credited beside the byline: not the author.
        } else if let Some(c) = REPORTER_IN.captures(line) {
            if let Some(name) = c.name("name") {
                top.byline.get_or_insert(name.as_str().to_string());
            }
        } else if (top.headline.is_some() || !top.header.is_empty())
            && is_bare_name(line)
            && (names_a_reporter(lines, i, !top.header.is_empty())
                || top.headline.is_some() && outlet_name_follows(lines, i))
        {
            // A name under the headline: a short title-case headline reads as a name too.
            top.byline.get_or_insert(line.clone());
        } else if is_role(line) {
            // The reporter's title under the name: `Seoul correspondent`.
            counted = false;
        } else if top.headline.is_some() && !top.dated() && is_deck(lines, i) {
            // A deck standing apart under its headline, the byline or date line below it.
        } else if top.headline.is_none() && is_kicker(lines, i) {
            // A section name or breadcrumb above the headline: neither title nor story.
            counted = false;
        } else if top.headline.is_none()
            && headline::looks_like_headline(line)
            && outlets::dateline(line).is_none()
            && next_is_a_break(lines, i)
        {
            top.headline = Some(line.clone());
        } else if top.headline.is_none()
            && headline::looks_like_headline(line)
            && is_deck(lines, i + 1)
        {
            // The deck under the headline restates it; the story starts below the header.
            // A section's path ending in the headline (`World|North Korea Tests ...`) is
            // no headline over the headline itself.
            let next = &lines[i + 1];
            let path_to_next = line.len() > next.len() && line.ends_with(next.as_str());
            top.headline = Some(if path_to_next { next } else { line }.clone());
            i += 1;
        } else if top.headline.is_none() && top.dated() && is_headline_over_story(lines, i) {
            // A headline written under its date line, the story right below it.
            top.headline = Some(line.clone());
            top.headline_from = TitleEvidence::PageHeadline;
        } else {
            break;
        }
        seen += usize::from(counted);
        i += 1;
    }
    top.body_start = i;
    top
}

/// How many non-empty lines above the story a saved page's header block (headline, date,
/// byline, photo and its caption, a few related links) may take.
const HEAD_WINDOW: usize = 15;

/// The header of a story saved with its whole page: the date line nearest above the story,
/// the headline beside it, bylines between them and the story. Without a headline there,
/// one an editor pasted as the first line is taken (a page's first line may be a link to
/// another story, so the page's own headline comes first).
pub(super) fn read_page_head(lines: &[String], story: &Story, pasted: Option<String>) -> Top {
    // A headline that ends with `?` or `!` reads as prose, and a date line with its update
    // as long as prose: the story's first run may start with the header, so the head
    // reaches down to the first long paragraph that is no header line.
    let first_long = (story.start..story.end)
        .find(|i| {
            lines[*i].split_whitespace().nth(PROSE_WORDS - 1).is_some()
                && header_line(&lines[*i]).is_none()
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
    let head = Head {
        lines,
        end: first_long,
    };
    if let Some(d) = dated {
        top.header.push(lines[d].clone());
        if let Some(outlet) = header_line(&lines[d]).flatten() {
            top.outlet = Some((outlet, SourceEvidence::Header));
        }
        top.headline = head.headline_by(d);
        top.headline_from = TitleEvidence::PageHeadline;
        let near = above
            .iter()
            .copied()
            .take_while(|i| *i + 3 >= d)
            .min()
            .unwrap_or(d);
        for line in &lines[near..first_long] {
            if let Some(c) = BYLINE.captures(line).filter(|c| c.name("name").is_some()) {
                top.take_byline(&c);
            } else if let Some(name) = REPORTER_IN.captures(line).and_then(|c| c.name("name")) {
                top.byline.get_or_insert(name.as_str().to_string());
            }
        }
    } else {
        top.headline = head.headline_at(above.first().copied());
        top.headline_from = TitleEvidence::PageHeadline;
    }
    if let Some(pasted) = pasted {
        top.headline = Some(pasted);
        top.headline_from = TitleEvidence::FirstLine;
    }
    top
}

/// The lines of a saved page above its first long paragraph, where its headline, date line
/// and bylines stand.
struct Head<'l> {
    lines: &'l [String],
    /// The first long paragraph: the head ends there.
    end: usize,
}

impl Head<'_> {
    /// The next line with text from `from`, going `step` (up -1, down 1).
    fn neighbour(&self, from: usize, step: isize) -> Option<usize> {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < self.end {
            if !self.lines[i as usize].is_empty() {
                return Some(i as usize);
            }
            i += step;
        }
        None
    }

    fn headline_at(&self, i: Option<usize>) -> Option<String> {
        i.filter(|i| is_page_headline(&self.lines[*i]))
            .map(|i| self.lines[i].clone())
    }

    /// The neighbour past any bylines: they stand between a headline and its date line on
    /// some pages, and a section's name between a date line and the headline written under it.
    fn past_bylines(&self, from: usize, step: isize) -> Option<usize> {
        let mut at = self.neighbour(from, step);
        while let Some(i) =
            at.filter(|i| is_byline(&self.lines[*i]) || (step > 0 && is_kicker(self.lines, *i)))
        {
            at = self.neighbour(i, step);
        }
        at
    }

    /// The headline of date line `d`: right above it, unless a deck stands between them; a
    /// short line there may be a menu item above a headline written under its date: then
    /// the longest headline-like neighbour wins.
    fn headline_by(&self, d: usize) -> Option<String> {
        const SURE_WORDS: usize = 4;
        let first_above = self.past_bylines(d, -1);
        let second_above = first_above.and_then(|i| self.past_bylines(i, -1));
        let words = |h: &String| h.split_whitespace().count();
        // A deck under its headline is longer than it: `Kim says ...` above `Leader tells
        // party meeting the North must be ready ...`.
        // A section's name (`Asia & Pacific`) is short: a headline over a deck says more.
        let above_a_deck = self.headline_at(second_above).filter(|upper| {
            words(upper) >= SURE_WORDS
                && self
                    .headline_at(first_above)
                    .is_some_and(|deck| words(&deck) > words(upper))
        });
        above_a_deck
            .or_else(|| {
                self.headline_at(first_above)
                    .filter(|h| words(h) >= SURE_WORDS)
            })
            .or_else(|| {
                [first_above, self.past_bylines(d, 1), second_above]
                    .into_iter()
                    .filter_map(|i| self.headline_at(i))
                    .min_by_key(|h| std::cmp::Reverse(h.split_whitespace().count()))
            })
    }
}

/// `News » Internasional`, `Bola / Liga Indonesia`.
fn is_breadcrumb(line: &str) -> bool {
    const MOST_WORDS: usize = 8;
    line.split_whitespace().nth(MOST_WORDS).is_none()
        && [" > ", " » ", " / ", " › "]
            .iter()
            .any(|s| line.contains(s))
}

/// A headline on a saved page: a few words that are no menu and no section name.
fn is_page_headline(line: &str) -> bool {
    const FEWEST_WORDS: usize = 3;
    line.split_whitespace().nth(FEWEST_WORDS - 1).is_some()
        && headline::looks_like_headline(line)
        && !is_breadcrumb(line)
        && !is_byline(line)
        && header_line(line).is_none()
        && outlets::dateline(line).is_none()
}

/// A headline an editor pasted above a saved page: the first line, standing alone.
/// `text`'s first line when it reads as a headline standing alone (read before any line is
/// taken out as chrome: a page's first line left after its menus is no pasted headline).
pub(super) fn pasted_headline(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
    let line = lines.next()?;
    let stands_alone = lines.next().is_some_and(str::is_empty);
    (stands_alone && is_page_headline(line) && !chrome::is_chrome(line)).then(|| line.to_string())
}

/// A breadcrumb (`News » Internasional`), section name (`Internasional`) or site tagline
/// (`Democracy Dies in Darkness`) above a headline that follows within a few lines, or right
/// above a header line.
fn is_kicker(lines: &[String], i: usize) -> bool {
    const LOOK_AHEAD: usize = 3;
    let line = &lines[i];
    // A story on one line holds many words: counting a few tells.
    let words = line.split_whitespace().take(5).count();
    let breadcrumb = is_breadcrumb(line);
    let section = words <= 4 && !line.ends_with(['.', '!', '?', ':', '"', '”']);
    let headline_follows = || {
        (i + 1..lines.len())
            .filter(|j| !lines[*j].is_empty())
            .take(LOOK_AHEAD)
            .any(|j| {
                let line = &lines[j];
                headline::looks_like_headline(line)
                    && header_line(line).is_none()
                    && outlets::dateline(line).is_none()
                    && (next_is_a_break(lines, j) || is_deck(lines, j + 1))
            })
    };
    let header_follows = || {
        lines[i + 1..]
            .iter()
            .find(|l| !l.is_empty())
            .is_some_and(|next| header_line(next).is_some())
    };
    // A headline may stand right above its date line too: only a name of a word or two is
    // taken for a section's there.
    const SECTION_WORDS: usize = 2;
    (breadcrumb || section) && headline_follows()
        || section && words <= SECTION_WORDS && header_follows()
}

/// `Some(outlet)` when `line` is a header line (a short line carrying the date or naming the
/// outlet); the outlet is `None` for a line with only a date.
fn header_line(line: &str) -> Option<Option<String>> {
    // Besides the date and outlet a header line holds a few words at most: a byline, a
    // label such as `Page last updated at`, a zone; words of a letter or two (`at`, `UK`)
    // are not counted.
    const OTHER_WORDS: usize = 4;
    const COUNTED_LETTERS: usize = 3;
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
        .filter(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .nth(COUNTED_LETTERS - 1)
                .is_some()
        })
        .count();
    (other_words <= OTHER_WORDS).then_some(outlet)
}

/// A date line right under the story, labelled as the article's (`Posted on 20 September
/// 2017`, `Diterbitkan 3 Mei 2021`, `CNNMoney (New York) First published ...`): its header,
/// written at its foot.
pub(super) fn footer_date_line(lines: &[String], story_end: usize) -> Option<&String> {
    const REACH: usize = 2;
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:first |originally |last )?(?:posted|published|updated|modified)|diterbitkan|dipublikasikan|diperbarui)(?-u:\b)")
            .expect("valid date label pattern")
    });
    lines[story_end.min(lines.len())..]
        .iter()
        .filter(|line| !line.is_empty())
        .take(REACH)
        .find(|line| {
            // The outlet and the place it writes from may open it: `CNNMoney (New York)
            // First published ...`.
            let outlet = header_line(line);
            let labelled = match outlet {
                Some(Some(_)) => {
                    outlets::after_masthead(line).is_some_and(|r| LABELLED.is_match(r))
                }
                _ => LABELLED.is_match(line),
            };
            labelled
                && outlet.is_some()
                && dating::find_dates(line).iter().any(|d| d.year.is_some())
        })
}

/// Whether the name on line `i` is a reporter's by where it stands: above the date line
/// (`Mei Chen` / `Wednesday 2 August 2023 09:12 BST`) or the reporter's title (`Sara Bell` /
/// `Seoul correspondent`), or under the date line (`after_header`) with the dateline that
/// opens the story next (`Andika Hendra` / `JAKARTA - ...`).
fn names_a_reporter(lines: &[String], i: usize, after_header: bool) -> bool {
    lines[i + 1..]
        .iter()
        .find(|line| !line.is_empty())
        .is_some_and(|line| {
            header_line(line).is_some_and(|outlet| outlet.is_none())
                || is_role(line)
                || after_header && outlets::dateline(line).is_some()
        })
}

/// Whether the next line is an outlet's name and nothing else, with a date line under it:
/// under a headline, `Jane Doe` / `Herald Sun` / `March 14, 2017 5:12pm` names the reporter.
fn outlet_name_follows(lines: &[String], i: usize) -> bool {
    let mut next = lines[i + 1..].iter().filter(|line| !line.is_empty());
    let outlet_alone = next
        .next()
        .is_some_and(|line| header_line(line).flatten().as_deref() == Some(line.as_str()));
    outlet_alone && next.next().is_some_and(|line| header_line(line).is_some())
}

/// A deck: one line right under a headline, with a byline or date line next and the story
/// below them. A line with a blank line or story after it may be the story's first
/// paragraph.
fn is_deck(lines: &[String], i: usize) -> bool {
    const MOST_WORDS: usize = 40;
    let Some(line) = lines.get(i).filter(|l| !l.is_empty()) else {
        return false;
    };
    let reads_as_deck = line.split_whitespace().nth(MOST_WORDS).is_none()
        && outlets::dateline(line).is_none()
        && header_line(line).is_none()
        && !is_byline(line)
        && !(is_bare_name(line) && outlet_name_follows(lines, i));
    if !reads_as_deck {
        return false;
    }
    let header_next = (i + 1..lines.len())
        .find(|j| !lines[*j].is_empty())
        .filter(|j| {
            let next = &lines[*j];
            is_byline(next)
                || header_line(next).is_some()
                || is_bare_name(next) && names_a_reporter(lines, *j, false)
        });
    // The story goes on below the header: a one-paragraph story over its writer's name is
    // no deck.
    header_next.is_some_and(|j| {
        lines[j + 1..].iter().any(|l| {
            l.split_whitespace().nth(PROSE_WORDS - 1).is_some() && header_line(l).is_none()
        })
    })
}

/// A short headline-like line with the story's first paragraph on the very next line.
fn is_headline_over_story(lines: &[String], i: usize) -> bool {
    const MOST_WORDS: usize = 14;
    let line = &lines[i];
    let story_next = lines.get(i + 1).is_some_and(|next| {
        next.split_whitespace().nth(PROSE_WORDS - 1).is_some() && next.ends_with(['.', '"', '”'])
    });
    story_next
        && line.split_whitespace().nth(MOST_WORDS).is_none()
        && headline::looks_like_headline(line)
        && outlets::dateline(line).is_none()
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
                || is_bare_name(next)
                    && (names_a_reporter(lines, i + 1, true) || outlet_name_follows(lines, i + 1))
        }
    }
}
