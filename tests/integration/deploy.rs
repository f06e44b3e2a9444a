//! `kabar deploy` against a real S3-compatible server (moto) on the loopback address: what is
//! sent, what is not, what is refused, and that a reader never meets a broken link.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use object_store::Attribute;

use crate::common::s3::{ACCESS_KEY, Cut, S3, SECRET_KEY};
use crate::common::{self, TestSite, files};

const PREFIX: &str = "situs";

fn site(s3: &S3, search: bool, target: &str) -> TestSite {
    let site = TestSite::new(&format!(
        "title: Uji\nbase_url: http://example.org/\nsearch: {search}\n\
         deploy:\n  targets:\n    - name: uji\n      url: s3://arsip/{PREFIX}\n      \
         endpoint: {}\n      region: us-east-1\n{target}",
        s3.endpoint()
    ));
    for (n, month) in ["01", "02", "03", "04", "05"].iter().enumerate() {
        briefing(&site, n, month, "Perundingan berlanjut di Panmunjom.");
    }
    site.build();
    site
}

fn briefing(site: &TestSite, n: usize, month: &str, body: &str) {
    site.briefing(
        &format!("content/2019/kabar-{n}.md"),
        &[
            ("title", &format!("Kabar nomor {n}")),
            ("date", &format!("2019-{month}-1{n} 10:00")),
            ("tags", &format!("[Korea Utara, Tag {n}]")),
        ],
        body,
    );
}

/// `kabar deploy ARGS` with test credentials in the environment; the secret key is never
/// printed, whatever happens.
fn deploy(site: &TestSite, args: &[&str]) -> Output {
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    let endpoint = yaml
        .lines()
        .find_map(|l| l.trim().strip_prefix("endpoint: "))
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .arg("deploy")
        .args(args)
        .arg("--root")
        .arg(site.root())
        .env("AWS_ENDPOINT_URL_CLOUDFRONT", endpoint)
        .env("AWS_ACCESS_KEY_ID", ACCESS_KEY)
        .env("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
        .env("HOME", site.root())
        .output()
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !printed.contains(SECRET_KEY),
        "the secret was printed:\n{printed}"
    );
    out
}

fn deployed(site: &TestSite, args: &[&str]) -> String {
    let out = common::succeeded(deploy(site, args));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The keys `--verbose` says were sent.
fn sent(stdout: &str) -> Vec<String> {
    let mut keys: Vec<String> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("send "))
        .map(|l| l.split(" (").next().unwrap().to_string())
        .collect();
    keys.sort();
    keys
}

/// The bucket's files (but the marker) as plain bytes, gunzipped where stored compressed.
fn bucket_files(s3: &S3) -> BTreeMap<String, Vec<u8>> {
    s3.objects(PREFIX)
        .into_iter()
        .filter(|(key, _)| key != kabar::publish::MARKER)
        .map(|(key, o)| (key, o.bytes))
        .collect()
}

/// The output's files as deployed: the search shards' own stamps and word lists stay home.
fn output_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files(dir)
        .into_iter()
        .filter(|(key, _)| {
            !["/kabar-shard", "/kabar-words", "/kabar-stems"]
                .iter()
                .any(|own| key.ends_with(own))
        })
        .collect()
}

#[test]
fn first_deploy_sends_all_then_nothing_then_only_what_changed() {
    let Some(s3) = S3::start() else { return };
    let site = site(&s3, false, "");
    let first = deployed(&site, &["--verbose"]);
    assert!(first.contains("deployed"), "{first}");
    assert_eq!(bucket_files(&s3), output_files(&site.output()));
    assert!(s3.objects(PREFIX).contains_key(kabar::publish::MARKER));

    let again = deployed(&site, &["--verbose"]);
    assert!(sent(&again).is_empty(), "{again}");
    assert!(again.contains("deployed 0 files"), "{again}");

    // One edit: exactly the files whose bytes changed are sent.
    let before = output_files(&site.output());
    briefing(
        &site,
        2,
        "03",
        "Perundingan berlanjut; kedua pihak sepakat bertemu lagi.",
    );
    site.build();
    let after = output_files(&site.output());
    let changed: Vec<String> = after
        .iter()
        .filter(|(key, bytes)| before.get(*key) != Some(*bytes))
        .map(|(key, _)| key.clone())
        .collect();
    assert!(!changed.is_empty() && changed.len() < after.len() / 2);
    let edit = deployed(&site, &["--verbose"]);
    assert_eq!(sent(&edit), changed, "{edit}");
    assert_eq!(bucket_files(&s3), after);
}

