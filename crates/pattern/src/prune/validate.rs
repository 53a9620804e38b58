//! Checking the syntax of a skipped object or array 64 bytes at a time.
//!
//! Most of an event's bytes are in values the pattern never reads (a CloudTrail record's
//! `detail`, a parcel's coordinates), and AWS still refuses the event if any of them is not
//! JSON. Byte by byte that check costs most of `matches_json`; here it follows simdjson's
//! two stages on one block at a time:
//! 1. [`classify`] gives the block's quotes, backslashes and blank bytes as bit masks; the
//!    escaped bytes follow from the backslashes (a short loop, backslashes are rare), the
//!    inside of strings from the unescaped quotes by a prefix XOR, and the tokens are the
//!    opening quotes and every byte outside strings that is not blank. String bodies and
//!    whitespace are thus checked in bulk: control characters inside a string, control
//!    characters other than `\t`, `\n`, `\r` outside one, and invalid escapes all become
//!    bits of one `bad` mask.
//! 2. A small state machine walks the tokens (a few instructions each) and checks the
//!    grammar: keys, colons, commas, brackets, nesting. Numbers and `true`/`false`/`null`
//!    are checked by the scanner's own [`Scanner::number`] and [`Scanner::word`].
//!
//! It accepts and refuses exactly what the byte-by-byte skipper ([`Scanner::skip`] on other
//! targets) does, including serde_json's nesting limit; `tests.rs` compares the two on
//! mutated events.

use super::classify::{BLOCK, Masks, classify, prefix_xor};
use super::scanner::{MAX_DEPTH, Scanner};

/// What the grammar allows as the next token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A value (after `:` or after `,` in an array).
    Value,
    /// A value or `]` (after `[`).
    ValueOrClose,
    /// A key (after `,` in an object).
    Key,
    /// A key or `}` (after `{`).
    KeyOrClose,
    /// `:` after a key.
    Colon,
    /// `,` or the closing bracket of the innermost container.
    CommaOrClose,
}

impl Expect {
    fn complaint(self) -> &'static str {
        match self {
            Expect::Value | Expect::ValueOrClose => "expected a value",
            Expect::Key | Expect::KeyOrClose => "expected a key",
            Expect::Colon => "expected `:`",
            Expect::CommaOrClose => "expected `,` or a closing bracket",
        }
    }
}

/// The bits of `0..n` (all when `n` is 64 or more).
#[inline(always)]
fn below(n: usize) -> u64 {
    1u64.checked_shl(n as u32).map_or(u64::MAX, |bit| bit - 1)
}

/// Whether the escape sequence whose backslash is at `bytes[at]` is one JSON allows.
fn valid_escape(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at + 1) {
        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => true,
        Some(b'u') => bytes
            .get(at + 2..at + 6)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)),
        _ => false,
    }
}

/// The escaped bytes of the block at `base` (each byte after an escaping backslash), and
/// the invalid escapes' backslashes. `carry` says whether the block's first byte is escaped
/// (the previous block ended with an escaping backslash) and is updated for the next.
#[inline(always)]
fn escapes(bytes: &[u8], base: usize, backslash: u64, carry: &mut u64) -> (u64, u64) {
    let mut escaped = *carry;
    *carry = 0;
    let mut escaping = backslash & !escaped;
    let mut invalid = 0;
    while escaping != 0 {
        let at = escaping.trailing_zeros();
        escaping &= escaping - 1;
        if !valid_escape(bytes, base + at as usize) {
            invalid |= 1 << at;
        }
        match 1u64.checked_shl(at + 1) {
            Some(next) => {
                escaped |= next;
                escaping &= !next;
            }
            None => *carry = 1,
        }
    }
    (escaped, invalid)
}

/// Control characters outside strings that are not JSON whitespace.
fn stray_controls(block: &[u8; BLOCK], mut controls: u64) -> u64 {
    let mut stray = 0;
    while controls != 0 {
        let at = controls.trailing_zeros();
        controls &= controls - 1;
        if !matches!(block[at as usize], b'\t' | b'\n' | b'\r') {
            stray |= 1 << at;
        }
    }
    stray
}

/// The 64 bytes from `base`, padded with spaces past the end of the input.
#[inline(always)]
fn block_at(bytes: &[u8], base: usize) -> [u8; BLOCK] {
    match bytes.get(base..base + BLOCK) {
        Some(whole) => whole.try_into().unwrap_or([b' '; BLOCK]),
        None => {
            let mut block = [b' '; BLOCK];
            let rest = bytes.get(base..).unwrap_or_default();
            block[..rest.len()].copy_from_slice(rest);
            block
        }
    }
}

