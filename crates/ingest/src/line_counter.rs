//! Lines and columns of increasing offsets in a text, and the byte scans a log-file load
//! makes over every byte: wasm has no SIMD here, so they look at eight bytes per step
//! (the classic "has a zero byte" test on a 64-bit word), not one.

use crate::LineColumn;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of every byte of `word` equal to `byte`, and perhaps of some bytes above the
/// first such byte (never below it, and never when there is none).
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The eight bytes of `bytes` at `at`, when there are eight.
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let word: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(word))
}

/// The first `"` or `\\` in `bytes` from `at`.
pub(crate) fn find_quote_or_backslash(bytes: &[u8], mut at: usize) -> Option<usize> {
    while let Some(word) = word_at(bytes, at) {
        let flags = bytes_equal(word, b'"') | bytes_equal(word, b'\\');
        if flags != 0 {
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    (at..bytes.len()).find(|&i| matches!(bytes[i], b'"' | b'\\'))
}

/// Counts lines and columns up to increasing offsets, so each record's position costs only
/// the bytes since the previous record (a minified log file is one line of 100 MB).
#[derive(Debug, Default)]
pub(crate) struct LineCounter {
    offset: usize,
    /// 0-based line at `offset`.
    line: usize,
    /// Characters from the start of that line to `offset`.
    column: usize,
}

impl LineCounter {
    /// The position of `offset` in `text` (offsets asked for only increase).
    pub(crate) fn at(&mut self, text: &str, offset: usize) -> LineColumn {
        if offset > self.offset {
            self.advance(&text.as_bytes()[self.offset..offset]);
        }
        self.position()
    }

    /// Moves past `segment`, the bytes right after the current offset. A character starts
    /// at every byte that is not a UTF-8 continuation byte; eight ASCII bytes without a
    /// newline (most of a log file) are eight characters at once.
    pub(crate) fn advance(&mut self, segment: &[u8]) {
        let mut at = 0;
        while let Some(word) = word_at(segment, at) {
            if word & HIGHS == 0 && bytes_equal(word, b'\n') == 0 {
                self.column += 8;
            } else {
                self.byte_by_byte(&segment[at..at + 8]);
            }
            at += 8;
        }
        self.byte_by_byte(&segment[at..]);
        self.offset += segment.len();
    }

    fn byte_by_byte(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            if byte == b'\n' {
                self.line += 1;
                self.column = 0;
            } else {
                self.column += usize::from((byte as i8) >= -0x40);
            }
        }
    }

    /// The byte offset reached.
    pub(crate) fn offset(&self) -> usize {
        self.offset
    }

    /// The 1-based line:column reached.
    pub(crate) fn position(&self) -> LineColumn {
        LineColumn {
            line: self.line + 1,
            column: self.column + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line and column of the end of `text`, one character at a time.
    fn counted(text: &str) -> (usize, usize) {
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, column)
    }

    #[test]
    fn positions_in_pieces_count_lines_and_characters() {
        // Texts of every kind; each is fed whole and in pieces of 1, 3, 8 and 13 bytes.
        let texts = [
            "",
            "abc",
            "abcdefgh",
            "abcdefghijklmnopq\nrs",
            "\n\n\nabcdefghijkl",
            "héllo wörld, ünïcode and ascii mixed for more than eight bytes\nnext",
            "日本語のテキスト\n日本語",
            "line one\r\nline two\r\nthree",
            "emoji 😀😀😀😀 and more text after them",
        ];
        for text in texts {
            for piece in [text.len().max(1), 1, 3, 8, 13] {
                let mut counter = LineCounter::default();
                for part in text.as_bytes().chunks(piece) {
                    counter.advance(part);
                }
                let position = counter.position();
                assert_eq!(
                    (position.line, position.column),
                    counted(text),
                    "{text:?} in {piece}s"
                );
                assert_eq!(counter.offset(), text.len());
            }
        }
    }

    #[test]
    fn the_first_quote_or_backslash_is_found_past_eight_byte_steps() {
        // (text, where the search starts, what it finds)
        let cases: [(&[u8], usize, Option<usize>); 7] = [
            (b"", 0, None),
            (b"abc", 0, None),
            (b"abcdefghijklmnop", 0, None),
            (b"abcdefghijk\"", 0, Some(11)),
            (b"abcdefgh\\\"", 0, Some(8)),
            (b"\"abcdefghij\"", 1, Some(11)),
            (b"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\"", 0, Some(9)),
        ];
        for (text, from, found) in cases {
            assert_eq!(
                find_quote_or_backslash(text, from),
                found,
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }
}
