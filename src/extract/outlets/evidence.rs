//! Who published an article, weighed on evidence. Each clue the text gives names an outlet
//! with a kind of evidence: a header or byline, the dateline, a `Sumber:` label, the
//! article's address, a subject who spoke to the outlet (`kata dia kepada detikOto`), a
//! copyright line, the outlet describing itself, its page furniture. Each kind has a weight
//! (a table, below); the outlet with the most weight is named when no other comes close.
//! Citations (`dilansir Reuters`) are not evidence: an article quotes others.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use regex::Regex;

use super::super::cued::Cued;

use super::{KNOWN, Known, Outlet, fingerprint, forms_alternation, known};

/// What an outlet's naming rests on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum SourceEvidence {
    /// A header line (`CNN Indonesia | Selasa, ...`).
    Header,
    /// A byline naming the outlet (`Rita Uli - detikNews`).
    Byline,
    /// The story's dateline (`JAKARTA, KOMPAS.com -`).
    Dateline,
    /// A `Sumber:` line of a header block.
    Label,
    /// The article's own address.
    Address,
    /// Someone in the story spoke to the outlet (`kata dia kepada detikOto`, `dihubungi
    /// KompasTekno`), or its own reporters looked (`pantauan detikJabar`).
    Reporter,
    /// A copyright line (`COPYRIGHT © ANTARA 2016`).
    Copyright,
    /// The outlet describing itself (`DailySocial.id adalah portal berita ...`).
    SelfDescribed,
    /// Page furniture only one outlet carries.
    Fingerprint,
    /// The outlet's name standing alone on a line of its page (its logo, its menu).
    Masthead,
}

impl SourceEvidence {
    /// The name `kabar list` shows.
    pub fn name(self) -> &'static str {
        match self {
            SourceEvidence::Header => "header",
            SourceEvidence::Byline => "byline",
            SourceEvidence::Dateline => "dateline",
            SourceEvidence::Label => "label",
            SourceEvidence::Address => "address",
            SourceEvidence::Reporter => "reporter",
            SourceEvidence::Copyright => "copyright",
            SourceEvidence::SelfDescribed => "self-description",
            SourceEvidence::Fingerprint => "fingerprint",
            SourceEvidence::Masthead => "masthead",
        }
    }

    /// How much each kind of evidence counts.
    fn weight(self) -> u32 {
        match self {
            SourceEvidence::Header | SourceEvidence::Dateline | SourceEvidence::Label => 10,
            SourceEvidence::Address => 9,
            SourceEvidence::Byline => 8,
            SourceEvidence::Reporter | SourceEvidence::Copyright => 6,
            SourceEvidence::SelfDescribed => 6,
            SourceEvidence::Fingerprint => 5,
            SourceEvidence::Masthead => 3,
        }
    }
}

/// The least weight that names an outlet, and the share of all weight it must hold.
const LEAST_WEIGHT: u32 = 3;
const LEAST_SHARE: f32 = 0.75;

/// Clues found in the article's structure; [`choose`] adds those in its text.
#[derive(Debug, Default)]
pub(crate) struct Clues<'a> {
    /// An outlet named in a header line or byline, and which of the two.
    pub header: Option<(&'a str, SourceEvidence)>,
    pub dateline: Option<&'a str>,
    pub label: Option<&'a str>,
    /// Whether the label is a scraper's record's outlet field, which names the outlet
    /// whether kabar knows it or not.
    pub label_stated: bool,
    pub address: Option<&'a str>,
}

/// The publishing outlet, and the strongest evidence for it.
pub(crate) fn choose(clues: &Clues, text: &str) -> Option<(Outlet, SourceEvidence)> {
    let mut found: Vec<(Named, SourceEvidence)> = Vec::new();
    if let Some((name, from)) = clues.header {
        found.push((Named::of(name), from));
    }
    if let Some(name) = clues.dateline {
        found.push((Named::of(name), SourceEvidence::Dateline));
    }
    if let Some(name) = clues
        .label
        .and_then(|l| label_outlet(l, clues.label_stated))
    {
        found.push((name, SourceEvidence::Label));
    }
    if let Some(k) = clues.address.and_then(super::address_outlet) {
        found.push((Named::Known(k), SourceEvidence::Address));
    }
    found.extend(reporters(text).map(|k| (Named::Known(k), SourceEvidence::Reporter)));
    found.extend(copyrights(text).map(|k| (Named::Known(k), SourceEvidence::Copyright)));
    found.extend(self_described(text).map(|k| (Named::Known(k), SourceEvidence::SelfDescribed)));
    found.extend(fingerprint(text).map(|k| (Named::Known(k), SourceEvidence::Fingerprint)));
    found.extend(masthead(text).map(|k| (Named::Known(k), SourceEvidence::Masthead)));
    weigh(found)
}

