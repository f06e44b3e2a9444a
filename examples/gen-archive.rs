//! A deterministic synthetic briefing archive, for benchmarks:
//! `cargo run --release --example gen-archive -- --n 10000 --out DIR [--seed 1] [--raw 10]
//! [--words 300-900] [--tags 2-6] [--stories 0] [--coverage 0]`.
//!
//! Briefings of 300–900 words (`--words`) of Indonesian-looking text, dated over five years,
//! with 2–6 distinct tags (`--tags`) drawn from a skewed pool (a few tags on most briefings, a
//! long tail on few); `--raw`
//! percent of them (10 by default) are raw `.txt` articles in a news outlet's layout.
//! `--stories N` plants N developing stories among them: 3–7 briefings each, a few days
//! apart, sharing the story's own tag, mostly its place's tag and a word of its titles, and
//! lists them in `planted-stories.tsv` (beside `content/`, which the site does not publish)
//! for tests to measure the grouping against. `--coverage N` plants N events told 2–4 times
//! each, by as many outlets within two days, each telling the event's text rewritten (a
//! sixth of its sentences left out, a tenth of the words changed, sentences of its own
//! added); one event in five also has its first telling pasted again as another file. They
//! are listed in `planted-coverage.tsv` (an event's briefings, copies last) and
//! `planted-copies.tsv` (original and copy). Also writes a `site.yaml`. The same arguments
//! always give the same files.

use clap::Parser;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const WORDS: &[&str] = &[
    "pemerintah",
    "menyatakan",
    "bahwa",
    "perundingan",
    "akan",
    "dilanjutkan",
    "setelah",
    "pertemuan",
    "tingkat",
    "tinggi",
    "di",
    "ibu",
    "kota",
    "pekan",
    "lalu",
    "para",
    "pejabat",
    "menilai",
    "langkah",
    "itu",
    "sebagai",
    "upaya",
    "menjaga",
    "stabilitas",
    "kawasan",
    "dan",
    "membuka",
    "jalan",
    "bagi",
    "kerja",
    "sama",
    "ekonomi",
    "yang",
    "lebih",
    "luas",
    "namun",
    "sejumlah",
    "pengamat",
    "meragukan",
    "komitmen",
    "kedua",
    "pihak",
    "karena",
    "belum",
    "ada",
    "jadwal",
    "pasti",
    "untuk",
    "putaran",
    "berikutnya",
    "delegasi",
    "tiba",
    "dengan",
    "pesawat",
    "khusus",
    "disambut",
    "menteri",
    "luar",
    "negeri",
    "rapat",
    "berlangsung",
    "selama",
    "tiga",
    "jam",
    "tanpa",
    "pernyataan",
    "bersama",
    "sanksi",
    "tetap",
    "berlaku",
    "hingga",
    "ada",
    "kemajuan",
    "nyata",
    "dalam",
    "proses",
    "denuklirisasi",
    "semenanjung",
    "juru",
    "bicara",
    "mengatakan",
    "kepada",
    "wartawan",
    "pihaknya",
    "terbuka",
    "terhadap",
    "usulan",
    "baru",
    "asalkan",
    "kepentingan",
    "nasional",
    "dihormati",
    "militer",
    "menggelar",
    "latihan",
    "rutin",
    "dekat",
    "perbatasan",
    "sementara",
    "warga",
    "melanjutkan",
    "aktivitas",
    "seperti",
    "biasa",
    "laporan",
    "media",
    "pemerintah",
    "menyebut",
    "pemimpin",
    "memimpin",
    "sidang",
    "partai",
    "membahas",
    "rencana",
    "lima",
    "tahun",
    "pembangunan",
    "energi",
    "pangan",
    "bantuan",
    "kemanusiaan",
    "dikirim",
    "melalui",
    "lembaga",
    "internasional",
    "pelabuhan",
    "kapal",
    "barang",
    "ekspor",
    "impor",
    "harga",
    "pasar",
    "naik",
    "turun",
    "tajam",
];

/// The tag pool: the first names are drawn far more often than the last.
const TAG_POOL: &[&str] = &[
    "Korea Utara",
    "Amerika Serikat",
    "Kim Jong-un",
    "Korea Selatan",
    "Donald Trump",
    "Denuklirisasi",
    "Sanksi",
    "Uji Rudal",
    "Moon Jae-in",
    "China",
    "Jepang",
    "Rusia",
    "PBB",
    "Mike Pompeo",
    "KTT Hanoi",
    "KTT Singapura",
    "Panmunjom",
    "DMZ",
    "Partai Buruh",
    "Kaesong",
];

