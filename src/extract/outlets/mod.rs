//! Who published an article and whom it cites. What kabar knows about outlets lives in
//! [`known`] as data; the code here only reads it.

mod dateline;
mod evidence;
mod known;

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::cued::Cued;

pub(crate) use dateline::{Dateline, dateline, inline_dateline};
pub(crate) use evidence::{Clues, SourceEvidence, choose};
pub(crate) use known::{FINGERPRINTS, KNOWN, Known};

/// The outlet a briefing reports from, as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Outlet {
    pub name: String,
    /// The article's own address, when the text or the front matter gives it.
    pub url: Option<String>,
    /// The outlet's home page, when known.
    pub home: Option<String>,
}

impl Outlet {
    /// The outlet a written name stands for: its known name and home page, or the name as
    /// written.
    pub fn named(written: &str) -> Outlet {
        known(written).map_or_else(
            || Outlet {
                name: written.to_string(),
                url: None,
                home: None,
            },
            Known::outlet,
        )
    }

    /// The outlet with an address an editor gave: an address with a path is the article's,
    /// a bare host the outlet's home page.
    pub fn at(mut self, address: String) -> Outlet {
        let path = address
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split_once('/'));
        match path.map(|(_, path)| path.trim_matches('/')) {
            Some(path) if !path.is_empty() => self.url = Some(address),
            _ => self.home = Some(address),
        }
        self
    }
}

/// Every spelling of every known name, lowercased, with what it names.
static BY_FORM: LazyLock<HashMap<String, &'static Known>> = LazyLock::new(|| {
    let mut forms = HashMap::new();
    for known in KNOWN {
        for form in known.forms {
            forms.entry(form.to_lowercase()).or_insert(known);
        }
    }
    forms
});

/// The known outlet a written name stands for (`KOMPAS.com` → Kompas.com).
pub(crate) fn known(written: &str) -> Option<&'static Known> {
    BY_FORM.get(&written.trim().to_lowercase()).copied()
}

/// Whether a phrase is an outlet or agency, or starts or ends with one: a scrape that lost
/// the link between `Associated Press` and `KCNA` leaves `Associated Press KCNA`, which is
/// no one's name.
pub(crate) fn names_an_outlet(phrase: &str) -> bool {
    const SHORTEST: usize = 3;
    let phrase = phrase.trim().to_lowercase();
    let is_form = |part: &str| part.len() >= SHORTEST && BY_FORM.contains_key(part);
    BY_FORM.contains_key(&phrase)
        || phrase
            .match_indices(' ')
            .any(|(at, _)| is_form(&phrase[..at]) || is_form(&phrase[at + 1..]))
}

/// Every spelling of every known name, longest first, as a regex alternation.
fn forms_alternation() -> String {
    let mut forms: Vec<&str> = KNOWN.iter().flat_map(|k| k.forms.iter().copied()).collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    forms
        .iter()
        .map(|f| regex::escape(f))
        .collect::<Vec<_>>()
        .join("|")
}

/// An outlet named in a header line: `CNN Indonesia | Selasa, ...` or `Kompas.com - 21/01/2019`.
pub(crate) fn header_outlet(line: &str) -> Option<String> {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        let known = forms_alternation();
        Regex::new(&format!(
            r"(?:^|[|\-–—,]\s*)(?P<outlet>(?i:{known})|[A-Za-z0-9]+(?:\.[A-Za-z]{{2,}})+)\s*(?:\([^()]{{1,30}}\)\s*)?(?:[|\-–—,]|$|(?i:first published|published|updated|posted)(?-u:\b))"
        ))
        .expect("valid header pattern")
    });
    HEADER
        .captures(line)
        .map(|c| c["outlet"].trim().to_string())
}

/// What a line says after the outlet's name that opens it and the place it writes from:
/// `CNNMoney (New York) First published June 4, 2024` → `First published June 4, 2024`.
/// `None` when no outlet opens the line.
pub(crate) fn after_masthead(line: &str) -> Option<&str> {
    let outlet = header_outlet(line)?;
    let rest = line
        .trim_start()
        .strip_prefix(outlet.as_str())?
        .trim_start();
    let after_place = rest
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .map(|(_, after)| after.trim_start());
    Some(after_place.unwrap_or(rest))
}

/// The outlet the text's fingerprints leave: each mark found narrows the candidates to the
/// outlets that carry it, and an outlet is named only when one is left. A mark a group
/// shares narrows nothing to one on its own.
pub(crate) fn fingerprint(text: &str) -> Option<&'static Known> {
    let mut left: Option<Vec<&str>> = None;
    for (_, outlets) in FINGERPRINTS.iter().filter(|(mark, _)| text.contains(mark)) {
        left = Some(match left {
            None => outlets.to_vec(),
            Some(left) => left.into_iter().filter(|o| outlets.contains(o)).collect(),
        });
    }
    match left.as_deref() {
        Some([one]) => KNOWN.iter().find(|k| k.name == *one),
        _ => None,
    }
}

/// A line holding nothing but a web address, after a label or not (`Sumber berita:
/// https://...`).
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:sumber(?: berita)?|source|url|link|tautan|artikel asli)\s*:\s*)?(?P<address>https?://(?P<host>[a-z0-9.-]+)(?:[/?#]\S*)?)$")
        .expect("valid address pattern")
});

/// The address in a line that holds nothing but a web address, if it is one.
pub(crate) fn address_line(line: &str) -> Option<&str> {
    Some(ADDRESS.captures(line.trim())?.name("address")?.as_str())
}

