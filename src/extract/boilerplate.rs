//! Page furniture scraped along with a story: ads, video boxes, "read also" links, related
//! topics, newsletter and app boxes, photo credits. Patterns are data; each says how far
//! its removal reaches.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use super::text::is_prose;
use crate::summary::split_sentences;

/// How much text a match takes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Just the matched text, wherever it is glued.
    Span,
    /// The sentence holding the match (newsletter and app boxes).
    Sentence,
    /// A "read also" marker and the headline after it.
    Headline,
    /// A "read also" head on its own line: it and the headlines listed under it, up to the
    /// story's next prose line.
    List,
    /// A section head on its own line that ends the story (related topics): it and every
    /// line after it.
    Rest,
}

const DEFAULTS: &[(&str, Reach)] = &[
    (r"ADVERTISEMENT", Reach::Span),
    (
        r"^(?i:advertisement|iklan)(?:\s*·\s*(?i:scroll to continue))?$",
        Reach::Span,
    ),
    // A rule a page drew between the story and its credits: `___`.
    (r"^[_*=~-]{3,}$", Reach::Span),
    (r"SCROLL TO (?:CONTINUE WITH|RESUME) CONTENT", Reach::Span),
    (r"\[Gambas:[^\]]*\]", Reach::Span),
    (
        r#"(?:Simak|Tonton|Saksikan)\s+(?:juga\s+)?[Vv]ideo\s*(?:(?:'.*?'|".*?"|“.*?”)\s*:|'[^']*'|"[^"]*"|“[^”]*”|:)"#,
        Reach::Span,
    ),
    (
        r"^(?:Simak|Tonton|Saksikan)\s+(?:juga\s+)?[Vv]ideo(?-u:\b).*$",
        Reach::Span,
    ),
    (
        r"^(?:Penulis|Editor|Reporter|Pewarta|Redaktur|Editor Bahasa|Oleh)\s*:.*$",
        Reach::Span,
    ),
    (r"^(?:Halaman|Artikel|Berita) [Ss]elanjutnya$", Reach::Span),
    (
        r"^(?:\d+\s+[Kk]omentar|BAGIKAN|Bagikan|SHARE|Share|Tweet|Komentar|KOMENTAR|Lihat Foto|LIHAT FOTO)\s*:?$",
        Reach::Span,
    ),
    (r"^(?i:copyright)?\s*©.*$", Reach::Span),
    (
        r"^(?i:copyright)\s+\d{4}(?-u:\b).*(?i:all rights reserved)\.?$",
        Reach::Span,
    ),
    (r"^(?i:sign up)(?-u:\b).*$", Reach::Span),
    (
        r"(?i)(?-u:\b)(?:contributed to this (?:report|story)|contributed reporting|additional reporting by)(?-u:\b)",
        Reach::Sentence,
    ),
    // `Laporan Wartawan Tribunnews.com, Reynas Abdila`: the reporter's line, which scrapes
    // often run into the story; only the name goes.
    (
        r"^Laporan (?:[Ww]artawan|[Rr]eporter|[Kk]ontributor)(?:\s+[\w.]+\.(?:com|co\.id|id))?,?\s+(?:[A-Z][a-z][\w'’.-]*\s*){1,3}(?:,\s*)?",
        Reach::Span,
    ),
    (
        r"^(?:Lanjut(?:kan)? [Bb]aca|Baca [Ss]elengkapnya|CONTINUE READING)(?-u:\b).*$",
        Reach::Span,
    ),
    (r"Google News", Reach::Sentence),
    (r"(?i)(?-u:\b)grup telegram(?-u:\b)", Reach::Sentence),
    (r"(?i)(?-u:\b)whatsapp channel(?-u:\b)", Reach::Sentence),
    (
        r"(?i)(?-u:\b)(?:download|unduh|install)(?-u:\b).{0,40}(?-u:\b)(?:aplikasi|apps?)(?-u:\b)",
        Reach::Sentence,
    ),
    (
        r"(?i)(?-u:\b)klik (?:di ?sini|link)(?-u:\b)",
        Reach::Sentence,
    ),
    (r"(?i)(?-u:\b)newsletters?(?-u:\b)", Reach::Sentence),
    (
        r"(?i)^(?:like|follow) .{1,60} on (?:facebook|twitter|instagram|x)(?-u:\b)",
        Reach::Sentence,
    ),
    (
        r"^A version of this (?:article|story) (?:appears|appeared) in print",
        Reach::Sentence,
    ),
    // A note to readers on reports of suicide: not to inspire anyone, and where to find help.
    (
        r"(?i)tidak (?:di)?(?:tujukan|maksudkan|bertujuan) untuk (?:menginspirasi|mendorong)|^(?:bila|jika|apabila) anda .{0,160}(?:bunuh diri|mengakhiri hidup)|(?-u:\b)if you or someone you know|(?-u:\b)(?:call|text|dial) (?:or text )?988(?-u:\b)|(?-u:\b)samaritans (?:on|at) \d",
        Reach::Sentence,
    ),
    (
        r"(?i)(?-u:\b)dapatkan (?:update|info|berita) (?:berita )?(?:terkini|terbaru|pilihan)",
        Reach::Sentence,
    ),
    // A syndicated story's note of where it first ran (`Artikel ini telah tayang di
    // TribunJateng.com dengan judul ...`).
    (
        r"(?i)^(?:this (?:article|story) (?:originally |first )?(?:appeared|was (?:originally |first )?published) (?:on|in|by) |artikel ini (?:telah |sudah )?(?:tayang|dimuat|terbit|diterbitkan|ditayangkan)(?: sebelumnya)? di )",
        Reach::Sentence,
    ),
    (
        r"(?i)^simak (?:breaking news|berita pilihan|berita terkini) ",
        Reach::Sentence,
    ),
    (
        r"^(?:BACA JUGA|Baca [Jj]uga|Read [Aa]lso|READ ALSO|Read [Mm]ore|READ MORE|Related|RELATED|Berita Terkait|BERITA TERKAIT|Artikel Terkait|ARTIKEL TERKAIT)\s*:?$",
        Reach::List,
    ),
    (
        r"(?:Baca|BACA|Lihat|LIHAT|Simak|SIMAK) (?:[Jj]uga|JUGA)\s*:|^Baca juga(?-u:\b)|(?:Read also|Read more|READ ALSO|Related|Artikel terkait|Berita terkait|Pilihan Editor|PILIHAN EDITOR)\s*:",
        Reach::Headline,
    ),
    (
        r"^(?:TOPIK TERKAIT|Topik Terkait|REKOMENDASI|Rekomendasi|LAINNYA DI DETIKNETWORK|BERITA LAINNYA|Berita Lainnya|TERPOPULER|Terpopuler|TAG|Tags?|TAGS|Topik|TOPIK|Pilihan Untukmu|PILIHAN UNTUKMU|Konten Sponsor)\s*:?$",
        Reach::Rest,
    ),
    (
        r"^(?i:related topics|more on this story|explore more on these topics|most (?:viewed|read|popular)|you may also like|related (?:stories|articles|coverage))\s*:?$",
        Reach::Rest,
    ),
];