struct Rng(u64);

impl Rng {
    /// SplitMix64: small, fast, and the same on every machine.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// An index in `0..n` with probability falling as 1/(rank+1).
    fn skewed(&mut self, n: usize) -> usize {
        let total: f64 = (1..=n).map(|r| 1.0 / r as f64).sum();
        let mut pick = (self.next() as f64 / u64::MAX as f64) * total;
        for rank in 1..=n {
            pick -= 1.0 / rank as f64;
            if pick <= 0.0 {
                return rank - 1;
            }
        }
        n - 1
    }
}

/// A deterministic synthetic briefing archive, for benchmarks.
#[derive(Parser)]
struct Args {
    /// How many briefings to write
    #[arg(long, default_value_t = 10_000)]
    n: usize,
    /// The folder to write the site into (new or empty)
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator: the same seed gives the same files
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Percent of briefings written as raw `.txt` articles
    #[arg(long = "raw", default_value_t = 10, value_parser = clap::value_parser!(u8).range(0..=100))]
    raw_percent: u8,
    /// Words per briefing, as a range
    #[arg(long, default_value = "300-900", value_parser = range)]
    words: (usize, usize),
    /// Distinct tags per briefing, as a range
    #[arg(long, default_value = "2-6", value_parser = range)]
    tags: (usize, usize),
    /// Developing stories to plant among the briefings
    #[arg(long, default_value_t = 0)]
    stories: usize,
    /// Events told by several outlets to plant among the briefings
    #[arg(long, default_value_t = 0)]
    coverage: usize,
}

/// A telling of a planted event: the event, its day, its outlet, and whether it is the first
/// telling pasted again.
struct Telling {
    event: usize,
    day: chrono::NaiveDate,
    outlet: usize,
    copy: bool,
}

/// An event's first telling.
struct First {
    text: Vec<String>,
    slug: String,
    at: (chrono::NaiveDate, usize, usize),
}

/// Plants `count` events, each told 2–4 times within two days, at most `n` tellings in all.
fn tellings(rng: &mut Rng, count: usize, n: usize, start: chrono::NaiveDate) -> Vec<Telling> {
    let mut planted = Vec::new();
    for event in 0..count {
        let day = start + chrono::Days::new(rng.below(5 * 365 - 5) as u64);
        let told = rng.between(2, 4);
        let copied = event % 5 == 0;
        for outlet in 0..told + usize::from(copied) {
            if planted.len() == n {
                return planted;
            }
            let copy = outlet == told;
            planted.push(Telling {
                event,
                day: day + chrono::Days::new(if copy { 0 } else { rng.below(3) } as u64),
                outlet: if copy { 0 } else { outlet },
                copy,
            });
        }
    }
    planted
}

/// An event's text as another outlet tells it: a sixth of the sentences left out, a tenth
/// of the words changed, a sentence of its own now and then.
fn retold(rng: &mut Rng, text: &[String]) -> Vec<String> {
    text.iter()
        .map(|paragraph| {
            let mut sentences: Vec<String> = Vec::new();
            for s in paragraph.split_terminator(". ") {
                if rng.below(6) == 0 {
                    continue;
                }
                let words = s
                    .trim_end_matches('.')
                    .split(' ')
                    .map(|w| match rng.below(10) {
                        0 => WORDS[rng.below(WORDS.len())],
                        _ => w,
                    });
                sentences.push(words.collect::<Vec<_>>().join(" ") + ".");
                if rng.below(4) == 0 {
                    sentences.push(sentence(rng, 8, 18, None) + ".");
                }
            }
            if sentences.is_empty() {
                sentences.push(sentence(rng, 8, 18, None) + ".");
            }
            sentences.join(" ")
        })
        .collect()
}

/// A briefing of a planted story: its story, day, the story's tags it carries and the
/// word its title opens with, if it does.
struct Planted {
    story: usize,
    day: chrono::NaiveDate,
    tags: Vec<String>,
    word: Option<String>,
}

