//! `deploy:` in `site.yaml`: where `kabar deploy` publishes the output, and the headers its
//! files get. Credentials are never read from here.

use serde::Deserialize;

/// Where and how the site is published.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeploySettings {
    /// The first is the default target.
    pub targets: Vec<Target>,
    /// Header rules by pattern, first match wins for each header.
    pub headers: Vec<HeaderRule>,
}

/// A bucket (and a prefix in it) the site is published to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub name: String,
    /// The bucket.
    pub bucket: String,
    /// The folder in the bucket, without slashes at either end; empty for the bucket's root.
    pub prefix: String,
    /// The S3-compatible service's address (R2, B2, MinIO, Google Cloud Storage), or AWS's.
    pub endpoint: Option<String>,
    pub region: Option<String>,
    /// Text files are stored compressed with this, and served with `Content-Encoding`.
    pub compress: Compress,
    /// The CloudFront distribution in front of the bucket: what a deploy changed is purged
    /// from it.
    pub cloudfront: Option<String>,
}

impl Target {
    /// `s3://bucket/prefix`, as written.
    pub fn url(&self) -> String {
        match self.prefix.as_str() {
            "" => format!("s3://{}", self.bucket),
            prefix => format!("s3://{}/{prefix}", self.bucket),
        }
    }
}

/// How text files are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Compress {
    /// As they are: every host and CDN can serve them.
    #[default]
    None,
    Gzip,
    /// Brotli: smaller, for hosts whose readers all accept it (every current browser does).
    Br,
}

impl Compress {
    /// The `Content-Encoding` of a file stored this way.
    pub fn encoding(self) -> Option<&'static str> {
        match self {
            Compress::None => None,
            Compress::Gzip => Some("gzip"),
            Compress::Br => Some("br"),
        }
    }
}

/// Headers for the files whose path (under the output folder) matches `pattern`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderRule {
    /// A glob: `*` within a folder, `**` across folders (`pagefind/**`, `**/*.css`).
    pub pattern: String,
    pub cache_control: Option<String>,
    pub content_type: Option<String>,
}