/// Whether `line` heads a "read also" list of headlines: a list set inside a story, which
/// goes on after it (a "related" list closes a story instead).
pub(crate) fn is_read_also_heading(line: &str) -> bool {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:baca juga|read also)\s*:?$").expect("valid heading pattern")
    });
    HEADING.is_match(line.trim())
}

/// A compiled pattern and its reach.
#[derive(Debug, Clone)]
pub struct Pattern {
    regex: Regex,
    reach: Reach,
}

impl Pattern {
    /// A pattern an editor wrote in `site.yaml`: literal text where `*` stands for any text
    /// on the same line. A pattern that fills a whole line removes the line. `site.yaml`
    /// refuses a pattern that would match any text.
    pub fn from_editor(text: &str) -> Result<Pattern, String> {
        let parts: Vec<String> = text.split('*').map(regex::escape).collect();
        let regex = Regex::new(&parts.join(".*?")).map_err(|e| e.to_string())?;
        Ok(Pattern {
            regex,
            reach: Reach::Span,
        })
    }
}

static DEFAULT_PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    DEFAULTS
        .iter()
        .map(|(p, reach)| Pattern {
            regex: Regex::new(p).expect("valid boilerplate pattern"),
            reach: *reach,
        })
        .collect()
});

/// All built-in patterns at once: most lines match none, and one pass tells.
static DEFAULT_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(DEFAULTS.iter().map(|(p, _)| p)).expect("valid patterns"));