/// Plants `count` stories in the first briefings, at most `n` of them in all.
fn plant(rng: &mut Rng, count: usize, n: usize, start: chrono::NaiveDate) -> Vec<Planted> {
    let mut planted = Vec::new();
    for story in 0..count {
        let mut day = start + chrono::Days::new(rng.below(5 * 365 - 40) as u64);
        // A made-up place name of letters only, so that it counts as a word.
        let word: String = format!("{story:03}")
            .bytes()
            .map(|d| char::from(b'a' + (d - b'0')))
            .collect();
        let word = format!("kota{word}");
        for _ in 0..rng.between(3, 7) {
            if planted.len() == n {
                return planted;
            }
            let mut tags = vec![format!("Peristiwa {story:03}")];
            if rng.below(4) > 0 {
                tags.push(format!("Tempat {story:03}"));
            }
            let word = (rng.below(4) > 0).then(|| word.clone());
            planted.push(Planted {
                story,
                day,
                tags,
                word,
            });
            day = day + chrono::Days::new(rng.between(0, 4) as u64);
        }
    }
    planted
}

fn range(text: &str) -> Result<(usize, usize), String> {
    text.split_once('-')
        .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
        .filter(|(a, b)| a <= b)
        .ok_or_else(|| format!("`{text}` is not a range such as 4-6"))
}

fn main() {
    let args = Args::parse();
    if args.out.exists()
        && std::fs::read_dir(&args.out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        eprintln!(
            "{} exists and is not empty; pick a new folder",
            args.out.display()
        );
        std::process::exit(2);
    }
    let mut rng = Rng(args.seed);
    let tag_pool = tag_pool();
    let start = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).expect("a real day");
    let mut bytes = 0;
    let planted = plant(&mut rng, args.stories, args.n, start);
    let mut members: Vec<Vec<String>> = vec![Vec::new(); args.stories];
    let told = tellings(&mut rng, args.coverage, args.n - planted.len(), start);
    let mut events: Vec<Vec<String>> = vec![Vec::new(); args.coverage];
    // Each event's first telling: its text, slug and time, which a pasted copy repeats.
    let mut firsts: Vec<Option<First>> = (0..args.coverage).map(|_| None).collect();
    let mut copies: Vec<String> = Vec::new();
    for i in 0..args.n {
        let mut day = start + chrono::Days::new(rng.below(5 * 365) as u64);
        let (mut hour, mut minute) = (rng.between(6, 22), rng.below(60));
        let mut title = sentence(&mut rng, 5, 9, None);
        let slug = format!("kabar-{i:05}");
        let mut tags: Vec<&str> = Vec::new();
        if let Some(p) = planted.get(i) {
            day = p.day;
            tags.extend(p.tags.iter().map(String::as_str));
            if let Some(word) = &p.word {
                title = format!("{} {}", capitalized(word), title.to_lowercase());
            }
            members[p.story].push(slug.clone());
        }
        let wanted = (tags.len() + rng.between(args.tags.0, args.tags.1)).min(tag_pool.len());
        while tags.len() < wanted {
            let tag = tag_pool[rng.skewed(tag_pool.len())].as_str();
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let words = rng.between(args.words.0, args.words.1);
        let mut paragraphs = body(&mut rng, words, &tags);
        let raw = rng.below(100) < usize::from(args.raw_percent);
        let telling = i.checked_sub(planted.len()).and_then(|k| told.get(k));
        let mut outlet = "Meja Sintetis".to_string();
        if let Some(t) = telling {
            day = t.day;
            outlet = format!("Media {}", t.outlet + 1);
            let first = &mut firsts[t.event];
            match (first.as_ref(), t.copy) {
                (None, _) => {
                    *first = Some(First {
                        text: paragraphs.clone(),
                        slug: slug.clone(),
                        at: (day, hour, minute),
                    })
                }
                (Some(first), true) => {
                    paragraphs = first.text.clone();
                    (day, hour, minute) = first.at;
                    copies.push(format!("{}\t{slug}\n", first.slug));
                }
                (Some(first), false) => paragraphs = retold(&mut rng, &first.text),
            }
            events[t.event].push(slug.clone());
        }
        let (name, text) = if raw {
            (
                format!("{slug}.txt"),
                raw_article(&title, day, hour, minute, &paragraphs),
            )
        } else {
            let date = format!("{day} {hour:02}:{minute:02}");
            (
                format!("{slug}.md"),
                markdown(&title, &date, &tags, &outlet, &paragraphs),
            )
        };
        let path = args
            .out
            .join("content")
            .join(day.format("%Y").to_string())
            .join(name);
        write(&path, &text);
        bytes += text.len();
    }
    if args.stories > 0 {
        write(
            &args.out.join("planted-stories.tsv"),
            &planted_lines(&members),
        );
    }
    if args.coverage > 0 {
        write(
            &args.out.join("planted-coverage.tsv"),
            &planted_lines(&events),
        );
        write(&args.out.join("planted-copies.tsv"), &copies.concat());
    }
    write(
        &args.out.join("site.yaml"),
        "title: Arsip Sintetis\nbase_url: https://example.org/\nlanguage: id\n\
         timezone: Asia/Jakarta\npaginate: 10\n",
    );
    println!(
        "wrote {} briefings ({} MB of text) into {}",
        args.n,
        bytes / 1_000_000,
        args.out.display()
    );
}

