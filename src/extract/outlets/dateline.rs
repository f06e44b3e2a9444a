//! The dateline that opens a story's body: `Jakarta, CNN Indonesia --`, `SEOUL (Reuters) -`.

use std::sync::LazyLock;

use regex::Regex;

use super::forms_alternation;
use crate::extract::dating;
use crate::extract::text::{floor_boundary, title_case};

/// The place and outlet that open the body of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    pub city: Option<String>,
    /// The outlet as written.
    pub outlet: Option<String>,
    /// Byte length of the dateline, separator included.
    pub len: usize,
}

/// City as datelines write it: one to three capitalized words, or capitals.
const CITY: &str = r"[A-Z][A-Za-z'’.]+(?:[ -][A-Z][A-Za-z'’.]+){0,2}";
const SEPARATOR: &str = r"\s*(?:--|—|–|-|:)\s*";
/// A day in a dateline: `Dec 31`, `Dec. 31, 2019`, `12 Juni 2020`, `12/6/2020`.
const DAY: &str = r"(?:[A-Za-z]{3,9}\.?\s+[0-9]{1,2}(?:,\s*[0-9]{4})?|[0-9]{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+[0-9]{4})?|[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?)";

/// Dateline forms; groups `city` and `outlet`. Each is tried at the start of a paragraph.
static DATELINES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let known = forms_alternation();
    // An outlet kabar does not know still shows itself as a web address: `Gatra.com`.
    let outlet = format!(
        r"(?:(?i:{known})|[A-Za-z0-9]+(?:\.[A-Za-z]{{2,}})+|detik[A-Z][a-z]+|Kompas[A-Z][a-z]+)"
    );
    [
        // Jakarta, CNN Indonesia -- · JAKARTA, KOMPAS.com -
        format!(r"^(?P<city>{CITY}),\s*(?P<outlet>{outlet}){SEPARATOR}"),
        // Bisnis.com, JAKARTA — · TEMPO.CO, Jakarta - · Liputan6.com, Jakarta:
        format!(r"^(?P<outlet>{outlet}),\s*(?P<city>{CITY}){SEPARATOR}"),
        // Jakarta (ANTARA) - · SEOUL, Dec 31 (Reuters) - · Jakarta, 12/6/2020 (ANTARA) - ·
        // SEOUL, South Korea, Dec. 31 (UPI) --
        format!(
            r"^(?P<city>{CITY})(?:,\s*(?:{DAY}|{CITY})){{0,2}}\s*\((?P<outlet>[^()]{{2,40}})\){SEPARATOR}"
        ),
        // JAKARTA, 12 Juni 2020 -
        format!(r"^(?P<city>{CITY}),\s*{DAY}\s+(?:--|—|–|-)\s+"),
        // KONTAN.CO.ID - JAKARTA.
        format!(r"^(?P<outlet>{outlet}){SEPARATOR}(?P<city>[A-Z][A-Z'’ -]+[A-Z])\.\s+"),
        // Suara.com - · TRIBUNNEWS.COM-
        format!(r"^(?P<outlet>{outlet})\s*(?:--|—|–|-)\s+"),
        // (CNN) North Korea ... · (ANTARA) - Presiden ...
        format!(r"^\((?P<outlet>{outlet})\)\s*(?:(?:--|—|–|-)\s+)?"),
        // Seoul, South Korea CNN — · Hong Kong CNN —
        format!(r"^(?P<city>{CITY})(?:,\s*{CITY})?\s+(?P<outlet>{outlet})\s*(?:--|—|–|-)\s+"),
        // Jakarta - (detik) · SEOUL, South Korea —
        format!(r"^(?P<city>{CITY})(?:,\s*{CITY})?\s+(?:--|—|–|-)\s+"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid dateline pattern"))
    .collect()
});

/// The dateline at the start of `paragraph`, if it has one; the text after it must start a
/// sentence.
pub(crate) fn dateline(paragraph: &str) -> Option<Dateline> {
    // Every form but `(CNN)` ends in a dash or colon within its first words: most
    // paragraphs are spared nine searches.
    const LONGEST: usize = 160;
    let head = &paragraph[..floor_boundary(paragraph, LONGEST)];
    if !head.contains(['-', '—', '–', ':']) && !paragraph.starts_with('(') {
        return city_and_full_stop(paragraph);
    }
    DATELINES.iter().find_map(|form| {
        let c = form.captures(paragraph)?;
        let len = c.get(0)?.end();
        let rest_starts_sentence = paragraph[len..]
            .chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit() || "\"“'‘(".contains(ch));
        if !rest_starts_sentence {
            return None;
        }
        let city = c.name("city").map(|m| title_case(m.as_str().trim()));
        if city.as_deref().is_some_and(is_calendar_word) {
            return None;
        }
        Some(Dateline {
            city,
            outlet: c.name("outlet").map(|m| m.as_str().trim().to_string()),
            len,
        })
    })
}