/// Lines of a story with the built-in patterns and `extra` ones removed; lines left empty
/// are dropped.
pub(crate) fn clean(lines: &[String], extra: &[Pattern]) -> Vec<String> {
    let mut kept = Vec::with_capacity(lines.len());
    let mut in_list = false;
    'lines: for line in lines {
        let mut line = line.trim().to_string();
        if in_list {
            if is_prose(&line) {
                in_list = false;
            } else {
                continue;
            }
        }
        let matched = DEFAULT_SET.matches(&line);
        let candidates = matched.iter().map(|i| &DEFAULT_PATTERNS[i]).chain(extra);
        for pattern in candidates {
            if !pattern.regex.is_match(&line) {
                continue;
            }
            line = match pattern.reach {
                // Its patterns fill a whole line, so a match is a section head.
                Reach::Rest => break 'lines,
                Reach::List => {
                    in_list = true;
                    continue 'lines;
                }
                Reach::Span => pattern.regex.replace_all(&line, " ").into_owned(),
                Reach::Sentence => drop_sentences(&line, &pattern.regex),
                Reach::Headline => drop_headlines(&line, &pattern.regex),
            };
            line = squeeze(&line);
            if line.is_empty() {
                continue 'lines;
            }
        }
        kept.push(line);
    }
    kept
}

fn squeeze(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn drop_sentences(line: &str, regex: &Regex) -> String {
    split_sentences(line)
        .into_iter()
        .filter(|s| !regex.is_match(s))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Removes each marker and the headline after it. A headline runs to the end of the line,
/// or, when a story sentence is glued after it, up to that sentence's first word: the last
/// capitalized word before the first ordinary lowercase word.
fn drop_headlines(line: &str, marker: &Regex) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(m) = marker.find(rest) {
        out.push_str(&rest[..m.start()]);
        let after = &rest[m.end()..];
        rest = &after[headline_len(after)..];
    }
    out.push_str(rest);
    out
}

/// Small words that stay lowercase inside Indonesian and English headlines.
const HEADLINE_LOWERCASE: &[&str] = &[
    "di", "ke", "dari", "dan", "yang", "untuk", "dengan", "soal", "jadi", "ini", "itu", "vs",
    "atau", "pada", "oleh", "bagi", "usai", "jelang", "saat", "of", "the", "and", "to", "in", "on",
    "for", "at", "a", "an",
];

fn headline_len(after: &str) -> usize {
    // A story sentence glued after a headline ends as a sentence does; the rest of a line
    // as short as a headline that does not end so is all headline (`Rupiah Melemah ke Level
    // 16.100 per Dolar AS`).
    const HEADLINE_WORDS: usize = 16;
    let short = after.split_whitespace().nth(HEADLINE_WORDS).is_none();
    if short && !after.trim_end().ends_with(['.', '!', '?', '"', '”']) {
        return after.len();
    }
    let ordinary = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().next().is_some_and(char::is_lowercase) && !HEADLINE_LOWERCASE.contains(&w)
    };
    let starts_sentence = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "\"“".contains(c))
    };
    // One pass that stops at the first ordinary word: a line can hold thousands of markers.
    let mut last_start = None;
    for (i, word) in after.split_whitespace().enumerate() {
        if ordinary(word) {
            return match last_start {
                Some((j, at)) if j > 0 => at,
                // No headline words before the story resumes: only the marker goes.
                _ => 0,
            };
        }
        if starts_sentence(word) {
            last_start = Some((i, word.as_ptr() as usize - after.as_ptr() as usize));
        }
    }
    after.len()
}

