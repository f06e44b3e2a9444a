//! The `kabar` command: parses arguments, calls the library, maps errors to exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use kabar::{BuildError, Options, Report};

mod cli;

use cli::{Cli, Command, Common, Format, Live};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, BuildError> {
    match command {
        Command::Build {
            output,
            base_url,
            drafts,
            timings,
            force,
            strict,
            keep_going,
            common,
        } => {
            let options = Options {
                output,
                base_url,
                force,
                strict,
                keep_going,
                ..common.options(drafts)
            };
            build(&options, &common, timings)
        }
        Command::Serve { bind, port, live } => serve(kabar::serve::Address { bind, port }, &live),
        Command::Watch {
            output,
            force,
            live,
        } => {
            let options = Options {
                output,
                force,
                ..live.common.options(live.drafts)
            };
            watch(options, &live)
        }
        Command::Check { drafts, common } => check(&common.options(drafts), &common),
        Command::List {
            format,
            drafts,
            common,
        } => list(&common.options(drafts), format).map(|()| ExitCode::SUCCESS),
        Command::New {
            title,
            tags,
            common,
        } => new_briefing(&title, tags, &common),
        Command::Import {
            paths,
            into,
            force,
            common,
        } => import(&paths, into, force, &common),
        Command::Init { dir, quiet } => init(&dir, quiet),
        Command::Deploy {
            target,
            output,
            dry_run,
            max_deletes,
            force,
            workers,
            changed,
            timings,
            common,
        } => {
            let site = common.options(false);
            let options = kabar::deploy::Options {
                output: output.unwrap_or_else(|| site.output_dir()),
                target,
                dry_run,
                max_deletes,
                force,
                workers: usize::from(workers),
                changed,
                progress: !common.quiet,
            };
            deploy(&site.root, &options, &common, timings)
        }
    }
}

fn build(options: &Options, common: &Common, timings: bool) -> Result<ExitCode, BuildError> {
    let report = kabar::build(options)?;
    print_warnings(&report.warnings);
    print_skipped(&report.skipped);
    if common.verbose {
        print_build_details(&report);
    }
    if !common.quiet && report.unchanged {
        println!(
            "nothing changed since the last build: {} is up to date ({} checked in {:.2} s)",
            options.output_dir().display(),
            counted(report.briefings, "briefing"),
            report.elapsed.as_secs_f64()
        );
    } else if !common.quiet {
        println!(
            "{} into {}",
            summary("built", &report),
            options.output_dir().display()
        );
    }
    if timings {
        print_timings(&report.timings);
    }
    // Published, but without some briefings: scripts must notice.
    match report.skipped.is_empty() {
        true => Ok(ExitCode::SUCCESS),
        false => Ok(ExitCode::from(3)),
    }
}

/// `--verbose`: tags, files written and search shards.
fn print_build_details(report: &Report) {
    let tags = counted(report.tags, "tag");
    if report.unchanged {
        println!("{tags}; nothing written");
    } else {
        println!("{tags}; {} written", counted(report.files, "file"));
        let anew = report.made_anew;
        println!(
            "{} rendered and {} parsed; the rest taken from the last build",
            counted(anew.pages, "page"),
            counted(anew.files, "file")
        );
    }
    let (indexed, reused) = report.shards;
    if indexed + reused > 0 {
        println!(
            "search index: {} indexed, {reused} reused from the last build",
            counted(indexed, "shard")
        );
    }
}

fn serve(address: kabar::serve::Address, live: &Live) -> Result<ExitCode, BuildError> {
    let options = live.common.options(live.drafts);
    kabar::is_a_site(&options.root)?;
    let quiet = live.common.quiet;
    kabar::serve::serve(
        options,
        address,
        live.poll,
        |url| {
            println!("serving {url}  (Ctrl-C to stop)");
            let _ = std::io::stdout().flush();
        },
        move |result| print_rebuild(result, quiet, "rendered"),
    )
    .map(|()| ExitCode::SUCCESS)
}

fn watch(options: Options, live: &Live) -> Result<ExitCode, BuildError> {
    kabar::is_a_site(&options.root)?;
    let quiet = live.common.quiet;
    if !quiet {
        println!("watching {}  (Ctrl-C to stop)", options.root.display());
    }
    kabar::watch::watch(options, live.poll, |result| {
        print_rebuild(result, quiet, "written")
    })
    .map(|()| ExitCode::SUCCESS)
}

