//! Page chrome that scrapers save with the story: site menus (`TOP NEWS | TERKINI | RSS`),
//! network bars (`KAPANLAGI NETWORK kapanlagi merdeka bola.net`), account links (`register |
//! login`) and date bars followed by section names. A chrome line is neither headline nor
//! story, wherever it stands.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::dating;
use super::lexicon::{NAVIGATION_WORDS, NETWORK_SITES};
use super::outlets;

/// `lines` parted into the story's candidates and page chrome. A photo's label on an English
/// page is chrome with what it labels: its credit or caption, on its line or the next.
pub(super) fn split_off<I>(lines: I) -> (Vec<String>, Vec<String>)
where
    I: Iterator<Item = String>,
{
    let (mut kept, mut chrome) = (Vec::new(), Vec::new());
    let mut labelled_next = false;
    for line in lines {
        let label = is_image_label(&line);
        if label || labelled_next || is_chrome(&line) {
            labelled_next = label && is_bare_label(&line) || labelled_next && line.is_empty();
            chrome.push(line);
        } else {
            kept.push(line);
        }
    }
    (kept, chrome)
}

/// `Image caption,` `Image source, Getty Images` `Media caption, ...`; a photo's credit
/// (`Getty Images`, `Photo by Kim Sun / AFP via Getty Images`, `Illustration by ... / Quanta
/// Magazine`) and a caption behind a zoom link (`Enlarge / A cable box on a shelf.`).
static IMAGE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:image (?:copyright|caption|source)|media caption|getty images)\s*(?:[,:]|$)|^(?i:(?:photo(?:graph)?|illustration|image|video) (?:by|courtesy of) \S[^.]{0,80}$|enlarge\s*/)")
        .expect("valid image label pattern")
});

fn is_image_label(line: &str) -> bool {
    const OPENERS: &[&str] = &[
        "image",
        "media",
        "getty",
        "photo",
        "illustration",
        "video",
        "enlarge",
    ];
    let opens = |word: &&str| {
        line.get(..word.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(word))
    };
    OPENERS.iter().any(opens) && IMAGE_LABEL.is_match(line)
}

/// A label with what it labels on the next line: `Image caption,`. A credit alone
/// (`Getty Images`) labels nothing after it: the story may start there.
fn is_bare_label(line: &str) -> bool {
    line.split_whitespace().count() <= 2 && !line.to_lowercase().starts_with("getty")
}

/// Whether `line` is page chrome.
pub(super) fn is_chrome(line: &str) -> bool {
    const LONGEST_WIDGET: usize = 12;
    if line.len() <= LONGEST_WIDGET && WIDGET.is_match(line) {
        return true;
    }
    // Chrome never ends a sentence; a line that does is story, however it is worded.
    if line.is_empty() || line.ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    is_menu(line)
        || is_bar_of_site_words(line)
        || is_script(line)
        || ENGLISH.is_match(line)
        || SHARE_PANEL.is_match(line)
}

/// A page's widgets saved as text: a loading notice, the text-size buttons.
static WIDGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:loading|memuat)(?:\.{1,3}|…)$|^A\s+A\s+A$|^A-\s*A\+$")
        .expect("valid widget pattern")
});

/// A share panel's buttons and a comment box's counters, in either language (`Share on
/// Twitter`, `Bagikan ke WhatsApp`, `Link successfully copied`, `0Komentar`).
static SHARE_PANEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:share|bagikan|kirim)(?: on| ke| di| via| to)? (?:facebook|twitter|x|google\+?|linkedin|path|pinterest|mail|e-?mail|whatsapp|telegram|line)|copy link|salin (?:link|tautan)|link (?:successfully )?copied|(?:link|tautan) (?:berhasil )?disalin|toggle|\d+\s*(?:komentar|comments?)|tulis komentar.*)$")
        .expect("valid share panel pattern")
});

