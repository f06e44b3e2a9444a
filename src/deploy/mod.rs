//! `kabar deploy`: the output folder published to an S3-compatible bucket, sending only the
//! files whose bytes or headers changed, in an order that never leaves a reader a broken
//! link ([`plan`]), deleting last and never more than the editor allows.
//!
//! Each object carries the digest of what it was sent as; a state file beside the output
//! remembers digests by ETag so that a deploy asks the target only about objects that
//! changed since kabar last saw them ([`state`]).

mod credentials;
mod headers;
mod local;
mod plan;
mod progress;
mod purge;
mod remote;
mod state;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use futures::StreamExt;

pub use plan::Change;

use self::headers::Rules;
use self::local::LocalFile;
use self::progress::Progress;
use self::remote::{Listed, Remote};
use self::state::{Known, State};
use crate::config::{Compress, Config, Target};
use crate::error::{BuildError, Diagnostic};
use crate::layout::CONFIG_FILE;
use crate::publish::MARKER;
use crate::timings::Timings;

/// What `kabar deploy` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The built site.
    pub output: PathBuf,
    /// The target's name; the first target when `None`.
    pub target: Option<String>,
    /// Compare and report, sending and deleting nothing.
    pub dry_run: bool,
    /// Refuse a deploy that would delete more files than this.
    pub max_deletes: usize,
    /// Deploy to a target that holds files kabar did not write.
    pub force: bool,
    /// Requests in flight at once.
    pub workers: usize,
    /// Write the addresses of the files sent and deleted here, one a line, for a CDN purge.
    pub changed: Option<PathBuf>,
    /// Draw a progress bar (on a terminal).
    pub progress: bool,
}

/// What a deploy did (or, with `--dry-run`, would do).
#[derive(Debug, Default)]
pub struct Summary {
    /// `s3://bucket/prefix`.
    pub target: String,
    /// The files sent, by key, in the order they were sent.
    pub sent: Vec<(String, Change)>,
    pub sent_bytes: u64,
    pub deleted: Vec<String>,
    pub unchanged: usize,
    /// The CloudFront distribution purged, and how many paths it was asked to forget.
    pub purged: Option<(String, usize)>,
    pub elapsed: Duration,
    /// How long each stage took: scan, list, compare, send, delete, purge.
    pub timings: Timings,
}

/// Deploys `options.output` to the target `options.target` names in `config`.
pub fn deploy(config: &Config, options: &Options) -> Result<Summary, BuildError> {
    let started = Instant::now();
    let target = choose(config, options.target.as_deref())?;
    is_built(&options.output)?;
    let state_path = state::path(&options.output, &target.name);
    let mut state = State::load(state_path.as_deref(), &target.url());
    let rules = Rules::new(&config.deploy.headers, target.compress);
    let scanning = Instant::now();
    let (files, versions) = local::scan(&options.output, &rules, &state.local)?;
    let scanned = scanning.elapsed();
    state.local = versions;
    let remote = Remote::connect(target)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| BuildError::io("cannot start", "the deploy's runtime", e))?;
    let result = runtime.block_on(run(&remote, &files, target.compress, &mut state, options));
    let forgotten = result.and_then(|mut summary| {
        summary.timings.0.insert(0, ("scan", scanned));
        forget(
            config,
            target,
            options,
            &remote,
            &runtime,
            &mut state,
            &mut summary,
        )?;
        Ok(summary)
    });
    state.save(state_path.as_deref());
    let mut summary = forgotten?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Tells whoever caches the site what changed: the `--changed` list, and the target's CDN.
/// What was sent by a deploy that failed before this is named too.
fn forget(
    config: &Config,
    target: &Target,
    options: &Options,
    remote: &Remote,
    runtime: &tokio::runtime::Runtime,
    state: &mut State,
    summary: &mut Summary,
) -> Result<(), BuildError> {
    let base_path = config.base_url.path();
    let changed = match options.dry_run {
        true => {
            let keys = summary.sent.iter().map(|(key, _)| key);
            purge::addresses(keys.chain(&summary.deleted), base_path)
        }
        false => purge::addresses(state.unpurged.iter(), base_path),
    };
    if let Some(path) = &options.changed {
        write_changed(path, &changed)?;
    }
    if options.dry_run {
        return Ok(());
    }
    if let Some(distribution) = &target.cloudfront {
        let purging = Instant::now();
        let asked =
            runtime.block_on(purge::cloudfront(remote, distribution, &changed, base_path))?;
        summary.purged = Some((distribution.clone(), asked));
        summary.timings.record("purge", purging.elapsed());
    }
    if options.changed.is_some() || target.cloudfront.is_some() {
        state.unpurged.clear();
    }
    Ok(())
}

