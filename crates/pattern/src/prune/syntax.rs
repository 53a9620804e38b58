//! Checking JSON syntax while stepping over what the pattern does not read, building nothing.

use super::find::string_stop;
use super::number::short_number;
use super::quick::{skip_valid, string_end};
use super::scanner::{MAX_DEPTH, Scanner};

/// How many ASCII digits start at `bytes[start..]`, eight at a time: a byte is a digit when
/// neither `byte - '0'` nor `byte + ('\x7f' - '9')` sets its high bit. Carries and borrows
/// only move towards later bytes, so the first non-digit is found exactly.
#[inline(always)]
pub(super) fn digit_run(bytes: &[u8], start: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = start;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let not_digit =
            (word.wrapping_sub(ONES * 0x30) | word.wrapping_add(ONES * 0x46)) & (ONES * 0x80);
        if not_digit != 0 {
            return i - start + (not_digit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    i - start
}

impl Scanner<'_, '_> {
    #[inline]
    pub(super) fn skip_string(&mut self) -> Result<(), serde_json::Error> {
        // Valid strings in one inlined step; the loop below words what is wrong.
        if let Some(end) = string_end(self.bytes, self.pos + 1) {
            self.pos = end;
            return Ok(());
        }
        self.skip_string_exactly()
    }

    /// [`Scanner::skip_string`] with its errors: an unterminated string, a bad escape, a
    /// control character.
    #[cold]
    fn skip_string_exactly(&mut self) -> Result<(), serde_json::Error> {
        self.pos += 1;
        loop {
            self.pos = string_stop(self.bytes, self.pos);
            let rest = self.bytes.get(self.pos..).unwrap_or_default();
            match rest.first() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => match rest.get(1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.pos += 2,
                    Some(b'u')
                        if rest
                            .get(2..6)
                            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) =>
                    {
                        self.pos += 6
                    }
                    _ => return Err(self.error("invalid escape")),
                },
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    /// Checks one value's syntax and steps over it, building nothing: objects and arrays
    /// 64 bytes at a time where the block validator is built (x86-64), the rest byte by byte.
    #[inline]
    pub(super) fn skip(&mut self) -> Result<(), serde_json::Error> {
        self.whitespace();
        let container = matches!(self.peek(), Some(b'{' | b'['));
        if container && self.prevalidated {
            return self.skip_structure();
        }
        // Valid values are stepped over token by token; any doubt is checked the exact way.
        if container {
            let room = MAX_DEPTH.saturating_sub(self.depth);
            if let Some(end) = skip_valid(self.bytes, self.pos, room) {
                self.pos = end;
                return Ok(());
            }
        }
        #[cfg(target_arch = "x86_64")]
        if container {
            return self.skip_container();
        }
        self.skip_bytewise()
    }

    /// [`Scanner::skip`] byte by byte. Iterative, with the open containers kept as bits
    /// (1 = object), so skipping costs a few instructions a byte.
    pub(super) fn skip_bytewise(&mut self) -> Result<(), serde_json::Error> {
        let mut open: u128 = 0;
        let mut depth = 0usize;
        loop {
            // A value.
            self.whitespace();
            match self.peek() {
                Some(b'"') => self.skip_string()?,
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                    if depth > 0 && open & 1 == 0 {
                        self.more_numbers()?;
                    }
                }
                Some(b't') => self.word(b"true")?,
                Some(b'f') => self.word(b"false")?,
                Some(b'n') => self.word(b"null")?,
                Some(open_byte @ (b'{' | b'[')) => {
                    self.pos += 1;
                    self.whitespace();
                    let object = open_byte == b'{';
                    let close = if object { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.pos += 1;
                    } else {
                        if depth + self.depth >= MAX_DEPTH {
                            return Err(self.error("recursion limit exceeded"));
                        }
                        open = (open << 1) | u128::from(object);
                        depth += 1;
                        if object {
                            self.member_key()?;
                        }
                        continue;
                    }
                }
                _ => return Err(self.error("expected a value")),
            }
            // After a value: close what ends here, then a comma leads to the next value.
            loop {
                if depth == 0 {
                    return Ok(());
                }
                let object = open & 1 == 1;
                self.whitespace();
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        if object {
                            self.whitespace();
                            self.member_key()?;
                        }
                        break;
                    }
                    Some(b'}') if object => {}
                    Some(b']') if !object => {}
                    _ => return Err(self.error("expected `,` or a closing bracket")),
                }
                self.pos += 1;
                open >>= 1;
                depth -= 1;
            }
        }
    }

    /// The rest of a compact run of numbers in an array (`,-122.4,37.8,0`: coordinates,
    /// sizes, counts), without going back through the value dispatch for each; stops at
    /// anything else, which the caller then reads.
    #[inline]
    fn more_numbers(&mut self) -> Result<(), serde_json::Error> {
        while self.peek() == Some(b',')
            && matches!(self.bytes.get(self.pos + 1), Some(b'-' | b'0'..=b'9'))
        {
            self.pos += 1;
            self.number()?;
        }
        Ok(())
    }

    /// `"key":` inside a skipped object.
    fn member_key(&mut self) -> Result<(), serde_json::Error> {
        if self.peek() != Some(b'"') {
            return Err(self.error("expected a key"));
        }
        self.skip_string()?;
        self.expect(b':', "expected `:`")
    }

    pub(super) fn word(&mut self, word: &[u8]) -> Result<(), serde_json::Error> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    pub(super) fn number(&mut self) -> Result<(), serde_json::Error> {
        if let Some(end) = short_number(self.bytes, self.pos) {
            self.pos = end;
            return Ok(());
        }
        let bytes = self.bytes;
        let digits = |i: usize| digit_run(bytes, i);
        let mut i = self.pos + usize::from(bytes.get(self.pos) == Some(&b'-'));
        let whole = digits(i);
        if whole == 0 || (whole > 1 && bytes[i] == b'0') {
            return Err(self.error("invalid number"));
        }
        i += whole;
        if bytes.get(i) == Some(&b'.') {
            let fraction = digits(i + 1);
            if fraction == 0 {
                return Err(self.error("invalid number"));
            }
            i += 1 + fraction;
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = bytes.get(i) {
                i += 1;
            }
            let exponent = digits(i);
            if exponent == 0 {
                return Err(self.error("invalid number"));
            }
            i += exponent;
        }
        self.pos = i;
        Ok(())
    }
}
