//! The scanner that builds the pruned tree: descends where the trie says, decodes the values
//! the pattern reads, and hands everything else to the syntax-only skipper.

use std::borrow::Cow;

use serde::de;

use super::early::Early;
use super::find::string_stop;
use super::{Raw, Trie, insert};

/// A key (checked to be UTF-8 when read) as text.
fn key_text(key: Cow<'_, [u8]>) -> Result<Cow<'_, str>, serde_json::Error> {
    let invalid = |_| <serde_json::Error as de::Error>::custom("invalid UTF-8 in a key");
    match key {
        Cow::Borrowed(bytes) => std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(invalid),
        Cow::Owned(bytes) => String::from_utf8(bytes)
            .map(Cow::Owned)
            .map_err(|e| invalid(e.utf8_error())),
    }
}

/// Decodes the body of a string whose escapes [`Scanner::skip_string`] has checked. A lone
/// surrogate escape (`"\ud83d"`), which Java keeps as a UTF-16 unit and serde_json refuses,
/// becomes U+FFFD, so the event is read as event-ruler reads it rather than refused.
fn decode_escaped(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    let hex4 = |chars: &mut std::str::Chars| -> Option<u32> {
        let digits: String = chars.by_ref().take(4).collect();
        u32::from_str_radix(&digits, 16).ok()
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next()? {
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let high = hex4(&mut chars)?;
                if (0xD800..0xDC00).contains(&high) && chars.as_str().starts_with("\\u") {
                    let mut ahead = chars.clone();
                    ahead.nth(1); // past `\u`
                    let low = hex4(&mut ahead)?;
                    if (0xDC00..0xE000).contains(&low) {
                        chars = ahead;
                        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        out.push(char::from_u32(code)?);
                        continue;
                    }
                }
                char::from_u32(high).unwrap_or('\u{FFFD}')
            }
            other => other,
        };
        out.push(decoded);
    }
    Some(out)
}

/// serde_json's default nesting limit.
pub(super) const MAX_DEPTH: usize = 128;

/// A cursor over the event bytes.
pub(super) struct Scanner<'b, 'c> {
    pub(super) bytes: &'b [u8],
    pub(super) pos: usize,
    pub(super) depth: usize,
    /// Arrays of the pruned walk the cursor is in (a value kept there may have siblings).
    arrays: usize,
    /// The bytes are known to be valid JSON: skipped containers are not checked.
    pub(super) prevalidated: bool,
    /// Deciding before the end (pre-validated bytes only): once it has a verdict, every
    /// open object and array returns at once with what it has.
    pub(super) early: Option<Early<'c>>,
    /// The early verdict is known: stop reading.
    stop: bool,
}

