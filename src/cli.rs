//! The `kabar` command's arguments, as clap reads them (the binary's, not the library's).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use kabar::Options;

#[derive(Parser)]
#[command(
    name = "kabar",
    version,
    about = "Builds a briefing archive: news briefings browsed by date, tag and search"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Args, Clone)]
pub(crate) struct Common {
    /// The site folder, holding site.yaml and content/ [default: the nearest folder, from
    /// here up, that holds a site.yaml]
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    /// Print only errors
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub(crate) quiet: bool,
    /// Print more about what is done
    #[arg(long, short, global = true)]
    pub(crate) verbose: bool,
}

impl Common {
    /// Options for the site folder, every other option at its default.
    pub(crate) fn options(&self, drafts: bool) -> Options {
        Options {
            root: self.root(),
            drafts,
            ..Options::default()
        }
    }

    /// The site folder: the one named, else the nearest from here up that holds a
    /// `site.yaml` (as git and cargo find theirs), else here.
    pub(crate) fn root(&self) -> PathBuf {
        self.root.clone().unwrap_or_else(|| {
            // Named relative to here (`.`, `..`, `../..`), as the folder the editor is in.
            let levels_up = std::env::current_dir().ok().and_then(|here| {
                here.ancestors()
                    .position(|dir| dir.join(kabar::layout::CONFIG_FILE).is_file())
            });
            match levels_up {
                None | Some(0) => PathBuf::from("."),
                Some(n) => (0..n).map(|_| "..").collect(),
            }
        })
    }
}

/// What `serve` and `watch` share.
#[derive(Args, Clone)]
pub(crate) struct Live {
    /// Include briefings marked `draft: true`
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Poll for changes instead of using the system's file events (network drives, VMs)
    #[arg(long)]
    pub(crate) poll: bool,
    #[command(flatten)]
    pub(crate) common: Common,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Build the site into the output folder (public/ by default)
    ///
    /// When nothing the build reads has changed since the last build and the output is as it
    /// left it, nothing is written; --force builds everything again.
    Build {
        /// Where to write the site
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Use this address instead of base_url from site.yaml
        #[arg(long)]
        base_url: Option<String>,
        /// Include briefings marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Print how long each stage took, and the peak memory
        #[arg(long)]
        timings: bool,
        /// Build everything again (the search index too), and replace the output folder even
        /// if kabar did not write it
        #[arg(long)]
        force: bool,
        /// Fail on links in briefings that lead nowhere (otherwise a warning)
        #[arg(long)]
        strict: bool,
        /// Leave out a briefing that cannot be read (a warning), publish the rest, and exit
        /// with code 3
        #[arg(long)]
        keep_going: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Build, serve the site locally, and rebuild and reload open pages on every change
    Serve {
        /// The address to listen on
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port to listen on (0: any free port)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[command(flatten)]
        live: Live,
    },
    /// Build into the output folder and rebuild on every change, without a server
    Watch {
        /// Where to write the site
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Replace the output folder even if kabar did not write it
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        live: Live,
    },
    /// Print one record per briefing, oldest first, with what was read from it
    List {
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Include briefings marked `draft: true`
        #[arg(long)]
        drafts: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Create content/<year>/<slug>.md, dated now, ready to write
    New {
        /// The briefing's title
        title: String,
        /// Comma-separated tags, e.g. --tags "Korea Utara,AS"
        #[arg(long, value_delimiter = ',')]
        tags: Vec<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Turn raw articles (.txt, .html, .json) into Markdown briefings, with what was read from them as
    /// front matter, for an editor to review
    Import {
        /// Raw article files, or folders holding them
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the briefings (content/ of the site by default)
        #[arg(long)]
        into: Option<PathBuf>,
        /// Replace briefings that already exist
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Create a new site in DIR that builds as it is
    Init {
        /// The folder for the new site
        dir: PathBuf,
        /// Print only errors
        #[arg(long, short)]
        quiet: bool,
    },
    /// Publish the built site to a target in site.yaml (an S3-compatible bucket), sending
    /// only the files that changed and deleting last
    ///
    /// Credentials come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or
    /// ~/.aws/credentials, never from site.yaml.
    Deploy {
        /// The target's name in site.yaml [default: the first]
        #[arg(long)]
        target: Option<String>,
        /// The built site to publish
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Print what would be sent and deleted, and change nothing
        #[arg(long)]
        dry_run: bool,
        /// Refuse to delete more files than this (a wrong prefix is the usual cause)
        #[arg(long, default_value_t = 256)]
        max_deletes: usize,
        /// Deploy to a target that holds files kabar did not write
        #[arg(long)]
        force: bool,
        /// Requests in flight at once
        #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=256))]
        workers: u16,
        /// Write the addresses of the files sent and deleted to FILE, one a line (for a CDN
        /// purge)
        #[arg(long, value_name = "FILE")]
        changed: Option<PathBuf>,
        /// Print how long each stage took (scan, list, compare, send, delete, purge)
        #[arg(long)]
        timings: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Read and render everything and check every internal link; writes nothing. Warns about
    /// raw articles whose date or title rests on weak evidence
    Check {
        /// Include briefings marked `draft: true`
        #[arg(long)]
        drafts: bool,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Json,
    Csv,
}
