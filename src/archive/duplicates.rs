//! The same story twice: a raw article left in `content/` beside the Markdown briefing made
//! from it (`kabar import` once left it there) would be published twice, the copy at a `-2`
//! address. A `.txt` and a `.md` with the same title on the same day are that: an error
//! naming both, before anything is published.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::content::Briefing;
use crate::error::Diagnostic;

/// An error for each raw article whose title and day a Markdown briefing has too.
pub fn same_story(briefings: &[Arc<Briefing>]) -> Vec<Diagnostic> {
    let mut by_story: BTreeMap<(chrono::NaiveDate, String), Vec<&Briefing>> = BTreeMap::new();
    for b in briefings {
        let title: Vec<String> = b.title.split_whitespace().map(str::to_lowercase).collect();
        by_story
            .entry((b.date.date_naive(), title.join(" ")))
            .or_default()
            .push(b);
    }
    let mut problems = Vec::new();
    for story in by_story.values().filter(|s| s.len() > 1) {
        let Some(markdown) = story.iter().find(|b| !is_raw(&b.path)) else {
            continue;
        };
        for raw in story.iter().filter(|b| is_raw(&b.path)) {
            problems.push(
                Diagnostic::file(
                    &raw.path,
                    format!(
                        "this raw article is the story {} tells (the same title, the same \
                         day): the site would publish it twice",
                        markdown.path.display()
                    ),
                )
                .with_hint("delete this .txt, or move it out of content/ (kabar import does)"),
            );
        }
    }
    problems
}

fn is_raw(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}