/// Where a dateline starts inside a line rather than at its start: after a headline
/// (`North Korea fires missiles SEOUL (Reuters) - ...`, the city in capitals), glued to a
/// teaser before it (`... program ini,Jakarta (ANTARA) - ...`) or after its full stop
/// (`... pelayanannya. Kupang (ANTARA) - ...`), or after a page's header run
/// into its story, as a page saved on one line has it (`... 07:30 WIB GARUT, KOMPAS.com -
/// Warga ...`, a known outlet after the city in capitals).
pub(crate) fn inline_dateline(line: &str) -> Option<usize> {
    static WIRE: LazyLock<Regex> = LazyLock::new(|| {
        let known = forms_alternation();
        Regex::new(&format!(
            r"(?:(?P<glued>[.,!?\x22”])|\s)(?P<city>{CITY})(?:,\s*(?:{DAY}|{CITY}))?\s*\((?:{known})\)\s*(?:--|—|–|-)\s"
        ))
        .expect("valid inline dateline pattern")
    });
    // The outlet is sought first: a few known names, found fast, where most lines have none.
    static OUTLET: LazyLock<Regex> = LazyLock::new(|| {
        let known = forms_alternation();
        Regex::new(&format!(r"(?i:{known})\s*(?:--|—|–|-)\s")).expect("valid outlet pattern")
    });
    static CITY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:(?P<glued>[.,!?\x22”])|\s)(?P<city>{CITY}),\s*$"
        ))
        .expect("valid inline dateline pattern")
    });
    // Every wire dateline closes its agency's parentheses before a dash.
    let closes = [") -", ")-", ") —", ") –", ")—", ")–"];
    let wire = (line.contains(')') && closes.iter().any(|c| line.contains(c)))
        .then(|| opens_story_inside(&WIRE, line))
        .flatten();
    wire.or_else(|| {
        OUTLET
            .find_iter(line)
            .find_map(|outlet| opens_story_inside(&CITY_BEFORE, &line[..outlet.start()]))
    })
}

/// Where `form` finds a dateline inside `line`: glued to what is before it, right after a
/// date line's time zone (`10:05 WIB Sumenep (ANTARA) -`), or with its city in capitals after
/// a few words.
fn opens_story_inside(form: &Regex, line: &str) -> Option<usize> {
    const ZONES: &[&str] = &["WIB", "WITA", "WIT"];
    let c = form.captures(line)?;
    let city = c.name("city")?;
    // The zone a date line ends with is no part of the city after it.
    let (zone, start) = match city.as_str().split_once(' ') {
        Some((first, _)) if ZONES.contains(&first) => (true, city.start() + first.len() + 1),
        _ => (false, city.start()),
    };
    let before = line[..start].trim_end();
    let after_zone = zone || ZONES.iter().any(|z| before.ends_with(&format!(" {z}")));
    let capitals = line[start..city.end()].chars().all(|ch| !ch.is_lowercase());
    let words_before = before.split_whitespace().count();
    // A sentence's end before it, glued or not, closes a teaser.
    let after_sentence = before.ends_with(['.', '!', '?', '"', '”']);
    let glued = c.name("glued").is_some() || after_sentence;
    (glued || after_zone || (capitals && words_before >= 3)).then_some(start)
}

/// `Jakarta. Indonesian citizens ...`: a city and a full stop, the Jakarta Globe's dateline,
/// opening a paragraph of story. Abbreviated titles (`Prof. Kim`) are no city.
fn city_and_full_stop(paragraph: &str) -> Option<Dateline> {
    const FEWEST_WORDS: usize = 8;
    const TITLES: &[&str] = &[
        "Prof", "Capt", "Sept", "Cmdr", "Supt", "Dept", "Corp", "Univ", "Bros", "Messrs",
    ];
    static FORM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<city>[A-Z][a-z]{3,}|[A-Z]{4,})\.\s+(?P<story>\p{Lu}\p{Ll})")
            .expect("valid dateline pattern")
    });
    let c = FORM.captures(paragraph)?;
    let city = title_case(&c["city"]);
    let len = c.name("story")?.start();
    let is_place = !is_calendar_word(&city)
        && !dating::is_calendar_name(&city)
        && !TITLES.contains(&city.as_str());
    (is_place && paragraph.split_whitespace().nth(FEWEST_WORDS).is_some()).then_some(Dateline {
        city: Some(city),
        outlet: None,
        len,
    })
}

