//! Finding where a plain run of string text ends (a quote, a backslash or a control
//! character), the tape reader's inner loop.

/// The bytes that end a plain run of string text.
fn ends_run(byte: u8) -> bool {
    byte == b'"' || byte == b'\\' || byte < 0x20
}

/// Where the plain run of string text from `at` ends: the first byte that [`ends_run`], or
/// the input's length. Most of an event's bytes are string text, so this looks at eight
/// bytes per step (wasm has no SIMD here): a byte is flagged when it is `"`, `\` or below
/// 0x20 (the classic "has a zero byte" test on the word, xored or offset), and the lowest
/// flag is always a true one, so it is where the run ends.
pub(super) fn run_end(input: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_bytes = |word: u64| word.wrapping_sub(ONES) & !word;
    while let Some(Ok(word)) = input.get(at..at + 8).map(<[u8; 8]>::try_from) {
        let word = u64::from_le_bytes(word);
        let quote = zero_bytes(word ^ (ONES * u64::from(b'"')));
        let backslash = zero_bytes(word ^ (ONES * u64::from(b'\\')));
        let control = word.wrapping_sub(ONES * 0x20) & !word;
        let flags = (quote | backslash | control) & HIGHS;
        if flags != 0 {
            return at + (flags.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while input.get(at).is_some_and(|&byte| !ends_run(byte)) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::run_end;

    #[test]
    fn a_run_ends_at_the_first_quote_backslash_or_control_byte() {
        // (text, where the scan starts, where the run ends)
        let cases: [(&[u8], usize, usize); 11] = [
            (b"", 0, 0),
            (b"abc", 0, 3),
            (b"abc\"", 0, 3),
            (b"abcdefghijklmnop\"x", 0, 16),
            (b"abcdefgh\\n", 0, 8),
            (b"abcdefghij\nk", 0, 10),
            (b"\x1fabcdefgh", 0, 0),
            (b"abcdefg\x7f\xc3\xa9\"", 0, 10),
            (b"\"\"\"\"\"\"\"\"\"x", 3, 3),
            (b"\xff\xfe\x80\x90\xa0\xb0\xc0\xd0\\", 0, 8),
            (b"ab!#$%&'()*+,-./ \x00", 1, 17),
        ];
        for (text, from, end) in cases {
            assert_eq!(
                run_end(text, from),
                end,
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }
}
