//! Reading an event's JSON text straight into what the store keeps, without a
//! `serde_json::Value` tree: one walk over the text writes the event's compact JSON (exactly
//! what `serde_json::to_writer` writes for the parsed event) and a tape of its structure
//! (objects, arrays, keys, scalars as tagged bytes) that the index then reads
//! ([`super::Paths::add_tape`]).
//!
//! Building a tree per event, serialising it and walking it again was most of a load's time
//! (issue 14 targets 100 MB/s in wasm). The reader is strict and small: whatever it does not
//! take (invalid JSON, a key twice in one object, deep nesting) it hands back, and the caller
//! reads that event with serde_json, which reports the exact error or stores the event as
//! before. Strings with escapes are decoded and written again by serde_json itself, so the
//! compact text is the same byte for byte.

use super::hash::hash_bytes;
use super::text_run::run_end;

#[path = "tape_head.rs"]
mod head;

/// Deeper than this, the event goes to serde_json (whose own limit is 128).
const MAX_DEPTH: usize = 100;
/// An object with more keys than this goes to serde_json (the duplicate-key check is linear).
const MAX_KEYS: usize = 512;

/// Where a text on the tape is: in the compact JSON (a string written as it was read, from its
/// opening quote) or in the tape's own buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Text {
    pub in_json: bool,
    pub start: u32,
    pub len: u32,
}

/// One step of an event's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// An object (`false`) or array (`true`) starts.
    Open(bool),
    /// The innermost open object or array ends.
    Close,
    /// An object key: tagged like a string (`"` then the key), and the low 32 bits of its
    /// [`hash_bytes`] (the index finds the key's path by it).
    Key(Text, u32),
    /// A scalar value: its tagged bytes (see `dictionary`).
    Scalar(Text),
}

/// One event read: its compact JSON and its structure. Reused across events.
#[derive(Debug, Default)]
pub(crate) struct Tape {
    /// The event's compact JSON.
    pub json: Vec<u8>,
    pub ops: Vec<Op>,
    /// Tagged bytes that are not in `json` as such (numbers, literals, decoded strings).
    own: Vec<u8>,
    /// The keys of the open objects (hash and text), to find a key given twice.
    keys: Vec<(u64, Text)>,
    /// While the text read so far is compact JSON (a log file's records usually are), `json`
    /// is not written: it would be the same bytes. This is where that text starts in the
    /// input; the first byte that differs (whitespace, an escape written anew) copies the
    /// text so far into `json` in one go, and so does the end of the read.
    synced: Option<usize>,
}

impl Tape {
    /// The bytes of `text`.
    pub(crate) fn text(&self, text: Text) -> &[u8] {
        let buffer = if text.in_json { &self.json } else { &self.own };
        let start = text.start as usize;
        buffer
            .get(start..start + text.len as usize)
            .unwrap_or_default()
    }

    /// Writes `bytes` (the compact form of the input just read) to the JSON, unless the JSON
    /// is still the input's own text.
    fn push_json(&mut self, bytes: &[u8]) {
        if self.synced.is_none() {
            self.json.extend_from_slice(bytes);
        }
    }

    /// The length of the JSON written so far, the input being read up to `at`.
    fn json_len(&self, at: usize) -> usize {
        self.synced.map_or(self.json.len(), |origin| at - origin)
    }

    /// The JSON stops being the input's own text at `at` (of `input`): the text so far is
    /// copied into it.
    fn unsync(&mut self, input: &[u8], at: usize) {
        if let Some(origin) = self.synced.take() {
            self.json.extend_from_slice(&input[origin..at]);
        }
    }