/// An outlet as the evidence names it: known, or only as written.
#[derive(Debug, Clone)]
enum Named {
    Known(&'static Known),
    Written(String),
}

impl Named {
    fn of(written: &str) -> Named {
        family(written).map_or_else(|| Named::Written(written.to_string()), Named::Known)
    }

    fn key(&self) -> &str {
        match self {
            Named::Known(k) => k.name,
            Named::Written(name) => name,
        }
    }

    fn outlet(&self) -> Outlet {
        match self {
            Named::Known(k) => k.outlet(),
            Named::Written(name) => Outlet::named(name),
        }
    }
}

fn weigh(found: Vec<(Named, SourceEvidence)>) -> Option<(Outlet, SourceEvidence)> {
    let mut weights: BTreeMap<String, (u32, SourceEvidence, Named)> = BTreeMap::new();
    for (named, from) in found {
        let entry = weights
            .entry(named.key().to_string())
            .or_insert((0, from, named));
        entry.0 += from.weight();
        entry.1 = entry.1.min(from);
    }
    let total: u32 = weights.values().map(|(w, _, _)| w).sum();
    let (weight, from, named) = weights
        .into_values()
        .max_by_key(|(w, from, _)| (*w, std::cmp::Reverse(*from)))?;
    let share = weight as f32 / total as f32;
    (weight >= LEAST_WEIGHT && share >= LEAST_SHARE).then(|| (named.outlet(), from))
}

/// The known outlet a name stands for, sections of an outlet's site included
/// (`detikOto`, `KompasTekno`).
fn family(written: &str) -> Option<&'static Known> {
    static SECTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?P<detik>detik)[a-z]+|(?P<kompas>kompas)(?:tekno|otomotif|bola|money|travel|properti|health|lifestyle|edukasi|regional|nasional|global))$")
            .expect("valid section pattern")
    });
    known(written).or_else(|| {
        let c = SECTION.captures(written.trim())?;
        let name = if c.name("detik").is_some() {
            "detikcom"
        } else {
            "Kompas.com"
        };
        KNOWN.iter().find(|k| k.name == name)
    })
}

/// The outlet a `Sumber:` label names, by name or address; a name kabar does not know only
/// when the label is `stated` as the outlet (a `Sumber:` line may name where facts came from).
fn label_outlet(value: &str, stated: bool) -> Option<Named> {
    if let Some(k) = super::address_outlet(value) {
        return Some(Named::Known(k));
    }
    let name = value.trim().trim_end_matches('.');
    match family(name).or_else(|| edition_of(name)) {
        Some(k) => Some(Named::Known(k)),
        None => (stated && !name.is_empty() && !name.contains("://"))
            .then(|| Named::Written(name.to_string())),
    }
}

/// The known outlet a site names itself after with an edition or desk after its name
/// (`Republika Online`, `Okezone Economy`): the longest known name its words start with.
fn edition_of(name: &str) -> Option<&'static Known> {
    name.match_indices(' ')
        .rev()
        .find_map(|(at, _)| family(&name[..at]))
}

/// An outlet's name, or one of its sections, as a regex alternation; scrapes glue it to
/// the words around it.
fn outlet_pattern() -> String {
    format!(
        r"(?P<name>{}|detik[A-Z][A-Za-z]+|Kompas[A-Z][a-z]+)",
        forms_alternation()
    )
}

/// The outlet a name caught in running text stands for: a section glued to the next word
/// (`detikJatengdi`) is still the outlet.
fn caught(name: &str) -> Option<&'static Known> {
    family(name).or_else(|| {
        let lower = name.to_lowercase();
        lower
            .starts_with("detik")
            .then(|| KNOWN.iter().find(|k| k.name == "detikcom"))
            .flatten()
    })
}

