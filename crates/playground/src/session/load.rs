//! A load in chunks: the worker reads a file piece by piece, reporting progress after each,
//! and can drop the load between two chunks (Cancel); the input is ingested once complete.
use super::Session;
use super::views::AddOutcome;
use serde::{Deserialize, Serialize};

/// How far a load got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LoadProgress {
    /// Bytes read so far.
    pub bytes: usize,
    /// Bytes in all (the file's size).
    pub total: usize,
}

/// A load under way: the input's id, name and the bytes read so far.
#[derive(Debug)]
pub struct ChunkedLoad {
    id: u32,
    name: String,
    sample: bool,
    expected: usize,
    bytes: Vec<u8>,
}

impl ChunkedLoad {
    /// Start loading input `id` named `name` of `expected` bytes.
    pub fn new(id: u32, name: &str, expected: usize, sample: bool) -> ChunkedLoad {
        ChunkedLoad {
            id,
            name: name.to_string(),
            sample,
            expected,
            bytes: Vec::with_capacity(expected),
        }
    }

    /// The input's id.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// Append the next chunk.
    pub fn push(&mut self, chunk: &[u8]) -> LoadProgress {
        self.bytes.extend_from_slice(chunk);
        self.progress()
    }

    /// Bytes read so far, of how many.
    pub fn progress(&self) -> LoadProgress {
        LoadProgress {
            bytes: self.bytes.len(),
            total: self.expected.max(self.bytes.len()),
        }
    }

    /// Every chunk is in: ingest the input into `session`, which takes the bytes over (no
    /// second copy of the input).
    pub fn finish(self, session: &mut Session) -> AddOutcome {
        session.add_bytes(self.id, &self.name, self.bytes, self.sample)
    }

    /// The input's name, and whether it is a sample.
    pub fn parts(&self) -> (&str, bool) {
        (&self.name, self.sample)
    }
}
