//! A source file's bytes as text. Editors save UTF-8, but scrapers and older tools also save
//! UTF-16 (with its byte-order mark) or Windows-1252, and old Mac tools end lines with a bare
//! carriage return: each is read rather than refused, the guessed one with a warning.

use std::path::Path;

use encoding_rs::{Encoding, WINDOWS_1252};

use crate::error::{Diagnostic, line_col};

/// How much of a file is looked at for NUL bytes, which no text holds.
const SNIFFED: usize = 8192;

/// The text of a file's `bytes`, and a warning when its encoding was guessed; problems are
/// named after `named`.
pub(crate) fn decode(
    bytes: Vec<u8>,
    named: &Path,
) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    let (text, guessed) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            other_encoding(e.into_bytes(), at, named)?
        }
    };
    Ok((lines_ended_by_newlines(text), guessed))
}

/// Text that is not UTF-8: UTF-16 when it opens with a byte-order mark, else Windows-1252
/// (which every byte decodes in, and which Latin-1 files are read as by browsers too), with
/// a warning at the first byte that was not UTF-8.
fn other_encoding(
    bytes: Vec<u8>,
    first_bad: usize,
    named: &Path,
) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    if let Some((encoding, _)) = Encoding::for_bom(&bytes) {
        let (text, malformed) = encoding.decode_with_bom_removal(&bytes);
        if malformed {
            return Err(not_text(named, encoding.name()));
        }
        return Ok((text.into_owned(), None));
    }
    if bytes[..bytes.len().min(SNIFFED)].contains(&0) {
        return Err(not_text(named, "UTF-8"));
    }
    let valid = String::from_utf8_lossy(&bytes[..first_bad]);
    let (line, col) = line_col(&valid, valid.len());
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
    let warning = Diagnostic::new(
        named,
        line,
        col,
        "this file is not UTF-8 text: it was read as Windows-1252 (Western European), \
         the usual encoding of such files",
    )
    .with_hint(
        "check its accented letters and quotation marks on the page, then save the file as UTF-8",
    );
    Ok((text.into_owned(), Some(warning)))
}

fn not_text(named: &Path, encoding: &str) -> Diagnostic {
    Diagnostic::file(named, format!("cannot read: this is not {encoding} text"))
        .with_hint("save the file as UTF-8 text")
}

/// A text whose lines end with a bare carriage return (no line feed anywhere) gets line
/// feeds, which every reader of lines here splits at.
fn lines_ended_by_newlines(text: String) -> String {
    if text.contains('\r') && !text.contains('\n') {
        text.replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<(String, Option<Diagnostic>), Diagnostic> {
        decode(bytes.to_vec(), Path::new("a.txt"))
    }

    #[test]
    fn utf8_is_read_as_it_is() {
        assert_eq!(
            read("Café\r\nBaris".as_bytes()).unwrap(),
            ("Café\r\nBaris".into(), None)
        );
    }

    #[test]
    fn utf16_with_its_mark_is_read_without_a_warning() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Kim Jong Un".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read(&le).unwrap(), ("Kim Jong Un".into(), None));
        let mut be = vec![0xFE, 0xFF];
        be.extend("Kim Jong Un".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read(&be).unwrap(), ("Kim Jong Un".into(), None));
    }

    #[test]
    fn windows_1252_is_read_with_a_warning_where_it_starts() {
        let (text, warning) = read(b"Judul\nKata \x93kutipan\x94 di caf\xe9").unwrap();
        assert_eq!(text, "Judul\nKata \u{201c}kutipan\u{201d} di café");
        let warning = warning.unwrap();
        assert_eq!((warning.line, warning.col), (2, 6));
        assert!(
            warning.message.contains("Windows-1252"),
            "{}",
            warning.message
        );
    }

    #[test]
    fn binary_is_refused() {
        let e = read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff").unwrap_err();
        assert!(e.message.contains("not UTF-8 text"), "{}", e.message);
    }

    #[test]
    fn bare_carriage_returns_end_lines() {
        assert_eq!(read(b"Judul\rBaris dua\r").unwrap().0, "Judul\nBaris dua\n");
        assert_eq!(
            read(b"Judul\r\nBaris\rdua").unwrap().0,
            "Judul\r\nBaris\rdua"
        );
    }
}
