//! A CloudTrail log file read in pieces: the worker reads a 100 MB File 4 MB at a time, and
//! holding the whole text in wasm memory until the end would cost the input's size again on
//! top of the event store (wasm memory never shrinks). [`LogFileChunks`] takes the pieces as
//! they come, finds where each record of `Records` ends with a byte scanner (depth, strings,
//! escapes: no parse), converts every complete record as [`crate::read_log_file`] does
//! ([`crate::raw::emit_record`]), and keeps only the unfinished record's bytes.
//!
//! Several documents one after another are read like one; keys after `Records` are skipped.
//! A record that is not JSON is reported on its own (with its line:column) and the next one
//! is read; text that ends inside a document is reported at its end.

use crate::line_counter::{LineCounter, find_quote_or_backslash};
use crate::model::{Problem, ProblemKind};
use crate::raw::{RawItem, RecordAt, emit_record};
use crate::record_fields::RecordSink;
use crate::stream::{Prefix, records_prefix};
use std::ops::ControlFlow;

/// A UTF-8 byte-order mark, which may start the text.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Where the scanner is in the log file's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before a document's `{"Records": [` (the start, or after a document).
    Document,
    /// In `Records`, before an element, a comma or the closing `]`.
    Between,
    /// In a record; `depth` counts its open brackets (0: a scalar or string record).
    Record,
    /// After `Records`: the rest of the document's object, skipped to its `}`.
    Rest,
    /// A problem stopped the read, or the sink did.
    Stopped,
}

/// A log file's text, fed chunk by chunk. See the [module docs](self).
///
/// ```
/// use eventpen_ingest::{fixtures, LogFileChunks, RawItem};
/// use std::ops::ControlFlow;
/// let text = format!("{{\"Records\":[{0},{0}]}}", fixtures::RUN_INSTANCES);
/// let mut chunks = LogFileChunks::new("log.json");
/// let mut names = Vec::new();
/// let mut sink = |item: RawItem<'_>| {
///     if let RawItem::Event(e) = item { names.push(e.index); }
///     ControlFlow::Continue(())
/// };
/// for piece in text.as_bytes().chunks(100) {
///     chunks.feed(piece, &mut sink);
/// }
/// chunks.finish(&mut sink);
/// assert_eq!(names, [0, 1]);
/// ```
#[derive(Debug)]
pub struct LogFileChunks {
    name: String,
    /// The bytes not yet converted; `buffer[0]` is at `base` in the input.
    buffer: Vec<u8>,
    base: usize,
    /// How far into `buffer` the scan got.
    scan: usize,
    phase: Phase,
    /// Where the record being scanned starts in `buffer`.
    record_start: usize,
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// The record is a bare scalar (`1`, `null`): it ends at the next delimiter.
    bare: bool,
    /// Records seen (the `Records[i]` of the next one) and events made.
    records: usize,
    events: usize,
    lines: LineCounter,
}

impl LogFileChunks {
    /// A reader for input `name` (named in problems).
    pub fn new(name: &str) -> LogFileChunks {
        LogFileChunks {
            name: name.to_string(),
            buffer: Vec::new(),
            base: 0,
            scan: 0,
            phase: Phase::Document,
            record_start: 0,
            depth: 0,
            in_string: false,
            escaped: false,
            bare: false,
            records: 0,
            events: 0,
            lines: LineCounter::default(),
        }
    }

    /// Whether a text starting with `head` is a log file this reader takes (`{"Records": [`
    /// after an optional byte-order mark and whitespace; gzip is not).
    pub fn takes(head: &[u8]) -> bool {
        crate::stream::starts_like_log_file(head)
    }

    /// Events made so far.
    pub fn events(&self) -> usize {
        self.events
    }

    /// The bytes held for the record not finished yet.
    pub fn held_bytes(&self) -> usize {
        self.buffer.capacity()
    }

