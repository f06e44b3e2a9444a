//! Words a scrape glued together when it dropped the link around one of them
//! (`Associated PressKCNA`, `wilayahBali`, `Menteri KesehatanBudi Gunadi Sadikin`), given
//! their space back. A lowercase letter followed by a capital inside a word is split only when
//! kabar can justify it: the left part ends a known outlet's name, or both parts are words
//! kabar knows (the entity map, outlets and agencies, offices) or the article uses on their
//! own elsewhere. Real names written that way (`iPhone`, `McAvoy`, `YouTube`) stay whole.

use std::cell::OnceCell;

use rustc_hash::FxHashMap;

mod runs;
mod sentences;

use super::dictionary;
use super::entities::Entities;
use super::lexicon::{INNER_CAPITAL_NAMES, ROLE_WORDS, STOP_WORDS};
use super::outlets::{self, KNOWN};

/// How often each word of the article (its punctuation trimmed) stands on its own. Counted
/// in one pass when first asked for: most articles have no word that needs it.
struct Article<'a> {
    text: &'a str,
    counts: OnceCell<FxHashMap<&'a str, usize>>,
    /// The same counts without regard to case, made when first asked for.
    lowercase: OnceCell<FxHashMap<String, usize>>,
}

impl<'a> Article<'a> {
    fn of(text: &'a str) -> Article<'a> {
        Article {
            text,
            counts: OnceCell::new(),
            lowercase: OnceCell::new(),
        }
    }

    fn counts(&self) -> &FxHashMap<&'a str, usize> {
        self.counts.get_or_init(|| {
            let mut counts = FxHashMap::default();
            for word in self.text.split_whitespace().map(trim_punctuation) {
                *counts.entry(word).or_insert(0) += 1;
            }
            counts
        })
    }

    fn uses(&self, word: &str) -> bool {
        self.counts().contains_key(word)
    }

    /// Whether the article writes `lowercase` on its own at least `times` times, in any
    /// case.
    fn uses_lowercase(&self, lowercase: &str, times: usize) -> bool {
        let counts = self.lowercase.get_or_init(|| {
            let mut lower: FxHashMap<String, usize> = FxHashMap::default();
            for (word, n) in self.counts() {
                let key = if word.chars().any(char::is_uppercase) {
                    word.to_lowercase()
                } else {
                    (*word).to_string()
                };
                *lower.entry(key).or_insert(0) += n;
            }
            lower
        });
        counts.get(lowercase).is_some_and(|n| *n >= times)
    }

    /// A glued form written the same way twice is the article's spelling of a name.
    fn repeats(&self, word: &str) -> bool {
        self.counts().get(word).is_some_and(|n| *n > 1)
    }
}

/// `lines` with glued words split; `text` is the whole article, for the words it uses.
pub(super) fn unglue_lines(lines: &mut [String], text: &str, entities: &Entities) {
    let article = Article::of(text);
    for line in lines.iter_mut() {
        if let Some(parted) = sentences::parted(line) {
            *line = parted;
        }
        if let Some(split) = unglue_line(line, &article, entities) {
            *line = split;
        }
    }
}

fn trim_punctuation(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '$')
}

fn has_inner_capital(text: &str) -> bool {
    if text.is_ascii() {
        return text
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    }
    !inner_capitals(text).is_empty()
}

/// The line with its glued words split, or `None` when none is.
fn unglue_line(line: &str, article: &Article, entities: &Entities) -> Option<String> {
    let mut all = Vec::new();
    for (start, token) in tokens(line) {
        let core = trim_punctuation(token);
        let offset = start + (core.as_ptr() as usize - token.as_ptr() as usize);
        let at = cuts(line, offset, core, article, entities);
        if at.is_empty() {
            all.extend(
                runs::cuts(core, article, entities)
                    .into_iter()
                    .map(|cut| offset + cut),
            );
        } else {
            all.extend(with_pieces_split(line, offset, core.len(), at, article));
        }
    }
    spaced_at(line, &all)
}

/// `line` with a space put in at each of `cuts` (ascending byte offsets), or `None` when there
/// is none.
fn spaced_at(line: &str, cuts: &[usize]) -> Option<String> {
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(line.len() + cuts.len());
    let mut last = 0;
    for &cut in cuts {
        out.push_str(&line[last..cut]);
        out.push(' ');
        last = cut;
    }
    out.push_str(&line[last..]);
    Some(out)
}