#[test]
fn a_removed_briefing_is_deleted_and_too_many_deletes_are_refused() {
    let Some(s3) = S3::start() else { return };
    let site = site(&s3, false, "");
    deployed(&site, &[]);
    let page = "2019/05/kabar-4/index.html";
    assert!(bucket_files(&s3).contains_key(page));

    std::fs::remove_file(site.root().join("content/2019/kabar-4.md")).unwrap();
    site.build();
    let before = bucket_files(&s3);
    let refused = deploy(&site, &["--max-deletes", "1"]);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("would delete") && message.contains("--max-deletes"),
        "{message}"
    );
    assert_eq!(
        bucket_files(&s3),
        before,
        "a refused deploy changes nothing"
    );

    let purge_list = site.root().join("changed.txt");
    let done = deployed(&site, &["--changed", purge_list.to_str().unwrap()]);
    assert!(done.contains("deleted"), "{done}");
    assert!(!bucket_files(&s3).contains_key(page));
    assert_eq!(bucket_files(&s3), output_files(&site.output()));
    let purge = std::fs::read_to_string(&purge_list).unwrap();
    assert!(purge.lines().any(|l| l == "/2019/05/kabar-4/"), "{purge}");
    assert!(purge.lines().any(|l| l == "/index.html"), "{purge}");
}

#[test]
fn what_changed_is_purged_from_cloudfront_by_list() {
    let Some(s3) = S3::start() else { return };
    let distribution = s3.create_distribution();
    let site = site(&s3, false, &format!("      cloudfront: {distribution}\n"));
    let first = deployed(&site, &[]);
    assert!(
        first.contains(&format!("purged from CloudFront {distribution}")),
        "{first}"
    );
    deployed(&site, &[]);
    let first = s3.invalidations(&distribution);
    assert_eq!(first.len(), 1, "a no-op deploy purges nothing");

    briefing(&site, 2, "03", "Isi yang diubah.");
    site.build();
    let purge_list = site.root().join("changed.txt");
    deployed(&site, &["--changed", purge_list.to_str().unwrap()]);
    let listed: Vec<String> = std::fs::read_to_string(&purge_list)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert!(
        listed.contains(&"/2019/03/kabar-2/".to_string()),
        "{listed:?}"
    );
    let invalidations = s3.invalidations(&distribution);
    assert_eq!(invalidations.len(), 2);
    let mut purged = invalidations
        .into_iter()
        .find(|paths| *paths != first[0])
        .unwrap();
    purged.sort();
    assert_eq!(purged, listed, "the purge is the list, never a wildcard");
}

#[test]
fn what_a_failed_deploy_sent_is_purged_by_the_next() {
    let Some(s3) = S3::start() else { return };
    let distribution = s3.create_distribution();
    let site = site(&s3, false, &format!("      cloudfront: {distribution}\n"));
    deployed(&site, &[]);
    let before = output_files(&site.output());
    briefing(&site, 2, "03", "Isi yang diubah.");
    briefing(&site, 7, "08", "Kabar baru.");
    site.build();
    let after = output_files(&site.output());

    let (_, failed) = deploy_cut_after(&s3, &site, 3);
    assert_eq!(failed.status.code(), Some(1));
    let finished = deployed(&site, &["--verbose"]);

    let changed: Vec<&String> = after
        .keys()
        .filter(|key| before.get(*key) != after.get(*key))
        .collect();
    assert!(
        sent(&finished).len() < changed.len(),
        "the failed deploy sent some: {finished}"
    );
    let mut expected: Vec<String> = Vec::new();
    for key in changed {
        if let Some(folder) = key.strip_suffix("index.html") {
            expected.push(format!("/{folder}"));
        }
        expected.push(format!("/{key}"));
    }
    expected.sort();
    let invalidations = s3.invalidations(&distribution);
    let mut purged = invalidations
        .into_iter()
        .find(|paths| paths.iter().any(|p| p.contains("kabar-7")))
        .expect("the finishing deploy purged");
    purged.sort();
    assert_eq!(purged, expected);
}