    /// The next piece of the text: every record it completes goes to `sink`. `Break` from the
    /// sink stops the read (later pieces are ignored).
    pub fn feed<S>(&mut self, chunk: &[u8], sink: &mut S) -> ControlFlow<()>
    where
        S: RecordSink + ?Sized,
    {
        if self.phase == Phase::Stopped {
            return ControlFlow::Break(());
        }
        self.buffer.extend_from_slice(chunk);
        self.feed_filled(sink)
    }

    /// Room for the next piece of the text, `len` bytes to be written in place and then read
    /// with [`LogFileChunks::feed_filled`]: a worker copies each chunk from the browser straight
    /// here instead of into a buffer of its own first (one copy of every byte less).
    pub fn room(&mut self, len: usize) -> &mut [u8] {
        let start = self.buffer.len();
        self.buffer.resize(start + len, 0);
        &mut self.buffer[start..]
    }

    /// Reads the piece written into [`LogFileChunks::room`], as [`LogFileChunks::feed`] reads
    /// a piece it is given.
    pub fn feed_filled<S>(&mut self, sink: &mut S) -> ControlFlow<()>
    where
        S: RecordSink + ?Sized,
    {
        if self.phase == Phase::Stopped {
            self.buffer.clear();
            return ControlFlow::Break(());
        }
        let flow = self.scan_buffer(sink);
        self.drop_converted();
        flow
    }

    /// The text ended: a document left open is reported (where the text ends).
    pub fn finish<S>(&mut self, sink: &mut S) -> ControlFlow<()>
    where
        S: RecordSink + ?Sized,
    {
        let open = match self.phase {
            Phase::Document => {
                let rest = &self.buffer[self.scan..];
                !rest.trim_ascii().is_empty() && rest != BOM
            }
            Phase::Stopped => false,
            _ => true,
        };
        if !open {
            return ControlFlow::Continue(());
        }
        let end = self.buffer.len();
        let message = format!(
            "the text ends inside the log file's `Records` (after {} records): the file is cut short",
            self.records
        );
        self.stop(sink, end, message)
    }

    /// Scans from `scan` to the end of the buffer, converting each record completed.
    fn scan_buffer<S>(&mut self, sink: &mut S) -> ControlFlow<()>
    where
        S: RecordSink + ?Sized,
    {
        while self.scan < self.buffer.len() {
            match self.phase {
                Phase::Document => {
                    let rest = &self.buffer[self.scan..];
                    if rest.len() < BOM.len() && BOM.starts_with(rest) {
                        // Perhaps a byte-order mark: wait for its other bytes.
                        return ControlFlow::Continue(());
                    }
                    let start = rest.strip_prefix(BOM).unwrap_or(rest);
                    let skipped = rest.len() - start.trim_ascii_start().len();
                    let rest = &rest[skipped..];
                    if rest.is_empty() {
                        self.scan += skipped;
                        return ControlFlow::Continue(());
                    }
                    match records_prefix(rest) {
                        Prefix::Complete(length) => {
                            self.scan += skipped + length;
                            self.phase = Phase::Between;
                        }
                        // Wait for more text (a prefix is short, so only a few bytes).
                        Prefix::Partial => return ControlFlow::Continue(()),
                        Prefix::Not => {
                            let at = self.scan + skipped;
                            let message = "expected a CloudTrail log file document \
                                `{\"Records\": [...]}`; the rest of this input was not read"
                                .to_string();
                            return self.stop(sink, at, message);
                        }
                    }
                }
                Phase::Between => {
                    let byte = self.buffer[self.scan];
                    match byte {
                        b' ' | b'\t' | b'\r' | b'\n' | b',' => self.scan += 1,
                        b']' => {
                            self.scan += 1;
                            self.phase = Phase::Rest;
                            self.depth = 1;
                        }
                        b'}' => {
                            let message = "expected a record or `]` in `Records`; the rest \
                                of this input was not read"
                                .to_string();
                            return self.stop(sink, self.scan, message);
                        }
                        _ => {
                            self.phase = Phase::Record;
                            self.record_start = self.scan;
                            self.depth = 0;
                            self.bare = !matches!(byte, b'{' | b'[' | b'"');
                        }
                    }
                }
                Phase::Record => {
                    if let Some(end) = self.scan_value() {
                        self.phase = Phase::Between;
                        self.convert(self.record_start, end, sink)?;
                    }
                }
                Phase::Rest => {
                    if self.scan_value().is_some() {
                        self.phase = Phase::Document;
                    }
                }
                Phase::Stopped => return ControlFlow::Break(()),
            }
        }
        ControlFlow::Continue(())
    }

