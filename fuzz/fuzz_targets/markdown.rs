//! A Markdown body rendered with HTML cleaned, as by default: never a panic, and no script,
//! event handler or `<base>` left in the page (read as a browser reads it).
#![no_main]

use html5gum::{Token, Tokenizer};
use kabar::config::RawHtml;
use kabar::content::markdown::{MarkdownOptions, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let body = render(
        text,
        MarkdownOptions {
            base_path: "/arsip/",
            raw_html: RawHtml::Cleaned,
            take_title: true,
        },
    );
    for token in Tokenizer::new(&body.html).flatten() {
        if let Token::StartTag(tag) = token {
            let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
            assert!(
                !matches!(
                    name.as_str(),
                    "script" | "base" | "meta" | "object" | "embed"
                ),
                "<{name}> in {}",
                body.html
            );
            for attribute in tag.attributes.keys() {
                let attribute = String::from_utf8_lossy(attribute).to_ascii_lowercase();
                assert!(!attribute.starts_with("on"), "{attribute} in {}", body.html);
            }
        }
    }
});