/// English news pages' furniture: accessibility links, share panels, a reporter's handle and
/// mail link.
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:skip to (?:main )?(?:content|site index|navigation)|[a-z]+ navigation|share this with|copy this link|these are external links.*|close share panel|advertisement|supported by|sign up for .*|from the section .+|subscribers? only|e-?mail the authors?|e-?mail this(?: story| article)?(?: to a friend)?|print(?:able version| this (?:page|story|article))|share this (?:story|article)|@\w{2,30})\s*:?$")
        .expect("valid furniture pattern")
});

/// A line of a page's script saved as text (`googletag.cmd.push(function() {`, `var re = ...;`,
/// `}`): it has code's punctuation and words no story uses that way.
fn is_script(line: &str) -> bool {
    const CODE: &[&str] = &[
        "function",
        "var ",
        "let ",
        "const ",
        "return ",
        "document.",
        "window.",
        "=>",
        "if (",
        "else",
        ".push(",
        "googletag",
        "});",
    ];
    let ends_like_code = line.ends_with(['{', '}', ';', ')']);
    let braces_only = line.chars().all(|c| "{}();".contains(c));
    braces_only || (ends_like_code && CODE.iter().any(|c| line.contains(c)))
}

/// The most items a header line holds (outlet, date, section, author).
const HEADER_ITEMS: usize = 5;

/// Characters that separate the items of a menu.
const SEPARATORS: &[char] = &['|', '•', '·', '\t'];

/// A menu: three or more short items between separators, either mostly navigation words or
/// plain short items with no date or outlet among them (a header line is also short items:
/// `CNN Indonesia | Selasa, 31/12/2019 | Internasional`).
fn is_menu(line: &str) -> bool {
    const ITEM_WORDS: usize = 4;
    if !line.contains(SEPARATORS) {
        return false;
    }
    let items: Vec<&str> = line
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    if items.len() < 3
        || items
            .iter()
            .any(|i| i.split_whitespace().count() > ITEM_WORDS)
    {
        return false;
    }
    let navigation = items.iter().filter(|i| all_site_words(i)).count();
    // A header names its outlet among a few items; a network bar names one per channel
    // (`detikNews · Berita · Internasional · ... · Indeks`).
    let header_sized = items.len() <= HEADER_ITEMS;
    let informative = |item: &&str| {
        item.contains(':')
            || !dating::find_dates(item).is_empty()
            || (header_sized && outlets::header_outlet(item).is_some())
    };
    (navigation >= 2 && navigation * 2 >= items.len()) || !items.iter().any(informative)
}

/// A bar without separators: words that are (nearly) all navigation words, network sites
/// and web addresses, once any date is taken out (a date bar: `Senin, 4 Desember 2023
/// Nasional Ekonomi Olahraga`). A single navigation word (`Home`) is a bar too; a single
/// address (`Kompas.com`) is a header.
fn is_bar_of_site_words(line: &str) -> bool {
    let whole = Tally::of(line);
    if whole.prose {
        return false;
    }
    if whole.words == 1 {
        return whole.single_navigation_word;
    }
    if whole.site_words < 2 {
        return false;
    }
    if whole.mostly_site_words() {
        return true;
    }
    // Only a line with site words left to explain is searched for a date bar's date.
    let dates = dating::find_dates(line);
    if dates.is_empty() {
        return false;
    }
    let mut rest = line.to_string();
    for date in dates.iter().rev() {
        rest.replace_range(date.start..date.end, " ");
    }
    let rest = Tally::of(&rest);
    rest.words >= 2 && rest.mostly_site_words()
}

/// The words of a line and how many of them are site words.
struct Tally {
    words: usize,
    site_words: usize,
    single_navigation_word: bool,
    /// Words that are neither site words nor parts of a date outnumber the site words by
    /// more than two: the line is prose (a headline, a sentence), counted no further.
    prose: bool,
}

