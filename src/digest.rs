//! Digests kept between builds (the output's stamp, each search shard's stamp, page keys and
//! body digests): XXH3, whose output is specified, rather than std's `DefaultHasher`, whose
//! algorithm any Rust release may change. A digest that changes anyway costs one full
//! rebuild, never a wrong page.

use std::hash::{Hash, Hasher};
use std::io;

use serde::Serialize;
use xxhash_rust::xxh3::Xxh3Default;

/// The digest of plain data, as its `Hash` implementation feeds it.
pub(crate) fn of(value: impl Hash) -> u64 {
    let mut hasher = Xxh3Default::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// The digest of bytes as they are, as [`Sink`] makes it of them written in pieces.
pub(crate) fn of_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The digest of a value as it serialises: what a template is given of it.
pub(crate) fn of_serialized(value: &(impl Serialize + ?Sized)) -> u64 {
    let mut sink = Sink::default();
    // Writing to a hasher cannot fail. A value that cannot serialise fails the page's
    // render, where its error is reported, so its key need not be right.
    let _ = serde_json::to_writer(&mut sink, value);
    sink.digest()
}

/// The digest of bytes as they are written (serialised, or copied from a file).
#[derive(Default)]
pub(crate) struct Sink(Xxh3Default);

impl Sink {
    /// The digest of every byte written so far.
    pub(crate) fn digest(&self) -> u64 {
        self.0.digest()
    }
}

impl io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
