//! Criterion benchmarks of the functions a build spends its time in, on the example site
//! (the repository itself) and the seed articles: `cargo bench --bench hot`.
//! Whole-build figures at 1,000 to 50,000 briefings come from `scripts/bench`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Duration;
use criterion::{Criterion, criterion_group, criterion_main};
use kabar::archive::{Archive, Facet, related};
use kabar::content::{self, Context, SourceKind};
use kabar::render::{PageKind, Renderer};
use kabar::{Briefing, Options, Site};

fn site_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The example site's longest Markdown briefing and the first seed article.
fn sources() -> (PathBuf, String, PathBuf, String) {
    let content = site_root().join("content");
    let longest = walkdir::WalkDir::new(&content)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .max_by_key(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .expect("a Markdown briefing in content/");
    let seed = site_root().join("tests/fixtures/seeds/000_32f762eadf0bc361.txt");
    let read = |p: &Path| std::fs::read_to_string(p).expect("readable");
    let markdown = longest
        .path()
        .strip_prefix(site_root())
        .unwrap()
        .to_path_buf();
    (markdown, read(longest.path()), seed.clone(), read(&seed))
}

fn parse(c: &mut Criterion) {
    let site = Site::load(&Options::new(site_root())).expect("the example site builds");
    let (md_path, md, raw_path, raw) = sources();
    let context = Context {
        today: site.config.timezone.now().date_naive(),
        modified: None,
    };
    let reader = content::Reader::new(&site.config).expect("the example site's settings compile");
    let mut group = c.benchmark_group("parse");
    group.bench_function("markdown briefing (front matter + body)", |b| {
        b.iter(|| {
            content::parse_text(
                &md_path,
                SourceKind::Markdown,
                black_box(&md),
                &reader,
                &context,
            )
        })
    });
    group.bench_function("raw article (extraction)", |b| {
        b.iter(|| {
            content::parse_text(
                &raw_path,
                SourceKind::Raw,
                black_box(&raw),
                &reader,
                &context,
            )
        })
    });
    group.finish();
}

fn render(c: &mut Criterion) {
    let site = Site::load(&Options::new(site_root())).expect("the example site builds");
    let renderer = Renderer::new(&site.archive, &site.config, &site.templates);
    let page = |wanted: fn(&PageKind) -> bool| {
        site.plan
            .pages
            .iter()
            .find(|p| wanted(&p.kind))
            .expect("the example site has such a page")
    };
    let briefing = page(|k| matches!(k, PageKind::Briefing(_)));
    let home = page(|k| matches!(k, PageKind::Home(1)));
    let tag = page(|k| matches!(k, PageKind::Group(Facet::Tag, _, 1)));
    let mut group = c.benchmark_group("render");
    for (name, page) in [
        ("briefing page", briefing),
        ("home page (list)", home),
        ("tag page (list)", tag),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| renderer.render(black_box(page), &site.plan))
        });
    }
    group.finish();
}

/// Related briefings over 2,000 briefings: the example site's, repeated a day apart.
fn rank_related(c: &mut Criterion) {
    let site = Site::load(&Options::new(site_root())).expect("the example site builds");
    let originals = &site.archive.briefings;
    let briefings: Vec<Briefing> = (0..2_000)
        .map(|k| {
            let mut b = Briefing::clone(&originals[k % originals.len()]);
            b.slug = format!("{}-{k}", b.slug);
            b.date -= Duration::days(k as i64);
            b
        })
        .collect();
    let archive = Archive::new(briefings);
    let tags_of: Vec<Vec<usize>> = (0..archive.briefings.len())
        .map(|i| archive.groups_of(Facet::Tag, i).to_vec())
        .collect();
    let all: &[Arc<Briefing>] = &archive.briefings;
    c.bench_function("related/2,000 briefings", |b| {
        b.iter(|| related::related(black_box(all), archive.groups(Facet::Tag), &tags_of))
    });
}

criterion_group! {
    name = hot;
    config = Criterion::default().sample_size(30);
    targets = parse, render, rank_related
}
criterion_main!(hot);
