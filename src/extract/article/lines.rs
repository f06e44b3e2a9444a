//! A raw text's lines made ready for reading: a header flattened into the first line parted
//! again, scrape debris off their starts, a dateline
//! on a line of its own joined to its story line (or one inside a line made to start a
//! paragraph), a byline's label joined to its name, the article's own address taken out.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::super::{dating, outlets};
use super::bylines::BYLINE;

/// A byline's label standing alone: `Oleh :`, `Penulis:`, `By`.
static BYLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Penulis|Reporter|Oleh|Pewarta|By)\s*:?$").expect("valid byline label pattern")
});

/// The text's lines without the space around them, the first with text parted again when
/// a header was flattened into it (see [`unflatten_header`]).
pub(super) fn raw_lines(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let mut lines = text.lines().map(trim_invisible);
    let mut head: Vec<Cow<str>> = Vec::new();
    for line in lines.by_ref() {
        if line.is_empty() {
            head.push(Cow::Borrowed(line));
            continue;
        }
        match unflatten_header(line) {
            Some(pieces) => head.extend(pieces.into_iter().map(Cow::Owned)),
            None => head.push(Cow::Borrowed(line)),
        }
        break;
    }
    head.into_iter().chain(lines.map(Cow::Borrowed))
}

/// A text whose words a page's markup set apart by runs of spaces or by tabs (a text copied
/// from a rendered page, or indented source), with one space between them, as every
/// pattern here expects; its line breaks are kept.
pub(super) fn single_spaced(text: &str) -> Cow<'_, str> {
    if !text.contains("  ") && !text.contains('\t') {
        return Cow::Borrowed(text);
    }
    let mut spaced = String::with_capacity(text.len());
    let mut after_space = false;
    for c in text.chars() {
        let space = c == ' ' || c == '\t';
        if !(space && after_space) {
            spaced.push(if space { ' ' } else { c });
        }
        after_space = space;
    }
    Cow::Owned(spaced)
}

/// A header flattened into the story's first line with ` . ` for its line breaks, as some
/// English datasets save pages: `By . Tom Harper . PUBLISHED: . 11:34 EST, 19 March 2013 . |
/// . UPDATED: . ... . A council has spent ...`. Its pieces become lines again, a label joined
/// to what it labels, and the story after them a paragraph of its own.
fn unflatten_header(line: &str) -> Option<Vec<String>> {
    const MOST_PIECES: usize = 8;
    const PIECE_WORDS: usize = 10;
    static FLATTENED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:By \. |By [^.]{2,40} \. |PUBLISHED: \. |Last updated at [^.]{5,40} \. )")
            .expect("valid flattened header pattern")
    });
    if !FLATTENED.is_match(line) {
        return None;
    }
    let pieces: Vec<&str> = line.splitn(MOST_PIECES + 1, " . ").collect();
    let header = pieces
        .iter()
        .take(MOST_PIECES)
        .take_while(|p| p.split_whitespace().nth(PIECE_WORDS).is_none())
        .count();
    let story = pieces[header..].join(" . ");
    let mut lines: Vec<String> = Vec::new();
    let mut open_label = false;
    for piece in pieces[..header].iter().map(|p| p.trim()) {
        if piece.is_empty() || piece == "|" {
            continue;
        }
        match lines.last_mut() {
            Some(last) if open_label => {
                last.push(' ');
                last.push_str(piece);
            }
            _ => lines.push(piece.to_string()),
        }
        open_label = piece == "By" || piece.ends_with(':');
    }
    lines.push(String::new());
    lines.push(story);
    Some(lines)
}

/// A line without the space around it, zero-width characters among it: a line holding only
/// a zero-width space (left where a page had an empty block) is empty.
pub(super) fn trim_invisible(line: &str) -> &str {
    const INVISIBLE: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];
    line.trim_matches(|c: char| c.is_whitespace() || INVISIBLE.contains(&c))
}

/// A line without the punctuation a scrape left before its first word (`, , - Judul`).
pub(super) fn without_debris(line: &str) -> &str {
    let start = line.find(|c: char| c.is_alphanumeric() || "\"“'‘([".contains(c));
    match start {
        Some(at) if line[..at].contains([',', ';']) => &line[at..],
        _ => line,
    }
}

/// A dateline on its own line (`Jakarta -`, `REPUBLIKA.CO.ID, JAKARTA --`) joined to the story
/// line it opens; a dateline inside a line (after a wire headline, or glued to a teaser)
/// made to start a paragraph of its own.
pub(super) fn join_parted_datelines(lines: &mut Vec<String>) {
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
        let byline_label =
            line.len() <= 12 && BYLINE_LABEL.is_match(line) && !lines[i + 1].is_empty();
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

/// A byline made readable: its day on the same line (`By Anna Reid March 14, 2017 at 5:12 PM`,
/// `by John Hale14 Mar 2017` where a scrape dropped the break between them) parted into a
/// date line of its own, and a handle (`by Anna Reid @annareid`) taken off the name.
pub(super) fn part_bylines(lines: &mut Vec<String>) {
    let mut i = 0;
    while i < lines.len() {
        if let Some((byline, date)) = parted_byline(&lines[i]) {
            lines[i] = byline;
            if let Some(date) = date {
                lines.insert(i + 1, date);
                i += 1;
            }
        }
        i += 1;
    }
}

fn parted_byline(line: &str) -> Option<(String, Option<String>)> {
    const MOST_WORDS: usize = 16;
    static GLUED_DAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\p{Ll})([0-9])").expect("valid glued day pattern"));
    static HANDLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*@\w+").expect("valid handle pattern"));
    let opens_a_byline = line
        .get(..3)
        .is_some_and(|by| by.eq_ignore_ascii_case("by "));
    if !opens_a_byline || line.split_whitespace().nth(MOST_WORDS).is_some() {
        return None;
    }
    let spaced = GLUED_DAY.replace_all(line, "$1 $2");
    let day = dating::find_dates(&spaced).into_iter().next();
    let name_end = day.as_ref().map_or(spaced.len(), |day| day.start);
    let name =
        spaced[..name_end].trim_end_matches(|c: char| c.is_whitespace() || ",|-–—·•".contains(c));
    let name = HANDLE.replace_all(name, "");
    let byline = format!("By{}", &name[2..]);
    let changed = day.is_some() || byline != line;
    (changed && BYLINE.is_match(&byline))
        .then(|| (byline, day.map(|day| spaced[day.start..].to_string())))
}

/// Takes out the first line that is nothing but a web address (`https://news.detik.com/...`,
/// `Sumber: https://...`): the scrape saved where the article came from.
pub(super) fn take_address(lines: &mut Vec<String>) -> Option<String> {
    let (i, address) = lines
        .iter()
        .enumerate()
        .find_map(|(i, line)| outlets::address_line(line).map(|a| (i, a.to_string())))?;
    lines.remove(i);
    Some(address)
}
