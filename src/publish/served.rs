//! How a file of the output is served: the `Content-Type` a host should send with it.

use std::path::Path;

/// The file's type by its name, with `charset=utf-8` for text (kabar writes only UTF-8), and
/// `application/octet-stream` for names no type is known for (the search index's files).
pub fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let essence = mime.essence_str();
    let text = mime.type_() == "text"
        || matches!(
            essence,
            "application/xml"
                | "application/json"
                | "application/javascript"
                | "application/atom+xml"
        );
    if text {
        format!("{essence}; charset=utf-8")
    } else {
        essence.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_says_its_charset() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("sitemap.xml")),
            "text/xml; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("favicon.svg")), "image/svg+xml");
        assert_eq!(
            content_type(Path::new("pagefind/2019/index/id_1.pf_index")),
            "application/octet-stream"
        );
    }
}
