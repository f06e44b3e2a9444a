//! Running the `pagefind` crate on one shard's records, in memory.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use pagefind::api::{PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;

use super::records::SearchRecord;
use crate::render::files::OutputFile;

/// Runs `work` on every job on plain threads, not rayon's, as many at once as rayon has
/// threads; results come in the jobs' order. Pagefind runs rayon inside its own async
/// runtime: a rayon worker waiting there may pick up another queued job, and a second
/// runtime started on a thread already driving one makes tokio panic.
pub fn on_plain_threads<J: Send, R: Send>(jobs: Vec<J>, work: impl Fn(J) -> R + Sync) -> Vec<R> {
    let count = jobs.len();
    let jobs: Vec<Mutex<Option<J>>> = jobs.into_iter().map(|j| Mutex::new(Some(j))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..rayon::current_num_threads().clamp(1, count.max(1)) {
            scope.spawn(|| {
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(at) else { break };
                    let job = job.lock().expect("taken once").take().expect("taken once");
                    let done = work(job);
                    *results[at].lock().expect("written once") = Some(done);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|r| r.into_inner().ok().flatten().expect("every job ran"))
        .collect()
}

/// The shard's own files (relative to its folder): its entry, metadata, word index, filters and fragments.
pub fn index(records: Vec<SearchRecord>, language: &str) -> Result<Vec<OutputFile>, String> {
    let files = run(records, language)?;
    Ok(files
        .into_iter()
        .filter(|f| is_shard_file(&f.filename))
        .map(|f| (f.filename, f.contents))
        .collect())
}

/// What the browser runs, the same for every shard: the search API (`pagefind.js`) and the
/// WebAssembly for the language (the page runs Pagefind without its worker). Made from a
/// one-record index.
pub fn runtime(language: &str) -> Result<Vec<OutputFile>, String> {
    let probe = SearchRecord {
        url: "/".into(),
        content: "kabar".into(),
        meta: Default::default(),
        filters: Default::default(),
        sort: Default::default(),
    };
    let wasm = wasm_file(language);
    Ok(run(vec![probe], language)?
        .into_iter()
        .filter(|f| {
            let name = f.filename.to_string_lossy();
            name == JS_FILE || name == wasm
        })
        .map(|f| (f.filename, f.contents))
        .collect())
}

pub const JS_FILE: &str = "pagefind.js";
/// In each index's folder: what Pagefind reads first, naming the metadata file.
pub const ENTRY_FILE: &str = "pagefind-entry.json";

/// The metadata file of an index tagged `tag` by [`tag_meta`].
pub fn meta_file(language: &str, tag: &str) -> String {
    format!("pagefind.{}.pf_meta", meta_hash(language, tag))
}

fn meta_hash(language: &str, tag: &str) -> String {
    format!("{language}_{tag}")
}

/// An index's files (relative to its folder) with the metadata named by `tag` instead of by
/// its content, and the entry naming it so: a page that knows the tag can ask for both at
/// once, before Pagefind has read the entry. The tag must change whenever the index does.
pub fn tag_meta(
    files: Vec<OutputFile>,
    language: &str,
    tag: &str,
) -> Result<Vec<OutputFile>, String> {
    let old = files.iter().find_map(|(path, _)| {
        let name = path.to_str()?;
        name.strip_prefix("pagefind.")?.strip_suffix(".pf_meta")
    });
    // Pagefind writes no index for records without words.
    let Some(old) = old.map(str::to_string) else {
        return Ok(files);
    };
    let named = format!(r#""hash":"{}""#, meta_hash(language, tag));
    files
        .into_iter()
        .map(|(path, bytes)| {
            if path == Path::new(ENTRY_FILE) {
                let entry = String::from_utf8(bytes).map_err(|e| e.to_string())?;
                let entry = entry.replace(&format!(r#""hash":"{old}""#), &named);
                return Ok((path, entry.into_bytes()));
            }
            if path.to_str() == Some(&format!("pagefind.{old}.pf_meta")) {
                return Ok((meta_file(language, tag).into(), bytes));
            }
            Ok((path, bytes))
        })
        .collect()
}

pub fn wasm_file(language: &str) -> String {
    format!("wasm.{language}.pagefind")
}

fn is_shard_file(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name == ENTRY_FILE
        || name.ends_with(".pf_meta")
        || ["index", "fragment", "filter"]
            .iter()
            .any(|dir| path.starts_with(dir))
}

fn run(records: Vec<SearchRecord>, language: &str) -> Result<Vec<SyntheticFile>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .force_language(language.to_string())
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        for r in records {
            index
                .add_custom_record(
                    r.url,
                    r.content,
                    language.to_string(),
                    Some(r.meta),
                    Some(r.filters),
                    Some(r.sort),
                )
                .await
                .map_err(|e| e.to_string())?;
        }
        index.get_files().await.map_err(|e| e.to_string())
    })
}
