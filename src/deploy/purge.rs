//! What a deploy changed, forgotten by the CDN in front of the target: the addresses of the
//! files sent and deleted, purged from CloudFront by list (a wildcard only when the list is
//! longer than one invalidation takes).

use std::time::SystemTime;

use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::remote::Remote;
use crate::error::Diagnostic;
use crate::publish::MARKER;

/// The most paths one CloudFront invalidation takes.
const MOST_PATHS: usize = 3000;

/// What a path keeps as it is: CloudFront wants the rest percent-encoded.
const IN_A_PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The site addresses of `keys` (files sent or deleted) under the site's `base_path`
/// (`/` or `/arsip/`): each file's, and a page's folder beside its `index.html`. Sorted.
pub(super) fn addresses<'k>(
    keys: impl Iterator<Item = &'k String>,
    base_path: &str,
) -> Vec<String> {
    let mut addresses = Vec::new();
    for key in keys.filter(|key| *key != MARKER) {
        if let Some(folder) = key.strip_suffix("index.html") {
            addresses.push(format!("{base_path}{folder}"));
        }
        addresses.push(format!("{base_path}{key}"));
    }
    addresses.sort();
    addresses
}

/// Asks CloudFront to forget `addresses` from `distribution`, signed with the credentials
/// the deploy used; the number of paths asked for.
pub(super) async fn cloudfront(
    remote: &Remote,
    distribution: &str,
    addresses: &[String],
    base_path: &str,
) -> Result<usize, Diagnostic> {
    let failed = |message: String| {
        Diagnostic::new(format!("cloudfront {distribution}"), 0, 0, message).with_hint(
            "the site is deployed; purge the addresses --changed lists by hand, or run the \
             deploy again",
        )
    };
    let paths = paths(addresses, base_path);
    if paths.is_empty() {
        return Ok(0);
    }
    let credential = remote
        .credential()
        .await
        .map_err(|e| failed(format!("no credentials to purge with: {e}")))?;
    let endpoint = std::env::var("AWS_ENDPOINT_URL_CLOUDFRONT")
        .unwrap_or_else(|_| "https://cloudfront.amazonaws.com".to_string());
    let url = format!(
        "{}/2020-05-31/distribution/{distribution}/invalidation",
        endpoint.trim_end_matches('/')
    );
    let body = invalidation_batch(&paths);
    let identity = aws_credential_types::Credentials::new(
        &credential.key_id,
        &credential.secret_key,
        credential.token.clone(),
        None,
        "kabar",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region("us-east-1")
        .name("cloudfront")
        .time(SystemTime::now())
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| failed(format!("cannot sign the request: {e}")))?
        .into();
    let content_type = ("content-type", "application/xml");
    let signable = SignableRequest::new(
        "POST",
        &url,
        std::iter::once(content_type),
        SignableBody::Bytes(body.as_bytes()),
    )
    .map_err(|e| failed(format!("cannot sign the request: {e}")))?;
    let (instructions, _) = sign(signable, &params)
        .map_err(|e| failed(format!("cannot sign the request: {e}")))?
        .into_parts();
    let mut request = reqwest::Client::new()
        .post(&url)
        .header(content_type.0, content_type.1)
        .body(body);
    for (name, value) in instructions.headers() {
        request = request.header(name, value);
    }
    let response = request
        .send()
        .await
        .map_err(|e| failed(format!("cannot reach CloudFront: {e}")))?;
    let status = response.status();
    if !status.is_success() {
        let text = response.text().await.unwrap_or_default();
        let reason = text
            .split("<Message>")
            .nth(1)
            .and_then(|m| m.split('<').next())
            .unwrap_or(&text);
        return Err(failed(format!(
            "CloudFront refused the purge ({status}): {reason}"
        )));
    }
    Ok(paths.len())
}

/// The invalidation's paths: the addresses, percent-encoded, or the whole site when they
/// are more than one invalidation takes.
fn paths(addresses: &[String], base_path: &str) -> Vec<String> {
    match addresses.len() {
        n if n > MOST_PATHS => vec![format!("{base_path}*")],
        _ => addresses
            .iter()
            .map(|a| utf8_percent_encode(a, IN_A_PATH).to_string())
            .collect(),
    }
}

/// The request's body: the paths, and a reference unique to this list and moment, so a
/// retried request is not taken for a new one but two deploys are never taken for one.
fn invalidation_batch(paths: &[String]) -> String {
    let items: String = paths
        .iter()
        .map(|p| format!("<Path>{}</Path>", escape(p)))
        .collect();
    let stamp = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let reference = format!(
        "kabar-{stamp}-{:016x}",
        xxhash_rust::xxh3::xxh3_64(items.as_bytes())
    );
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <InvalidationBatch xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">\
         <Paths><Quantity>{}</Quantity><Items>{items}</Items></Paths>\
         <CallerReference>{reference}</CallerReference></InvalidationBatch>",
        paths.len()
    )
}

/// Paths are percent-encoded already but for `&` and `<`, which XML wants escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_purged_by_folder_and_file_under_the_base_path() {
        let keys = [
            "2019/02/ktt/index.html".to_string(),
            "style.css".to_string(),
            MARKER.to_string(),
        ];
        assert_eq!(
            addresses(keys.iter(), "/arsip/"),
            [
                "/arsip/2019/02/ktt/",
                "/arsip/2019/02/ktt/index.html",
                "/arsip/style.css"
            ]
        );
    }

    #[test]
    fn a_list_is_purged_as_it_is_until_it_is_too_long() {
        let few = ["/arsip/a b/".to_string(), "/arsip/é.html".to_string()];
        assert_eq!(
            paths(&few, "/arsip/"),
            ["/arsip/a%20b/", "/arsip/%C3%A9.html"]
        );
        let many: Vec<String> = (0..=MOST_PATHS).map(|n| format!("/arsip/{n}/")).collect();
        assert_eq!(paths(&many, "/arsip/"), ["/arsip/*"]);
        assert_eq!(paths(&many[..MOST_PATHS], "/arsip/").len(), MOST_PATHS);
    }

    #[test]
    fn the_batch_lists_every_path() {
        let batch = invalidation_batch(&["/a/".to_string(), "/b%20c".to_string()]);
        assert!(
            batch.contains(
                "<Quantity>2</Quantity><Items><Path>/a/</Path><Path>/b%20c</Path></Items>"
            )
        );
        assert!(batch.contains("<CallerReference>kabar-"));
    }
}