fn check(options: &Options, common: &Common) -> Result<ExitCode, BuildError> {
    let report = kabar::check(options)?;
    print_warnings(&report.warnings);
    if !common.quiet {
        println!(
            "{}; every internal link resolves",
            summary("checked", &report)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn deploy(
    root: &Path,
    options: &kabar::deploy::Options,
    common: &Common,
    timings: bool,
) -> Result<ExitCode, BuildError> {
    kabar::is_a_site(root)?;
    let config = kabar::Config::load(root)?;
    let summary = kabar::deploy::deploy(&config, options)?;
    if options.dry_run || common.verbose {
        let verb = if options.dry_run { "would " } else { "" };
        for (key, change) in &summary.sent {
            let what = match change {
                kabar::deploy::Change::New => "new",
                kabar::deploy::Change::Changed => "changed",
            };
            println!("{verb}send {key} ({what})");
        }
        for key in &summary.deleted {
            println!("{verb}delete {key}");
        }
    }
    if !common.quiet {
        println!("{}", deploy_line(&summary, options.dry_run));
    }
    if timings {
        print_timings(&summary.timings);
    }
    Ok(ExitCode::SUCCESS)
}

/// `deployed 31 files (412 KB), deleted 2, 16,910 unchanged in 3.2 s`
fn deploy_line(summary: &kabar::deploy::Summary, dry_run: bool) -> String {
    let (sent, deleted) = match dry_run {
        true => ("would deploy", "would delete"),
        false => ("deployed", "deleted"),
    };
    let purged = match &summary.purged {
        Some((distribution, paths)) => format!(
            ", {} purged from CloudFront {distribution}",
            counted(*paths, "path")
        ),
        None => String::new(),
    };
    format!(
        "{sent} {} ({}) to {}, {deleted} {}, {} unchanged{purged} in {:.1} s",
        counted(summary.sent.len(), "file"),
        kilobytes(summary.sent_bytes),
        summary.target,
        thousands(summary.deleted.len()),
        thousands(summary.unchanged),
        summary.elapsed.as_secs_f64()
    )
}

fn kilobytes(bytes: u64) -> String {
    format!("{} KB", thousands(bytes.div_ceil(1024) as usize))
}

fn new_briefing(title: &str, tags: Vec<String>, common: &Common) -> Result<ExitCode, BuildError> {
    let root = common.root();
    kabar::is_a_site(&root)?;
    let config = kabar::Config::load(&root)?;
    let tags: Vec<String> = tags
        .into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let path = kabar::scaffold::new_briefing(&root, &config, title, &tags)?;
    if !common.quiet {
        let created = root.join(path).display().to_string();
        println!(
            "created {} as a draft: preview it with `kabar serve --drafts`, and publish \
             it by removing its `draft: true` line",
            kabar::error::shown(&created)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn import(
    paths: &[PathBuf],
    into: Option<PathBuf>,
    force: bool,
    common: &Common,
) -> Result<ExitCode, BuildError> {
    let root = common.root();
    let config = kabar::Config::load(&root)?;
    let into = into.unwrap_or_else(|| root.join(kabar::layout::CONTENT_DIR));
    let (imported, errors) = kabar::import::import(paths, &into, force, &config);
    if !common.quiet {
        for done in &imported {
            println!("{}", import_line(done));
        }
    }
    for done in &imported {
        print_warnings(&done.briefing.warnings);
    }
    if errors.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(BuildError::Site(errors))
    }
}

fn init(dir: &Path, quiet: bool) -> Result<ExitCode, BuildError> {
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let created = kabar::scaffold::init_site(dir, &today)?;
    if !quiet {
        for path in created {
            println!("created {}", dir.join(path).display());
        }
        println!("next: cd {} && kabar build", dir.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `content/2019/kim-tiba.md ← raw/001.txt: 2019-12-31 18:19 +07:00, CNN Indonesia, ...`
fn import_line(done: &kabar::import::Imported) -> String {
    let b = &done.briefing;
    let date = if b.has_time {
        b.date.format("%Y-%m-%d %H:%M %:z").to_string()
    } else {
        b.date.format("%Y-%m-%d").to_string()
    };
    let mut found = vec![format!("\"{}\"", b.title), date];
    found.extend(b.source.as_ref().map(|s| s.name.clone()));
    found.extend(b.dateline.clone());
    found.extend(b.author.as_ref().map(|a| format!("by {a}")));
    if !b.cited.is_empty() {
        found.push(format!("citing {}", b.cited.join(", ")));
    }
    found.push(format!("tags: {}", b.tags.join(", ")));
    let mut line = format!(
        "{} <- {}: {}",
        done.to.display(),
        done.from.display(),
        found.join("; ")
    );
    if let Some(aside) = &done.moved_to {
        line.push_str(&format!(" (the .txt moved to {})", aside.display()));
    }
    kabar::error::shown(&line).into_owned()
}

/// One line per rebuild; errors in full, as a build prints them.
/// `rebuilt in 75 ms: 1,234 briefings, 3 files rendered, 0 removed`; `kabar serve` renders
/// into memory, `kabar watch` writes to disk, and each says which.
fn print_rebuild(
    result: &Result<kabar::incremental::Outcome, BuildError>,
    quiet: bool,
    done: &str,
) {
    match result {
        Ok(outcome) if !quiet => {
            print_warnings(&outcome.warnings);
            println!(
                "rebuilt in {} ms: {}{}, {} {done}, {} removed",
                outcome.elapsed.as_millis(),
                counted(outcome.briefings, "briefing"),
                drafts_note(outcome.drafts_left_out),
                counted(outcome.written.len(), "file"),
                thousands(outcome.removed.len()),
            );
        }
        Ok(outcome) => print_warnings(&outcome.warnings),
        Err(e) => eprintln!("{e}"),
    }
    let _ = std::io::stdout().flush();
}

/// Briefings left out with `--keep-going`: each problem, as a warning that says so.
fn print_skipped(skipped: &[kabar::Diagnostic]) {
    for problem in skipped {
        let left_out = kabar::Diagnostic {
            message: format!("left out of the site: {}", problem.message),
            ..problem.clone()
        };
        eprintln!("{}", left_out.as_warning());
    }
}

/// Problems kabar worked around go to stderr, even with --quiet: the editor has to fix them.
fn print_warnings(warnings: &[kabar::Diagnostic]) {
    for warning in warnings {
        eprintln!("{}", warning.as_warning());
    }
}

/// One line a stage; rendering and the search index overlap, as they run side by side.
fn print_timings(timings: &kabar::timings::Timings) {
    for (stage, took) in &timings.0 {
        println!("  {stage:<14}{:>8.3} s", took.as_secs_f64());
    }
    if let Some(bytes) = kabar::timings::peak_memory() {
        println!("  {:<14}{:>8} MB", "peak memory", bytes / (1 << 20));
    }
}

/// `built 1,234 briefings, 3,456 pages in 0.84 s`
fn summary(verb: &str, report: &Report) -> String {
    format!(
        "{verb} {}{}, {} in {:.2} s",
        counted(report.briefings, "briefing"),
        drafts_note(report.drafts_left_out),
        counted(report.pages, "page"),
        report.elapsed.as_secs_f64()
    )
}

/// ` (2 drafts left out: --drafts shows them)`, or nothing when none was.
fn drafts_note(left_out: usize) -> String {
    match left_out {
        0 => String::new(),
        n => format!(
            " ({} left out: --drafts shows {})",
            counted(n, "draft"),
            if n == 1 { "it" } else { "them" }
        ),
    }
}

/// `1 briefing`, `1,234 briefings`.
fn counted(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {noun}{s}", thousands(n))
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `kabar list`: what was read, oldest first; unreadable files are reported and make exit 1.
fn list(options: &Options, format: Format) -> Result<(), BuildError> {
    let config = kabar::load_config(options)?;
    let found = kabar::content::discover(&options.root)?;
    let kabar::Read {
        briefings,
        mut errors,
        ..
    } = kabar::read_briefings(options, &found, &config, None);
    let settled = kabar::archive::settle(
        briefings.into_iter().map(Arc::new).collect(),
        &config.permalink,
    );
    errors.extend(settled.errors);
    let mut briefings: Vec<&kabar::content::Briefing> = settled
        .briefings
        .iter()
        .chain(settled.copies.iter().map(|copy| &copy.briefing))
        .map(|b| &**b)
        .collect();
    briefings.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.slug.cmp(&b.slug)));
    let records: Vec<kabar::listing::Record> = briefings
        .iter()
        .map(|b| kabar::listing::Record::new(b, &config))
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &records)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out)),
        Format::Csv => write_csv(&mut out, &records),
    };
    written.map_err(|e| BuildError::io("cannot write", "standard output", e))?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(BuildError::Site(errors))
    }
}

fn write_csv(out: &mut impl Write, records: &[kabar::listing::Record]) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(kabar::listing::Record::CSV_HEADER)?;
    for record in records {
        writer.write_record(record.csv_row())?;
    }
    writer.flush()
}
