//! The pipeline's shape holds: no module of `src/` uses a module listed after it in the stage
//! order of `docs/ARCHITECTURE.md`, and every module is placed in that order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Modules that may use every other: the assembly (`lib.rs`, and `load.rs` that loads a site for it) and the binary (`main.rs`,
/// `cli.rs`): they may use every stage.
const ROOTS: [&str; 4] = ["lib", "load", "main", "cli"];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Each module of the stage order with its rank: modules on one line share a rank.
fn stage_order() -> BTreeMap<String, usize> {
    let doc = std::fs::read_to_string(repo().join("docs/ARCHITECTURE.md")).unwrap();
    let block = doc
        .split("```stage-order\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("ARCHITECTURE.md has a ```stage-order block");
    block
        .lines()
        .enumerate()
        .flat_map(|(rank, line)| line.split_whitespace().map(move |m| (m.to_string(), rank)))
        .collect()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The top-level module a file of `src/` belongs to.
fn module_of(file: &Path) -> String {
    let inside = file.strip_prefix(repo().join("src")).unwrap();
    let first = inside.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

/// The file's code without its unit tests and comments: a test may use what it likes.
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names through `crate::`, with `use crate::{a, b::c}`
/// groups read name by name.
fn crate_modules(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            found.extend(group_heads(group));
        } else {
            found.push(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    found
}

/// The first name of each path in a `{...}` group (the text after its opening brace).
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut at_start = true;
    let mut name = String::new();
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_start = true,
            c if at_start && (c.is_alphanumeric() || c == '_') => name.push(c),
            _ if at_start && !name.is_empty() => {
                heads.push(std::mem::take(&mut name));
                at_start = false;
            }
            _ => {}
        }
    }
    if !name.is_empty() {
        heads.push(name);
    }
    heads
}

#[test]
fn no_module_uses_a_later_stage() {
    let order = stage_order();
    let mut against = Vec::new();
    let mut unplaced = Vec::new();
    for file in rust_files(&repo().join("src")) {
        let module = module_of(&file);
        if ROOTS.contains(&module.as_str()) {
            continue;
        }
        let Some(&rank) = order.get(&module) else {
            unplaced.push(module);
            continue;
        };
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        for used in crate_modules(&code) {
            // Items of the library root (`Options`, `Site`) belong to the assembly.
            let Some(&used_rank) = order.get(&used) else {
                continue;
            };
            if used_rank > rank {
                against.push(format!(
                    "src/{} uses `{used}`",
                    file.strip_prefix(repo().join("src")).unwrap().display()
                ));
            }
        }
    }
    unplaced.sort();
    unplaced.dedup();
    assert!(
        unplaced.is_empty(),
        "modules missing from ARCHITECTURE.md's stage order: {unplaced:?}"
    );
    against.sort();
    against.dedup();
    assert!(
        against.is_empty(),
        "uses against the stage order:\n{}",
        against.join("\n")
    );
}

#[test]
fn the_check_reads_grouped_and_plain_paths() {
    let code = "use crate::{config::Config, error::{Diagnostic, nearest}};\n\
                let x = crate::render::keys::of(1);";
    assert_eq!(crate_modules(code), ["config", "error", "render"]);
    assert_eq!(
        code_of("use crate::a;\n// crate::b\n#[cfg(test)]\nuse crate::c;"),
        "use crate::a;"
    );
}