/// A photo credit such as `(AFP Photo/Kirill Kudryavtsev)` or `(Foto: Reuters)`.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let person = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}|STR|HO|POOL|Pool|File|FILE|Handout|HANDOUT|Dok\.?|Istimewa";
    Regex::new(&format!(
        r"\(\s*(?:(?:Foto|FOTO|Photo|PHOTO|Ilustrasi|ILUSTRASI)\s*:\s*[^()]{{2,80}}|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,2}}\s+(?:Photo|PHOTO|Foto|FOTO)(?:\s*/\s*[^()]{{2,60}})?|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,2}}\s*/\s*(?:{person})|(?:Dok\.?|Istimewa|Getty Images|iStock(?:photo)?|Shutterstock)[^()]{{0,60}})\s*\)"
    ))
    .expect("valid credit pattern")
});

/// Whether `line` credits a photo: a caption, never a headline.
pub(crate) fn has_photo_credit(line: &str) -> bool {
    line.contains('(') && CREDIT.is_match(line)
}

/// A paragraph with a photo credit, split into the text before the caption, the caption
/// (the sentence before the credit, with the credit) and the text after it.
pub(crate) fn split_caption(line: &str) -> Option<(&str, String, &str)> {
    let credit = CREDIT.find(line)?;
    let before = &line[..credit.start()];
    let caption_start = split_sentences(before).last().map_or(credit.start(), |s| {
        s.as_ptr() as usize - line.as_ptr() as usize
    });
    let caption = line[caption_start..credit.end()].trim().to_string();
    Some((
        line[..caption_start].trim(),
        caption,
        line[credit.end()..].trim(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    fn cleaned(text: &str) -> Vec<String> {
        clean(&lines(text), &[])
    }

    #[test]
    fn drops_furniture_on_its_own_line() {
        let text = "Satu.\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\n[Gambas:Video CNN]\n\
                    Simak video 'Kasus Positif Corona di AS Tembus 2 Juta Orang':\nDua.";
        assert_eq!(cleaned(text), ["Satu.", "Dua."]);
    }

    #[test]
    fn drops_furniture_glued_inside_a_paragraph() {
        assert_eq!(
            cleaned("Kim tiba.ADVERTISEMENTTrump menyusul. [Gambas:Video CNN] Usai."),
            ["Kim tiba. Trump menyusul. Usai."]
        );
        assert_eq!(
            cleaned("Satu dua. SCROLL TO CONTINUE WITH CONTENT Tiga empat."),
            ["Satu dua. Tiga empat."]
        );
    }

    #[test]
    fn share_bars_and_copyright_lines() {
        assert_eq!(
            cleaned("Satu.\n0 komentar\nBAGIKAN\nLihat Foto\nCOPYRIGHT © ANTARA 2023\nDua."),
            ["Satu.", "Dua."]
        );
    }

    #[test]
    fn related_sections_end_the_story() {
        assert_eq!(
            cleaned("Satu. (dea)\nTOPIK TERKAIT\nKorea Utara\nREKOMENDASI\nJudul lain"),
            ["Satu. (dea)"]
        );
    }

    #[test]
    fn read_also_and_its_headline() {
        assert_eq!(cleaned("Baca juga: Trump Tiba di Hanoi\nDua."), ["Dua."]);
        assert_eq!(
            cleaned("Kata dia. Baca juga: Trump Tiba di Hanoi Pemerintah juga menyatakan siap."),
            ["Kata dia. Pemerintah juga menyatakan siap."]
        );
        assert_eq!(
            cleaned("BACA JUGA: Kim dan Moon Bertemu Lagi"),
            Vec::<String>::new()
        );
        assert_eq!(
            cleaned("Pilihan Editor: Rupiah Melemah ke Level 16.100 per Dolar AS\nDua."),
            ["Dua."]
        );
    }

    #[test]
    fn newsletter_and_app_boxes_take_their_sentence() {
        assert_eq!(
            cleaned("Rapat usai. Ikuti berita terkini dari kami di Google News. Kim pulang."),
            ["Rapat usai. Kim pulang."]
        );
        assert_eq!(
            cleaned("Download aplikasi Kompas.com untuk akses berita lebih mudah."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn notes_to_readers_on_suicide_reports_go() {
        assert_eq!(
            cleaned(
                "Artikel ini tidak bertujuan untuk menginspirasi siapa pun melakukan hal serupa. Jika Anda memiliki pikiran untuk bunuh diri, hubungi layanan konseling terdekat.\nSeorang pelajar ditemukan tewas di rumahnya."
            ),
            ["Seorang pelajar ditemukan tewas di rumahnya."]
        );
        assert_eq!(
            cleaned(
                "A student died at the school. If you or someone you know is struggling, call or text 988."
            ),
            ["A student died at the school."]
        );
    }

    #[test]
    fn real_sentences_survive_every_pattern() {
        // Sentences that brush against the patterns but are story text.
        let story = [
            "Pemerintah memasang iklan layanan masyarakat tentang vaksin.",
            "Rekomendasi Dewan Keamanan PBB dibahas pada Selasa (31/12).",
            "Topik perundingan bergeser ke sanksi dan jaminan keamanan.",
            "Ia meminta warga membaca juga laporan lengkap komisi itu.",
            "Video uji coba rudal itu disiarkan televisi pemerintah.",
            "Warga menyimak video pidato Kim di layar besar di Pyongyang.",
            "Foto satelit menunjukkan aktivitas di situs nuklir Yongbyon (dikutip dari 38 North).",
            "Kontrol ekspor Korea Selatan/Jepang menjadi sorotan (Korea Utara/DPRK).",
            "Editor senior harian itu menulis bahwa tenggat sudah dekat.",
            "Tags seperti itu tidak dipakai oleh pemerintah Korea Utara.",
            "\"Pertemuan ini penting,\" kata Menteri Luar Negeri Korea Selatan, Kang Kyung-wha.",
            "Aplikasi pesan singkat dilarang di Korea Utara.",
            "Pengunduhan film asing dihukum berat di sana.",
            "Polisi menyelidiki dugaan bunuh diri di apartemen itu.",
            "Jika Anda melintas di jalan itu, hindari jam sibuk.",
        ];
        let text = story.join("\n");
        assert_eq!(cleaned(&text), story);
    }

    #[test]
    fn editor_patterns() {
        let extra = [
            Pattern::from_editor("Ikuti kami di *!").unwrap(),
            Pattern::from_editor("PROMO").unwrap(),
        ];
        assert_eq!(
            clean(
                &lines("Satu. Ikuti kami di Instagram! Dua.\nPROMO\nTiga."),
                &extra
            ),
            ["Satu. Dua.", "Tiga."]
        );
    }

    #[test]
    fn photo_credit_becomes_a_caption() {
        let line = "Kim menyerukan langkah ofensif. Pemimpin Korea Utara Kim Jong-un. \
                    (AFP Photo/Kirill Kudryavtsev)";
        let (before, caption, after) = split_caption(line).unwrap();
        assert_eq!(before, "Kim menyerukan langkah ofensif.");
        assert_eq!(
            caption,
            "Pemimpin Korea Utara Kim Jong-un. (AFP Photo/Kirill Kudryavtsev)"
        );
        assert_eq!(after, "");
        for credit in [
            "(REUTERS/Kim Hong-Ji)",
            "(CNN Indonesia/Adhi Wicaksono)",
            "(Foto: AP/Lee Jin-man)",
            "(AFP/STR)",
            "(ANTARA FOTO/Hafidz Mubarak A)",
            "(Dok. Kemlu)",
        ] {
            assert!(
                split_caption(&format!("Kim tiba. {credit}")).is_some(),
                "{credit}"
            );
        }
        for text in [
            "Rudal itu (jarak pendek) jatuh.",
            "Hubungan DPRK (Democratic People's Republic of Korea)-AS memburuk.",
            "Kontrol ekspor (Korea Selatan/Jepang) ketat.",
            "Seperti dilansir dari Associated Press (AP), Jumat.",
        ] {
            assert!(split_caption(text).is_none(), "{text}");
        }
    }
}