/// `cuts` (offsets in `line`) with the pieces they start split in turn: the name a dropped link
/// left glued on both sides (`wilayahSumbawabertambah`) runs into the word after it
/// (`Sumbawabertambah`), or an acronym does (`PBBmengadakan`).
fn with_pieces_split(
    line: &str,
    offset: usize,
    len: usize,
    cuts: Vec<usize>,
    article: &Article,
) -> Vec<usize> {
    let ends: Vec<usize> = cuts.iter().skip(1).copied().chain([offset + len]).collect();
    let mut all = cuts.clone();
    for (&start, &end) in cuts.iter().zip(&ends) {
        let piece = &line[start..end];
        let inner = name_then_word(piece, article).or_else(|| acronym_then_word(piece));
        all.extend(inner.map(|cut| start + cut));
    }
    all.sort_unstable();
    all
}

/// Where a name glued to the word after it ends (`Sumbawabertambah`, `Hanoidengan`): the
/// name is one the article writes on its own, the word one of the dictionary (of five
/// letters or more, or a short one that often follows a name: `yang`, `dan`).
fn name_then_word(piece: &str, article: &Article) -> Option<usize> {
    const SHORT_WORDS: &[&str] = &["dan", "ini", "itu", "yang"];
    const SHORTEST_NAME: usize = 3;
    let bytes = piece.as_bytes();
    if !bytes.first()?.is_ascii_uppercase() || !bytes[1..].iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    (SHORTEST_NAME..piece.len()).find(|&at| {
        let word = &piece[at..];
        let is_word = SHORT_WORDS.contains(&word) || word.len() >= 5 && dictionary::is_word(word);
        is_word && article.uses(&piece[..at])
    })
}

/// Where an acronym glued to the word after it ends (`PBBmengadakan`, `BUMNlistrik`): two
/// capitals or more, then a word of the dictionary of four letters or more.
fn acronym_then_word(piece: &str) -> Option<usize> {
    let capitals = piece.bytes().take_while(u8::is_ascii_uppercase).count();
    let rest = &piece[capitals..];
    let word = rest.len() >= 4 && rest.bytes().all(|b| b.is_ascii_lowercase());
    (capitals >= 2 && word && dictionary::is_word(rest)).then_some(capitals)
}

/// Whether a word of the language runs into a capital: `wilayahSumbawa`, `keHanoi`,
/// `untukBUMN`. An Indonesian word never has a capital inside it, so the seam is a dropped
/// link's. A capitalised word before the seam must be longer than a syllable (`TikTok`).
fn word_before_capital(left: &str, right: &str) -> bool {
    let shortest = match left.starts_with(char::is_uppercase) {
        true => 4,
        false => 2,
    };
    // Prepositions too short for the dictionary's roots.
    const SHORT_WORDS: &[&str] = &["di", "ke"];
    let lower = left.to_lowercase();
    // An outlet named by a word writes its desks glued to it: `KompasTekno`, `TribunJakarta`.
    let starts_an_outlet = || {
        KNOWN.iter().flat_map(|k| k.forms).any(|form| {
            form.get(..lower.len())
                .is_some_and(|f| f.eq_ignore_ascii_case(&lower))
        })
    };
    left.chars().count() >= shortest
        && right.chars().count() >= 2
        && (SHORT_WORDS.contains(&lower.as_str())
            || dictionary::is_word(&lower) && !starts_an_outlet())
}

/// Each whitespace-separated token of `line` with its byte offset.
fn tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split_whitespace()
        .map(move |t| (t.as_ptr() as usize - line.as_ptr() as usize, t))
}