#[test]
fn a_target_kabar_did_not_fill_is_refused_without_force() {
    let Some(s3) = S3::start() else { return };
    let site = site(&s3, false, "");
    s3.put_foreign(&format!("{PREFIX}/laporan-keuangan.pdf"), b"%PDF");
    let refused = deploy(&site, &[]);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("kabar did not write") && message.contains("--force"),
        "{message}"
    );
    assert_eq!(s3.objects(PREFIX).len(), 1);

    deployed(&site, &["--force"]);
    assert_eq!(bucket_files(&s3), output_files(&site.output()));
}

#[test]
fn dry_run_changes_nothing_and_a_lost_state_or_foreign_edit_converges() {
    let Some(s3) = S3::start() else { return };
    let site = site(&s3, false, "");
    let dry = deployed(&site, &["--dry-run"]);
    assert!(dry.contains("would send index.html (new)"), "{dry}");
    assert!(s3.objects(PREFIX).is_empty());

    deployed(&site, &[]);
    // Someone else rewrites a page, and the state file is lost: the page is sent again.
    s3.put_foreign(&format!("{PREFIX}/index.html"), b"<p>diganti</p>");
    let state = site.root().join(".public.kabar-deploy-uji");
    assert!(state.is_file());
    std::fs::remove_file(&state).unwrap();
    let repaired = deployed(&site, &["--verbose"]);
    assert_eq!(sent(&repaired), ["index.html"], "{repaired}");
    assert_eq!(bucket_files(&s3), output_files(&site.output()));

    // With the state kept, a rewrite by someone else is still noticed (its ETag moved).
    s3.put_foreign(&format!("{PREFIX}/tags/index.html"), b"<p>diganti</p>");
    let repaired = deployed(&site, &["--verbose"]);
    assert_eq!(sent(&repaired), ["tags/index.html"], "{repaired}");
    // And one deleted by someone else is sent again.
    s3.delete(&format!("{PREFIX}/style.css"));
    let repaired = deployed(&site, &["--verbose"]);
    assert_eq!(sent(&repaired), ["style.css"], "{repaired}");
}

#[test]
fn each_object_gets_its_type_lifetime_and_encoding() {
    let Some(s3) = S3::start() else { return };
    let rules = "      compress: gzip\n  headers:\n    - pattern: \"**/*.svg\"\n      \
                 cache_control: \"public, max-age=60\"\n";
    let site = site(&s3, true, rules);
    deployed(&site, &[]);
    let objects = s3.objects(PREFIX);
    let local = output_files(&site.output());
    assert_eq!(
        objects
            .keys()
            .filter(|k| *k != kabar::publish::MARKER)
            .collect::<Vec<_>>(),
        local.keys().collect::<Vec<_>>()
    );
    for (key, object) in &objects {
        let content_type = object.header(Attribute::ContentType).unwrap_or_default();
        let cache = object.header(Attribute::CacheControl).unwrap_or_default();
        let encoding = object.header(Attribute::ContentEncoding);
        let expected_type = kabar::publish::served::content_type(Path::new(key));
        assert_eq!(content_type, expected_type, "{key}");
        let expected_cache = if key.ends_with(".svg") {
            "public, max-age=60"
        } else if key.contains(".pf_") {
            "public, max-age=31536000, immutable"
        } else if key.ends_with(".css") || key.ends_with(".js") && !key.starts_with("pagefind/") {
            "public, max-age=3600"
        } else {
            "public, max-age=300"
        };
        assert_eq!(cache, expected_cache, "{key}");
        if key == kabar::publish::MARKER {
            continue;
        }
        let text = content_type.contains("charset=utf-8") || content_type.contains("svg");
        match encoding.as_deref() {
            Some("gzip") => {
                assert!(text, "{key} is not text but was compressed");
                assert_eq!(
                    common::gunzip(&object.bytes).as_bytes(),
                    &local[key][..],
                    "{key}"
                );
            }
            None => {
                assert!(!text, "{key} is text but was not compressed");
                assert_eq!(object.bytes, local[key], "{key}");
            }
            Some(other) => panic!("{key}: {other}"),
        }
        assert!(
            object
                .attributes
                .get(&Attribute::Metadata("kabar-digest".into()))
                .is_some(),
            "{key} carries no digest"
        );
    }
    assert_eq!(
        objects["index.html"]
            .header(Attribute::ContentType)
            .as_deref(),
        Some("text/html; charset=utf-8")
    );
}

