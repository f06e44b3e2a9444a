//! The story's lines made into blocks: wrapped lines joined into paragraphs, photo
//! captions set apart, the dateline, teasers the story repeats and the desk's code taken off.

use std::sync::LazyLock;

use regex::Regex;

use super::super::boilerplate;
use super::super::outlets;
use super::Block;
use crate::summary::WordSet;
use crate::summary::{first_sentence, split_sentences, word_count};

/// How many paragraphs at the top may hold the dateline (a deck may come first).
const DATELINE_PARAGRAPHS: usize = 4;
/// Text wrapped at a fixed width, with blank lines between paragraphs, joined back into one
/// line per paragraph. Text with one paragraph per line is left as it is.
pub(super) fn unwrap_lines(lines: Vec<String>) -> Vec<String> {
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
    // Text wrapped at a width runs on mid-sentence into lowercase; a header block's lines
    // (headline, byline, date) each start with a capital.
    let lowercase_runs = lines
        .windows(2)
        .filter(|w| !w[0].is_empty() && w[1].starts_with(char::is_lowercase))
        .count();
    if wrapped * 2 <= total || lowercase_runs * 3 < total {
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

pub(super) fn blocks_of(lines: &[String]) -> Vec<Block> {
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

pub(super) fn paragraphs_of(blocks: &[Block]) -> Vec<String> {
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
pub(super) fn take_dateline(blocks: &mut [Block]) -> Option<(outlets::Dateline, String, usize)> {
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
pub(super) fn drop_restated_teasers(blocks: &mut Vec<Block>, story_start: usize) -> Vec<String> {
    let opening = |text: &str| first_sentence(text).map(WordSet::of);
    let paragraph = |b: &Block| match b {
        Block::Paragraph(text) => Some(text.clone()),
        Block::Caption(_) => None,
    };

    let mut dropped = Vec::new();
    if story_start == 0 {
        dropped.extend(drop_restated_summary(blocks));
        return dropped;
    }
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
    let (Some((first_at, first)), Some((lead_at, lead))) = (paragraphs.next(), paragraphs.next())
    else {
        return None;
    };
    let opening = |text: &str| first_sentence(text).map(WordSet::of);
    let (a, b) = (opening(first)?, opening(lead)?);
    if !a.near_duplicate(&b) {
        return None;
    }
    // The shorter telling is the restatement: a teaser above its lead, or a photo's caption
    // below the story it sums up.
    let shorter = if word_count(first) <= word_count(lead) {
        first_at
    } else {
        lead_at
    };
    match blocks.remove(shorter) {
        Block::Paragraph(text) | Block::Caption(text) => Some(text),
    }
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
pub(super) fn take_author_code(blocks: &mut Vec<Block>) -> Option<String> {
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