/// Byte offsets in `line` where the word `core` (at `offset`) should be split.
fn cuts(
    line: &str,
    offset: usize,
    core: &str,
    article: &Article,
    entities: &Entities,
) -> Vec<usize> {
    // Only a capital after the first letter can show a seam: most words end here.
    if !core.chars().skip(1).any(char::is_uppercase) {
        return Vec::new();
    }
    if !has_inner_capital(core) || is_whole_name(core, entities) {
        return seams_before_names(core, article)
            .into_iter()
            .map(|cut| offset + cut)
            .collect();
    }
    if article.repeats(core) {
        return Vec::new();
    }
    let seams = seams_before_names(core, article);
    let mut cuts: Vec<usize> = seams.iter().map(|cut| offset + cut).collect();
    let mut piece_start = 0;
    for at in inner_capitals(core) {
        // A name the seams found (`merilis|iPhone`) is not cut again inside.
        let seam = seams.iter().copied().filter(|&s| s < at).max();
        let left = &core[piece_start.max(seam.unwrap_or(0))..at];
        let right = word_at(&core[at..]);
        let before = &line[..offset + at];
        if ends_a_known_name(before)
            || both_known(left, right, article, entities)
            || word_before_capital(left, right)
        {
            cuts.push(offset + at);
            piece_start = at;
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Seams a capital shows without a lowercase letter before it: an abbreviation glued to a
/// name (`RIGibran`, `PTPertamina`), a number to a name (`U-20Rizky`), a word to a name
/// written with an inner capital (`merilisiPhone`). The name after the seam must stand on
/// its own in the article, or be one of those names.
fn seams_before_names(core: &str, article: &Article) -> Vec<usize> {
    if !core.chars().skip(1).any(char::is_uppercase) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = core.char_indices().collect();
    let mut cuts = Vec::new();
    for k in 1..chars.len().saturating_sub(1) {
        let (at, c) = chars[k];
        let (_, before) = chars[k - 1];
        let (_, after) = chars[k + 1];
        let starts_name = c.is_uppercase() && after.is_lowercase();
        let abbreviation = before.is_uppercase()
            && chars[..k]
                .iter()
                .all(|(_, c)| c.is_uppercase() || *c == '-');
        let number = before.is_ascii_digit();
        if starts_name
            && (abbreviation && k >= 2 || number)
            && article.uses(word_at(&core[at..]))
            && !article.repeats(core)
        {
            cuts.push(at);
        }
    }
    for name in INNER_CAPITAL_NAMES {
        if let Some(left) = core.strip_suffix(name)
            && left.chars().count() >= 3
            && left.chars().all(char::is_lowercase)
            && (dictionary::is_word(left) || article.uses(left))
            && !article.repeats(core)
        {
            cuts.push(left.len());
        }
    }
    cuts.sort_unstable();
    cuts
}

/// A word kabar knows as written, glued or not: `iPhone`, `detikNews`, an alias.
fn is_whole_name(core: &str, entities: &Entities) -> bool {
    INNER_CAPITAL_NAMES
        .iter()
        .any(|name| core.starts_with(name))
        || outlets::known(core).is_some()
        || entities.knows_word(core)
}

/// Byte offsets of capitals that follow a lowercase letter inside `word`.
fn inner_capitals(word: &str) -> Vec<usize> {
    let mut at = Vec::new();
    let mut previous_lower = false;
    for (i, c) in word.char_indices() {
        if previous_lower && c.is_uppercase() {
            at.push(i);
        }
        previous_lower = c.is_lowercase();
    }
    at
}

/// The word that starts `text`: up to the next capital after a lowercase letter, or the end
/// of the letters.
fn word_at(text: &str) -> &str {
    let end = inner_capitals(text)
        .first()
        .copied()
        .unwrap_or(text.len())
        .min(
            text.find(|c: char| !c.is_alphanumeric() && c != '-')
                .unwrap_or(text.len()),
        );
    &text[..end]
}

/// Whether `before` ends with a known outlet's or agency's name that ends in a lowercase
/// letter (`Associated Press`, `Reuters`): the capital after it surely starts a new word.
fn ends_a_known_name(before: &str) -> bool {
    KNOWN
        .iter()
        .flat_map(|k| k.forms)
        .filter(|f| f.len() >= 4 && f.ends_with(|c: char| c.is_ascii_lowercase()))
        .any(|form| {
            before.len() >= form.len()
                && before.is_char_boundary(before.len() - form.len())
                && before[before.len() - form.len()..].eq_ignore_ascii_case(form)
                && before[..before.len() - form.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
}

/// Whether both sides of a cut are words in their own right.
fn both_known(left: &str, right: &str, article: &Article, entities: &Entities) -> bool {
    const NAME_PREFIXES: &[&str] = &["Mc", "Mac"];
    let plain_word = left.chars().count() >= 2 && left.chars().all(char::is_lowercase);
    let left_known = plain_word || knows(left, article, entities);
    right.chars().count() >= 2
        && !NAME_PREFIXES.contains(&left)
        && left.chars().count() >= 2
        && left_known
        && knows(right, article, entities)
}

fn knows(word: &str, article: &Article, entities: &Entities) -> bool {
    entities.knows_word(word)
        || ROLE_WORDS.contains(&word)
        || STOP_WORDS.contains(&word)
        || KNOWN
            .iter()
            .flat_map(|k| k.forms)
            .any(|f| f.split(' ').any(|w| w == word))
        || article.uses(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unglue(text: &str) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        unglue_lines(&mut lines, text, &Entities::default());
        lines.join("\n")
    }

    #[test]
    fn glued_words_that_kabar_can_justify_are_split() {
        assert_eq!(
            unglue("Dikutip dari Associated PressKCNA mengatakan"),
            "Dikutip dari Associated Press KCNA mengatakan"
        );
        assert_eq!(unglue("ReutersMelaporkan"), "Reuters Melaporkan");
        // `Bali` is a name the article uses on its own.
        assert_eq!(
            unglue("Gempa di wilayahBali.\nWarga Bali mengungsi."),
            "Gempa di wilayah Bali.\nWarga Bali mengungsi."
        );
        assert_eq!(
            unglue("Menteri KesehatanBudi Gunadi Sadikin hadir.\nBudi berkata."),
            "Menteri Kesehatan Budi Gunadi Sadikin hadir.\nBudi berkata."
        );
        // A name in the entity map.
        assert_eq!(
            unglue("kata pejabatKorea Utara"),
            "kata pejabat Korea Utara"
        );
        assert_eq!(
            unglue("Wakil Presiden RIGibran hadir. Gibran tersenyum."),
            "Wakil Presiden RI Gibran hadir. Gibran tersenyum."
        );
        assert_eq!(
            unglue("bek Timnas U-20Rizky tampil. Rizky tersenyum."),
            "bek Timnas U-20 Rizky tampil. Rizky tersenyum."
        );
        assert_eq!(
            unglue("Apple merilisiPhone baru."),
            "Apple merilis iPhone baru."
        );
    }

    #[test]
    fn a_word_glued_to_a_name_a_dropped_link_held_is_split() {
        for (glued, split) in [
            (
                "Pengungsi di kawasanSumbawabertambah. Warga Sumbawa mengungsi.",
                "Pengungsi di kawasan Sumbawa bertambah. Warga Sumbawa mengungsi.",
            ),
            (
                "Pelatih itu memujiRudy Hartono sebagai teladan.",
                "Pelatih itu memuji Rudy Hartono sebagai teladan.",
            ),
            (
                "Ia menegaskan bahwaMoon Jae-in tidak hadir.",
                "Ia menegaskan bahwa Moon Jae-in tidak hadir.",
            ),
            (
                "Delegasi berangkat keHanoidengan kereta. Hanoi bersiap.",
                "Delegasi berangkat ke Hanoi dengan kereta. Hanoi bersiap.",
            ),
            (
                "Seoul mendesakPBBmengadakan sidang darurat.",
                "Seoul mendesak PBB mengadakan sidang darurat.",
            ),
            (
                "Subsidi bagiBUMNlistrik dikurangi.",
                "Subsidi bagi BUMN listrik dikurangi.",
            ),
            (
                "Kata juru bicara KementerianLuar Negeri di Seoul.",
                "Kata juru bicara Kementerian Luar Negeri di Seoul.",
            ),
        ] {
            assert_eq!(unglue(glued), split);
        }
    }

    #[test]
    fn real_names_and_unjustified_splits_stay() {
        for text in [
            "iPhone baru dan YouTube, kata McAvoy dari DeepMind soal PlayStation.",
            "detikNews melaporkan",
            "Jakarta, KompasTekno - Ponsel baru dirilis.",
            "TribunJakarta melaporkan",
            "Associated Press, KCNA",
            "DeepMind dan Deep Mind",
            "GoPay dan TikTok",
            // Written twice the same way: the article's spelling.
            "kata SaudiAramco. Lalu SaudiAramco dan Aramco.",
        ] {
            assert_eq!(unglue(text), text);
        }
    }
}