/// The target named, or the first.
fn choose<'c>(config: &'c Config, name: Option<&str>) -> Result<&'c Target, Diagnostic> {
    let targets = &config.deploy.targets;
    let found = match name {
        Some(name) => targets.iter().find(|t| t.name == name),
        None => targets.first(),
    };
    found.ok_or_else(|| {
        let message = match name {
            Some(name) => format!("site.yaml names no deploy target `{name}`"),
            None => "site.yaml names no deploy target".to_string(),
        };
        let known: Vec<&str> = targets.iter().map(|t| t.name.as_str()).collect();
        let hint = match known.is_empty() {
            true => "add one: deploy: {targets: [{name: prod, url: \"s3://bucket/folder\"}]}"
                .to_string(),
            false => format!("the targets are: {}", known.join(", ")),
        };
        Diagnostic::new(CONFIG_FILE, 0, 0, message).with_hint(hint)
    })
}

/// Only a folder `kabar build` wrote is deployed.
fn is_built(output: &Path) -> Result<(), Diagnostic> {
    match output.join(MARKER).is_file() {
        true => Ok(()),
        false => Err(
            Diagnostic::new(output, 0, 0, "this is not a site kabar built")
                .with_hint("run `kabar build` first, or name the built folder with --output"),
        ),
    }
}

async fn run(
    remote: &Remote,
    files: &[LocalFile],
    compress: Compress,
    state: &mut State,
    options: &Options,
) -> Result<Summary, BuildError> {
    let mut timings = Timings::default();
    let mut stage = Instant::now();
    let mut lap = |timings: &mut Timings, name| {
        timings.record(name, stage.elapsed());
        stage = Instant::now();
    };
    let listed = remote.list(options.workers).await?;
    lap(&mut timings, "list");
    refuse_a_foreign_target(remote, &listed, options.force)?;
    let digests = remote_digests(remote, &listed, state, files, options.workers).await?;
    let plan = plan::plan(files, &digests);
    lap(&mut timings, "compare");
    refuse_too_many_deletes(remote, plan.deletes.len(), options.max_deletes)?;
    let mut summary = Summary {
        target: remote.url.clone(),
        unchanged: plan.unchanged,
        ..Summary::default()
    };
    if options.dry_run {
        for upload in plan.uploads() {
            let file = &files[upload.file];
            summary.sent.push((file.key.clone(), upload.change));
            summary.sent_bytes += file.size;
        }
        summary.deleted = plan.deletes;
        summary.timings = timings;
        return Ok(summary);
    }
    let total: u64 = plan.uploads().map(|u| files[u.file].size).sum();
    let sending = Sending {
        remote,
        files,
        compress,
        workers: options.workers.max(1),
        progress: Progress::new(plan.uploads().count(), total, options.progress),
    };
    let sent = send(&sending, &plan, state, &mut summary).await;
    let progress = sending.progress;
    progress.finish();
    sent?;
    lap(&mut timings, "send");
    remote.delete(&plan.deletes).await?;
    lap(&mut timings, "delete");
    for key in &plan.deletes {
        state.remote.remove(key);
        state.unpurged.insert(key.clone());
    }
    summary.deleted = plan.deletes;
    summary.timings = timings;
    Ok(summary)
}

/// A target that holds files but no `.kabar-output` was filled by something else: a wrong
/// prefix, or a bucket shared with another site.
fn refuse_a_foreign_target(
    remote: &Remote,
    listed: &[Listed],
    force: bool,
) -> Result<(), Diagnostic> {
    if force || listed.is_empty() || listed.iter().any(|o| o.key == MARKER) {
        return Ok(());
    }
    Err(Diagnostic::new(
        &remote.url,
        0,
        0,
        format!(
            "the target holds {} files that kabar did not write (it has no {MARKER}): \
             deploying would replace or delete them",
            listed.len()
        ),
    )
    .with_hint("check the target's url in site.yaml; --force deploys there all the same"))
}

fn refuse_too_many_deletes(remote: &Remote, deletes: usize, max: usize) -> Result<(), Diagnostic> {
    if deletes <= max {
        return Ok(());
    }
    Err(Diagnostic::new(
        &remote.url,
        0,
        0,
        format!(
            "the deploy would delete {deletes} files from the target, more than --max-deletes ({max})"
        ),
    )
    .with_hint(format!(
        "a wrong prefix in the target's url is the usual cause; if the site really lost \
         those pages, run again with --max-deletes {deletes}"
    )))
}

