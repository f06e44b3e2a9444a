//! Slugs: lowercase ASCII words joined by hyphens, transliterated from any script.

/// The longest slug, in bytes: a slug is a folder name, and file systems allow 255 bytes
/// for one; a reader's address bar is happier with far fewer.
pub(crate) const MAX_SLUG: usize = 80;

/// `Kim Jong-un` → `kim-jong-un`; `Korea Utara` → `korea-utara`. A long text gives its
/// first words, up to [`MAX_SLUG`] bytes.
pub(crate) fn slugify(text: &str) -> String {
    let slug = ::slug::slugify(text);
    if slug.len() <= MAX_SLUG {
        return slug;
    }
    // The slug is ASCII, so any byte is a character boundary.
    let cut = &slug[..=MAX_SLUG];
    match cut.rfind('-') {
        Some(end) if end > 0 => cut[..end].to_string(),
        _ => slug[..MAX_SLUG].trim_end_matches('-').to_string(),
    }
}

/// A slug an editor wrote must already be clean, so it can never name a folder outside the
/// site, and short enough to be a folder's name.
pub(crate) fn check_slug(text: &str) -> Result<(), String> {
    if text.len() > MAX_SLUG {
        let start: String = text.chars().take(24).collect();
        return Err(format!(
            "slug `{start}…` is {} characters long; at most {MAX_SLUG} can be a folder's name",
            text.chars().count()
        ));
    }
    if !text.is_empty() && slugify(text) == text {
        Ok(())
    } else {
        Err(format!(
            "slug `{text}` may only contain lowercase letters, digits and single hyphens"
        ))
    }
}

/// `base` if `free` accepts it, else the first of `base-2`, `base-3`, ... that it does: how a
/// made-up name gives way to one taken before it.
pub(crate) fn first_free(base: &str, mut free: impl FnMut(&str) -> bool) -> String {
    std::iter::once(base.to_string())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|slug| free(slug))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_a_taken_name() {
        assert_eq!(first_free("kim", |s| s != "kim" && s != "kim-2"), "kim-3");
        assert_eq!(first_free("kim", |_| true), "kim");
    }

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
    fn long_texts_give_their_first_words() {
        let title = "Kim Jong-un dan Donald Trump bertemu lagi ".repeat(10);
        let slug = slugify(&title);
        assert!(slug.len() <= MAX_SLUG, "{slug}");
        assert!(slug.starts_with("kim-jong-un-dan-donald-trump-bertemu-lagi-kim"));
        assert!(!slug.ends_with('-'));
        let word = "a".repeat(300);
        assert_eq!(slugify(&word).len(), MAX_SLUG);
        assert!(check_slug(&"ab-".repeat(40)).is_err());
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