/// Outlets the people in the story spoke to, or whose reporters looked: `kata dia kepada
/// detikOto`, `saat dihubungi KompasTekno`, `pantauan detikJabar`, `Dikutip detikINET dari`.
fn reporters(text: &str) -> impl Iterator<Item = &'static Known> + '_ {
    const SPOKE_TO_WORDS: [&str; 10] = [
        "kepada",
        "dihubungi",
        "ditemui",
        "dikonfirmasi",
        "diterima",
        "dilihat",
        "pantauan",
        "pengamatan",
        "dirangkum",
        "told",
    ];
    const INTERVIEW: &str = "wawancara";
    const QUOTING_WORDS: [&str; 2] = ["dikutip", "dilansir"];
    static SPOKE_TO: LazyLock<Cued> = LazyLock::new(|| {
        let spoke_to = SPOKE_TO_WORDS.join("|");
        Cued::new(
            &[&SPOKE_TO_WORDS[..], &[INTERVIEW]].concat(),
            &format!(
                r"(?i:{spoke_to}|{INTERVIEW}(?:\s+khusus)?\s+dengan)(?:\s+(?:tim|wartawan|reporter))?\s*{name}(?:[\s,.)]|[a-z]{{0,3}}(?:\s|$))",
                name = outlet_pattern()
            ),
        )
    });
    static QUOTING: LazyLock<Cued> = LazyLock::new(|| {
        Cued::new(
            &QUOTING_WORDS,
            &format!(
                r"(?i:{quoting})\s+{name}\s+(?i:dari|from)",
                quoting = QUOTING_WORDS.join("|"),
                name = outlet_pattern()
            ),
        )
    });
    SPOKE_TO
        .group_iter(text, "name")
        .chain(QUOTING.group_iter(text, "name"))
        .filter_map(|name| caught(&text[name]))
}

/// Outlets named in a copyright line: `COPYRIGHT © ANTARA 2016`, `© 2008 - 2016 PT. Kompas
/// Cyber Media`, `Copyright © detikcom`, `Copyright 2023 BBC`. A photo's credit (`Image
/// copyright Reuters`) names whose photo it is, not who published the page.
fn copyrights(text: &str) -> impl Iterator<Item = &'static Known> + '_ {
    static COPYRIGHT: LazyLock<Cued> = LazyLock::new(|| {
        Cued::new(
            &["copyright", "hak cipta", "©", "(c)"],
            &format!(
                r"(?:(?i:copyright|hak cipta)\s*(?:©|\((?i:c)\)|@)?|©|\((?i:c)\))\s*(?:\d{{4}}\s*(?:-\s*\d{{4}}\s*)?)?(?:PT\.?\s*|(?i:the)\s+)?{name}",
                name = outlet_pattern()
            ),
        )
    });
    COPYRIGHT
        .group_iter(text, "name")
        .filter(|name| !credits_a_photo(line_before(text, name.start)))
        .filter_map(|name| caught(&text[name]))
}

/// The start of the line that holds `at`, up to `at`.
fn line_before(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    &text[start..at]
}

/// `Image copyright`, `Foto:`, `Photo by`: a line that credits a photo.
fn credits_a_photo(line: &str) -> bool {
    let line = line.trim_start().to_lowercase();
    ["image", "photo", "foto", "getty", "picture"]
        .iter()
        .any(|word| line.starts_with(word))
}

/// An outlet describing itself: `DailySocial.id adalah portal berita ...`.
fn self_described(text: &str) -> impl Iterator<Item = &'static Known> + '_ {
    static SELF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"{name}\s+(?:adalah|merupakan|is)\s+(?:sebuah\s+|an?\s+)?(?:portal|situs|media|kantor berita|news)",
            name = outlet_pattern()
        ))
        .expect("valid self-description pattern")
    });
    // The verbs are cheap to look for; the names are many.
    let describes = [" adalah ", " merupakan ", " is "]
        .iter()
        .any(|verb| text.contains(verb))
        && (text.contains(" portal") || text.contains(" situs") || text.contains(" media"));
    let text = if describes { text } else { "" };
    SELF.captures_iter(text)
        .filter_map(|c| caught(c.name("name")?.as_str()))
}

/// The outlet whose name stands alone on a line of the page, when only one does: a logo or
/// the site's own menu. A network bar names several and so names none.
fn masthead(text: &str) -> Option<&'static Known> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let site_like = |line: &str| {
        let bare = line.trim_end_matches(|c: char| !c.is_alphanumeric());
        bare.split_whitespace().count() <= 2
            && (known(bare).is_some()
                || bare.contains('.')
                || bare.chars().all(|c| !c.is_lowercase()) && bare.len() > 3)
    };
    let mut named: Vec<&'static Known> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !(3..=40).contains(&line.len()) {
            continue;
        }
        let bare = line
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let Some(&k) = MASTHEADS.get(bare.as_str()) else {
            continue;
        };
        // A network bar lists sister sites line by line: a name among them is no masthead.
        let in_a_bar = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| lines.get(j))
            .any(|l| site_like(l));
        if !in_a_bar {
            named.push(k);
        }
    }
    named.sort_by_key(|k| k.name);
    named.dedup();
    match named.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// What an outlet's masthead may read, lowercased: its name, its address, its address's