/// The known outlet whose own address `line` is, when the line holds nothing but a web
/// address (`https://news.detik.com/...`, `Sumber: https://www.kompas.com/...`): the scrape
/// saved where the article came from. An address inside a sentence is a citation, not this.
pub(crate) fn address_outlet(line: &str) -> Option<&'static Known> {
    let host = ADDRESS
        .captures(line.trim())?
        .name("host")?
        .as_str()
        .to_lowercase();
    KNOWN.iter().find(|k| {
        k.url
            .and_then(|url| url.split("://").nth(1))
            .map(|home| home.trim_start_matches("www.").trim_end_matches('/'))
            .is_some_and(|site| host == site || host.ends_with(&format!(".{site}")))
    })
}

/// Agencies and media the text cites (`dilansir dari Associated Press (AP)`, `dikutip dari
/// AFP`, `seperti dilaporkan KCNA`), by their known names, in order of first citation.
pub(crate) fn cited(text: &str) -> Vec<String> {
    const VERBS: [&str; 12] = [
        "dilansir",
        "melansir",
        "dikutip",
        "mengutip",
        "dilaporkan",
        "diberitakan",
        "memberitakan",
        "dirilis",
        "reported by",
        "quoted by",
        "according to",
        "via",
    ];
    static CITING: LazyLock<Cued> = LazyLock::new(|| {
        let known = forms_alternation();
        let verbs = VERBS.join("|");
        Cued::new(
            &VERBS,
            &format!(
                r"(?i:(?-u:\b)(?:{verbs})\s+(?:(?:dari|oleh|from|by)\s+)?(?:(?:kantor berita|media|surat kabar|harian|stasiun televisi|laman|situs)\s+)?)(?P<name>{known})"
            ),
        )
    });
    let mut names: Vec<String> = Vec::new();
    for name in CITING.group_iter(text, "name") {
        // `Associated PressKCNA` is a scrape that lost a space; `APakah` is not `AP`.
        let glued_word = text[name.end..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if glued_word {
            continue;
        }
        if let Some(k) = known(&text[name])
            && !names.iter().any(|n| n == k.name)
        {
            names.push(k.name.to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_and_headers() {
        assert_eq!(known("kompas.com").unwrap().name, "Kompas.com");
        assert_eq!(
            header_outlet("CNN Indonesia | Selasa, 31/12/2019 18:19 WIB").as_deref(),
            Some("CNN Indonesia")
        );
        assert_eq!(
            header_outlet("Kompas.com - 21/01/2019, 10:30 WIB").as_deref(),
            Some("Kompas.com")
        );
        assert_eq!(
            header_outlet("Rita Uli Hutapea - detikNews").as_deref(),
            Some("detikNews")
        );
        assert_eq!(header_outlet("Selasa, 31 Des 2019 18:19 WIB"), None);
        assert_eq!(
            after_masthead("CNNMoney (New York) First published June 4, 2024"),
            Some("First published June 4, 2024")
        );
        assert_eq!(after_masthead("Published June 4, 2024 | CNNMoney"), None);
    }

    #[test]
    fn cited_agencies() {
        let text = "Seperti dilansir dari Associated Press (AP), Jumat. Dikutip dari AFP, ia \
                    tiba. Seperti dilaporkan KCNA, rapat usai. Dilansir AP lagi.";
        assert_eq!(cited(text), ["Associated Press", "AFP", "KCNA"]);
        assert_eq!(
            cited("Dikutip dari Associated PressKCNA mengatakan"),
            ["Associated Press"]
        );
        assert!(cited("Apa yang dikutip dari APakah itu").is_empty());
        assert!(cited("Menurut KCNA, rapat itu usai.").is_empty());
    }

    #[test]
    fn an_address_line_names_its_outlet() {
        let name = |line| address_outlet(line).map(|k| k.name);
        assert_eq!(
            name("https://news.detik.com/internasional/d-123/kim-tiba"),
            Some("detikcom")
        );
        assert_eq!(
            name("Sumber: https://www.cnnindonesia.com/internasional/2019"),
            Some("CNN Indonesia")
        );
        assert_eq!(name("https://example.org/kim"), None);
        assert_eq!(name("Baca di https://www.kompas.com/x sekarang"), None);
        assert_eq!(name("https://notdetik.com/x"), None);
    }

    #[test]
    fn outlets_glued_to_a_name_are_outlets() {
        for phrase in [
            "Associated Press KCNA",
            "KCNA",
            "Reuters Seoul",
            "Kantor berita Yonhap",
        ] {
            assert!(names_an_outlet(phrase), "{phrase}");
        }
        for phrase in ["Kim Jong-un", "Korea Utara", "Partai Buruh", "Aparat"] {
            assert!(!names_an_outlet(phrase), "{phrase}");
        }
    }

    #[test]
    fn fingerprints_narrow_to_one_outlet_or_none() {
        assert_eq!(
            fingerprint("x\n[Gambas:Video CNN]\nSCROLL TO CONTINUE WITH CONTENT")
                .unwrap()
                .name,
            "CNN Indonesia"
        );
        // Shared by sister sites: on its own it names none of them.
        assert!(fingerprint("SCROLL TO CONTINUE WITH CONTENT").is_none());
        assert!(fingerprint("x [Gambas:Video 20detik] y").is_none());
        assert_eq!(
            fingerprint("SCROLL TO CONTINUE WITH CONTENT\nSimak video 'Kim tiba'")
                .unwrap()
                .name,
            "detikcom"
        );
        assert!(fingerprint("biasa").is_none());
    }
}