/// Words a dateline's city slot may catch but that are not places.
fn is_calendar_word(word: &str) -> bool {
    const NOT_PLACES: &[&str] = &[
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Baca", "Simak", "Foto",
        "Video", "Editor", "Penulis", "Reporter", "News", "Berita",
    ];
    NOT_PLACES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(paragraph: &str) -> (Option<String>, Option<String>, String) {
        let d = dateline(paragraph).expect("a dateline");
        (d.city, d.outlet, paragraph[d.len..].to_string())
    }

    #[test]
    fn dateline_forms_of_indonesian_outlets() {
        let cases = [
            (
                "Jakarta, 12/6/2020 (ANTARA) - Kim",
                Some("Jakarta"),
                Some("ANTARA"),
            ),
            ("JAKARTA, 12 Juni 2020 - Kim", Some("Jakarta"), None),
            (
                "Jakarta, CNN Indonesia -- Kim",
                Some("Jakarta"),
                Some("CNN Indonesia"),
            ),
            (
                "JAKARTA, KOMPAS.com - Kim",
                Some("Jakarta"),
                Some("KOMPAS.com"),
            ),
            (
                "KONTAN.CO.ID - JAKARTA. Kim",
                Some("Jakarta"),
                Some("KONTAN.CO.ID"),
            ),
            (
                "Bisnis.com, JAKARTA — Kim",
                Some("Jakarta"),
                Some("Bisnis.com"),
            ),
            ("Jakarta (ANTARA) - Kim", Some("Jakarta"), Some("ANTARA")),
            ("TEMPO.CO, Jakarta - Kim", Some("Jakarta"), Some("TEMPO.CO")),
            (
                "Liputan6.com, Jakarta: Kim",
                Some("Jakarta"),
                Some("Liputan6.com"),
            ),
            (
                "REPUBLIKA.CO.ID, JAKARTA -- Kim",
                Some("Jakarta"),
                Some("REPUBLIKA.CO.ID"),
            ),
            ("SEOUL (Reuters) - Kim", Some("Seoul"), Some("Reuters")),
            (
                "PANMUNJOM, South Korea (AP) — Kim",
                Some("Panmunjom"),
                Some("AP"),
            ),
            (
                "SEOUL, Dec 31 (Reuters) - Kim",
                Some("Seoul"),
                Some("Reuters"),
            ),
            (
                "SEOUL, South Korea, Dec. 31 (UPI) -- Kim",
                Some("Seoul"),
                Some("UPI"),
            ),
            ("Jakarta - Kim", Some("Jakarta"), None),
            (
                "Jakarta, Gatra.com - Kim",
                Some("Jakarta"),
                Some("Gatra.com"),
            ),
        ];
        for (text, city, outlet) in cases {
            let (c, o, rest) = parts(text);
            assert_eq!(c.as_deref(), city, "{text}");
            assert_eq!(o.as_deref(), outlet, "{text}");
            assert_eq!(rest, "Kim", "{text}");
        }
    }

    #[test]
    fn datelines_inside_a_line_are_found() {
        fn at(line: &str) -> Option<&str> {
            inline_dateline(line).map(|i| &line[i..i + 5])
        }
        assert_eq!(
            at("North Korea fires two missiles SEOUL (Reuters) - North Korea fired"),
            Some("SEOUL")
        );
        assert_eq!(
            at("kolaborasi itu sangat penting,Jakarta (ANTARA) - Menteri Koordinator"),
            Some("Jakar")
        );
        assert_eq!(at("Ia tiba di Jakarta (ANTARA) - lalu pulang"), None);
        assert_eq!(at("SEOUL (Reuters) - North Korea fired"), None);
    }

    #[test]
    fn sentences_are_not_datelines() {
        for text in [
            "Korea Utara menolak tawaran itu.",
            "Kim - yang jarang tampil - hadir.",
            "Pada 2019 - tahun yang sulit - rapat gagal.",
            "Senin - Jumat kantor buka.",
            "Prof. Kim said the talks would resume in the spring after a long pause.",
            "Sept. The month when the committee meets again to review the whole budget.",
            "Jakarta. Short line.",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
    }

    #[test]
    fn a_city_and_a_full_stop_open_a_story() {
        let text = "Jakarta. Indonesian citizens in Taiwan were told to stay indoors on Wednesday.";
        let (city, outlet, rest) = parts(text);
        assert_eq!((city.as_deref(), outlet), (Some("Jakarta"), None));
        assert!(rest.starts_with("Indonesian citizens"));
        // The story may open with a letter of more than one byte.
        let (_, _, rest) =
            parts("Jakarta. Étienne dan rombongannya tiba di kota itu pada Senin pagi.");
        assert!(rest.starts_with("Étienne"));
        let (city, _, _) =
            parts("SURABAYA. Polisi menutup jalan utama kota selama tiga jam pada Senin.");
        assert_eq!(city.as_deref(), Some("Surabaya"));
    }
}