/// The skewed pool: the named tags first, then a long tail of rarer topics.
fn tag_pool() -> Vec<String> {
    let mut pool: Vec<String> = TAG_POOL.iter().map(|t| t.to_string()).collect();
    pool.extend((1..=190).map(|i| format!("Topik {i:03}")));
    pool
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Random words; `opening` (a tag) starts the sentence when given.
fn sentence(rng: &mut Rng, low: usize, high: usize, opening: Option<&str>) -> String {
    let count = rng.between(low, high);
    let mut text = opening.unwrap_or_default().to_string();
    for k in 0..count {
        let word = WORDS[rng.below(WORDS.len())];
        if k == 0 && text.is_empty() {
            text.push_str(&capitalized(word));
        } else {
            text.push(' ');
            text.push_str(word);
        }
    }
    text
}

/// About `words` words in paragraphs of three to six sentences, naming the tags now and then.
fn body(rng: &mut Rng, words: usize, tags: &[&str]) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut written = 0;
    while written < words {
        let mut paragraph = String::new();
        for _ in 0..rng.between(3, 6) {
            let opening = (rng.below(3) == 0).then(|| tags[rng.below(tags.len())]);
            let s = sentence(rng, 8, 18, opening) + ".";
            written += s.split_whitespace().count();
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(&s);
        }
        paragraphs.push(paragraph);
    }
    paragraphs
}

fn markdown(title: &str, date: &str, tags: &[&str], outlet: &str, paragraphs: &[String]) -> String {
    let mut text = format!(
        "---\ntitle: \"{title}\"\ndate: {date}\ntags: [{}]\nsource: {outlet}\n---\n",
        tags.join(", ")
    );
    for p in paragraphs {
        let _ = write!(text, "\n{p}\n");
    }
    text
}

/// A raw article as copied from an outlet's page: headline, header line, dateline, body,
/// author code and the page's furniture.
fn raw_article(
    title: &str,
    day: chrono::NaiveDate,
    hour: usize,
    minute: usize,
    paragraphs: &[String],
) -> String {
    let weekday = [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ][chrono::Datelike::weekday(&day).num_days_from_monday() as usize];
    let mut text = format!(
        "{title}\n\nCNN Indonesia | {weekday}, {} {hour:02}:{minute:02} WIB\nJakarta, CNN Indonesia -- ",
        day.format("%d/%m/%Y")
    );
    for (k, p) in paragraphs.iter().enumerate() {
        text.push_str(p);
        text.push('\n');
        if k == 1 {
            text.push_str("ADVERTISEMENT\n");
        }
    }
    text.push_str("(dea)\n[Gambas:Video CNN]\nTOPIK TERKAIT\nREKOMENDASI\n");
    text
}

/// One line per planted group: its number, a tab, and its briefings' slugs.
fn planted_lines(groups: &[Vec<String>]) -> String {
    groups
        .iter()
        .enumerate()
        .map(|(n, slugs)| format!("{n}\t{}\n", slugs.join(" ")))
        .collect()
}

fn write(path: &Path, text: &str) {
    let folder = path.parent().expect("a file in a folder");
    std::fs::create_dir_all(folder).expect("can create the folder");
    std::fs::write(path, text).expect("can write the file");
}
