//! Where the story stands in a scrape. A whole saved page holds the story among menus, link
//! lists, share buttons, teasers and footers; a clean copy holds only the story. Either way
//! the story is the largest run of prose lines, allowing a few short lines (captions,
//! "read also" links, ad markers) between them; what stands far above or below it is page
//! furniture.

use super::boilerplate::{is_read_also_heading, split_caption};
use super::dating;
use super::text::{ends_a_sentence, prose_words_of, without_closing_mark};

/// The lines of a scrape that hold the story, as indexes into its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Story {
    /// The first line of the story's first prose run.
    pub start: usize,
    /// One past the story's last line.
    pub end: usize,
    /// How many non-empty lines stand above `start`.
    pub lines_above: usize,
}

/// Short lines allowed between two prose lines of one story (a caption, a "read also" link,
/// an ad marker and a video box).
const MAX_GAP: usize = 5;

/// Finds the story among `lines`. Text without prose (a list, a few short lines) is all story.
pub(super) fn find(lines: &[String]) -> Story {
    let mut best: Option<Run> = None;
    let mut run: Option<Run> = None;
    let mut gap = 0;
    let mut in_list = false;
    let counts: Vec<usize> = lines.iter().map(|l| l.split_whitespace().count()).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with(['B', 'b', 'R', 'r']) && is_read_also_heading(line) {
            in_list = true;
            continue;
        }
        if counts[i] <= TIMESTAMP_WORDS && is_timestamp(line) {
            // A list of teasers, each under its time, is no story.
            gap = MAX_GAP + 1;
            continue;
        }
        let words = prose_words_of(line, counts[i]).max(wrapped_words(lines, &counts, i));
        if words == 0 {
            // A "read also" list's headlines stand between two parts of one story.
            gap += usize::from(!is_list_item(line) && !in_list);
            continue;
        }
        in_list = false;
        // A photo's caption reads as a sentence, but stands above a story as well as in it:
        // a story starts at its first line of text, unless it is all captions (a gallery).
        let text = || (!is_whole_caption(line)).then_some(i);
        match &mut run {
            Some(r) if gap <= MAX_GAP => {
                r.end = i + 1;
                r.words += words;
                r.first_text = r.first_text.or_else(text);
            }
            _ => {
                if let Some(done) = run.take() {
                    best = Some(larger(best, done));
                }
                run = Some(Run {
                    start: i,
                    end: i + 1,
                    words,
                    first_text: text(),
                });
            }
        }
        gap = 0;
    }
    if let Some(done) = run {
        best = Some(larger(best, done));
    }
    let Some(best) = best else {
        return Story {
            start: 0,
            end: lines.len(),
            lines_above: 0,
        };
    };
    let end = best.end + closing_lines(&lines[best.end..]);
    let start = best.first_text.unwrap_or(best.start);
    Story {
        start,
        end,
        lines_above: lines[..start]
            .iter()
            .filter(|l| !l.trim().is_empty())
            .count(),
    }
}

/// A line that is only a photo's caption with its credit (`Kim di Hanoi. (Foto: AP)`).
fn is_whole_caption(line: &str) -> bool {
    // The credit closes the line: most lines are spared the credit's search.
    line.trim_end().ends_with(')')
        && split_caption(line)
            .is_some_and(|(before, _, after)| before.is_empty() && after.is_empty())
}

/// A run of prose lines and the words they hold.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    words: usize,
    /// The run's first line that is no photo caption.
    first_text: Option<usize>,
}

fn larger(best: Option<Run>, run: Run) -> Run {
    match best {
        Some(b) if b.words >= run.words => b,
        _ => run,
    }
}

/// The most words a time stamp's line holds.
const TIMESTAMP_WORDS: usize = 8;

/// A short line holding a date with its time (`16 Feb 2016 08:38`, `Selasa, 23/02/2016
/// 16:10 WIB`): the stamp of a teaser in a list, or of the story's own header.
fn is_timestamp(line: &str) -> bool {
    if !has_a_time(line) {
        return false;
    }
    // A section glued to the stamp: `News15 Feb 2016 16:00`.
    let mut spaced = String::with_capacity(line.len() + 4);
    let mut previous = ' ';
    for c in line.chars() {
        if previous.is_alphabetic() && c.is_ascii_digit() {
            spaced.push(' ');
        }
        spaced.push(c);
        previous = c;
    }
    dating::find_dates(&spaced).iter().any(|d| d.time.is_some())
}

/// Whether `line` has the shape of a time of day (`16:10`, `10.32`): a cheap look before
/// the date patterns.
fn has_a_time(line: &str) -> bool {
    line.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit()
            && matches!(w[1], b':' | b'.')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    })
}

