//! Bylines in a raw article's header and under its story: labelled (`Penulis:`, `By`), closed
//! by the outlet (`By Jane Doe, Reuters`), in a date line (`Fakhri Rezy, Jurnalis · ...`),
//! where-reported (`Justin McCurry in Tokyo`), a bare name, a reporter's title, and the staff
//! credited beside them.

use std::sync::LazyLock;

use regex::Regex;

use super::super::dating;
use super::super::outlets;

/// `Penulis: Rita Uli` · `Oleh: Rita Uli` · `By Jane Doe and Ben West, CNN` · `Rita Uli
/// Hutapea - detikNews`.
pub(super) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:Penulis|Reporter|Oleh|Pewarta|By)\s*:?\s+(?P<name>[A-Z][\w'’.-]*(?:\s+(?:and\s+|dan\s+)?[A-Z][\w'’.-]*){0,6})(?:\s*,\s*(?P<of>[^,]{2,40}))?$|(?:By\s+)?(?P<named>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\s+[-–—|]\s+\S+$)",
    )
    .expect("valid byline pattern")
});

/// A reporter named in a header line: `Fakhri Rezy, Jurnalis · Kamis 12 Maret 2020 14:35 WIB`,
/// or after a section and before the outlet: `News - Rita Uli, CNBC Indonesia`.
static JOURNALIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<section>\p{Lu}\w*)\s+[-–—]\s+)?(?P<name>\p{Lu}[\w'’.-]*(?:\s+\p{Lu}[\w'’.-]*){0,4}),\s*(?:(?P<role>Jurnalis|Wartawan|Reporter|Kontributor)(?-u:\b)|(?P<of>[^,·|]+?)\s*$)")
        .expect("valid journalist pattern")
});

/// The reporter a header line names, if it names one (see [`JOURNALIST`]).
pub(super) fn header_byline(line: &str, outlet: Option<&str>) -> Option<String> {
    let c = JOURNALIST.captures(line)?;
    let by_role = c.name("role").is_some();
    let before_outlet =
        c.name("section").is_some() && c.name("of").map(|of| of.as_str().trim()) == outlet;
    (by_role || before_outlet).then(|| c["name"].to_string())
}

/// A reporter and their role on a line of their own: `Anisa Putri, Jurnalis`.
pub(super) fn role_byline(line: &str) -> Option<String> {
    let c = JOURNALIST.captures(line)?;
    let role = c.name("role")?;
    line[role.end()..]
        .trim()
        .is_empty()
        .then(|| c["name"].to_string())
}

/// Staff credited beside a byline: `Editor: Amirullah`, `Fotografer: Rina`.
pub(super) static STAFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Editor|Penyunting|Redaktur|Fotografer|Videografer|Produser)\s*:\s*\p{Lu}[^:]{0,60}$",
    )
    .expect("valid staff pattern")
});

/// A byline that says where the reporting was done: the Guardian's `Justin McCurry in Tokyo`
/// and `Staff and agencies in Seoul`, The New York Times' `Reporting from Seoul`.
pub(super) static REPORTER_IN: LazyLock<Regex> = LazyLock::new(|| {
    const PLACE: &str = r"\p{Lu}[\w'’.-]+(?:\s+\p{Lu}[\w'’.-]+)?";
    Regex::new(&format!(
        r"^(?:(?:(?P<name>\p{{Lu}}[\w'’.-]+(?:\s+\p{{Lu}}[\w'’.-]+){{1,2}})|(?i:staff|agencies|staff and agencies|\p{{Lu}}[\w.]+ staff))\s+in|Reporting from)\s+{PLACE}(?:\s+and\s+{PLACE})?$"
    ))
    .expect("valid byline pattern")
});

/// A byline on a saved page.
pub(super) fn is_byline(line: &str) -> bool {
    BYLINE.is_match(line) || REPORTER_IN.is_match(line) || role_byline(line).is_some()
}

/// A person's name and nothing else: two to four capitalized words of letters, no weekday.
pub(super) fn is_bare_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(5).collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || "'’.-".contains(c))
        })
        // Months are given names (`Mei Chen`, `April Lee`); weekdays are not.
        && dating::weekday_named(line).is_none()
}

/// A reporter's title on a line of its own under the name: `Seoul correspondent`,
/// `BuzzFeed News Reporter`, `Staff Writer`.
pub(super) fn is_role(line: &str) -> bool {
    static ROLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:[\p{L}.'’&-]+\s+){0,5}(?i:reporter|correspondent|writer|columnist|contributor)$",
        )
        .expect("valid role pattern")
    });
    line.len() <= 80 && ROLE.is_match(line)
}

/// A byline's name parted from what a byline may run into after it: the outlet (`JANE DOE
/// Associated Press`, `Jane Doe For MailOnline`), a staff title (`Jane Doe Staff Reporter`,
/// `JANE DOE AP Business Writer`). Gives the reporter's name and the outlet, if one is known.
pub(super) fn parted_name(name: &str) -> (String, Option<&'static outlets::Known>) {
    const NAME_WORDS: usize = 2;
    const TITLE_WORDS: &[&str] = &[
        "staff",
        "reporter",
        "reporters",
        "writer",
        "writers",
        "correspondent",
        "editor",
        "columnist",
        "contributor",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_title = |word: &str| TITLE_WORDS.contains(&word.to_lowercase().as_str());
    let ends_in_title = words.last().is_some_and(|w| is_title(w));
    for at in NAME_WORDS..words.len() {
        let rest = words[at..].join(" ");
        let after_for = rest
            .strip_prefix("For ")
            .or_else(|| rest.strip_prefix("for "));
        let outlet = match after_for {
            Some(outlet) => outlets::known(outlet),
            // An outlet's name and a title after it: `AP Business Writer`.
            None if ends_in_title => (1..=words.len() - at)
                .rev()
                .find_map(|n| outlets::known(&words[at..at + n].join(" "))),
            None => outlets::known(&rest),
        };
        let staff_title = rest.starts_with("Staff ") && words[at..].iter().all(|w| is_title(w));
        if outlet.is_some() || after_for.is_some() || staff_title {
            return (words[..at].join(" "), outlet);
        }
    }
    (name.to_string(), None)
}

/// A labelled byline among the last lines of the story (`Pewarta: Citro Atmoko` under a wire
/// story).
pub(super) fn closing_byline(lines: &[String]) -> Option<String> {
    const LAST_LINES: usize = 6;
    lines
        .iter()
        .rev()
        .filter(|line| !line.is_empty())
        .take(LAST_LINES)
        .find_map(|line| {
            let c = BYLINE.captures(line)?;
            let name = c.name("name")?.as_str();
            outlets::header_outlet(name)
                .is_none()
                .then(|| name.to_string())
        })
}
