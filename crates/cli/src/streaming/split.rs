//! Splitting decoded text into records without parsing them: the reader thread only finds where
//! each record starts and ends (newlines, or brackets and strings), the worker threads parse.
//!
//! Three layouts, chosen from the start of each input:
//! - JSON Lines (the first value ends on the first line): one record per non-blank line, found
//!   with `memchr`, so a broken line is reported alone and the next line is read normally;
//! - a CloudTrail log file, `{"Records": [ … ]}`: each element of `Records` is a record;
//! - anything else (one value, pretty-printed values one after another, a JSON array): each
//!   top-level value is a record, except an array, whose elements are records.

use super::bytes::{Bytes, Position};
use std::io;

/// Where a record sits in its input's structure, for problems that name a JSON path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// A top-level value or a line.
    TopLevel,
    /// Element `i` of a top-level array: `[i]`.
    Array(usize),
    /// Element `i` of a log file's `Records`: `Records[i]`.
    Records(usize),
}

impl Container {
    /// The JSON path of the record in its input (`None` for a top-level value).
    pub fn path(self) -> Option<String> {
        match self {
            Container::TopLevel => None,
            Container::Array(index) => Some(format!("[{index}]")),
            Container::Records(index) => Some(format!("Records[{index}]")),
        }
    }
}

/// What the splitter found next.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// A record: its bytes were appended to the caller's buffer.
    Record(Position, Container),
    /// A record over the size limit: skipped, nothing appended.
    TooLarge(Position, Container, u64),
    /// The end of the input.
    End,
}

/// The layout of the input being split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Lines,
    Values,
}

/// Splits one input into records.
pub struct Splitter {
    bytes: Bytes,
    layout: Layout,
    /// The array whose elements are being read, and the next element's index.
    array: Option<Container>,
    /// Inside a log file's object: after its `Records` array, the rest is skipped.
    in_log_file: bool,
    max_record: usize,
}

impl Splitter {
    /// Looks at the start of `bytes` to choose the layout; records over `max_record` bytes are
    /// skipped (a guard against one absurd record, not a limit on the input).
    pub fn new(mut bytes: Bytes, max_record: usize) -> io::Result<Self> {
        let head = bytes.look_ahead(3)?;
        if head.starts_with(b"\xef\xbb\xbf") {
            bytes.skip_bom();
        }
        let layout = if first_value_is_one_line(bytes.look_ahead(1 << 20)?) {
            Layout::Lines
        } else {
            Layout::Values
        };
        Ok(Splitter {
            bytes,
            layout,
            array: None,
            in_log_file: false,
            max_record,
        })
    }

    /// Bytes of text read so far.
    pub fn consumed(&self) -> u64 {
        self.bytes.consumed()
    }

    /// The next record, appended to `out`.
    pub fn next_record(&mut self, out: &mut Vec<u8>) -> io::Result<Found> {
        match self.layout {
            Layout::Lines => self.next_line(out),
            Layout::Values => self.next_value(out),
        }
    }

    fn next_line(&mut self, out: &mut Vec<u8>) -> io::Result<Found> {
        loop {
            let at = self.bytes.position();
            let before = out.len();
            let mut length = 0u64;
            loop {
                let available = self.bytes.available()?;
                if available.is_empty() {
                    break;
                }
                let (take, ends) = match memchr::memchr(b'\n', available) {
                    Some(newline) => (newline + 1, true),
                    None => (available.len(), false),
                };
                length += take as u64;
                if length <= self.max_record as u64 {
                    out.extend_from_slice(&available[..take]);
                }
                self.bytes.consume(take);
                if ends {
                    break;
                }
            }
            if length == 0 {
                return Ok(Found::End);
            }
            if length > self.max_record as u64 {
                out.truncate(before);
                return Ok(Found::TooLarge(at, Container::TopLevel, length));
            }
            let line_end = before + out[before..].trim_ascii_end().len();
            out.truncate(line_end);
            if out.len() > before {
                return Ok(Found::Record(at, Container::TopLevel));
            }
        }
    }

