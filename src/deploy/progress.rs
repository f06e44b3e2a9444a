//! A progress bar on a terminal (files, bytes, time left); nothing where output is a log.

use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub(super) struct Progress {
    bar: ProgressBar,
    files: usize,
    done: AtomicUsize,
}

impl Progress {
    /// A bar for `files` files of `bytes` bytes, drawn on standard error when it is a
    /// terminal and `shown`.
    pub(super) fn new(files: usize, bytes: u64, shown: bool) -> Progress {
        let target = match shown {
            true => ProgressDrawTarget::stderr(),
            false => ProgressDrawTarget::hidden(),
        };
        let bar = ProgressBar::with_draw_target(Some(bytes), target);
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:30} {msg} files, {binary_bytes}/{binary_total_bytes}, {eta} left",
        ) {
            bar.set_style(style);
        }
        let progress = Progress {
            bar,
            files,
            done: AtomicUsize::new(0),
        };
        progress.bar.set_message(format!("0/{}", progress.files));
        progress
    }

    /// One more file of `bytes` sent.
    pub(super) fn sent(&self, bytes: u64) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        self.bar.inc(bytes);
        self.bar.set_message(format!("{done}/{}", self.files));
    }

    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
