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

use super::classify::{BLOCK, classify, prefix_xor};
use super::scanner::{MAX_DEPTH, Scanner};

/// A token's class: the column of [`NEXT`].
const QUOTE: u8 = 0;
const COLON: u8 = 1;
const COMMA: u8 = 2;
const OPEN_OBJECT: u8 = 3;
const OPEN_ARRAY: u8 = 4;
const CLOSE_OBJECT: u8 = 5;
const CLOSE_ARRAY: u8 = 6;
/// `-`, a digit, `t`, `f` or `n`: a number or a word starts.
const SCALAR: u8 = 7;
const OTHER: u8 = 8;
const CLASSES: usize = 9;

/// Each byte's token class.
const CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    class[b'"' as usize] = QUOTE;
    class[b':' as usize] = COLON;
    class[b',' as usize] = COMMA;
    class[b'{' as usize] = OPEN_OBJECT;
    class[b'[' as usize] = OPEN_ARRAY;
    class[b'}' as usize] = CLOSE_OBJECT;
    class[b']' as usize] = CLOSE_ARRAY;
    let mut digit = b'0';
    while digit <= b'9' {
        class[digit as usize] = SCALAR;
        digit += 1;
    }
    class[b'-' as usize] = SCALAR;
    class[b't' as usize] = SCALAR;
    class[b'f' as usize] = SCALAR;
    class[b'n' as usize] = SCALAR;
    class
};

/// What the grammar expects next: the row of [`NEXT`].
const OBJECT_KEY_OR_CLOSE: u8 = 0;
const OBJECT_KEY: u8 = 1;
const OBJECT_COLON: u8 = 2;
const OBJECT_VALUE: u8 = 3;
const OBJECT_COMMA_OR_CLOSE: u8 = 4;
const ARRAY_VALUE_OR_CLOSE: u8 = 5;
const ARRAY_VALUE: u8 = 6;
const ARRAY_COMMA_OR_CLOSE: u8 = 7;
/// Before the container's opening bracket.
const START: u8 = 8;
const STATES: usize = 9;

/// Transitions that need more than a table look-up (at least this value).
const PUSH: u8 = 16;
const POP: u8 = 17;
const CHECK_SCALAR: u8 = 18;
const REFUSE: u8 = 255;

/// The index of a state's entry for a class in [`NEXT`].
const fn at(state: u8, class: u8) -> usize {
    state as usize * CLASSES + class as usize
}

/// The grammar as a table: the next state, or an action, per state and token class.
const NEXT: [u8; STATES * CLASSES] = {
    let mut next = [REFUSE; STATES * CLASSES];
    next[at(OBJECT_KEY_OR_CLOSE, QUOTE)] = OBJECT_COLON;
    next[at(OBJECT_KEY_OR_CLOSE, CLOSE_OBJECT)] = POP;
    next[at(OBJECT_KEY, QUOTE)] = OBJECT_COLON;
    next[at(OBJECT_COLON, COLON)] = OBJECT_VALUE;
    next[at(OBJECT_COMMA_OR_CLOSE, COMMA)] = OBJECT_KEY;
    next[at(OBJECT_COMMA_OR_CLOSE, CLOSE_OBJECT)] = POP;
    next[at(ARRAY_COMMA_OR_CLOSE, COMMA)] = ARRAY_VALUE;
    next[at(ARRAY_COMMA_OR_CLOSE, CLOSE_ARRAY)] = POP;
    next[at(ARRAY_VALUE_OR_CLOSE, CLOSE_ARRAY)] = POP;
    let values = [OBJECT_VALUE, ARRAY_VALUE_OR_CLOSE, ARRAY_VALUE];
    let mut i = 0;
    while i < values.len() {
        let state = values[i];
        next[at(state, QUOTE)] = if state == OBJECT_VALUE {
            OBJECT_COMMA_OR_CLOSE
        } else {
            ARRAY_COMMA_OR_CLOSE
        };
        next[at(state, OPEN_OBJECT)] = PUSH;
        next[at(state, OPEN_ARRAY)] = PUSH;
        next[at(state, SCALAR)] = CHECK_SCALAR;
        i += 1;
    }
    next[at(START, OPEN_OBJECT)] = PUSH;
    next[at(START, OPEN_ARRAY)] = PUSH;
    next
};

/// Why a token is refused in `state`.
fn complaint(state: u8) -> &'static str {
    match state {
        OBJECT_KEY_OR_CLOSE | OBJECT_KEY => "expected a key",
        OBJECT_COLON => "expected `:`",
        OBJECT_COMMA_OR_CLOSE | ARRAY_COMMA_OR_CLOSE => "expected `,` or a closing bracket",
        _ => "expected a value",
    }
}

