//! Titles: the headline a raw article opens with, or one made from its lead sentence.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::boilerplate;
use super::lexicon::ROLE_WORDS;
use super::text::{is_title_case, quoting_after};
use crate::summary::{is_abbreviation, split_sentences};

/// Whether a line reads as a headline: a few words, no final full stop, not a date or
/// outlet line.
pub(crate) fn looks_like_headline(line: &str) -> bool {
    const MOST_WORDS: usize = 20;
    if line.len() > 200 || line.split_whitespace().nth(MOST_WORDS).is_some() {
        return false;
    }
    let words = line.split_whitespace().count();
    // A headline in title case may end with a full stop (`Korut Tembakkan Rudal, Jepang
    // Siaga.`); a sentence is not written so.
    let full_stop = line
        .strip_suffix('.')
        .is_some_and(|before| !before.ends_with("..") && !is_abbreviation(before))
        && !is_title_case(line);
    let ends_like_a_sentence = full_stop || line.ends_with([',', ';', ':']);
    let opens_well = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘".contains(c));
    (2..=20).contains(&words)
        && line.chars().count() <= 200
        && !ends_like_a_sentence
        && opens_well
        && !line.contains(" | ")
        && !boilerplate::has_photo_credit(line)
}

/// Words before which a clause starts, best places to cut a long sentence.
const CLAUSE_WORDS: &[&str] = &[
    "untuk",
    "karena",
    "setelah",
    "ketika",
    "saat",
    "sebelum",
    "sementara",
    "namun",
    "tetapi",
    "bahwa",
    "agar",
    "supaya",
    "sehingga",
    "meski",
    "meskipun",
    "walau",
    "jika",
    "usai",
    "jelang",
    "menjelang",
    "guna",
    "demi",
    "because",
    "after",
    "before",
    "while",
    "when",
    "although",
    "which",
    "but",
    "as",
];

/// Words that join phrases: second-best places to cut.
const JOINING_WORDS: &[&str] = &[
    "yang", "dengan", "dan", "atau", "serta", "that", "and", "with",
];

/// Words a title must not end on.
const DANGLING: &[&str] = &[
    "di", "ke", "dari", "dan", "yang", "untuk", "dengan", "pada", "oleh", "bagi", "atau", "akan",
    "para", "sang", "the", "of", "to", "a", "an", "and", "in", "on", "for", "at", "by",
];

/// Where a raw article's title came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TitleEvidence {
    /// A `Judul:` line of a header block.
    Label,
    /// The text's first line, read as a headline.
    #[default]
    FirstLine,
    /// On a saved page, the headline beside the date line above the story.
    PageHeadline,
    /// Made from the lead: the text had no headline.
    Lead,
}

impl TitleEvidence {
    /// The name `kabar list` shows.
    pub fn name(self) -> &'static str {
        match self {
            TitleEvidence::Label => "label",
            TitleEvidence::FirstLine => "first line",
            TitleEvidence::PageHeadline => "page headline",
            TitleEvidence::Lead => "lead sentence",
        }
    }
}

/// How many paragraphs at the top may give the sentence a title is made from.
const LEAD_PARAGRAPHS: usize = 3;

/// Whether a sentence only reads after the one before it: it opens with a pronoun for a
/// person or thing named before (`Ia menyebutkan ...`, `Mereka ...`, `He said ...`, `It
/// ...`), with `Hal tersebut` (`that`), or with `Sehingga`. A title made from it would not
/// say who or what.
fn leans_on_what_came_before(sentence: &str) -> bool {
    const OPENERS: &[&str] = &[
        "ia", "dia", "beliau", "mereka", "sehingga", "he", "she", "it", "they",
    ];
    const POINTERS: &[&str] = &["tersebut", "itu", "ini"];
    let mut words = sentence.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    match (words.next(), words.next()) {
        (Some(first), _) if OPENERS.contains(&first.as_str()) => true,
        (Some(first), Some(second)) => first == "hal" && POINTERS.contains(&second.as_str()),
        _ => false,
    }
}