/// `deploy:` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DeployFile {
    #[serde(default)]
    targets: Vec<TargetFile>,
    #[serde(default)]
    headers: Vec<HeaderFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetFile {
    name: String,
    url: String,
    endpoint: Option<String>,
    region: Option<String>,
    #[serde(default)]
    compress: Compress,
    cloudfront: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderFile {
    pattern: String,
    cache_control: Option<String>,
    content_type: Option<String>,
}

/// A value that is wrong, what is wrong with it, and what to write instead.
#[derive(Debug)]
pub(super) struct Wrong {
    pub value: String,
    pub message: String,
    pub hint: &'static str,
}

impl DeployFile {
    pub(super) fn read(self) -> Result<DeploySettings, Wrong> {
        let mut targets: Vec<Target> = Vec::new();
        for t in self.targets {
            if targets.iter().any(|seen| seen.name == t.name) {
                return Err(Wrong {
                    message: format!("two deploy targets are named `{}`", t.name),
                    value: t.name,
                    hint: "give each target its own name",
                });
            }
            targets.push(t.read()?);
        }
        let headers = self
            .headers
            .into_iter()
            .map(HeaderFile::read)
            .collect::<Result<_, _>>()?;
        Ok(DeploySettings { targets, headers })
    }
}

impl TargetFile {
    fn read(self) -> Result<Target, Wrong> {
        let wrong_url = |message: String| Wrong {
            value: self.url.clone(),
            message,
            hint: "write the bucket and an optional folder, e.g. s3://arsip-kabar/site",
        };
        let Some(rest) = self.url.strip_prefix("s3://") else {
            return Err(wrong_url(format!(
                "the deploy url `{}` does not start with s3://",
                self.url
            )));
        };
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let prefix = prefix.trim_matches('/');
        if bucket.is_empty() || prefix.split('/').any(|part| part == ".." || part == ".") {
            return Err(wrong_url(format!(
                "the deploy url `{}` names no bucket, or a folder with `.` or `..` in it",
                self.url
            )));
        }
        if let Some(endpoint) = &self.endpoint
            && !(endpoint.starts_with("https://") || endpoint.starts_with("http://"))
        {
            return Err(Wrong {
                value: endpoint.clone(),
                message: format!("the endpoint `{endpoint}` is not an http(s) address"),
                hint: "write the service's address, e.g. https://<account>.r2.cloudflarestorage.com",
            });
        }
        if let Some(id) = &self.cloudfront
            && (id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            return Err(Wrong {
                value: id.clone(),
                message: format!("`{id}` is not a CloudFront distribution id"),
                hint: "write the distribution's id as the AWS console shows it, e.g. E2QWRUHEXAMPLE",
            });
        }
        Ok(Target {
            bucket: bucket.to_string(),
            prefix: prefix.to_string(),
            name: self.name,
            endpoint: self.endpoint,
            region: self.region,
            compress: self.compress,
            cloudfront: self.cloudfront,
        })
    }
}

impl HeaderFile {
    fn read(self) -> Result<HeaderRule, Wrong> {
        if let Err(e) = globset::Glob::new(&self.pattern) {
            return Err(Wrong {
                message: format!(
                    "the header pattern `{}` is not a glob: {}",
                    self.pattern,
                    e.kind()
                ),
                value: self.pattern,
                hint: "use * within a folder and ** across folders, e.g. pagefind/**",
            });
        }
        for value in [&self.cache_control, &self.content_type]
            .into_iter()
            .flatten()
        {
            if value.chars().any(|c| c.is_control()) {
                return Err(Wrong {
                    value: value.clone(),
                    message: "a header value holds a control character".to_string(),
                    hint: "write the header's value on one line",
                });
            }
        }
        Ok(HeaderRule {
            pattern: self.pattern,
            cache_control: self.cache_control,
            content_type: self.content_type,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    #[test]
    fn targets_are_read_with_bucket_and_prefix() {
        let c = Config::parse(
            "deploy:\n  targets:\n    - name: prod\n      url: s3://arsip/site/\n      \
             endpoint: http://127.0.0.1:9000\n      compress: gzip\n      cloudfront: E2QWRUHEXAMPLE\n    - name: root\n      \
             url: s3://arsip\n  headers:\n    - pattern: \"**/*.css\"\n      \
             cache_control: \"public, max-age=60\"\n",
        )
        .unwrap();
        let [prod, root] = &c.deploy.targets[..] else {
            panic!("two targets")
        };
        assert_eq!(
            (prod.bucket.as_str(), prod.prefix.as_str()),
            ("arsip", "site")
        );
        assert_eq!(prod.url(), "s3://arsip/site");
        assert_eq!(prod.compress, super::Compress::Gzip);
        assert_eq!(prod.cloudfront.as_deref(), Some("E2QWRUHEXAMPLE"));
        assert_eq!(root.cloudfront, None);
        assert_eq!(root.prefix, "");
        assert_eq!(c.deploy.headers[0].pattern, "**/*.css");
    }

    #[test]
    fn a_wrong_url_names_its_line() {
        let err = Config::parse("title: A\ndeploy:\n  targets:\n    - name: p\n      url: arsip\n")
            .unwrap_err();
        assert_eq!((err.line, err.col), (5, 12));
        assert!(err.message.contains("s3://"), "{err}");
        let err = Config::parse("deploy:\n  targets:\n    - {name: p, url: \"s3://a/../b\"}\n")
            .unwrap_err();
        assert_eq!(err.line, 3);
    }

    #[test]
    fn a_bad_pattern_or_twin_name_is_an_error() {
        let err = Config::parse("deploy:\n  headers:\n    - pattern: \"a/[b\"\n").unwrap_err();
        assert_eq!(err.line, 3);
        let err = Config::parse(
            "deploy:\n  targets:\n    - {name: p, url: \"s3://a\"}\n    - {name: p, url: \"s3://b\"}\n",
        )
        .unwrap_err();
        assert!(err.message.contains("two deploy targets"), "{err}");
    }
}
