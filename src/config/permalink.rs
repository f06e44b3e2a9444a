//! The address pattern of a briefing's page (`/:year/:month/:slug/`).

use chrono::{DateTime, Datelike, FixedOffset};

/// A URL pattern for briefing pages, such as `/:year/:month/:slug/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permalink(String);

const PERMALINK_TOKENS: [&str; 4] = [":year", ":month", ":day", ":slug"];

impl Permalink {
    pub fn parse(text: &str) -> Result<Permalink, String> {
        if !text.starts_with('/') || !text.ends_with('/') {
            return Err(format!("permalink `{text}` must start and end with /"));
        }
        if !text.contains(":slug") {
            return Err(format!(
                "permalink `{text}` must contain :slug, or briefings would share a URL"
            ));
        }
        for segment in text.split('/') {
            if segment == ".." || segment == "." {
                return Err(format!("permalink `{text}` may not contain `{segment}`"));
            }
            let mut rest = segment.to_string();
            for token in PERMALINK_TOKENS {
                rest = rest.replace(token, "");
            }
            if let Some(i) = rest.find(':') {
                return Err(format!(
                    "permalink `{text}` has an unknown placeholder `{}`; use :year, :month, :day and :slug",
                    rest[i..].split(['-', '_', '.']).next().unwrap_or(":")
                ));
            }
        }
        Ok(Permalink(text.to_string()))
    }

    /// The site path (no leading slash) of a briefing. Called for every briefing on every
    /// rebuild, so it writes digits straight into one string.
    pub fn expand(&self, date: &DateTime<FixedOffset>, slug: &str) -> String {
        let pattern = self.0.trim_start_matches('/');
        let mut out = String::with_capacity(pattern.len() + slug.len());
        let mut rest = pattern;
        while let Some(at) = rest.find(':') {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            let token = PERMALINK_TOKENS
                .iter()
                .find(|t| rest.starts_with(**t))
                .copied()
                .unwrap_or(":");
            match token {
                ":year" => push_padded(&mut out, date.year(), 4),
                ":month" => push_padded(&mut out, date.month() as i32, 2),
                ":day" => push_padded(&mut out, date.day() as i32, 2),
                ":slug" => out.push_str(slug),
                _ => out.push(':'),
            }
            rest = &rest[token.len()..];
        }
        out.push_str(rest);
        out
    }
}

/// `number` in decimal, with zeros before it up to `width` digits (as `{:0width$}` writes it).
fn push_padded(out: &mut String, number: i32, width: usize) {
    if number < 0 {
        use std::fmt::Write;
        let _ = write!(out, "{number:0width$}");
        return;
    }
    let mut buffer = [0u8; 10];
    let mut at = buffer.len();
    let mut rest = number.unsigned_abs();
    loop {
        at -= 1;
        buffer[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in buffer.len() - at..width {
        out.push('0');
    }
    out.extend(buffer[at..].iter().map(|&digit| char::from(digit)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_padded_as_format_pads_them() {
        for number in [0, 1, 9, 10, 99, 100, 999, 2019, 10000, 123456, -5, -2019] {
            for width in [2, 4] {
                let mut out = String::new();
                push_padded(&mut out, number, width);
                assert_eq!(out, format!("{number:0width$}"), "{number} at {width}");
            }
        }
    }

    #[test]
    fn permalink_checks() {
        assert!(Permalink::parse("/:year/:slug/").is_ok());
        assert!(Permalink::parse("/:year/").is_err());
        assert!(Permalink::parse("/:yr/:slug/").unwrap_err().contains(":yr"));
        assert!(Permalink::parse("/../:slug/").is_err());
        let date = DateTime::parse_from_rfc3339("2019-02-05T10:00:00+07:00").unwrap();
        let p = Permalink::parse("/:year/:month/:day/:slug/").unwrap();
        assert_eq!(p.expand(&date, "a-b"), "2019/02/05/a-b/");
    }
}
