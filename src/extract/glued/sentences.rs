//! Sentences a scrape ran together when it joined a page's paragraphs with nothing between
//! them (`... pada Senin (1/4/2024).Pedagang di pasar ...`, `berkurang.Sementara itu`): the
//! space after the full stop given back, so that sentences, summaries and titles end where
//! the writer ended them.

/// Letters of a word that must follow the stop: a capital, then this many lowercase letters.
const LOWERCASE_AFTER: usize = 2;

/// `line` with a space after each stop glued to the next sentence, or `None` when none is.
pub(super) fn parted(line: &str) -> Option<String> {
    let bytes = line.as_bytes();
    let cuts: Vec<usize> = (1..bytes.len())
        .filter(|&i| {
            bytes[i].is_ascii_uppercase()
                && matches!(bytes[i - 1], b'.' | b'!' | b'?')
                && is_seam(line, i)
        })
        .collect();
    super::spaced_at(line, &cuts)
}

/// Whether a sentence ends just before byte `at` and the next starts at it: the stop follows
/// a word of two lowercase letters or more, a number of two digits or more (`6.444.`), or a
/// closing parenthesis (`(1/4/2024).`); a
/// capitalised word follows it; and the token is no address (`www.Example.com`, `Detik.Com`)
/// nor a name with an inner stop (`Example.Co.id`).
fn is_seam(line: &str, at: usize) -> bool {
    let stop = at - 1;
    let before = &line[..stop];
    let last_two: Vec<char> = before.chars().rev().take(2).collect();
    let ends_word = last_two.len() == 2
        && (last_two.iter().all(|c| c.is_lowercase()) || last_two.iter().all(char::is_ascii_digit));
    let ends_aside = before.ends_with(')');
    if !(ends_word || ends_aside) {
        return false;
    }
    let after = &line[at..];
    let word: &str = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().skip(1).filter(|c| c.is_lowercase()).count() >= LOWERCASE_AFTER
        && word.chars().skip(1).all(char::is_lowercase);
    if !capitalised {
        return false;
    }
    let token_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let token_end = after
        .find(char::is_whitespace)
        .map_or(line.len(), |i| at + i);
    let token = &line[token_start..token_end];
    let address = token.contains("://") || token.to_lowercase().contains("www.");
    let inner_stop = after[word.len()..].starts_with('.')
        && after[word.len() + 1..].starts_with(|c: char| c.is_alphabetic());
    let domain = ["Com", "Net", "Org"].contains(&word);
    !address && !inner_stop && !domain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_sentences_are_parted() {
        assert_eq!(
            parted("naik, Senin (1/4/2024).Pedagang menyebut pasokan berkurang.Sementara itu, harga turun!Warga senang.")
                .as_deref(),
            Some("naik, Senin (1/4/2024). Pedagang menyebut pasokan berkurang. Sementara itu, harga turun! Warga senang.")
        );
        assert_eq!(
            parted("prices fell.Traders said supply improved.").as_deref(),
            Some("prices fell. Traders said supply improved.")
        );
        assert_eq!(
            parted("turun ke level 6.444.Saham bank menekan.").as_deref(),
            Some("turun ke level 6.444. Saham bank menekan.")
        );
    }

    #[test]
    fn abbreviations_addresses_and_names_stay_whole() {
        for line in [
            "Baca di www.Example.com hari ini.",
            "Lihat https://example.com/a.Berita sekarang.",
            "Situs Detik.Com ramai.",
            "Pasukan U.S.Army tiba, e.g.Contoh.",
            "Ia lulus S.H.Pratama.",
            "Harga naik 2.Kemudian turun.",
            "Kota Jakarta.",
            "Skor akhir 3-0.PSSI senang.",
        ] {
            assert_eq!(parted(line), None, "{line}");
        }
    }
}
