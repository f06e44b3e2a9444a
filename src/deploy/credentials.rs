//! Credentials for a target, from where the provider's own tools keep them: the environment
//! (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), else the shared
//! credentials file (`~/.aws/credentials`, or `AWS_SHARED_CREDENTIALS_FILE`) under the profile
//! `AWS_PROFILE` names (`default` when none). Never from `site.yaml`, never printed.

use std::path::PathBuf;

/// A key pair, and a session token for temporary credentials.
pub(super) struct Keys {
    pub(super) id: String,
    pub(super) secret: String,
    pub(super) token: Option<String>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys { .. }")
    }
}

/// Whether the environment names credentials the storage client finds by itself (keys, or
/// a role to assume by web identity or from a container).
pub(super) fn in_environment() -> bool {
    [
        "AWS_ACCESS_KEY_ID",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    ]
    .iter()
    .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// The profile's keys from the shared credentials file, when it has them.
pub(super) fn from_file() -> Option<Keys> {
    let path = match std::env::var_os("AWS_SHARED_CREDENTIALS_FILE") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".aws/credentials"),
    };
    let text = std::fs::read_to_string(path).ok()?;
    let profile = std::env::var("AWS_PROFILE").unwrap_or_else(|_| "default".to_string());
    profile_keys(&text, &profile)
}

/// The keys of `[profile]` in an INI text as the AWS tools write it.
fn profile_keys(text: &str, profile: &str) -> Option<Keys> {
    let mut in_profile = false;
    let (mut id, mut secret, mut token) = (None, None, None);
    for line in text.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_profile = name.trim() == profile;
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if !in_profile {
            continue;
        }
        let value = Some(value.trim().to_string());
        match key.trim() {
            "aws_access_key_id" => id = value,
            "aws_secret_access_key" => secret = value,
            "aws_session_token" => token = value,
            _ => {}
        }
    }
    Some(Keys {
        id: id?,
        secret: secret?,
        token,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_profile_is_read() {
        let text = "[default]\naws_access_key_id = A\naws_secret_access_key = B\n\n\
                    [desk]\naws_access_key_id=C\naws_secret_access_key=D\naws_session_token=E\n";
        let desk = profile_keys(text, "desk").unwrap();
        assert_eq!((desk.id.as_str(), desk.secret.as_str()), ("C", "D"));
        assert_eq!(desk.token.as_deref(), Some("E"));
        assert_eq!(profile_keys(text, "default").unwrap().id, "A");
        assert!(profile_keys(text, "other").is_none());
        assert_eq!(format!("{desk:?}"), "Keys { .. }");
    }
}
