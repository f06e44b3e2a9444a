//! The README, walked through: every `kabar` command in its shell examples runs in a copy of
//! the example site and does what its comment says, and the build summary it quotes is the
//! one the example site prints.

use crate::common;
use std::path::Path;
use std::process::Command;

use crate::common::example_root;

/// The lines of the README's ```sh blocks, without their comments.
fn shell_lines(readme: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut inside = false;
    for line in readme.lines() {
        match line.trim() {
            "```sh" => inside = true,
            "```" => inside = false,
            command if inside && !command.is_empty() => {
                lines.push(command.split(" #").next().unwrap_or("").trim().to_string());
            }
            _ => {}
        }
    }
    lines
}

/// Words of a shell line; double quotes group words.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            other => word.push(other),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The example site's own files, copied into `to`.
fn copy_example(to: &Path) {
    for entry in walkdir::WalkDir::new(example_root()).into_iter().flatten() {
        let rel = entry.path().strip_prefix(example_root()).unwrap();
        let top = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let wanted = matches!(
            top.as_deref(),
            Some("content" | "static" | "templates" | "site.yaml")
        );
        if !wanted {
            continue;
        }
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn kabar(site: &Path, args: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(args)
        .current_dir(site)
        .output()
        .unwrap()
}

#[test]
fn every_command_of_the_readme_runs_as_it_says() {
    let readme = std::fs::read_to_string(example_root().join("README.md")).unwrap();
    let site = tempfile::tempdir().unwrap();
    copy_example(site.path());
    let mut ran = 0;
    for line in shell_lines(&readme) {
        let words = words(&line);
        let args: Vec<String> = match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
            // Builds kabar itself; the same command as `kabar build`.
            ["cargo", "run", "--release", "--", ref rest @ ..] => {
                rest.iter().map(|w| w.to_string()).collect()
            }
            // Install kabar, or run these very tests.
            ["cargo", "install", ..] | ["bash", "scripts/test", ..] => continue,
            // Runs until stopped: `serve.rs` drives it.
            ["kabar", "serve" | "watch", ..] => continue,
            ["kabar", ..] => words[1..].to_vec(),
            _ => panic!("a shell example this test does not know: {line}"),
        };
        let out = kabar(site.path(), &args);
        assert!(
            out.status.success(),
            "`{line}`: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
        match args[0].as_str() {
            "build" => assert!(
                site.path().join("public/index.html").is_file(),
                "`{line}` built no site"
            ),
            "new" => {
                let told = String::from_utf8_lossy(&out.stdout);
                let created = told
                    .trim()
                    .strip_prefix("created ")
                    .and_then(|rest| rest.split_once(" as a draft"))
                    .map(|(file, _)| file)
                    .expect("`kabar new` names the file and says it is a draft");
                assert!(site.path().join(created).is_file(), "{told}");
            }
            _ => {}
        }
    }
    assert!(ran >= 2, "the README shows kabar build and kabar new");
}

#[test]
fn the_build_summary_the_readme_quotes_is_the_example_sites() {
    let readme = std::fs::read_to_string(example_root().join("README.md")).unwrap();
    let quoted = regex::Regex::new(
        r"built (\d+) briefings(?: \(\d+ drafts? left out: --drafts shows (?:it|them)\))?, (\d+) pages",
    )
        .unwrap()
        .captures(&readme)
        .expect("the README quotes a build summary")
        .get(0)
        .unwrap()
        .as_str()
        .to_string();
    let site = tempfile::tempdir().unwrap();
    copy_example(site.path());
    let out = kabar(site.path(), &["build".to_string()]);
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.starts_with(&quoted),
        "README says `{quoted}`, the build prints `{printed}`"
    );
}

#[test]
fn every_word_of_the_theme_is_documented_in_both_languages() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("| `t.<key>` |"))
        .expect("the README documents `t`");
    let indonesian = kabar::render::i18n::strings(kabar::config::Language::Id);
    let english = kabar::render::i18n::strings(kabar::config::Language::En);
    for (key, word) in &indonesian {
        assert!(
            line.contains(&format!("`{key}`")),
            "`t.{key}` is not in the README"
        );
        assert!(!word.is_empty() && !english[key].is_empty(), "{key}");
    }
}