/// registered name or one of its forms (5 letters or more), with the outlet each stands for.
static MASTHEADS: LazyLock<HashMap<String, &'static Known>> = LazyLock::new(|| {
    let mut mastheads = HashMap::new();
    for k in KNOWN.iter().filter(|k| k.url.is_some()) {
        let host = k
            .url
            .and_then(|u| u.split("://").nth(1))
            .map(|h| h.trim_start_matches("www.").trim_end_matches('/'))
            .unwrap_or("");
        let stem = registered_name(host).filter(|s| s.len() >= 5);
        let long = k.forms.iter().copied().filter(|f| f.len() >= 5);
        for name in [k.name, host].into_iter().chain(stem).chain(long) {
            mastheads.entry(name.to_lowercase()).or_insert(k);
        }
    }
    mastheads
});

/// The name a host is registered under (`heraldsun` of `heraldsun.com.au`), not a
/// subdomain's (`money` of `money.cnn.com` is a section's word).
fn registered_name(host: &str) -> Option<&str> {
    let labels: Vec<&str> = host.split('.').collect();
    match labels.as_slice() {
        [name, _] => Some(name),
        [name, second, country] if second.len() <= 3 && country.len() == 2 => Some(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Option<(String, &'static str)> {
        choose(&Clues::default(), text).map(|(o, from)| (o.name, from.name()))
    }

    #[test]
    fn people_who_spoke_to_the_outlet_name_it() {
        for (text, outlet) in [
            (
                "\"Pasar mobil listrik tumbuh,\" kata Yannes kepada detikOto, Rabu.",
                "detikcom",
            ),
            ("Ia dihubungi KompasTekno, Jumat (20/8/2021).", "Kompas.com"),
            ("Pantauan detikJabar, polisi berjaga.", "detikcom"),
            ("kata S saat ditemuidetikJatengdi rumahnya.", "detikcom"),
            (
                "ujar Risco kepada kumparan (kumparan.com) di Sentul.",
                "kumparan",
            ),
            (
                "Dikutip detikINET dari BBC, Kamis (5/11/2015), Google menemukan celah.",
                "detikcom",
            ),
        ] {
            assert_eq!(
                named(text),
                Some((outlet.to_string(), "reporter")),
                "{text}"
            );
        }
    }

    #[test]
    fn citations_are_not_evidence() {
        assert_eq!(
            named("Seperti dilansir Reuters, Kim tiba. Dikutip dari AFP, ia pulang."),
            None
        );
    }

    #[test]
    fn copyright_self_description_and_masthead() {
        assert_eq!(
            named("Isi.\nEditor: Agus Salim\t\t\t\tCOPYRIGHT © ANTARA 2023"),
            Some(("ANTARA".into(), "copyright"))
        );
        assert_eq!(
            named("Isi.\nDailySocial.id adalah portal berita startup dan inovasi teknologi."),
            Some(("DailySocial.id".into(), "self-description"))
        );
        assert_eq!(
            named("Menu\nrepublika.co.id\nLogin\nIsi berita."),
            Some(("Republika".into(), "masthead"))
        );
        // A network bar names every sister site, so it names none.
        assert_eq!(named("KAPANLAGI\nMERDEKA\nBOLA.NET\nIsi."), None);
    }

    #[test]
    fn a_copyright_line_names_its_outlet_but_a_photo_credit_does_not() {
        for (text, outlet) in [
            ("Isi.\nCopyright 2023 BBC. All rights reserved.", "BBC"),
            (
                "Isi.\nCopyright 2021 The Associated Press. All Rights Reserved.",
                "Associated Press",
            ),
            ("Isi.\nCopyright @ 2014 Okezone.com", "Okezone"),
        ] {
            assert_eq!(
                named(text),
                Some((outlet.to_string(), "copyright")),
                "{text}"
            );
        }
        assert_eq!(named("Image copyright Reuters\nKim tiba."), None);
        assert_eq!(named("Foto: copyright AFP\nKim tiba."), None);
    }

    #[test]
    fn strong_evidence_outweighs_a_stray_clue() {
        let clues = Clues {
            dateline: Some("KOMPAS.com"),
            ..Clues::default()
        };
        let (outlet, from) =
            choose(&clues, "kata dia kepada Kompas.com. Dilansir detikcom.").unwrap();
        assert_eq!(
            (outlet.name.as_str(), from),
            ("Kompas.com", SourceEvidence::Dateline)
        );
        // Two outlets with as much evidence each: none is named.
        let clues = Clues {
            dateline: Some("Kompas.com"),
            label: Some("Okezone"),
            ..Clues::default()
        };
        assert!(choose(&clues, "").is_none());
    }

    #[test]
    fn a_label_names_by_name_or_address() {
        let clues = Clues {
            label: Some("https://news.okezone.com/read/2019/x"),
            ..Clues::default()
        };
        assert_eq!(choose(&clues, "").unwrap().0.name, "Okezone");
    }
}
