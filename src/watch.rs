//! `kabar watch`: the rebuilds of `kabar serve`, written into the output folder.

use std::path::PathBuf;
use std::sync::Arc;

use crate::Options;
use crate::changes::{self, Event};
use crate::error::BuildError;
use crate::incremental::{Outcome, Session};
use crate::publish;

/// `kabar watch`: the same rebuilds, written into the output folder. Only changed files are
/// written (each through a temporary file and a rename, so no reader sees half a file) and
/// files the site no longer has are removed.
pub fn watch(
    options: Options,
    poll: bool,
    on_rebuild: impl Fn(&Result<Outcome, BuildError>),
) -> Result<(), BuildError> {
    let root = options.root.clone();
    let output = publish::resolve(&options.output_dir());
    publish::check(&root, &output, options.force)?;
    let mut session = Session::new(options);
    // The marker of the folder this session last wrote whole; `None` until it has.
    let mut published_marker = None;
    // Ctrl-C waits for the files being written, then ends the process.
    let writing = Arc::new(std::sync::Mutex::new(()));
    stop_on_ctrl_c(Arc::clone(&writing))?;
    // `None`: take in the search index the background finished.
    let mut rebuild =
        |session: &mut Session, paths: Option<&[PathBuf]>| -> Result<(), BuildError> {
            let result = match paths {
                Some(paths) => session.rebuild(paths),
                None => match session.take_search() {
                    Some(result) => result,
                    None => return Ok(()),
                },
            };
            let _writing = writing.lock().unwrap_or_else(|e| e.into_inner());
            // A deleted output folder (its marker gone with it) is written whole again, and
            // so is one another build replaced (`kabar build --drafts` into it, say): its
            // marker is another file, and its pages are not this session's.
            let published = published_marker
                .is_some_and(|marker| publish::marker_identity(&output) == Some(marker));
            if let Ok(outcome) = &result {
                if published {
                    publish::apply(
                        &output,
                        &session.files(),
                        &outcome.written,
                        &outcome.removed,
                    )?;
                } else {
                    // The first good build replaces whatever the folder held.
                    if let Some(warning) = publish::publish_files(&output, &session.files())? {
                        eprintln!("{}", warning.as_warning());
                    }
                    published_marker = publish::marker_identity(&output);
                }
            }
            on_rebuild(&result);
            Ok(())
        };
    rebuild(&mut session, Some(&[]))?;
    let watch = changes::watch(&root, &output, poll)?;
    session.on_search_ready(watch.waker());
    for event in watch {
        match event {
            Event::Changed(paths) => rebuild(&mut session, Some(&paths))?,
            Event::Ready => rebuild(&mut session, None)?,
            Event::Trouble(problem) => eprintln!("{problem}"),
        }
    }
    Ok(())
}

/// Ends the process on Ctrl-C, once no output file is being written.
fn stop_on_ctrl_c(writing: Arc<std::sync::Mutex<()>>) -> Result<(), BuildError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| BuildError::io("cannot start", "the Ctrl-C handler", e))?;
    std::thread::spawn(move || {
        runtime.block_on(async {
            let _ = tokio::signal::ctrl_c().await;
        });
        let _idle = writing.lock().unwrap_or_else(|e| e.into_inner());
        std::process::exit(0);
    });
    Ok(())
}