impl Scanner<'_> {
    /// Checks the object or array at the cursor and steps past it, building nothing.
    pub(super) fn skip_container(&mut self) -> Result<(), serde_json::Error> {
        let bytes = self.bytes;
        let mut expect = Expect::Value;
        // Open containers as bits (1 = object), innermost lowest, as in `skip`.
        let mut open: u128 = 0;
        let mut depth = 0usize;
        let mut escape_carry = 0u64;
        let mut string_carry = 0u64;
        // Tokens before this were inside a number or word already checked.
        let mut resume = self.pos;
        let mut base = self.pos;
        while base < bytes.len() {
            let block = block_at(bytes, base);
            let Masks {
                quote,
                backslash,
                blank,
                control,
            } = classify(&block);
            let (escaped, mut bad) = if backslash == 0 && escape_carry == 0 {
                (0, 0)
            } else {
                escapes(bytes, base, backslash, &mut escape_carry)
            };
            let quotes = quote & !escaped;
            let in_string = prefix_xor(quotes) ^ string_carry;
            string_carry = ((in_string as i64) >> 63) as u64;
            bad |= control & in_string;
            let outside_controls = control & !in_string;
            if outside_controls != 0 {
                bad |= stray_controls(&block, outside_controls);
            }
            let mut tokens = (!blank & !(in_string | quotes)) | (quotes & in_string);
            if resume > base {
                tokens &= !below(resume - base);
            }
            while tokens != 0 {
                let at = tokens.trailing_zeros() as usize;
                tokens &= tokens - 1;
                let byte = block[at];
                let closes = match (expect, byte) {
                    (Expect::Value | Expect::ValueOrClose, b'"') => {
                        expect = Expect::CommaOrClose;
                        false
                    }
                    (Expect::Value | Expect::ValueOrClose, b'{' | b'[') => {
                        if depth + self.depth >= MAX_DEPTH {
                            // As `skip`: an empty container is a value, not a level.
                            self.pos = base + at;
                            self.empty_container_at_limit()?;
                            resume = self.pos;
                            tokens &= !below(resume - base);
                            expect = Expect::CommaOrClose;
                            false
                        } else {
                            let object = byte == b'{';
                            open = (open << 1) | u128::from(object);
                            depth += 1;
                            expect = if object {
                                Expect::KeyOrClose
                            } else {
                                Expect::ValueOrClose
                            };
                            false
                        }
                    }
                    (
                        Expect::Value | Expect::ValueOrClose,
                        b'-' | b'0'..=b'9' | b't' | b'f' | b'n',
                    ) => {
                        self.pos = base + at;
                        match byte {
                            b't' => self.word(b"true")?,
                            b'f' => self.word(b"false")?,
                            b'n' => self.word(b"null")?,
                            _ => self.number()?,
                        }
                        resume = self.pos;
                        tokens &= !below(resume - base);
                        expect = Expect::CommaOrClose;
                        false
                    }
                    (Expect::Key | Expect::KeyOrClose, b'"') => {
                        expect = Expect::Colon;
                        false
                    }
                    (Expect::Colon, b':') => {
                        expect = Expect::Value;
                        false
                    }
                    (Expect::CommaOrClose, b',') if depth > 0 => {
                        expect = if open & 1 == 1 {
                            Expect::Key
                        } else {
                            Expect::Value
                        };
                        false
                    }
                    (Expect::CommaOrClose | Expect::KeyOrClose, b'}') if open & 1 == 1 => true,
                    (Expect::CommaOrClose | Expect::ValueOrClose, b']')
                        if depth > 0 && open & 1 == 0 =>
                    {
                        true
                    }
                    _ => {
                        self.pos = base + at;
                        return Err(self.error(expect.complaint()));
                    }
                };
                if closes {
                    open >>= 1;
                    depth -= 1;
                    expect = Expect::CommaOrClose;
                }
                if depth == 0 && expect == Expect::CommaOrClose {
                    // The value ends here; what follows is the caller's.
                    let end = base + at + 1;
                    let bad = bad & below(end.max(resume) - base);
                    if bad != 0 {
                        self.pos = base + bad.trailing_zeros() as usize;
                        return Err(self.error("invalid character or escape in a string"));
                    }
                    self.pos = end.max(resume);
                    return Ok(());
                }
            }
            if bad != 0 {
                self.pos = base + bad.trailing_zeros() as usize;
                return Err(self.error("invalid character or escape in a string"));
            }
            base += BLOCK;
        }
        self.pos = bytes.len();
        Err(self.error("unterminated object or array"))
    }

    /// At the nesting limit, the `{` or `[` at the cursor must be closed right away (as
    /// `skip` allows); steps past it or says why not.
    fn empty_container_at_limit(&mut self) -> Result<(), serde_json::Error> {
        let close = if self.peek() == Some(b'{') { b'}' } else { b']' };
        self.pos += 1;
        self.whitespace();
        if self.peek() == Some(close) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error("recursion limit exceeded"))
        }
    }
}
