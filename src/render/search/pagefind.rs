//! Running the `pagefind` crate on one shard's records, in memory.

use std::path::{Path, PathBuf};

use pagefind::api::{PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;

use super::records::Record;

/// Files of an index, relative to its folder.
pub type IndexFiles = Vec<(PathBuf, Vec<u8>)>;

/// The shard's own files: its entry, metadata, word index, filters and fragments.
pub fn index(records: Vec<Record>, language: &str) -> Result<IndexFiles, String> {
    let files = run(records, language)?;
    Ok(files
        .into_iter()
        .filter(|f| is_shard_file(&f.filename))
        .map(|f| (f.filename, f.contents))
        .collect())
}

/// What the browser runs, the same for every shard: the search API (`pagefind.js`), its
/// worker and the WebAssembly for the language. Made from a one-record index.
pub fn runtime(language: &str) -> Result<IndexFiles, String> {
    let probe = Record {
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
            name == JS_FILE || name == WORKER_FILE || name == wasm
        })
        .map(|f| (f.filename, f.contents))
        .collect())
}

pub const JS_FILE: &str = "pagefind.js";
pub const WORKER_FILE: &str = "pagefind-worker.js";

pub fn wasm_file(language: &str) -> String {
    format!("wasm.{language}.pagefind")
}

fn is_shard_file(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name == "pagefind-entry.json"
        || name.ends_with(".pf_meta")
        || ["index", "fragment", "filter"]
            .iter()
            .any(|dir| path.starts_with(dir))
}

fn run(records: Vec<Record>, language: &str) -> Result<Vec<SyntheticFile>, String> {
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
