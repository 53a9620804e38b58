//! A load in chunks: the worker reads a file piece by piece, reporting progress after each,
//! and can drop the load between two chunks (Cancel). A CloudTrail log file is converted and
//! stored as its chunks arrive (only the unfinished record is held, never the whole text);
//! any other input (gzip, JSON Lines, an array …) is small by nature and is collected, then
//! ingested whole when complete.
use super::Session;
use super::inputs::{InputHead, KEPT_TEXT_BYTES};
use super::log_file::StreamedLog;
use super::views::AddOutcome;
use crate::store::BytesHasher;
use eventpen_ingest::MAX_INPUT_BYTES;
use serde::{Deserialize, Serialize};

/// How far a load got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LoadProgress {
    /// Bytes read so far.
    pub bytes: usize,
    /// Bytes in all (the file's size).
    pub total: usize,
}

/// What a load does with the chunks: decided on the first one.
#[derive(Debug)]
enum Reading {
    /// No chunk yet.
    Starting,
    /// A log file, converted as it comes; the text kept too when small (share links).
    Streamed {
        log: Box<StreamedLog>,
        kept: Vec<u8>,
    },
    /// Anything else, collected to be ingested whole.
    Whole(Vec<u8>),
}

/// A load under way: the input's id, name and what was read so far.
#[derive(Debug)]
pub struct ChunkedLoad {
    id: u32,
    name: String,
    sample: bool,
    expected: usize,
    received: usize,
    /// The content hash of the bytes so far (the duplicate-file check).
    hash: BytesHasher,
    reading: Reading,
}

impl ChunkedLoad {
    /// Start loading input `id` named `name` of `expected` bytes.
    pub fn new(id: u32, name: &str, expected: usize, sample: bool) -> ChunkedLoad {
        ChunkedLoad {
            id,
            name: name.to_string(),
            sample,
            expected,
            received: 0,
            hash: BytesHasher::default(),
            reading: Reading::Starting,
        }
    }

    /// The input's id.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// Take the next chunk (a log file's records in it are converted now).
    pub fn push(&mut self, chunk: &[u8]) -> LoadProgress {
        self.received += chunk.len();
        self.hash.write(chunk);
        if let Reading::Starting = self.reading {
            let streamed = self.expected <= MAX_INPUT_BYTES && StreamedLog::takes(chunk);
            self.reading = if streamed {
                let log = StreamedLog::new(self.id, &self.name, self.expected);
                Reading::Streamed {
                    log: Box::new(log),
                    kept: Vec::new(),
                }
            } else {
                Reading::Whole(Vec::with_capacity(self.expected))
            };
        }
        match &mut self.reading {
            Reading::Streamed { log, kept } => {
                if self.expected <= KEPT_TEXT_BYTES {
                    kept.extend_from_slice(chunk);
                }
                log.feed(chunk);
            }
            Reading::Whole(bytes) => bytes.extend_from_slice(chunk),
            Reading::Starting => {}
        }
        self.progress()
    }

    /// Takes the next chunk of `len` bytes, which `fill` writes in place (a worker copies it
    /// from the browser straight into the load's buffer): the same as [`ChunkedLoad::push`]
    /// of those bytes, one copy of them less.
    pub fn push_with(&mut self, len: usize, fill: impl FnOnce(&mut [u8])) -> LoadProgress {
        match &mut self.reading {
            Reading::Streamed { log, kept } => {
                let room = log.room(len);
                fill(room);
                self.received += len;
                self.hash.write(room);
                if self.expected <= KEPT_TEXT_BYTES {
                    kept.extend_from_slice(room);
                }
                log.feed_filled();
                self.progress()
            }
            Reading::Whole(bytes) => {
                let start = bytes.len();
                bytes.resize(start + len, 0);
                fill(&mut bytes[start..]);
                self.received += len;
                self.hash.write(&bytes[start..]);
                self.progress()
            }
            Reading::Starting => {
                let mut chunk = vec![0; len];
                fill(&mut chunk);
                self.push(&chunk)
            }
        }
    }

    /// Bytes read so far, of how many.
    pub fn progress(&self) -> LoadProgress {
        LoadProgress {
            bytes: self.received,
            total: self.expected.max(self.received),
        }
    }

    /// The bytes the load holds besides its events (the unfinished record, or the text
    /// collected).
    pub fn held_bytes(&self) -> usize {
        match &self.reading {
            Reading::Starting => 0,
            Reading::Streamed { log, kept } => log.held_bytes() + kept.capacity(),
            Reading::Whole(bytes) => bytes.capacity(),
        }
    }

    /// Every chunk is in: add the input to `session` (a streamed log file's store is taken
    /// over; other inputs are ingested now). The same name, size and content as a loaded
    /// input is not added twice.
    pub fn finish(self, session: &mut Session) -> AddOutcome {
        match self.reading {
            Reading::Streamed { mut log, kept } => {
                let hash = self.hash.finish();
                if let Some(name) = session.duplicate_of(&self.name, self.received, hash) {
                    return AddOutcome::Duplicate { name };
                }
                log.finish();
                let input = InputHead {
                    id: self.id,
                    name: &self.name,
                    size: self.received,
                    hash,
                    sample: self.sample,
                };
                let outcome = session.add_streamed(input, kept, *log);
                session.events_changed();
                outcome
            }
            Reading::Whole(bytes) => session.add_bytes(self.id, &self.name, bytes, self.sample),
            Reading::Starting => session.add_bytes(self.id, &self.name, Vec::new(), self.sample),
        }
    }

    /// The input's name, and whether it is a sample.
    pub fn parts(&self) -> (&str, bool) {
        (&self.name, self.sample)
    }
}
