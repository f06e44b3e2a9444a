//! The site's public address, and the links made from it.

/// The site's public address: `https://example.org/arsip/` has the path `/arsip/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    origin: String,
    path: String,
}

impl BaseUrl {
    pub fn parse(text: &str) -> Result<BaseUrl, String> {
        let text = text.trim();
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| format!("base_url `{text}` must start with http:// or https://"))?;
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if host.is_empty() || host.contains(char::is_whitespace) {
            return Err(format!("base_url `{text}` has no host name"));
        }
        if path.contains(['?', '#']) || path.contains(char::is_whitespace) {
            return Err(format!(
                "base_url `{text}` may not contain a query, fragment or space"
            ));
        }
        let path = format!("/{}", path.trim_matches('/'));
        let path = if path == "/" {
            path
        } else {
            format!("{path}/")
        };
        Ok(BaseUrl {
            origin: text[..text.len() - rest.len() + host.len()].to_string(),
            path,
        })
    }

    /// `/arsip/`: the prefix of every root-relative link.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// `https://example.org/arsip/`
    pub fn full(&self) -> String {
        format!("{}{}", self.origin, self.path)
    }

    /// The link for a site path (`tags/x/`), as used in pages: `/arsip/tags/x/`.
    pub fn link(&self, site_path: &str) -> String {
        format!("{}{}", self.path, site_path.trim_start_matches('/'))
    }

    /// The absolute address of a site path, as used in feeds and the sitemap.
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, self.link(site_path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_with_path() {
        let b = BaseUrl::parse("https://x.org/arsip").unwrap();
        assert_eq!(b.path(), "/arsip/");
        assert_eq!(b.link("tags/a/"), "/arsip/tags/a/");
        assert_eq!(b.absolute("/tags/a/"), "https://x.org/arsip/tags/a/");
        assert_eq!(
            BaseUrl::parse("http://x.org").unwrap().full(),
            "http://x.org/"
        );
        assert!(BaseUrl::parse("x.org").is_err());
    }
}
