//! The bytes rendering makes and where they go, as the later stages take them: `check` reads
//! them for links, `publish` writes them, a `kabar serve` session keeps the whole site.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file's bytes and where they go, relative to the output folder.
pub type OutputFile = (PathBuf, Vec<u8>);

/// The files of a built site, by path relative to the output folder, shared between the
/// session that rebuilds them and the server that serves them.
pub type Files = HashMap<Arc<Path>, Arc<Vec<u8>>>;
