//! Page chrome that scrapers save with the story: site menus (`TOP NEWS | TERKINI | RSS`),
//! network bars (`KAPANLAGI NETWORK kapanlagi merdeka bola.net`), account links (`register |
//! login`) and date bars followed by section names. A chrome line is neither headline nor
//! story, wherever it stands.

use super::dating;
use super::lexicon::{NAVIGATION_WORDS, NETWORK_SITES};
use super::outlets;

/// Whether `line` is page chrome.
pub fn is_chrome(line: &str) -> bool {
    // Chrome never ends a sentence; a line that does is story, however it is worded.
    if line.is_empty() || line.ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    is_menu(line) || is_bar_of_site_words(line)
}

/// Characters that separate the items of a menu.
const SEPARATORS: &[char] = &['|', '•', '·', '\t'];

/// A menu: three or more short items between separators, either mostly navigation words or
/// plain short items with no date or outlet among them (a header line is also short items:
/// `CNN Indonesia | Selasa, 31/12/2019 | Internasional`).
fn is_menu(line: &str) -> bool {
    const ITEM_WORDS: usize = 4;
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
    let informative = |item: &&str| {
        item.contains(':')
            || !dating::find_dates(item).is_empty()
            || outlets::header_outlet(item).is_some()
    };
    (navigation >= 2 && navigation * 2 >= items.len()) || !items.iter().any(informative)
}

/// A bar without separators: words that are (nearly) all navigation words, network sites
/// and web addresses, once any date is taken out (a date bar: `Senin, 4 Desember 2023
/// Nasional Ekonomi Olahraga`). A single navigation word (`Home`) is a bar too; a single
/// address (`Kompas.com`) is a header.
fn is_bar_of_site_words(line: &str) -> bool {
    let mut rest = line.to_string();
    for date in dating::find_dates(line).iter().rev() {
        rest.replace_range(date.start..date.end, " ");
    }
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let chrome = words.iter().filter(|w| is_site_word(w)).count();
    match words.as_slice() {
        [] => false,
        [one] => rest.len() == line.len() && is_navigation_word(one),
        _ => chrome >= 2 && chrome * 5 >= words.len() * 4,
    }
}

/// Whether every word of `item` is a navigation word, network site or address.
fn all_site_words(item: &str) -> bool {
    item.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .all(is_site_word)
}

fn is_site_word(word: &str) -> bool {
    is_navigation_word(word) || is_network_site(word) || is_address(word)
}

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

fn is_navigation_word(word: &str) -> bool {
    NAVIGATION_WORDS.contains(&bare(word).as_str())
}

fn is_network_site(word: &str) -> bool {
    let word = bare(word);
    let site = word.split('.').next().unwrap_or("");
    NETWORK_SITES.contains(&site)
}

/// `bola.net`, `kompasiana.com`, `www.detik.com`.
fn is_address(word: &str) -> bool {
    let word = bare(word);
    let mut parts = word.split('.');
    let name = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !name.is_empty()
        && !rest.is_empty()
        && rest
            .iter()
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
