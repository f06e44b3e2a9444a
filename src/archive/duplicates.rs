//! The same story twice: a raw article left in `content/` beside the Markdown briefing made
//! from it (`kabar import` once left it there) would be published twice, the copy at a `-2`
//! address. A `.txt` and a `.md` with the same title on the same day are that: an error
//! naming both, before anything is published; a warning when the `.md` is marked
//! `duplicate_of`, since the site then publishes the story once.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::content::Briefing;
use crate::error::Diagnostic;

/// Raw articles whose title and day a Markdown briefing has too: errors, and warnings
/// where the Markdown briefing is marked a copy.
pub fn same_story(briefings: &[Arc<Briefing>]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    // Only a story with a raw article in it can be told twice: the Markdown briefings of
    // other days are not even keyed, and those of a raw article's day are compared with its
    // title as they stand, not copied in lowercase first.
    let mut raw_titles: FxHashMap<NaiveDate, Vec<String>> = FxHashMap::default();
    for b in briefings.iter().filter(|b| is_raw(&b.path)) {
        let (day, title) = story_of(b);
        raw_titles.entry(day).or_default().push(title);
    }
    let mut by_story: BTreeMap<(NaiveDate, String), Vec<&Briefing>> = BTreeMap::new();
    for b in briefings {
        let day = b.date.date_naive();
        let Some(titles) = raw_titles.get(&day) else {
            continue;
        };
        let title = match is_raw(&b.path) {
            true => story_of(b).1,
            false => match titles
                .iter()
                .find(|t| lowered_words(&b.title).eq(t.chars()))
            {
                Some(title) => title.clone(),
                None => continue,
            },
        };
        by_story.entry((day, title)).or_default().push(b);
    }
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for story in by_story.values().filter(|s| s.len() > 1) {
        let markdown = || story.iter().filter(|b| !is_raw(&b.path));
        let published = markdown().find(|b| b.duplicate_of.is_none());
        let Some(markdown) = published.or_else(|| markdown().next()) else {
            continue;
        };
        for raw in story.iter().filter(|b| is_raw(&b.path)) {
            let told = format!(
                "this raw article is the story {} tells (the same title, the same day)",
                markdown.path.display()
            );
            match markdown.duplicate_of {
                None => errors.push(
                    Diagnostic::file(
                        &raw.path,
                        format!("{told}: the site would publish it twice"),
                    )
                    .with_hint("delete this .txt, or move it out of content/ (kabar import does)"),
                ),
                Some(_) => warnings.push(
                    Diagnostic::file(
                        &raw.path,
                        format!("{told}, which is marked `duplicate_of`: it is published once"),
                    )
                    .with_hint(
                        "keep one file of a story in content/ (kabar import moves the .txt aside)",
                    ),
                ),
            }
        }
    }
    (errors, warnings)
}

/// A briefing's day and its title in lowercase words: what two tellings of a story share.
fn story_of(b: &Briefing) -> (NaiveDate, String) {
    (b.date.date_naive(), lowered_words(&b.title).collect())
}

/// A title's words in lowercase, one space between them.
fn lowered_words(title: &str) -> impl Iterator<Item = char> + '_ {
    title.split_whitespace().enumerate().flat_map(|(n, word)| {
        let space = (n > 0).then_some(' ');
        space
            .into_iter()
            .chain(word.chars().flat_map(char::to_lowercase))
    })
}

fn is_raw(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}