/// Each listed object's digest: from the state while its ETag and size are as kabar last saw
/// them, else asked of the target (only for keys the output has: others are deleted).
async fn remote_digests(
    remote: &Remote,
    listed: &[Listed],
    state: &mut State,
    files: &[LocalFile],
    workers: usize,
) -> Result<HashMap<String, Option<u128>>, Diagnostic> {
    let local: HashMap<&str, ()> = files.iter().map(|f| (f.key.as_str(), ())).collect();
    let mut digests = HashMap::with_capacity(listed.len());
    let mut unknown = Vec::new();
    for object in listed {
        let known = state
            .remote
            .get(&object.key)
            .filter(|k| k.etag == object.etag && k.size == object.size);
        match known {
            Some(known) => {
                digests.insert(object.key.clone(), Some(known.digest));
            }
            None if local.contains_key(object.key.as_str()) => unknown.push(object),
            None => {
                digests.insert(object.key.clone(), None);
            }
        }
    }
    let asked: Vec<_> = futures::stream::iter(unknown)
        .map(|object| async move { (object, remote.digest(&object.key).await) })
        .buffer_unordered(workers.max(1))
        .collect()
        .await;
    for (object, digest) in asked {
        let digest = digest?;
        if let Some(digest) = digest {
            state.remote.insert(
                object.key.clone(),
                Known {
                    etag: object.etag.clone(),
                    size: object.size,
                    digest,
                },
            );
        }
        digests.insert(object.key.clone(), digest);
    }
    Ok(digests)
}

/// What sending needs besides the plan.
struct Sending<'a> {
    remote: &'a Remote,
    files: &'a [LocalFile],
    compress: Compress,
    workers: usize,
    progress: Progress,
}

/// Sends the plan's uploads step by step, `workers` at a time within a step; stops at the
/// first failure, keeping in `state` what was sent.
async fn send(
    sending: &Sending<'_>,
    plan: &plan::Plan,
    state: &mut State,
    summary: &mut Summary,
) -> Result<(), Diagnostic> {
    let Sending {
        remote,
        files,
        compress,
        workers,
        progress,
    } = sending;
    for step in &plan.steps {
        let results: Vec<_> = futures::stream::iter(step)
            .map(|upload| async move {
                let file = &files[upload.file];
                let sent = send_one(remote, file, *compress).await;
                (upload, sent)
            })
            .buffer_unordered(*workers)
            .inspect(|(upload, _)| progress.sent(files[upload.file].size))
            .collect()
            .await;
        let mut failed = None;
        for (upload, sent) in results {
            let file = &files[upload.file];
            match sent {
                Ok((etag, size)) => {
                    state.remote.insert(
                        file.key.clone(),
                        Known {
                            etag,
                            size,
                            digest: file.digest,
                        },
                    );
                    state.unpurged.insert(file.key.clone());
                    summary.sent.push((file.key.clone(), upload.change));
                    summary.sent_bytes += size;
                }
                Err(e) => failed = failed.or(Some(e)),
            }
        }
        if let Some(e) = failed {
            return Err(e);
        }
    }
    Ok(())
}

/// Reads, compresses if the headers say so, and sends one file: its ETag and stored size.
async fn send_one(
    remote: &Remote,
    file: &LocalFile,
    compress: Compress,
) -> Result<(String, u64), Diagnostic> {
    let read = tokio::fs::read(&file.path).await;
    let bytes = read.map_err(|e| Diagnostic::file(&file.path, format!("cannot read: {e}")))?;
    let bytes = match file.headers.encoding {
        Some(_) => compressed(&bytes, compress),
        None => bytes,
    };
    let size = bytes.len() as u64;
    let etag = remote
        .put(&file.key, bytes, &file.headers, file.digest)
        .await?;
    Ok((etag, size))
}

/// `bytes` as the target stores them: gzip (no time in its header, so the same bytes
/// always compress alike) or brotli.
fn compressed(bytes: &[u8], compress: Compress) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    match compress {
        Compress::None => out.extend_from_slice(bytes),
        Compress::Gzip => {
            let mut encoder = flate2::write::GzEncoder::new(&mut out, flate2::Compression::best());
            // Writing to memory cannot fail.
            let _ = encoder
                .write_all(bytes)
                .and_then(|()| encoder.finish().map(drop));
        }
        Compress::Br => {
            let params = brotli::enc::BrotliEncoderParams {
                quality: 9,
                ..Default::default()
            };
            let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
        }
    }
    out
}

/// The addresses a CDN should forget, one a line.
fn write_changed(path: &Path, addresses: &[String]) -> Result<(), BuildError> {
    let text: String = addresses.iter().map(|a| format!("{a}\n")).collect();
    std::fs::write(path, text).map_err(|e| BuildError::io("cannot write", path, e))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn text_compresses_alike_every_time_and_back_to_itself() {
        let page = "<p>Perundingan berlanjut di Panmunjom.</p>\n".repeat(200);
        let gzip = compressed(page.as_bytes(), Compress::Gzip);
        assert_eq!(gzip, compressed(page.as_bytes(), Compress::Gzip));
        assert!(gzip.len() < page.len() / 10);
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, page);

        let br = compressed(page.as_bytes(), Compress::Br);
        assert!(br.len() < page.len() / 10);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, page.as_bytes());
        assert_eq!(compressed(page.as_bytes(), Compress::None), page.as_bytes());
    }
}