impl<'b> Scanner<'b, '_> {
    pub(super) fn new(bytes: &'b [u8]) -> Self {
        Scanner {
            bytes,
            pos: 0,
            depth: 0,
            arrays: 0,
            prevalidated: false,
            early: None,
            stop: false,
        }
    }

    pub(super) fn error(&self, what: &str) -> serde_json::Error {
        <serde_json::Error as de::Error>::custom(format!("{what} at byte {}", self.pos))
    }

    #[inline]
    pub(super) fn whitespace(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if b > b' ' || !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return;
            }
            self.pos += 1;
        }
    }

    #[inline]
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn expect(&mut self, byte: u8, what: &str) -> Result<(), serde_json::Error> {
        self.whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    pub(super) fn enter(&mut self) -> Result<(), serde_json::Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(self.error("recursion limit exceeded"))
        } else {
            Ok(())
        }
    }

    /// A value under `node`: containers are pruned, scalars (which the pattern does not
    /// read at this level) become null.
    pub(super) fn value(&mut self, node: &Trie) -> Result<Raw<'b>, serde_json::Error> {
        self.whitespace();
        match self.peek() {
            Some(b'{') => self.object(node),
            Some(b'[') => self.array(node),
            _ => {
                self.skip()?;
                Ok(Raw::Null)
            }
        }
    }

    fn object(&mut self, node: &Trie) -> Result<Raw<'b>, serde_json::Error> {
        self.enter()?;
        self.pos += 1;
        let mut map = Vec::new();
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            self.closed(node);
            return Ok(Raw::Object(map));
        }
        loop {
            self.whitespace();
            let key = self.key()?;
            self.expect(b':', "expected `:`")?;
            self.whitespace();
            match node.step(&key) {
                // Most skipped members are strings: straight to the string skipper.
                None if self.peek() == Some(b'"') => self.skip_string()?,
                None => self.skip()?,
                Some(child) if child.leaf => {
                    let value = self.build()?;
                    if let Some(early) = &mut self.early {
                        let rest = self.bytes.get(self.pos..).unwrap_or_default();
                        early.note(&child.fields, &value, self.arrays > 0, rest);
                        self.stop = early.verdict.is_some();
                    }
                    insert(&mut map, key_text(key)?, value);
                }
                Some(child) => {
                    let value = self.value(child)?;
                    insert(&mut map, key_text(key)?, value);
                }
            }
            if self.stop {
                self.depth -= 1;
                return Ok(Raw::Object(map));
            }
            if self.end_or_comma(b'}')? {
                self.depth -= 1;
                self.closed(node);
                return Ok(Raw::Object(map));
            }
        }
    }

    /// Tells the early verdicts that the object of `node` has closed (outside arrays only:
    /// an array's next element may hold the same keys again).
    fn closed(&mut self, node: &Trie) {
        if self.arrays == 0
            && let Some(early) = &mut self.early
        {
            let rest = self.bytes.get(self.pos..).unwrap_or_default();
            early.closed(node.under, node.path_needles, rest);
            self.stop = early.verdict.is_some();
        }
    }

    fn array(&mut self, node: &Trie) -> Result<Raw<'b>, serde_json::Error> {
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        self.whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Raw::Array(items));
        }
        self.arrays += 1;
        loop {
            items.push(self.value(node)?);
            if self.stop || self.end_or_comma(b']')? {
                self.arrays -= 1;
                self.depth -= 1;
                return Ok(Raw::Array(items));
            }
        }
    }

    /// A whole value, decoded (the pattern reads it). Numbers keep their text.
    fn build(&mut self) -> Result<Raw<'b>, serde_json::Error> {
        self.whitespace();
        let start = self.pos;
        match self.peek() {
            Some(b'"') => self.string_value().map(Raw::Str),
            Some(b'-' | b'0'..=b'9') => {
                self.number()?;
                let bytes: &'b [u8] = self.bytes;
                Ok(Raw::Num(
                    std::str::from_utf8(&bytes[start..self.pos]).unwrap_or_default(),
                ))
            }
            Some(b't') => self.word(b"true").map(|()| Raw::Bool(true)),
            Some(b'f') => self.word(b"false").map(|()| Raw::Bool(false)),
            Some(b'n') => self.word(b"null").map(|()| Raw::Null),
            Some(b'[') => {
                self.enter()?;
                self.pos += 1;
                let mut items = Vec::new();
                self.whitespace();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        items.push(self.build()?);
                        if self.end_or_comma(b']')? {
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Ok(Raw::Array(items))
            }
            Some(b'{') => {
                self.enter()?;
                self.pos += 1;
                let mut map = Vec::new();
                self.whitespace();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        self.whitespace();
                        if self.peek() != Some(b'"') {
                            return Err(self.error("expected a key"));
                        }
                        let key = self.string_value()?;
                        self.expect(b':', "expected `:`")?;
                        let value = self.build()?;
                        insert(&mut map, key, value);
                        if self.end_or_comma(b'}')? {
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Ok(Raw::Object(map))
            }
            _ => Err(self.error("expected a value")),
        }
    }

    /// A string, decoded: borrowed bytes checked as UTF-8 when there is no escape, else
    /// serde_json's decoding.
    fn string_value(&mut self) -> Result<Cow<'b, str>, serde_json::Error> {
        let start = self.pos;
        self.skip_string()?;
        let bytes: &'b [u8] = self.bytes;
        let body = &bytes[start + 1..self.pos - 1];
        if !body.contains(&b'\\') {
            return std::str::from_utf8(body)
                .map(Cow::Borrowed)
                .map_err(|_| self.error("invalid UTF-8 in a string"));
        }
        decode_escaped(body)
            .map(Cow::Owned)
            .ok_or_else(|| self.error("invalid string"))
    }

    /// After a member or element: `,` (more follow) or the closing bracket (true).
    #[inline]
    pub(super) fn end_or_comma(&mut self, close: u8) -> Result<bool, serde_json::Error> {
        self.whitespace();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(false)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(true)
            }
            _ => Err(self.error("expected `,` or a closing bracket")),
        }
    }

    /// An object key, borrowed when it has no escapes.
    fn key(&mut self) -> Result<Cow<'b, [u8]>, serde_json::Error> {
        if self.peek() != Some(b'"') {
            return Err(self.error("expected a key"));
        }
        let start = self.pos;
        let body = start + 1;
        let end = string_stop(self.bytes, body);
        if self.bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            let key = &self.bytes[body..end];
            if !key.is_ascii() && std::str::from_utf8(key).is_err() {
                return Err(self.error("invalid UTF-8 in a key"));
            }
            return Ok(Cow::Borrowed(key));
        }
        self.skip_string()?;
        decode_escaped(&self.bytes[body..self.pos - 1])
            .map(|k| Cow::Owned(k.into_bytes()))
            .ok_or_else(|| self.error("invalid key"))
    }
}
