//! The target's side: listing what it holds, reading the digest kabar stored with an object,
//! sending a file with its headers, deleting. Through `object_store`, which signs requests
//! for S3 and every service that speaks its protocol.

use std::sync::Arc;
use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use object_store::aws::{AmazonS3Builder, AwsCredential, AwsCredentialProvider};
use object_store::path::Path as Key;
use object_store::{
    Attribute, Attributes, GetOptions, ObjectMeta, ObjectStore, PutOptions, PutPayload, RetryConfig,
};

use super::credentials;
use super::headers::Headers;
use crate::config::Target;
use crate::error::Diagnostic;

/// The user metadata an object's digest is kept in (`x-amz-meta-kabar-digest`): ETags are
/// not content digests on every service, nor for objects sent in parts.
const DIGEST: &str = "kabar-digest";

/// An object the target holds, as its listing shows it.
#[derive(Debug, Clone)]
pub(super) struct Listed {
    /// Its key under the target's prefix.
    pub(super) key: String,
    pub(super) size: u64,
    pub(super) etag: String,
}

/// A connection to one target.
pub(super) struct Remote {
    store: Arc<dyn ObjectStore>,
    /// Whatever the client signs with (keys, or a role's temporary ones), for the CDN.
    credentials: AwsCredentialProvider,
    prefix: Option<Key>,
    /// `s3://bucket/prefix`, for messages.
    pub(super) url: String,
}

