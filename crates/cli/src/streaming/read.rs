//! The producer side: open each input, decode gzip member by member, split the text into
//! records and hand them out in batches of about 1 MiB, so the workers get coarse jobs and the
//! reader thread does little more than `memchr`.

use super::bytes::{Bytes, Position};
use super::split::{Container, Found, Splitter};
use crate::bounded::{ReadError, read_at_most, size_text};
use flate2::read::MultiGzDecoder;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// A batch is handed to the workers once it holds this many bytes…
const BATCH_BYTES: usize = 1 << 20;
/// …or this many records (small events).
const BATCH_RECORDS: usize = 4096;

/// The largest record read: 50 MiB, far above AWS's 256 KB per event, so only a file that is
/// not events at all (or a log file with one absurd record) meets it.
pub const MAX_RECORD_BYTES: usize = 50 * 1024 * 1024;

/// An input to read: its name in messages and its opened reader, or why it could not be opened.
pub struct Input {
    /// The name in messages (`<stdin>` or the path as given).
    pub name: Arc<str>,
    /// The reader, not yet gunzipped.
    pub reader: Result<Box<dyn Read + Send>, String>,
}

/// Opens a file, or standard input for `-`.
pub fn open(path: &Path) -> io::Result<Box<dyn Read + Send>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(io::stdin()));
    }
    Ok(Box::new(std::fs::File::open(path)?))
}

/// Consecutive records of one input.
pub struct Batch {
    /// The input's position among the inputs, from 0.
    pub input: usize,
    /// Its name.
    pub name: Arc<str>,
    /// The records' bytes, one after another.
    pub bytes: Vec<u8>,
    /// What was found, in order.
    pub pieces: Vec<Piece>,
}

/// One thing found in an input.
pub enum Piece {
    /// A record: `bytes[range]`, starting at `at`.
    Record(Range<usize>, Position, Container),
    /// A record over [`MAX_RECORD_BYTES`], skipped.
    TooLarge(Position, Container, u64),
    /// The whole input (it is not JSON Lines, an array or a log file): `bytes[range]`.
    Whole(Range<usize>),
    /// Reading stopped: why.
    Failed(String),
}

/// How inputs that do not start like JSON objects or arrays are treated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Others {
    /// Split like any other (each value is a record, errors are per record).
    Split,
    /// Read whole (up to [`MAX_RECORD_BYTES`]) as one [`Piece::Whole`]: `eventpen events` reads
    /// any shape (SNS, CloudWatch Logs output …) and names problems as ingest does.
    Whole,
}

/// Reads every input in order, handing batches to `send` (at least one per input, maybe
/// empty); stops when `send` returns `false`.
pub fn read_all(inputs: Vec<Input>, others: Others, send: &mut dyn FnMut(Batch) -> bool) {
    for (index, input) in inputs.into_iter().enumerate() {
        let mut batch = Batch {
            input: index,
            name: input.name,
            bytes: Vec::new(),
            pieces: Vec::new(),
        };
        let reader = match input.reader {
            Ok(reader) => reader,
            Err(message) => {
                batch.pieces.push(Piece::Failed(message));
                if !send(batch) {
                    return;
                }
                continue;
            }
        };
        if !read_one(reader, others, batch, send) {
            return;
        }
    }
}

/// One input; `false` when the consumer stopped.
fn read_one(
    reader: Box<dyn Read + Send>,
    others: Others,
    mut batch: Batch,
    send: &mut dyn FnMut(Batch) -> bool,
) -> bool {
    let mut bytes = match decoded(reader) {
        Ok(decoded) => Bytes::new(decoded),
        Err(error) => return send(failed(batch, 0, &error)),
    };
    if others == Others::Whole {
        match bytes.look_ahead(1 << 16) {
            Ok(head) if !starts_like_json_container(head) => return send(whole(batch, bytes)),
            Ok(_) => {}
            Err(error) => return send(failed(batch, 0, &error)),
        }
    }
    let mut splitter = match Splitter::new(bytes, MAX_RECORD_BYTES) {
        Ok(splitter) => splitter,
        Err(error) => return send(failed(batch, 0, &error)),
    };
    // Every input sends at least one batch (maybe empty), so the writer sees each input.
    let mut sent = false;
    loop {
        let start = batch.bytes.len();
        match splitter.next_record(&mut batch.bytes) {
            Ok(Found::Record(at, container)) => {
                let end = batch.bytes.len();
                batch.pieces.push(Piece::Record(start..end, at, container));
            }
            Ok(Found::TooLarge(at, container, length)) => {
                batch.pieces.push(Piece::TooLarge(at, container, length));
            }
            Ok(Found::End) => return (sent && batch.pieces.is_empty()) || send(batch),
            Err(error) => return send(failed(batch, splitter.consumed(), &error)),
        }
        if batch.bytes.len() >= BATCH_BYTES || batch.pieces.len() >= BATCH_RECORDS {
            let next = Batch {
                input: batch.input,
                name: batch.name.clone(),
                bytes: Vec::with_capacity(BATCH_BYTES + (1 << 16)),
                pieces: Vec::new(),
            };
            if !send(std::mem::replace(&mut batch, next)) {
                return false;
            }
            sent = true;
        }
    }
}

/// The text of `reader`: gunzipped (every member) when it starts with gzip's magic bytes.
fn decoded(reader: Box<dyn Read + Send>) -> io::Result<Box<dyn Read + Send>> {
    let mut buffered = BufReader::with_capacity(1 << 16, reader);
    if buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        return Ok(Box::new(MultiGzDecoder::new(buffered)));
    }
    Ok(Box::new(buffered))
}

/// Whether the text (after a BOM and whitespace) starts with `{` or `[`.
fn starts_like_json_container(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    matches!(head.trim_ascii_start().first(), Some(b'{' | b'['))
}

/// The whole input as one piece, or why it was not read.
fn whole(mut batch: Batch, bytes: Bytes) -> Batch {
    match read_at_most(bytes, MAX_RECORD_BYTES) {
        Ok(text) => {
            batch.bytes = text;
            batch.pieces.push(Piece::Whole(0..batch.bytes.len()));
        }
        Err(ReadError::TooLarge { limit }) => batch.pieces.push(Piece::Failed(format!(
            "not read: larger than {}, the most EventPen reads of an input that is not JSON Lines, a JSON array or a CloudTrail log file",
            size_text(limit)
        ))),
        Err(ReadError::Io(error)) => batch.pieces.push(Piece::Failed(format!(
            "reading stopped: {error}"
        ))),
    }
    batch
}

fn failed(mut batch: Batch, consumed: u64, error: &io::Error) -> Batch {
    batch.pieces.push(Piece::Failed(format!(
        "reading stopped after {consumed} bytes of text: {error}"
    )));
    batch
}