#[test]
fn a_server_stopped_mid_deploy_leaves_every_page_whole_and_the_next_run_converges() {
    let Some(s3) = S3::start() else { return };
    let cut_at = [1, 4, 9, 16];
    for puts in cut_at {
        let site = site(&s3, true, "");
        let output = site.output();
        deployed(&site, &["--force"]);
        let published: Vec<String> = bucket_files(&s3).into_keys().collect();
        // The next version: two new briefings, one changed, one gone.
        briefing(&site, 5, "06", "Kabar baru tentang KTT berikutnya.");
        briefing(&site, 6, "07", "Kabar baru lagi.");
        briefing(&site, 1, "02", "Kabar yang diubah isinya.");
        std::fs::remove_file(site.root().join("content/2019/kabar-3.md")).unwrap();
        site.build();

        let (cut, failed) = deploy_cut_after(&s3, &site, puts);
        assert!(cut.happened(), "cut after {puts}");
        assert_eq!(failed.status.code(), Some(1), "cut after {puts}");
        let message = String::from_utf8_lossy(&failed.stderr);
        assert!(message.contains("nothing was deleted"), "{message}");

        let bucket = bucket_files(&s3);
        for (page, link) in reachable_links(&bucket, &published) {
            assert_ne!(
                common::resolves(&link, &page, "/", &bucket),
                Some(false),
                "cut after {puts}: {page} links to {link}, not in the bucket"
            );
        }

        deployed(&site, &[]);
        assert_eq!(bucket_files(&s3), output_files(&output), "cut after {puts}");
    }
}

/// One deploy, one file at a time, through a connection the server drops after `puts`
/// uploads; `site.yaml` names the server itself again afterwards.
fn deploy_cut_after(s3: &S3, site: &TestSite, puts: usize) -> (Cut, Output) {
    let cut = Cut::after(s3, puts);
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", &yaml.replace(&s3.endpoint(), &cut.endpoint()));
    let failed = deploy(site, &["--workers", "1"]);
    site.write("site.yaml", &yaml);
    (cut, failed)
}

/// Every link on the pages a reader can reach: those published before (bookmarks, search
/// engines, feeds know them) and, from them, every page they link to, as `(page, link)`.
fn reachable_links(
    bucket: &BTreeMap<String, Vec<u8>>,
    published: &[String],
) -> Vec<(String, String)> {
    let mut seen: std::collections::BTreeSet<String> = published
        .iter()
        .filter(|p| bucket.contains_key(*p))
        .cloned()
        .collect();
    let mut queue: Vec<String> = seen.iter().cloned().collect();
    let mut links = Vec::new();
    let preload = regex::Regex::new(r#"<link rel="preload" href="([^"]+)""#).unwrap();
    while let Some(page) = queue.pop() {
        if !page.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bucket[&page]);
        // A preload is a hint: the search page preloads the newest index's files, which are
        // sent after the pages that link into the index (a reader in between loses only the
        // head start, since Pagefind reads the index the entry names).
        let hints: Vec<&str> = preload
            .captures_iter(&html)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        for link in common::links(&html) {
            if hints.contains(&link.as_str()) {
                continue;
            }
            if common::resolves(&link, &page, "/", bucket) == Some(true) {
                let path = link
                    .split(['#', '?'])
                    .next()
                    .unwrap()
                    .trim_start_matches('/');
                let target = match path.is_empty() || path.ends_with('/') {
                    true => format!("{path}index.html"),
                    false => path.to_string(),
                };
                if bucket.contains_key(&target) && seen.insert(target.clone()) {
                    queue.push(target);
                }
            }
            links.push((page.clone(), link));
        }
    }
    links
}

#[test]
fn a_missing_target_or_unbuilt_site_is_a_clear_error() {
    let Some(s3) = S3::start() else { return };
    let site = site(&s3, false, "");
    let out = deploy(&site, &["--target", "produksi"]);
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("no deploy target `produksi`") && message.contains("uji"),
        "{message}"
    );

    let out = deploy(&site, &["--output", "tidak-ada"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kabar build"));
}
