//! Slugs: lowercase ASCII words joined by hyphens, transliterated from any script.

/// `Kim Jong-un` → `kim-jong-un`; `Korea Utara` → `korea-utara`.
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
}

/// A slug an editor wrote must already be clean, so it can never name a folder outside the site.
pub fn check_slug(text: &str) -> Result<(), String> {
    if !text.is_empty() && slugify(text) == text {
        Ok(())
    } else {
        Err(format!(
            "slug `{text}` may only contain lowercase letters, digits and single hyphens"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_and_joins() {
        assert_eq!(slugify("Kim Jong-un"), "kim-jong-un");
        assert_eq!(slugify("  KTT Hanoi!  "), "ktt-hanoi");
        let korean = slugify("Seoul 서울");
        assert!(
            korean.starts_with("seoul-") && korean.is_ascii(),
            "{korean}"
        );
        assert_eq!(slugify("Été à Séoul"), "ete-a-seoul");
    }

    #[test]
    fn rejects_paths_and_dirty_slugs() {
        assert!(check_slug("ktt-singapura").is_ok());
        assert!(check_slug("../../x").is_err());
        assert!(check_slug("a/b").is_err());
        assert!(check_slug("Capital").is_err());
        assert!(check_slug("").is_err());
    }
}