    fn next_value(&mut self, out: &mut Vec<u8>) -> io::Result<Found> {
        loop {
            self.skip_whitespace()?;
            let Some(&first) = self.bytes.available()?.first() else {
                return Ok(Found::End);
            };
            if let Some(container) = self.array {
                match first {
                    b',' => {
                        self.bytes.consume(1);
                        continue;
                    }
                    b']' => {
                        self.bytes.consume(1);
                        self.array = None;
                        if self.in_log_file {
                            // The rest of the log file's object (other keys, then `}`).
                            self.in_log_file = false;
                            self.scan_value(None, 1)?;
                        }
                        continue;
                    }
                    _ => {
                        self.array = Some(match container {
                            Container::Array(i) => Container::Array(i + 1),
                            Container::Records(i) => Container::Records(i + 1),
                            Container::TopLevel => Container::TopLevel,
                        });
                        return self.record(out, container);
                    }
                }
            }
            if first == b'[' {
                self.bytes.consume(1);
                self.array = Some(Container::Array(0));
                continue;
            }
            if let Some(prefix) = log_file_prefix(self.bytes.look_ahead(256)?) {
                self.bytes.consume(prefix);
                self.array = Some(Container::Records(0));
                self.in_log_file = true;
                continue;
            }
            return self.record(out, Container::TopLevel);
        }
    }

    /// One value as a record (or skipped, if too large).
    fn record(&mut self, out: &mut Vec<u8>, container: Container) -> io::Result<Found> {
        let at = self.bytes.position();
        let before = out.len();
        let length = self.scan_value(Some(out), 0)?;
        if length > self.max_record as u64 {
            out.truncate(before);
            return Ok(Found::TooLarge(at, container, length));
        }
        Ok(Found::Record(at, container))
    }

    fn skip_whitespace(&mut self) -> io::Result<()> {
        loop {
            let available = self.bytes.available()?;
            let blank = available
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(available.len());
            let all = blank == available.len();
            self.bytes.consume(blank);
            if !all || blank == 0 {
                return Ok(());
            }
        }
    }

    /// Reads one value from `depth` (0: its first byte is next; 1: inside a container whose
    /// opening bracket was read) to its end, copying it to `out` up to the record limit.
    /// Returns its length. A scalar ends before the next delimiter; a stray closing bracket or
    /// comma is a one-byte value (the worker reports it); an unfinished value ends at the end.
    fn scan_value(&mut self, mut out: Option<&mut Vec<u8>>, mut depth: u32) -> io::Result<u64> {
        let mut length = 0u64;
        let mut in_string = false;
        let mut escaped = false;
        let mut started = depth > 0;
        let mut scalar = false;
        loop {
            let available = self.bytes.available()?;
            if available.is_empty() {
                return Ok(length);
            }
            let mut i = 0;
            let mut done = false;
            while i < available.len() {
                if escaped {
                    escaped = false;
                    i += 1;
                    continue;
                }
                if in_string {
                    // Most of a record is strings: jump to the next quote or backslash.
                    let Some(at) = memchr::memchr2(b'"', b'\\', &available[i..]) else {
                        i = available.len();
                        break;
                    };
                    i += at + 1;
                    if available[i - 1] == b'\\' {
                        escaped = true;
                    } else {
                        in_string = false;
                        if depth == 0 {
                            done = true;
                            break;
                        }
                    }
                    continue;
                }
                let byte = available[i];
                if scalar {
                    if byte.is_ascii_whitespace()
                        || matches!(byte, b',' | b']' | b'}' | b'[' | b'{')
                    {
                        done = true;
                        break;
                    }
                    i += 1;
                    continue;
                }
                i += 1;
                match byte {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' | b',' if !started => done = true,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        done = depth == 0;
                    }
                    _ if !started => scalar = true,
                    _ => {}
                }
                started = true;
                if done {
                    break;
                }
            }
            let used = i;
            length += used as u64;
            if let Some(out) = out.as_deref_mut()
                && length <= self.max_record as u64
            {
                out.extend_from_slice(&available[..used]);
            }
            self.bytes.consume(used);
            if done {
                return Ok(length);
            }
        }
    }
}

/// Whether the text starts with one complete value on its first line, then a newline: JSON
/// Lines (a one-line file counts as well; a lone `[` array is split by elements instead).
fn first_value_is_one_line(head: &[u8]) -> bool {
    let start = head.trim_ascii_start();
    if !start.starts_with(b"{") || log_file_prefix(start).is_some() {
        return false;
    }
    let first_line = match memchr::memchr(b'\n', start) {
        Some(newline) => &start[..newline],
        None => return false,
    };
    let mut depth = 0u32;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &byte) in first_line.iter().enumerate() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return first_line[i + 1..].trim_ascii().is_empty();
                }
            }
            _ => {}
        }
    }
    false
}

/// The length of `{"Records": [` (with any whitespace) at the start of `head`, if it is there.
fn log_file_prefix(head: &[u8]) -> Option<usize> {
    let mut rest = head.trim_ascii_start();
    for expected in [&b"{"[..], b"\"Records\"", b":", b"["] {
        rest = rest.strip_prefix(expected)?.trim_ascii_start();
    }
    Some(head.len() - rest.len())
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