    /// Scans the value under way; the end of it in `buffer` once it is complete (the depth
    /// back at 0, or a bare scalar's delimiter), `None` when the buffer ends first.
    fn scan_value(&mut self) -> Option<usize> {
        let bytes = &self.buffer;
        let mut i = self.scan;
        while i < bytes.len() {
            if self.escaped {
                self.escaped = false;
                i += 1;
                continue;
            }
            if self.in_string {
                // Most of a record is strings: jump to the next quote or backslash.
                match find_quote_or_backslash(bytes, i) {
                    Some(at) => {
                        i = at + 1;
                        if bytes[i - 1] == b'\\' {
                            self.escaped = true;
                        } else {
                            self.in_string = false;
                            if self.depth == 0 {
                                self.scan = i;
                                return Some(i);
                            }
                        }
                    }
                    None => i = bytes.len(),
                }
                continue;
            }
            let byte = bytes[i];
            if self.bare {
                if byte.is_ascii_whitespace() || matches!(byte, b',' | b']' | b'}') {
                    self.bare = false;
                    self.scan = i;
                    return Some(i);
                }
                i += 1;
                continue;
            }
            i += 1;
            match byte {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        self.scan = i;
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        self.scan = i;
        None
    }

    /// Converts the record at `start..end` of the buffer.
    fn convert<S>(&mut self, start: usize, end: usize, sink: &mut S) -> ControlFlow<()>
    where
        S: RecordSink + ?Sized,
    {
        let at = self.record_at(start);
        self.records += 1;
        let Ok(body) = std::str::from_utf8(&self.buffer[start..end]) else {
            let message = format!("{} is not UTF-8 text", at.path);
            return self.stop(sink, start, message);
        };
        let fields = sink.read_record(body);
        let flow = emit_record(
            &self.name,
            body,
            at,
            &mut self.events,
            fields,
            &mut |item| sink.item(item),
        );
        if flow.is_break() {
            self.phase = Phase::Stopped;
        }
        flow
    }

    /// Where buffer position `start` is (the next record's path).
    fn record_at(&mut self, start: usize) -> RecordAt {
        let from = self.lines.offset() - self.base;
        self.lines.advance(&self.buffer[from..start]);
        RecordAt {
            offset: self.base + start,
            position: self.lines.position(),
            path: format!("Records[{}]", self.records),
        }
    }

    /// Reports a problem at buffer position `at` and stops reading.
    fn stop<S>(&mut self, sink: &mut S, at: usize, message: String) -> ControlFlow<()>
    where
        S: RecordSink + ?Sized,
    {
        let place = self.record_at(at);
        self.phase = Phase::Stopped;
        let _ = sink.item(RawItem::Problem(Problem {
            input: self.name.clone(),
            position: Some(place.position),
            offset: Some(place.offset),
            path: Some(place.path),
            severity: ProblemKind::InvalidJson.severity(),
            kind: ProblemKind::InvalidJson,
            message,
        }));
        ControlFlow::Break(())
    }

    /// Drops the bytes before the record under way (or all scanned bytes between records),
    /// counting their lines first.
    fn drop_converted(&mut self) {
        let keep_from = match self.phase {
            Phase::Record => self.record_start,
            Phase::Stopped => self.buffer.len(),
            _ => self.scan,
        };
        let from = self.lines.offset() - self.base;
        if keep_from > from {
            self.lines.advance(&self.buffer[from..keep_from]);
        }
        self.buffer.drain(..keep_from);
        self.base += keep_from;
        self.scan -= keep_from.min(self.scan);
        self.record_start -= keep_from.min(self.record_start);
    }
}

#[cfg(test)]
#[path = "raw_split_tests.rs"]
mod tests;
