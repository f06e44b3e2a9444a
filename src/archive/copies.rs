//! Briefings marked `duplicate_of:` are set aside: a copy is in no list, feed, search or
//! sitemap, and its address leads to the original, so the story is published once and links
//! to the copy keep working.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content::Briefing;
use crate::content::duplicate::Mark;
use crate::error::Diagnostic;

/// A briefing published as its original.
#[derive(Debug, Clone)]
pub struct CopyOf {
    pub briefing: Arc<Briefing>,
    /// The original's source file, relative to the site root.
    pub original: PathBuf,
}

/// Takes the copies out of `briefings`; a mark naming no briefing, the copy itself, or
/// another copy is an error at the mark.
pub fn set_aside(briefings: &mut Vec<Arc<Briefing>>) -> (Vec<CopyOf>, Vec<Diagnostic>) {
    let by_path: HashMap<&Path, &Briefing> =
        briefings.iter().map(|b| (b.path.as_path(), &**b)).collect();
    let errors: Vec<Diagnostic> = briefings
        .iter()
        .filter_map(|b| wrong_mark(b, &by_path))
        .collect();
    let (copies, kept): (Vec<_>, Vec<_>) = std::mem::take(briefings)
        .into_iter()
        .partition(|b| b.duplicate_of.is_some());
    *briefings = kept;
    let copies = copies
        .into_iter()
        .filter_map(|briefing| {
            let original = briefing.duplicate_of.as_ref()?.original.clone();
            Some(CopyOf { briefing, original })
        })
        .collect();
    (copies, errors)
}

fn wrong_mark(copy: &Briefing, by_path: &HashMap<&Path, &Briefing>) -> Option<Diagnostic> {
    let mark = copy.duplicate_of.as_ref()?;
    let named = mark.original.display();
    let (message, hint) = match by_path.get(mark.original.as_path()) {
        _ if mark.original == copy.path => (
            "a briefing cannot be a copy of itself".to_string(),
            "name the briefing this one copies, or remove `duplicate_of`".to_string(),
        ),
        None => (
            format!("`{named}` is no briefing of this site (or it is a draft left out)"),
            nearest_name(mark, &copy.path, by_path).map_or_else(
                || "write the original's path as `kabar list` shows it".to_string(),
                |path| format!("did you mean `{}`?", path.display()),
            ),
        ),
        Some(original) => {
            let further = &original.duplicate_of.as_ref()?.original;
            (
                format!("`{named}` is itself a copy of `{}`", further.display()),
                format!("name the first: `duplicate_of: {}`", further.display()),
            )
        }
    };
    Some(Diagnostic::new(&copy.path, mark.line, mark.col, message).with_hint(hint))
}

/// Another briefing whose file has the name written, in another folder.
fn nearest_name<'a>(
    mark: &Mark,
    copy: &Path,
    by_path: &HashMap<&'a Path, &Briefing>,
) -> Option<&'a Path> {
    let name = mark.original.file_name()?;
    by_path
        .keys()
        .filter(|p| p.file_name() == Some(name) && **p != copy)
        .min()
        .copied()
}
