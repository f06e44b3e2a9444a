//! All YAML parsing goes through here, so the YAML crate can be swapped in one place.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A YAML problem with its 1-based position inside the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|e| {
        let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        YamlError {
            line,
            col,
            message: clean_message(&e.to_string()),
        }
    })
}

/// YAML text for a value; quoting is left to the YAML library.
pub fn to_string<T: Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).expect("plain data serializes to YAML")
}

/// serde_yaml appends " at line L column C" to its messages; we print the position ourselves.
fn clean_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let err = from_str::<Doc>("title: a\ntitel: b\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("titel"), "{}", err.message);
        assert!(!err.message.contains("at line"));
    }
}
