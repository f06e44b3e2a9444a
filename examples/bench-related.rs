//! Times related briefings on a generated archive:
//! `cargo run --release --example bench-related -- /tmp/g50k`.

use std::time::Instant;

use kabar::archive::{Archive, Facet, related};
use kabar::{Options, content, load_config, read_briefings};

fn main() {
    let root = std::env::args()
        .nth(1)
        .expect("usage: bench-related SITE_FOLDER");
    let options = Options::new(&root);
    let config = load_config(&options).expect("site.yaml");
    let found = content::discover(options.root.as_path()).expect("content/");
    let briefings = read_briefings(&options, &found, &config, None).briefings;
    let archive = Archive::new(briefings);
    let tags = archive.groups(Facet::Tag);
    let of: Vec<Vec<usize>> = (0..archive.briefings.len())
        .map(|i| archive.groups_of(Facet::Tag, i).to_vec())
        .collect();
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let lists = related::related(&archive.briefings, tags, &of);
        times.push(started.elapsed().as_secs_f64());
        assert_eq!(lists.len(), archive.briefings.len());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "related for {} briefings, {} threads: median {:.3} s (min {:.3}, max {:.3}) of 5",
        archive.briefings.len(),
        rayon::current_num_threads(),
        times[2],
        times[0],
        times[4]
    );
}
