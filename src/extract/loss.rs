//! What a raw article's reading left out, and whether that is so much that an editor must
//! be told: a briefing that keeps less than a third of its text's words names what was
//! removed and why, so a body is never lost without a word.

/// Why words of the text were left out of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Left {
    /// Lines far above or below the story: the rest of a saved page.
    PageFurniture,
    /// Menus, network bars, share buttons and scripts, wherever they stood.
    Menus,
    /// Boilerplate inside the story: ads, "read also" links, video boxes, bylines.
    Boilerplate,
    /// A teaser above the story that its lead says again.
    Teaser,
}

impl Left {
    fn describe(self) -> &'static str {
        match self {
            Left::PageFurniture => "page furniture around the story (lines far from its prose)",
            Left::Menus => "menus, network bars and scripts",
            Left::Boilerplate => "boilerplate inside the story (ads, links, bylines)",
            Left::Teaser => "a teaser the lead repeats",
        }
    }
}

/// Words left out for one reason, with the first of them for the editor to find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub why: Left,
    pub words: usize,
    pub sample: String,
}

/// A reading that kept too little of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    pub kept: usize,
    pub total: usize,
    pub parts: Vec<Part>,
}

/// A briefing keeping less than this share of its text's words is a warning.
const LEAST_KEPT: f32 = 1.0 / 3.0;
/// Texts shorter than this keep what they keep: a few lines carry no story to lose.
const FEWEST_WORDS: usize = 40;
/// How many words of a removed part the warning quotes.
const SAMPLE_WORDS: usize = 8;

impl Loss {
    /// Whether keeping `kept` of `total` words is too little.
    pub fn too_little(kept: usize, total: usize) -> bool {
        total >= FEWEST_WORDS && (kept as f32) < total as f32 * LEAST_KEPT
    }

    /// The loss of `parts`, the largest first.
    pub fn new(kept: usize, total: usize, mut parts: Vec<Part>) -> Loss {
        parts.retain(|p| p.words > 0);
        parts.sort_by_key(|p| std::cmp::Reverse(p.words));
        Loss { kept, total, parts }
    }

    /// The loss, when `kept` of `total` words is too little.
    #[cfg(test)]
    fn measure(kept: usize, total: usize, parts: Vec<Part>) -> Option<Loss> {
        Loss::too_little(kept, total).then(|| Loss::new(kept, total, parts))
    }

    /// The warning an editor reads.
    pub fn message(&self) -> String {
        let mut message = format!(
            "the briefing keeps only {} of the {} words of this text",
            self.kept, self.total
        );
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|p| {
                let sample = if p.sample.is_empty() {
                    String::new()
                } else {
                    format!(" (`{}`)", p.sample)
                };
                format!("{} words dropped as {}{sample}", p.words, p.why.describe())
            })
            .collect();
        if !parts.is_empty() {
            message.push_str(": ");
            message.push_str(&parts.join("; "));
        }
        message
    }
}

impl Part {
    /// What `lines` hold, left out for `why`.
    pub fn of<S: AsRef<str>>(why: Left, lines: &[S]) -> Part {
        let words = lines.iter().map(|l| word_count(l.as_ref())).sum();
        let sample: Vec<&str> = lines
            .iter()
            .flat_map(|l| l.as_ref().split_whitespace())
            .take(SAMPLE_WORDS)
            .collect();
        Part {
            why,
            words,
            sample: sample.join(" "),
        }
    }
}

fn word_count(text: &str) -> usize {
    crate::summary::word_count(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_little_kept_is_told_with_what_went() {
        let loss = Loss::measure(
            50,
            600,
            vec![
                Part::of(Left::Menus, &["Home News", "Nasional"]),
                Part::of(
                    Left::PageFurniture,
                    &["Berita Terkait satu dua tiga empat lima enam tujuh delapan"],
                ),
            ],
        )
        .unwrap();
        assert_eq!(
            loss.message(),
            "the briefing keeps only 50 of the 600 words of this text: 10 words dropped as page \
             furniture around the story (lines far from its prose) (`Berita Terkait satu dua tiga \
             empat lima enam`); 3 words dropped as menus, network bars and scripts (`Home News \
             Nasional`)"
        );
    }

    #[test]
    fn enough_kept_or_a_short_text_is_no_loss() {
        assert!(Loss::measure(300, 600, Vec::new()).is_none());
        assert!(Loss::measure(2, 30, Vec::new()).is_none());
    }
}