/// A title of at most `max_words` made from the story's lead: its first sentence that is
/// not a quotation nor leans on the one before it (`Ia menyebutkan ...`), without a lead-in (`Dilansir AFP, Senin (7/7/2025), ...`), asides in
/// parentheses or dates, and with a long subject cut to the name before its verb.
pub(crate) fn title_from_paragraphs<S: AsRef<str>>(
    paragraphs: &[S],
    max_words: usize,
) -> Option<String> {
    let sentences: Vec<(&str, bool)> = paragraphs
        .iter()
        .take(LEAD_PARAGRAPHS)
        .flat_map(|p| with_quotation(split_sentences(p.as_ref())))
        .collect();
    let stands_alone = |(s, quoted): &&(&str, bool)| {
        !quoted && s.split_whitespace().count() >= 5 && !is_furniture(s)
    };
    let lead = sentences
        .iter()
        .filter(stands_alone)
        .find(|(s, _)| !leans_on_what_came_before(s))
        .or_else(|| sentences.iter().find(stands_alone))
        .or(sentences.first())
        .map(|(s, _)| *s)?;
    let plain = plain_lead(lead);
    let lead = if plain.split_whitespace().count() >= 3 {
        plain
    } else {
        lead.to_string()
    };
    Some(title_from_lead(&lead, max_words))
}

/// Whether a "sentence" is a page's menu run into the story, as a page saved on one line
/// has it: items split by bars (`TOP NEWS | TERKINI | RSS`), a network's sites
/// (`Bintang.com Bola.com Vidio.com`), or words that are all names, no sentence having at least
/// one lowercase word (`Home News Gadget Games Foto Indeks`).
fn is_furniture(sentence: &str) -> bool {
    const LONGEST_NAME_RUN: usize = 6;
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let bars = words.iter().filter(|w| **w == "|").count();
    let sites = words
        .iter()
        .filter(|w| {
            let w = w.trim_end_matches([',', '.']).to_ascii_lowercase();
            [".com", ".net", ".co.id", ".id", ".tv"]
                .iter()
                .any(|tld| w.ends_with(tld))
        })
        .count();
    let lowercase = words.iter().any(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && w.chars().all(|c| !c.is_alphabetic() || c.is_lowercase())
    });
    bars >= 2 || sites >= 2 || (words.len() >= LONGEST_NAME_RUN && !lowercase)
}

/// A paragraph's sentences, each with whether it is quoted: it opens with a quotation mark,
/// or starts inside a quotation an earlier sentence opened (`"Banyak keluhan. Alhamdulillah,
/// sudah ada kesepakatan," ujar Abdul.`: both are someone's words).
fn with_quotation(sentences: Vec<&str>) -> impl Iterator<Item = (&str, bool)> {
    let mut open = false;
    sentences.into_iter().map(move |sentence| {
        let quoted = open || opens_quotation(sentence);
        open = quoting_after(open, sentence);
        (sentence, quoted)
    })
}