/// Where the number at `block[at]` ends, read from the digit bits, when it is a plain
/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` ending inside the block; `None` leaves it to
/// [`Scanner::number`] (exponents, numbers across the block's end, and every error).
#[inline(always)]
fn number_in_block(block: &[u8; BLOCK], digits: u64, at: usize) -> Option<usize> {
    let run = |from: usize| match digits.checked_shr(from as u32) {
        Some(ahead) if from < BLOCK => Some(ahead.trailing_ones() as usize),
        _ => None,
    };
    let start = at + usize::from(block[at] == b'-');
    let whole = run(start)?;
    let mut end = start + whole;
    if whole == 0 || end >= BLOCK || (whole > 1 && block[start] == b'0') {
        return None;
    }
    if block[end] == b'.' {
        let fraction = run(end + 1)?;
        end += 1 + fraction;
        if fraction == 0 || end >= BLOCK {
            return None;
        }
    }
    match block[end] {
        b'e' | b'E' => None,
        _ => Some(end),
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
pub(super) fn escapes(bytes: &[u8], base: usize, backslash: u64, carry: &mut u64) -> (u64, u64) {
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
pub(super) fn block_at(bytes: &[u8], base: usize) -> [u8; BLOCK] {
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

/// The state after a value inside the innermost open container.
#[inline(always)]
fn after_value(open: u128) -> u8 {
    if open & 1 == 1 {
        OBJECT_COMMA_OR_CLOSE
    } else {
        ARRAY_COMMA_OR_CLOSE
    }
}

impl Scanner<'_, '_> {
    /// Checks the object or array at the cursor and steps past it, building nothing.
    pub(super) fn skip_container(&mut self) -> Result<(), serde_json::Error> {
        debug_assert!(matches!(self.peek(), Some(b'{' | b'[')));
        let bytes = self.bytes;
        let mut state = START;
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
            let masks = classify(&block);
            let (escaped, mut bad) = if masks.backslash == 0 && escape_carry == 0 {
                (0, 0)
            } else {
                escapes(bytes, base, masks.backslash, &mut escape_carry)
            };
            let quotes = masks.quote & !escaped;
            let in_string = prefix_xor(quotes) ^ string_carry;
            string_carry = ((in_string as i64) >> 63) as u64;
            bad |= masks.control & in_string;
            let outside_controls = masks.control & !in_string;
            if outside_controls != 0 {
                bad |= stray_controls(&block, outside_controls);
            }
            let mut tokens = (!masks.blank & !(in_string | quotes)) | (quotes & in_string);
            if resume > base {
                tokens &= !below(resume - base);
            }
            while tokens != 0 {
                let at = tokens.trailing_zeros() as usize;
                tokens &= tokens - 1;
                let byte = block[at];
                let next = NEXT[state as usize * CLASSES + CLASS[byte as usize] as usize];
                if next < PUSH {
                    state = next;
                    continue;
                }
                match next {
                    PUSH if depth + self.depth >= MAX_DEPTH => {
                        // As `skip`: an empty container is a value, not a level.
                        self.pos = base + at;
                        self.empty_container_at_limit()?;
                        resume = self.pos;
                        tokens &= !below(resume - base);
                        state = after_value(open);
                    }
                    PUSH => {
                        depth += 1;
                        if byte == b'{' {
                            open = (open << 1) | 1;
                            state = OBJECT_KEY_OR_CLOSE;
                        } else {
                            open <<= 1;
                            state = ARRAY_VALUE_OR_CLOSE;
                        }
                    }
                    POP => {
                        open >>= 1;
                        depth -= 1;
                        if depth == 0 {
                            // The value ends here; what follows is the caller's.
                            let end = at + 1;
                            if bad & below(end) != 0 {
                                return Err(self.bad_byte(base, bad));
                            }
                            self.pos = base + end;
                            return Ok(());
                        }
                        state = after_value(open);
                    }
                    CHECK_SCALAR => {
                        match number_in_block(&block, masks.digit, at) {
                            Some(end) if byte != b't' && byte != b'f' && byte != b'n' => {
                                tokens &= !below(end);
                            }
                            _ => {
                                self.pos = base + at;
                                match byte {
                                    b't' => self.word(b"true")?,
                                    b'f' => self.word(b"false")?,
                                    b'n' => self.word(b"null")?,
                                    _ => self.number()?,
                                }
                                resume = self.pos;
                                tokens &= !below(resume - base);
                            }
                        }
                        state = after_value(open);
                    }
                    _ => {
                        self.pos = base + at;
                        return Err(self.error(complaint(state)));
                    }
                }
            }
            if bad != 0 {
                return Err(self.bad_byte(base, bad));
            }
            base += BLOCK;
        }
        self.pos = bytes.len();
        Err(self.error("unterminated object or array"))
    }

    /// The error for the first bad byte of the block at `base`.
    fn bad_byte(&mut self, base: usize, bad: u64) -> serde_json::Error {
        self.pos = base + bad.trailing_zeros() as usize;
        self.error("invalid character or escape in a string")
    }

    /// At the nesting limit, the `{` or `[` at the cursor must be closed right away (as
    /// `skip` allows); steps past it or says why not.
    fn empty_container_at_limit(&mut self) -> Result<(), serde_json::Error> {
        let close = if self.peek() == Some(b'{') {
            b'}'
        } else {
            b']'
        };
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
