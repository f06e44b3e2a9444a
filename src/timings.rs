//! How long each stage of a build took (`kabar build --timings`), and the peak memory where
//! the platform tells it.

use std::time::{Duration, Instant};

/// Stages in the order they ran. Rendering and the search index run side by side, so their
/// times overlap.
#[derive(Debug, Clone, Default)]
pub struct Timings(pub Vec<(&'static str, Duration)>);

impl Timings {
    /// Runs `stage`, recording its time under `name`.
    pub fn time<T>(&mut self, name: &'static str, stage: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = stage();
        self.0.push((name, started.elapsed()));
        value
    }

    pub fn record(&mut self, name: &'static str, took: Duration) {
        self.0.push((name, took));
    }
}

/// The process's peak resident memory in bytes (Linux: `VmHWM` of `/proc/self/status`).
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