impl Remote {
    /// A client for `target`, with credentials from the environment or the shared
    /// credentials file. Nothing is sent yet.
    pub(super) fn connect(target: &Target) -> Result<Remote, Diagnostic> {
        let url = target.url();
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&target.bucket)
            // A server that stops answering fails the deploy in seconds, not minutes; the
            // next run finishes the job.
            .with_retry(RetryConfig {
                max_retries: 3,
                retry_timeout: Duration::from_secs(30),
                ..RetryConfig::default()
            });
        if let Some(endpoint) = &target.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        if let Some(region) = &target.region {
            builder = builder.with_region(region);
        }
        if !credentials::in_environment() {
            let Some(keys) = credentials::from_file() else {
                return Err(Diagnostic::new(&url, 0, 0, "no credentials to deploy with")
                    .with_hint(
                        "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or write them to \
                     ~/.aws/credentials (never to site.yaml)",
                    ));
            };
            builder = builder
                .with_access_key_id(keys.id)
                .with_secret_access_key(keys.secret);
            if let Some(token) = keys.token {
                builder = builder.with_token(token);
            }
        }
        let store = builder
            .build()
            .map_err(|e| Diagnostic::new(&url, 0, 0, format!("cannot use the target: {e}")))?;
        Ok(Remote {
            credentials: Arc::clone(store.credentials()),
            store: Arc::new(store),
            prefix: (!target.prefix.is_empty()).then(|| Key::from(target.prefix.as_str())),
            url,
        })
    }

    /// The credentials the deploy signed with, fetched again if they were temporary.
    pub(super) async fn credential(&self) -> object_store::Result<Arc<AwsCredential>> {
        self.credentials.get_credential().await
    }

    fn key(&self, key: &str) -> Key {
        let parts = key.split('/');
        match &self.prefix {
            Some(prefix) => prefix.parts().chain(parts.map(Into::into)).collect(),
            None => parts.collect(),
        }
    }

    /// Everything under the prefix. Each top-level folder is listed on its own, `workers` at
    /// a time: a listing is a thousand keys a request, one after the other, and a site of
    /// 50,000 briefings has some 85,000 files.
    pub(super) async fn list(&self, workers: usize) -> Result<Vec<Listed>, Diagnostic> {
        let top = self
            .store
            .list_with_delimiter(self.prefix.as_ref())
            .await
            .map_err(|e| self.failed("cannot list", e))?;
        let folders: Vec<Vec<ObjectMeta>> = futures::stream::iter(&top.common_prefixes)
            .map(|folder| self.store.list(Some(folder)).try_collect::<Vec<_>>())
            .buffer_unordered(workers.max(1))
            .try_collect()
            .await
            .map_err(|e| self.failed("cannot list", e))?;
        let skip = self.prefix.as_ref().map_or(0, |p| p.parts().count());
        let listed = top.objects.iter().chain(folders.iter().flatten());
        Ok(listed.map(|meta| listed_as(meta, skip)).collect())
    }

    /// The digest kabar stored with the object, if it was kabar that stored it.
    pub(super) async fn digest(&self, key: &str) -> Result<Option<u128>, Diagnostic> {
        let options = GetOptions {
            head: true,
            ..GetOptions::default()
        };
        let found = self
            .store
            .get_opts(&self.key(key), options)
            .await
            .map_err(|e| self.failed(&format!("cannot read {key} from"), e))?;
        Ok(found
            .attributes
            .get(&Attribute::Metadata(DIGEST.into()))
            .and_then(|value| u128::from_str_radix(value.as_ref(), 16).ok()))
    }

    /// Stores `bytes` at `key` with its headers and digest; returns the object's ETag.
    pub(super) async fn put(
        &self,
        key: &str,
        bytes: Vec<u8>,
        headers: &Headers,
        digest: u128,
    ) -> Result<String, Diagnostic> {
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, headers.content_type.clone().into());
        attributes.insert(
            Attribute::CacheControl,
            headers.cache_control.clone().into(),
        );
        if let Some(encoding) = headers.encoding {
            attributes.insert(Attribute::ContentEncoding, encoding.into());
        }
        attributes.insert(
            Attribute::Metadata(DIGEST.into()),
            format!("{digest:032x}").into(),
        );
        let options = PutOptions {
            attributes,
            ..PutOptions::default()
        };
        let done = self
            .store
            .put_opts(&self.key(key), PutPayload::from(bytes), options)
            .await
            .map_err(|e| self.failed(&format!("cannot send {key} to"), e))?;
        Ok(plain_etag(done.e_tag.as_deref()))
    }

    /// Deletes the objects at `keys`, several to a request where the service allows.
    pub(super) async fn delete(&self, keys: &[String]) -> Result<(), Diagnostic> {
        let locations: Vec<object_store::Result<Key>> =
            keys.iter().map(|key| Ok(self.key(key))).collect();
        self.store
            .delete_stream(futures::stream::iter(locations).boxed())
            .try_collect::<Vec<_>>()
            .await
            .map(drop)
            .map_err(|e| self.failed_deleting(e))
    }

    fn failed(&self, action: &str, error: object_store::Error) -> Diagnostic {
        Diagnostic::new(&self.url, 0, 0, format!("{action} the target: {error}")).with_hint(
            "check the target's url and endpoint, the network and the credentials; nothing \
             was deleted, and the next `kabar deploy` finishes the job",
        )
    }

    /// A failure while deleting, when every file was sent but some deletes may be done.
    fn failed_deleting(&self, error: object_store::Error) -> Diagnostic {
        Diagnostic::new(
            &self.url,
            0,
            0,
            format!("cannot delete from the target: {error}"),
        )
        .with_hint(
            "every file was sent and the site is whole; some old files may be left, and the \
                 next `kabar deploy` deletes them",
        )
    }
}

/// An object as listed, its key under the prefix (the prefix's `skip` parts left out).
fn listed_as(meta: &ObjectMeta, skip: usize) -> Listed {
    Listed {
        key: meta
            .location
            .parts()
            .skip(skip)
            .map(|p| p.as_ref().to_string())
            .collect::<Vec<_>>()
            .join("/"),
        size: meta.size,
        etag: plain_etag(meta.e_tag.as_deref()),
    }
}

/// ETags as services quote them or not, compared as the same.
fn plain_etag(etag: Option<&str>) -> String {
    etag.unwrap_or_default().trim_matches('"').to_string()
}