/// What the README says kabar reads from one raw text: the values, then the evidence.
struct Reads {
    text: String,
    values: Vec<(String, String)>,
    evidence: Vec<(String, String)>,
}

/// `` `key: value` `` items of a README sentence.
fn items(sentence: &str) -> Vec<(String, String)> {
    sentence
        .split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|item| item.split_once(": "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The raw texts of the README's raw-article section, each with what it says kabar reads.
fn raw_examples(readme: &str) -> Vec<Reads> {
    let start = readme
        .find("## Raw news articles")
        .expect("the README has a raw-article section");
    let end = readme[start + 3..]
        .find("\n## ")
        .map_or(readme.len(), |e| start + 3 + e);
    let section = &readme[start..end];
    let mut examples = Vec::new();
    let mut rest = section;
    while let Some(open) = rest.find("```text\n") {
        let body = &rest[open + 8..];
        let close = body.find("\n```").expect("a closed block");
        let text = body[..close].to_string();
        let after = &body[close + 4..];
        let paragraph = after.trim_start().split("\n\n").next().unwrap_or("");
        rest = &body[close + 4..];
        let Some(reads) = paragraph.strip_prefix("reads as ") else {
            continue;
        };
        let (values, evidence) = reads.split_once("evidence").unwrap_or((reads, ""));
        examples.push(Reads {
            text,
            values: items(values),
            evidence: items(evidence),
        });
    }
    examples
}

#[test]
fn every_raw_example_of_the_readme_reads_as_it_says() {
    use kabar::content::{self, Context, SourceKind};
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let examples = raw_examples(&readme);
    assert!(examples.len() >= 3, "{} examples", examples.len());
    let config = kabar::Config::default();
    let reader = content::Reader::new(&config).unwrap();
    let context = Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        modified: None,
    };
    for Reads {
        text,
        values,
        evidence,
    } in examples
    {
        let b = content::parse_text(
            Path::new("x.txt"),
            SourceKind::Raw,
            &text,
            &reader,
            &context,
        )
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
        for (key, value) in values {
            let got = match key.as_str() {
                "title" => b.title.clone(),
                "date" => b.date.to_rfc3339()[..value.len()].to_string(),
                "source" => b.source.as_ref().map_or(String::new(), |s| s.name.clone()),
                other => panic!("the README names `{other}`, which this test does not know"),
            };
            assert_eq!(got, value, "{key} of\n{text}");
        }
        for (field, from) in evidence {
            let got = common::evidence(&b)
                .get(field.as_str())
                .copied()
                .unwrap_or("");
            assert_eq!(got, from, "evidence for the {field} of\n{text}");
        }
    }
}

/// "Writing a briefing", as an editor follows it: `kabar new` with the README's own title
/// makes a draft that `kabar serve --drafts` shows and `kabar serve` does not; with its
/// `draft: true` line removed, `kabar serve` shows it too.
#[test]
fn writing_a_briefing_walks_from_new_to_the_preview() {
    let readme = std::fs::read_to_string(example_root().join("README.md")).unwrap();
    let new = shell_lines(&readme)
        .into_iter()
        .find(|l| l.starts_with("kabar new "))
        .expect("the README shows kabar new");
    let site = common::TestSite::new("");
    copy_example(site.root());
    let made = kabar(site.root(), &words(&new)[1..]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let told = String::from_utf8_lossy(&made.stdout).into_owned();
    let file = told
        .trim()
        .strip_prefix("created ")
        .and_then(|rest| rest.split_once(" as a draft"))
        .map(|(file, _)| site.root().join(file))
        .expect("kabar new names the file");
    let slug = file.file_stem().unwrap().to_string_lossy().into_owned();
    let shows = |args: &[&str]| {
        let server = common::Server::start_with(&site, args);
        let home = server.get("/").body;
        home.contains(&format!("/{slug}/"))
    };
    assert!(shows(&["--drafts"]), "serve --drafts shows the draft");
    assert!(!shows(&[]), "serve leaves the draft out");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("draft: true\n", "")).unwrap();
    assert!(shows(&[]), "published once draft: true is gone");
}