/// The words of line `i` when it is part of a paragraph wrapped at a fixed width (lines of
/// several words, running on into the next), else 0.
fn wrapped_words(lines: &[String], counts: &[usize], i: usize) -> usize {
    const LINE_WORDS: usize = 5;
    let words = |j: usize| counts.get(j).copied().unwrap_or(0);
    let runs_on = |j: usize| lines.get(j).is_some_and(|l| !ends_a_sentence(l));
    // A wrapped line's next line goes on mid-sentence, in lowercase.
    let continues = |j: usize| {
        lines
            .get(j)
            .and_then(|l| l.chars().next())
            .is_some_and(char::is_lowercase)
    };
    let into_next = words(i + 1) >= LINE_WORDS / 2 && runs_on(i) && continues(i + 1);
    let from_previous = i > 0 && words(i - 1) >= LINE_WORDS && runs_on(i - 1) && continues(i);
    if words(i) >= LINE_WORDS && (into_next || from_previous) {
        words(i)
    } else {
        0
    }
}

/// An item of a list the story gives (`1. Jakarta`, `- Rp 5 juta;`) or a line leading into
/// one: part of the story however short.
fn is_list_item(line: &str) -> bool {
    let line = line.trim();
    let numbered = line.split_once(['.', ')']).is_some_and(|(n, _)| {
        !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())
    });
    let bulleted = line.starts_with(['-', '•', '*', '–']) && line.split_whitespace().count() > 2;
    numbered || bulleted || line.ends_with([':', ';', ','])
}

/// How many of the lines right after the last prose line still belong to the story:
/// paragraphs of short lines that end a sentence, and the desk's code (`(dea)`), up to the
/// first paragraph that does not.
fn closing_lines(after: &[String]) -> usize {
    let mut taken = 0;
    let mut paragraph = String::new();
    for (i, line) in after.iter().enumerate() {
        let line = line.trim();
        if !line.is_empty() {
            paragraph.push(' ');
            paragraph.push_str(line);
            let last_of_paragraph = after.get(i + 1).is_none_or(|l| l.trim().is_empty());
            if !last_of_paragraph {
                continue;
            }
        }
        if paragraph.is_empty() {
            continue;
        }
        if ends_a_sentence(&paragraph) || without_closing_mark(paragraph.trim()).is_empty() {
            taken = i + 1;
            paragraph.clear();
        } else {
            break;
        }
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_clean_story_is_all_story() {
        let text = lines(
            "Kim Tiba di Hanoi\n\nJakarta - Kim Jong-un tiba di Hanoi dengan kereta setelah \
             perjalanan dua hari dari Pyongyang.\n\nIa disambut pejabat Vietnam di stasiun \
             perbatasan Dong Dang pagi itu.\n\nIa tiba.\n(dea)",
        );
        let story = find(&text);
        assert_eq!((story.start, story.end, story.lines_above), (2, 8, 1));
    }

    #[test]
    fn menus_and_link_lists_stand_outside() {
        let mut text = String::new();
        for item in [
            "Home", "News", "Nasional", "Ekonomi", "Olahraga", "Tekno", "Foto",
        ] {
            text.push_str(item);
            text.push_str("\n\n");
        }
        text.push_str("Kim Tiba di Hanoi\n\nSelasa, 26/02/2019 10:30 WIB\n\n");
        text.push_str(
            "Jakarta - Kim Jong-un tiba di Hanoi dengan kereta setelah perjalanan dua hari.\n\
             Ia disambut pejabat Vietnam di stasiun perbatasan Dong Dang pagi itu.\n\n",
        );
        for item in [
            "Berita Terkait",
            "Trump Tiba",
            "Moon Bicara",
            "Pompeo Pulang",
        ] {
            text.push_str(item);
            text.push('\n');
        }
        text.push_str("Terpopuler\nIndeks\nKarir\nRedaksi\nPedoman Media Siber\nKontak\n\n");
        text.push_str(
            "Tulisan lama di arsip kami ini dibaca lebih dari seribu orang minggu lalu.\n",
        );
        let text = lines(&text);
        let story = find(&text);
        assert_eq!(text[story.start], text[18]);
        assert!(text[18].starts_with("Jakarta - Kim"));
        assert_eq!(story.end, 20);
        assert_eq!(story.lines_above, 9);
    }

    #[test]
    fn text_without_prose_is_all_story() {
        let text = lines("Daftar\nSatu\nDua");
        assert_eq!(find(&text).start, 0);
        assert_eq!(find(&text).end, 3);
    }
}