    /// The bytes its buffers hold.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.json.capacity()
            + self.own.capacity()
            + self.ops.capacity() * std::mem::size_of::<Op>()
            + self.keys.capacity() * std::mem::size_of::<(u64, Text)>()
    }

    /// Reads one event's JSON text; `false` when the reader does not take it (the tape is
    /// then unusable and serde_json should read the text).
    pub(crate) fn read_str(&mut self, text: &str) -> bool {
        self.read_at_depth(text, 0)
    }

    /// Reads the JSON text of a value that will be an event's `detail` (one level down, so
    /// the depth limit is the one the whole event would meet).
    pub(crate) fn read_detail(&mut self, text: &str) -> bool {
        self.read_at_depth(text, 1)
    }

    fn read_at_depth(&mut self, text: &str, depth: usize) -> bool {
        self.clear();
        let input = text.as_bytes();
        let mut reader = Reader { input, at: 0 };
        reader.skip_space(None);
        self.synced = Some(reader.at);
        let read = reader.value(self, depth).is_some();
        self.unsync(input, reader.at);
        reader.skip_space(None);
        read && reader.at == input.len()
    }

    pub(super) fn clear(&mut self) {
        self.synced = None;
        self.json.clear();
        self.ops.clear();
        self.own.clear();
        self.keys.clear();
    }
}

