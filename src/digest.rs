//! Digests kept between builds (the output's stamp, each search shard's stamp, page keys and
//! body digests): XXH3, whose output is specified, rather than std's `DefaultHasher`, whose
//! algorithm any Rust release may change. A digest that changes anyway costs one full
//! rebuild, never a wrong page.

use std::hash::{Hash, Hasher};

use xxhash_rust::xxh3::Xxh3Default;

/// The digest of plain data, as its `Hash` implementation feeds it.
pub(crate) fn of(value: impl Hash) -> u64 {
    let mut hasher = Xxh3Default::new();
    value.hash(&mut hasher);
    hasher.finish()
}
