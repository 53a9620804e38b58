//! Checking a short JSON number in one pass over a 32-byte window.
//!
//! Coordinates, sizes and counts are most of the numbers the scanner skips, and most are
//! shorter than 32 bytes (`-122.428608960964200` is 21 with its comma, `0.0` 4).
//! Reading them digit run by digit run makes each step wait for the previous one's load;
//! here the window is read as two 128-bit words, every byte is classified at once
//! (digit or not, exact per byte), and the grammar is read off the
//! masks with bit scans. Anything else (an exponent, a longer number, the end of the
//! input within 32 bytes, a syntax error) is left to the byte-by-byte path, which also
//! words the errors: this path only ever says "valid, ends here".

/// Window length: a longitude with 15 decimals and its comma fit.
const WINDOW: usize = 32;
const ONES: u128 = u128::from_le_bytes([1; 16]);
const LOW7: u128 = ONES * 0x7f;
const HIGH: u128 = ONES * 0x80;

/// The high bit of each byte of `word` (little-endian) that is not an ASCII digit. Exact
/// per byte: the sums never carry out of a byte because the high bit is masked off first.
#[inline(always)]
fn non_digit_bits(word: u128) -> u128 {
    let low = word & LOW7;
    let at_least_0 = low + ONES * (0x80 - u128::from(b'0'));
    let above_9 = low + ONES * (0x80 - u128::from(b'9') - 1);
    !(at_least_0 & !above_9 & !word) & HIGH
}

/// The 32-byte window's non-digits, as two 16-byte halves of high bits.
struct NonDigits([u128; 2]);

impl NonDigits {
    /// The index of the first non-digit at or after `from` (32 when none).
    #[inline(always)]
    fn first_from(&self, from: usize) -> usize {
        let [low, high] = self.0;
        let in_half = |bits: u128, skip: usize| {
            let shift = 8 * skip as u32;
            let ahead = bits.checked_shr(shift).and_then(|b| b.checked_shl(shift));
            ahead.unwrap_or(0).trailing_zeros() as usize / 8
        };
        if from < 16 {
            let found = in_half(low, from);
            if found < 16 {
                return found;
            }
            16 + in_half(high, 0)
        } else {
            16 + in_half(high, from - 16)
        }
    }
}

/// Where the number starting at `bytes[at]` (a digit or `-`) ends, if it is a complete,
/// valid `-?(0|[1-9][0-9]*)(\.[0-9]+)?` followed, within the 32 bytes from `at`, by a byte
/// that cannot continue a number. `None` means "check it the long way".
#[inline]
pub(super) fn short_number(bytes: &[u8], at: usize) -> Option<usize> {
    let window: &[u8; WINDOW] = bytes.get(at..at + WINDOW)?.try_into().ok()?;
    let half = |from: usize| {
        let bytes: [u8; 16] = window[from..from + 16].try_into().unwrap_or([0; 16]);
        non_digit_bits(u128::from_le_bytes(bytes))
    };
    let non_digits = NonDigits([half(0), half(16)]);
    let int_start = usize::from(window[0] == b'-');
    let int_end = non_digits.first_from(int_start);
    let whole = int_end - int_start;
    if whole == 0 || (whole > 1 && window[int_start] == b'0') || int_end >= WINDOW {
        return None;
    }
    let mut end = int_end;
    if window[end] == b'.' {
        end = non_digits.first_from(end + 1);
        if end == int_end + 1 || end >= WINDOW {
            return None;
        }
    }
    // What follows must not continue a number (an exponent, a second `.`, a sign).
    match window[end] {
        b'.' | b'e' | b'E' | b'+' | b'-' => None,
        _ => Some(at + end),
    }
}

#[cfg(test)]
mod tests {
    use super::short_number;

    /// Each case: the text (padded to the window with spaces), and where the fast path says
    /// the number ends, or `None` to leave it to the long way.
    #[test]
    fn reads_short_numbers_or_defers() {
        let cases: &[(&str, Option<usize>)] = &[
            ("0", Some(1)),
            ("7,", Some(1)),
            ("-0]", Some(2)),
            ("42}", Some(2)),
            ("-122.428608960964200,", Some(20)),
            ("37.802838894635120]", Some(18)),
            ("-122.4286089609642001234567890123", None),
            ("-122.42860896096420012345678901,", Some(31)),
            ("0.0,", Some(3)),
            ("1.5e3", None),
            ("1E3", None),
            ("01", None),
            ("-01", None),
            ("00", None),
            ("-", None),
            ("-,", None),
            ("1.", None),
            ("1.,", None),
            ("1..2", None),
            ("1.2.3", None),
            ("-a", None),
            ("1-", None),
            ("1+", None),
            ("12345678901234567890123456789012", None),
            ("1234567890123456789012345678901,", Some(31)),
            ("1-2", None),
            ("1234567890123456789012345678901.", None),
            ("1e", None),
            ("1\"", Some(1)),
        ];
        for &(text, expected) in cases {
            let padded = format!("{text:<40}");
            assert_eq!(short_number(padded.as_bytes(), 0), expected, "{text:?}");
        }
    }

    #[test]
    fn defers_near_the_end_of_input() {
        assert_eq!(short_number(b"12,", 0), None);
        let spaced = format!("{:<40}", "[12, 13]");
        assert_eq!(short_number(spaced.as_bytes(), 1), Some(3));
    }
}
