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
        use std::fmt::Write;
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
            let _ = match token {
                ":year" => write!(out, "{:04}", date.year()),
                ":month" => write!(out, "{:02}", date.month()),
                ":day" => write!(out, "{:02}", date.day()),
                ":slug" => write!(out, "{slug}"),
                _ => write!(out, ":"),
            };
            rest = &rest[token.len()..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