struct Reader<'a> {
    input: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.input.get(self.at).copied()
    }

    /// The bytes of `text` while reading: in the input itself while the tape's JSON is not
    /// written yet.
    fn text_so_far<'t>(&'t self, tape: &'t Tape, text: Text) -> &'t [u8] {
        match tape.synced {
            Some(origin) if text.in_json => {
                let start = origin + text.start as usize;
                self.input
                    .get(start..start + text.len as usize)
                    .unwrap_or_default()
            }
            _ => tape.text(text),
        }
    }

    /// Skips whitespace; the tape's JSON (when given) then no longer is the input's text.
    #[inline]
    fn skip_space(&mut self, tape: Option<&mut Tape>) {
        if let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.skip_space_run(tape);
        }
    }

    fn skip_space_run(&mut self, tape: Option<&mut Tape>) {
        let start = self.at;
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        if let (true, Some(tape)) = (self.at > start, tape) {
            tape.unsync(self.input, start);
        }
    }

    /// Consumes `literal` and writes it to the JSON.
    fn literal(&mut self, tape: &mut Tape, literal: &[u8], tag: u8) -> Option<()> {
        if !self.input[self.at..].starts_with(literal) {
            return None;
        }
        self.at += literal.len();
        tape.push_json(literal);
        let start = tape.own.len() as u32;
        tape.own.push(tag);
        tape.ops.push(Op::Scalar(Text {
            in_json: false,
            start,
            len: 1,
        }));
        Some(())
    }

    fn value(&mut self, tape: &mut Tape, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'{' => self.object(tape, depth),
            b'[' => self.array(tape, depth),
            b'"' => {
                let text = self.string(tape)?;
                tape.ops.push(Op::Scalar(text));
                Some(())
            }
            b't' => self.literal(tape, b"true", super::dictionary::TRUE),
            b'f' => self.literal(tape, b"false", super::dictionary::FALSE),
            b'n' => self.literal(tape, b"null", super::dictionary::NULL),
            b'-' | b'0'..=b'9' => self.number(tape),
            _ => None,
        }
    }

    fn object(&mut self, tape: &mut Tape, depth: usize) -> Option<()> {
        self.at += 1;
        tape.push_json(b"{");
        tape.ops.push(Op::Open(false));
        let first_key = tape.keys.len();
        self.skip_space(Some(tape));
        if self.peek() == Some(b'}') {
            self.at += 1;
        } else {
            loop {
                if self.peek() != Some(b'"') || tape.keys.len() - first_key >= MAX_KEYS {
                    return None;
                }
                let key = self.string(tape)?;
                let bytes = self.text_so_far(tape, key);
                let hash = hash_bytes(bytes);
                let twice = tape.keys[first_key..]
                    .iter()
                    .any(|&(h, other)| h == hash && self.text_so_far(tape, other) == bytes);
                if twice {
                    return None;
                }
                tape.keys.push((hash, key));
                tape.ops.push(Op::Key(key, hash as u32));
                self.skip_space(Some(tape));
                if self.peek() != Some(b':') {
                    return None;
                }
                self.at += 1;
                tape.push_json(b":");
                self.skip_space(Some(tape));
                self.value(tape, depth + 1)?;
                if !self.member_separator(tape, b'}')? {
                    break;
                }
            }
        }
        tape.keys.truncate(first_key);
        tape.push_json(b"}");
        tape.ops.push(Op::Close);
        Some(())
    }

    /// After a member of an object or array: a `,` (another member follows: `true`, written to
    /// the tape) or the `close` bracket (the container ends: `false`); anything else is not
    /// JSON this reader takes (`None`).
    fn member_separator(&mut self, tape: &mut Tape, close: u8) -> Option<bool> {
        self.skip_space(Some(tape));
        match self.peek()? {
            b',' => {
                self.at += 1;
                tape.push_json(b",");
                self.skip_space(Some(tape));
                Some(true)
            }
            byte if byte == close => {
                self.at += 1;
                Some(false)
            }
            _ => None,
        }
    }

    fn array(&mut self, tape: &mut Tape, depth: usize) -> Option<()> {
        self.at += 1;
        tape.push_json(b"[");
        tape.ops.push(Op::Open(true));
        self.skip_space(Some(tape));
        if self.peek() == Some(b']') {
            self.at += 1;
        } else {
            loop {
                self.value(tape, depth + 1)?;
                if !self.member_separator(tape, b']')? {
                    break;
                }
            }
        }
        tape.push_json(b"]");
        tape.ops.push(Op::Close);
        Some(())
    }

    /// A string (at its opening quote), written to the JSON; its tagged text.
    fn string(&mut self, tape: &mut Tape) -> Option<Text> {
        let open = self.at;
        let end = run_end(self.input, open + 1);
        if *self.input.get(end)? == b'"' {
            // No escapes: the text is the same in the compact JSON.
            let start = tape.json_len(open) as u32;
            tape.push_json(&self.input[open..=end]);
            self.at = end + 1;
            return Some(Text {
                in_json: true,
                start,
                len: (end - open) as u32,
            });
        }
        self.escaped(tape, open, end)
    }

    /// A string with escapes: decoded and written again by serde_json (its exact rules).
    fn escaped(&mut self, tape: &mut Tape, open: usize, mut end: usize) -> Option<Text> {
        loop {
            match *self.input.get(end)? {
                b'"' => break,
                b'\\' => end += 2,
                _ => end += 1,
            }
        }
        let decoded: String = serde_json::from_slice(&self.input[open..=end]).ok()?;
        tape.unsync(self.input, open);
        serde_json::to_writer(&mut tape.json, &decoded).ok()?;
        self.at = end + 1;
        let start = tape.own.len() as u32;
        tape.own.push(super::dictionary::STRING);
        tape.own.extend_from_slice(decoded.as_bytes());
        Some(Text {
            in_json: false,
            start,
            len: (decoded.len() + 1) as u32,
        })
    }

    /// A number, kept as written (the workspace's serde_json keeps numbers' text, but for the
    /// spelling of exponents).
    fn number(&mut self, tape: &mut Tape) -> Option<()> {
        let start = self.at;
        let digits = |reader: &mut Self| {
            let first = reader.at;
            while let Some(b'0'..=b'9') = reader.peek() {
                reader.at += 1;
            }
            reader.at > first
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else if !digits(self) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        let mut exponent = false;
        if let Some(b'e' | b'E') = self.peek() {
            exponent = true;
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        let own = tape.own.len() as u32;
        tape.own.push(super::dictionary::NUMBER);
        let text = &self.input[start..self.at];
        if exponent {
            // serde_json spells exponents its own way (`1E5` is `1e+5`): let it.
            let number: serde_json::Number = serde_json::from_slice(text).ok()?;
            tape.own.extend_from_slice(number.to_string().as_bytes());
        } else {
            tape.own.extend_from_slice(text);
        }
        if exponent {
            tape.unsync(self.input, start);
        }
        if tape.synced.is_none() {
            tape.json.extend_from_slice(&tape.own[own as usize + 1..]);
        }
        tape.ops.push(Op::Scalar(Text {
            in_json: false,
            start: own,
            len: (tape.own.len() - own as usize) as u32,
        }));
        Some(())
    }
}