/// A lead sentence without what a title leaves out: a lead-in clause before the first comma
/// that carries a date or a citation (English ones open the sentence: `In a statement,`,
/// never `Rescue workers in the city ...,`), asides in parentheses, weekday dates, and all but
/// the name of a subject too long for a title.
fn plain_lead(sentence: &str) -> String {
    static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:(?:\S+\s+){0,2}?(?:dilansir|dikutip|melansir|mengutip|menurutnya|menurut|dalam|bila|jika|artinya|sementara itu|selain itu|adapun|seperti|berdasarkan|pada|sebelumnya)|according to|in)(?-u:\b)[^,]{0,80}|[^,]{0,60}\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)),\s+")
            .expect("valid lead-in pattern")
    });
    static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*(?:(?:(?:pada|on|sejak)\s+)?(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s*)?\([^()]{1,40}\)")
            .expect("valid aside pattern")
    });
    // A name spelled out before its abbreviation: headlines use the abbreviation
    // (`Indeks Harga Saham Gabungan (IHSG)` → `IHSG`).
    static ABBREVIATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\p{Lu}[\p{L}-]*\s+(?:(?:dan|and|of|untuk)\s+)?)*\p{Lu}[\p{L}-]*\s*\((?P<abbr>\p{Lu}[\p{Lu}\p{Ll}]{1,9})\)")
            .expect("valid abbreviation pattern")
    });
    // Who said it, closing the sentence: a headline states the news, not its attribution
    // (`..., officials said.`, `..., kata dia.`).
    static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i),\s+(?:(?:kata|ujar|ucap|tutur|ungkap|jelas|imbuh|tegas)(?-u:\b)[^,]{0,60}|(?:\S+\s+){0,4}(?:said|says|told \S+)(?:\s+on \S+)?|according to [^,]{0,60})\s*[.!?]?$")
            .expect("valid attribution pattern")
    });
    let mut text = sentence.trim().to_string();
    if let Some(m) = ATTRIBUTION.find(&text)
        && text[..m.start()].split_whitespace().count() >= 5
    {
        text.truncate(m.start());
    }
    if let Some(m) = LEAD_IN.find(&text)
        && text[m.end()..].split_whitespace().count() >= 5
    {
        text = text[m.end()..].to_string();
    }
    // A company's legal form in parentheses is part of its name, not its abbreviation
    // (`PT Pertamina (Persero)`).
    const LEGAL_FORMS: &[&str] = &["Persero", "Perseroda", "Perum", "Tbk"];
    let text = ABBREVIATED.replace_all(&text, |c: &regex::Captures| {
        let abbr = &c["abbr"];
        if LEGAL_FORMS.contains(&abbr) {
            &c[0]
        } else {
            abbr
        }
        .to_string()
    });
    let text = ASIDE
        .replace_all(&text, "")
        .replace(" ,", ",")
        .replace(",,", ",");
    let text = text.trim_start_matches([',', ';', ':', ' ']);
    let text = without_appositive(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let words = short_subject(&words);
    let mut text = words.join(" ");
    if let Some(first) = text.chars().next().filter(|c| c.is_lowercase()) {
        text.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    text
}

/// A named subject's description between commas left out, so the title keeps what the
/// subject did: `PT Toko Modal, penyedia layanan pinjaman daring, menargetkan ...` →
/// `PT Toko Modal menargetkan ...`, as `Kim Jong-un, yang jarang tampil ..., tiba di ...`.
fn without_appositive(text: &str) -> Cow<'_, str> {
    const SUBJECT_WORDS: usize = 8;
    let mut parts = text.splitn(3, ", ");
    let (Some(subject), Some(described), Some(rest)) = (parts.next(), parts.next(), parts.next())
    else {
        return Cow::Borrowed(text);
    };
    let subject_words: Vec<&str> = subject.split_whitespace().collect();
    let named = subject_words.len() <= SUBJECT_WORDS
        && subject_words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    let description = described.starts_with(char::is_lowercase);
    // The clause after the description: the subject's verb, the description's end.
    let acts = rest.split_whitespace().take(2).any(is_verb);
    if named && description && acts && rest.starts_with(char::is_lowercase) {
        Cow::Owned(format!("{subject} {rest}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The longest subject a title keeps whole, in words.
const SUBJECT_WORDS: usize = 6;

/// Words of a sentence whose subject runs longer than a title can hold (`Menteri
/// Koordinator Bidang ... Agus Harimurti Yudhoyono menggodok ...`) cut to the name that
/// closes the subject: the capitalized words right before the verb.
fn short_subject<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let Some(verb) = words.iter().position(|w| is_verb(w)) else {
        return words.to_vec();
    };
    // Only a subject that opens with an office (`Menteri`, `Kepala`) holds a name to keep.
    let office = words.first().is_some_and(|w| ROLE_WORDS.contains(w));
    if verb <= SUBJECT_WORDS || !office {
        return words.to_vec();
    }
    // `sempat dilaporkan`, `akan menggelar`: the words that may stand between a name and
    // its verb.
    const BETWEEN: &[&str] = &[
        "sempat", "akan", "masih", "telah", "sudah", "juga", "kembali", "resmi", "tengah", "baru",
        "mulai", "bakal", "pun", "terus",
    ];
    let mut end = verb;
    while end > 0 && BETWEEN.contains(&words[end - 1]) {
        end -= 1;
    }
    let capitalized = |w: &&&str| w.starts_with(char::is_uppercase) && !w.ends_with(',');
    let name = words[..end]
        .iter()
        .rev()
        .take_while(capitalized)
        .take(SUBJECT_WORDS - 2)
        .count();
    if name == 0 {
        return words.to_vec();
    }
    words[end - name..].to_vec()
}

/// Whether a word reads as the verb of an Indonesian sentence: lowercase with a verb's
/// prefix (`menggodok`, `berharap`, `ditangkap`, `terpilih`), or a word that opens a
/// predicate (`akan`, `resmi`).
fn is_verb(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "akan", "resmi", "telah", "sudah", "masih", "kembali", "tiba",
    ];
    const PREFIXES: &[&str] = &[
        "meng", "meny", "mem", "men", "me", "ber", "di", "ter", "per",
    ];
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let lowercase = word.chars().next().is_some_and(char::is_lowercase);
    lowercase
        && (OPENERS.contains(&word)
            || (word.chars().count() >= 6 && PREFIXES.iter().any(|p| word.starts_with(p))))
}

/// A title of at most `max_words` made from a lead sentence: the whole sentence when short,
/// else cut at the last clause boundary that keeps at least five words, never mid-word.
pub(crate) fn title_from_lead(sentence: &str, max_words: usize) -> String {
    let sentence = sentence.trim().trim_end_matches(['.', '!', '?', '…']);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= max_words {
        return clean_end(&words);
    }
    let cut_before = |k: &usize, boundary: &dyn Fn(&str) -> bool| {
        let previous_closes = words[k - 1].ends_with([',', ';', ':']);
        previous_closes
            || boundary(&words[*k].to_lowercase())
            || words[*k].starts_with(['(', '—', '–'])
    };
    // A quotation is a phrase of its own: cut before it, never inside it.
    let mut open = false;
    let outside: Vec<bool> = words
        .iter()
        .map(|w| {
            let before = !open;
            open = (open || opens_quotation(w)) && !closes_quotation(w);
            before
        })
        .collect();
    let candidates = (5..=max_words.min(words.len() - 1)).filter(|k| outside[*k]);
    let cut = candidates
        .clone()
        .rev()
        .find(|k| cut_before(k, &|w| CLAUSE_WORDS.contains(&w)))
        .or_else(|| {
            candidates
                .clone()
                .rev()
                .find(|k| cut_before(k, &|w| JOINING_WORDS.contains(&w)))
        })
        .or_else(|| candidates.rev().find(|k| opens_quotation(words[*k])))
        .unwrap_or(max_words);
    clean_end(&words[..cut])
}

/// Whether a word or sentence opens with a quotation mark.
fn opens_quotation(text: &str) -> bool {
    text.starts_with(['"', '“', '\'', '‘'])
}

/// Whether a word ends a quotation, before the punctuation after it (`Tarif',`).
fn closes_quotation(word: &str) -> bool {
    word.trim_end_matches(['.', ',', ';', ':', '!', '?'])
        .ends_with(['"', '”', '\'', '’'])
}

fn clean_end(words: &[&str]) -> String {
    // A quotation the cut left open: `bertema 'Tantangan`.
    let opens_a_quotation = |w: &str| opens_quotation(w) && !closes_quotation(w);
    let mut words = words.to_vec();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str()) || opens_a_quotation(w))
    {
        words.pop();
    }
    words
        .join(" ")
        .trim_end_matches([',', ';', ':', '-', '—', '–', ' '])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_menu_is_furniture_and_a_lead_is_not() {
        for menu in [
            "TOP NEWS | TERKINI | RILIS PERS | RSS Ketentuan",
            "Bintang.com Bola.com Vidio.com Karir.com Berita",
            "Home News Gadget Games Foto Video Indeks",
        ] {
            assert!(is_furniture(menu), "{menu}");
        }
        for lead in [
            "Petani garam di Sumenep mulai memanen garam pekan ini",
            "WASHINGTON (AP) — President Biden met Kim in Seoul on Monday",
            "Kim Jong Un tiba di Vladivostok",
        ] {
            assert!(!is_furniture(lead), "{lead}");
        }
    }

    #[test]
    fn headlines_and_not() {
        assert!(looks_like_headline(
            "Kim Jong-un Serukan Militer Korut Siapkan Langkah Ofensif"
        ));
        assert!(looks_like_headline("Akankah Kim Bertemu Trump Lagi?"));
        assert!(looks_like_headline(
            "North Korea says it has no interest in talks with U.S."
        ));
        assert!(!looks_like_headline(
            "Korea Utara bersumpah akan meningkatkan kekuatan militernya."
        ));
        assert!(looks_like_headline(
            "Korut Tembakkan Dua Rudal, Jepang Siaga."
        ));
        assert!(!looks_like_headline(
            "CNN Indonesia | Selasa, 31/12/2019 18:19 WIB"
        ));
        assert!(!looks_like_headline("Korut"));
        assert!(!looks_like_headline("kata dia kepada wartawan"));
    }

    #[test]
    fn title_from_a_long_lead_cuts_at_a_clause() {
        assert_eq!(
            title_from_lead(
                "Korea Utara bersumpah akan meningkatkan kekuatan militernya untuk melawan apa \
                 yang dianggapnya sebagai ancaman dari Amerika Serikat (AS).",
                12
            ),
            "Korea Utara bersumpah akan meningkatkan kekuatan militernya"
        );
        assert_eq!(
            title_from_lead(
                "Pemimpin Korea Utara Kim Jong-un, yang jarang tampil di depan umum sejak \
                 pertemuan di Hanoi, tiba di Vladivostok.",
                12
            ),
            "Pemimpin Korea Utara Kim Jong-un"
        );
    }

    #[test]
    fn a_sentence_leaning_on_the_one_before_gives_no_title() {
        let paragraphs = [
            "\"Kami siap,\" kata menteri itu, Senin (5/5/2025).",
            "Ia menyebutkan persiapan sudah rampung sejak pekan lalu.",
            "Kementerian menyiapkan sepuluh kapal untuk mengangkut bantuan.",
        ];
        assert_eq!(
            title_from_paragraphs(&paragraphs, 12).as_deref(),
            Some("Kementerian menyiapkan sepuluh kapal untuk mengangkut bantuan")
        );
        for leaning in [
            "Hal itu disampaikan dalam rapat kerja di gedung parlemen.",
            "Mereka menolak rencana itu dalam rapat di gedung parlemen.",
            "It follows a week of protests outside the parliament building.",
        ] {
            assert!(leans_on_what_came_before(leaning), "{leaning}");
        }
        assert!(!leans_on_what_came_before(
            "Halte bus baru dibuka di depan gedung parlemen."
        ));
        // With no other sentence, the one there is still gives the title.
        assert_eq!(
            title_from_paragraphs(&paragraphs[1..2], 12).as_deref(),
            Some("Ia menyebutkan persiapan sudah rampung sejak pekan lalu")
        );
    }

    #[test]
    fn a_named_subjects_description_is_left_out() {
        assert_eq!(
            without_appositive("PT Toko Modal, penyedia pinjaman daring, menargetkan laba naik"),
            "PT Toko Modal menargetkan laba naik"
        );
        for kept in [
            // A list of places, a subject that is no name, a clause that is not its verb.
            "Jakarta, Bandung, dan Surabaya mengalami banjir",
            "Harga beras naik, kata pedagang, menjelang Lebaran",
            "Kim Jong Un, yang jarang tampil, dan istrinya hadir",
        ] {
            assert_eq!(without_appositive(kept), kept);
        }
    }

    #[test]
    fn short_leads_are_whole_and_cuts_never_split_words() {
        assert_eq!(
            title_from_lead("Kim tiba di Hanoi.", 12),
            "Kim tiba di Hanoi"
        );
        let title = title_from_lead(
            "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas duabelas \
             tigabelas.",
            12,
        );
        assert_eq!(
            title,
            "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas duabelas"
        );
        assert_eq!(
            title_from_lead(
                "Rapat itu digelar oleh para menteri luar negeri dari negara di kawasan \
                 Asia Timur.",
                12
            ),
            "Rapat itu digelar oleh para menteri luar negeri dari negara di kawasan"
        );
        assert_eq!(
            title_from_lead(
                "Satu dua tiga empat lima enam tujuh delapan sembilan dari sebelas duabelas tigabelas.",
                10
            ),
            "Satu dua tiga empat lima enam tujuh delapan sembilan"
        );
    }
}