impl Tally {
    fn of(text: &str) -> Tally {
        let mut tally = Tally {
            words: 0,
            site_words: 0,
            single_navigation_word: false,
            prose: false,
        };
        let mut other = 0;
        for word in text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
        {
            tally.words += 1;
            if is_site_word(word) {
                tally.site_words += 1;
            } else if !word.contains(|c: char| c.is_ascii_digit())
                && !dating::is_calendar_name(word)
            {
                other += 1;
                if other > tally.site_words + 2 {
                    tally.prose = true;
                    break;
                }
            }
            tally.single_navigation_word = tally.words == 1 && is_navigation_word(word);
        }
        tally
    }

    /// At least four words in five.
    fn mostly_site_words(&self) -> bool {
        self.site_words * 5 >= self.words * 4
    }
}

/// Whether every word of `item` is a navigation word, network site or address.
fn all_site_words(item: &str) -> bool {
    item.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .all(is_site_word)
}

/// The tables as sets, for looking words up once.
static NAVIGATION: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NAVIGATION_WORDS.iter().copied().collect());
static NETWORK: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NETWORK_SITES.iter().copied().collect());

/// A navigation word, a network site (`merdeka`, `bola.net`) or a web address.
fn is_site_word(word: &str) -> bool {
    let word = bare(word);
    let site = word.split('.').next().unwrap_or("");
    NAVIGATION.contains(word.as_ref()) || NETWORK.contains(site) || is_address(&word)
}

/// A word without the punctuation around it, lowercased (without copying when it already is).
fn bare(word: &str) -> Cow<'_, str> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Whether `word` is a navigation or section word (`Home`, `Internasional`).
pub(super) fn is_navigation_word(word: &str) -> bool {
    NAVIGATION.contains(bare(word).as_ref())
}

/// `bola.net`, `kompasiana.com`, `www.detik.com`: a bare word.
fn is_address(word: &str) -> bool {
    let Some((name, domains)) = word.split_once('.') else {
        return false;
    };
    !name.is_empty()
        && domains
            .split('.')
            .all(|p| (2..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_and_bars_are_chrome() {
        for line in [
            "TOP NEWS | TERKINI | RILIS PERS | RSS",
            "Home",
            "EDISI KORAN",
            "KAPANLAGI NETWORK kapanlagi merdeka bola.net fimela otosia",
            "kompas.com kompasiana.com kompastv register | login",
            "Senin, 4 Desember 2023 Nasional Internasional Ekonomi Olahraga",
            "Selasa, 12/12/2023 | Nasional | Ekonomi | Olahraga",
            "Beranda • Berita • Dunia • Asia",
            "Masuk | Daftar",
            "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
            "var value = re.exec(document.cookie);",
            "}",
            "Skip to main content",
            "Skip to site index",
            "BBC navigation",
            "@JANEDOE",
            "Email the author",
            "E-mail this to a friend",
            "Printable version",
            "Share this story",
            "loading...",
            "A A A",
            "Share on Pinterest",
            "Bagikan ke WhatsApp",
            "Link successfully copied",
            "Salin tautan",
            "0Komentar",
            "12 Comments",
        ] {
            assert!(is_chrome(line), "{line}");
        }
    }

    #[test]
    fn headlines_headers_and_story_are_not() {
        for line in [
            "Kim Tiba di Hanoi Jelang KTT Kedua",
            "Ekonomi Dunia Melambat",
            "CNN Indonesia | Selasa, 31/12/2019 18:19 WIB",
            "Kompas.com - 21/01/2019, 10:30 WIB",
            "Kompas.com",
            "Internasional | CNN Indonesia | Selasa, 31/12/2019 18:19 WIB",
            "Penulis: Rina Kartika | Editor: Budi | Kompas.com",
            "Berita ini terbit di halaman depan koran kami.",
            "Rita Uli Hutapea - detikNews",
            "Indonesia merdeka",
        ] {
            assert!(!is_chrome(line), "{line}");
        }
    }
}
