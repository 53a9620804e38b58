//! Finding where a string body stops, sixteen bytes at a time.
//!
//! Skipped strings are most of the bytes of a CloudTrail event, so stepping over their
//! bodies is the scanner's inner loop. A body runs until a quote, a backslash or a control
//! character (the bytes JSON treats specially inside a string). [`any_stop`] is written as a
//! branch-free fold so that the compiler turns it into vector compares (one 16-byte load,
//! three compares and a mask test on x86-64); the chunk that holds the stop is then searched
//! eight bytes at a time as a word ([`stop_bits`]). On x86-64 one SSE2 mask over sixteen
//! bytes (through `safe_arch`, as the crate forbids `unsafe`) gives the stop's index at once.

/// Bytes looked at per step.
const CHUNK: usize = 16;

/// Whether `byte` ends the plain run of a string body.
#[inline(always)]
fn is_stop(byte: u8) -> bool {
    byte == b'"' || byte == b'\\' || byte < 0x20
}

/// Whether any byte of `chunk` ends the plain run: a fold without early exit, which
/// vectorises.
#[inline(always)]
fn any_stop(chunk: &[u8; CHUNK]) -> bool {
    chunk.iter().fold(false, |seen, &b| {
        seen | (b == b'"') | (b == b'\\') | (b < 0x20)
    })
}

/// The index of the first quote, backslash or control character at or after `from`, or
/// `bytes.len()` when there is none.
#[inline(always)]
pub(super) fn string_stop(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = bytes.get(at..at + CHUNK) {
        let chunk: &[u8; CHUNK] = chunk.try_into().unwrap_or(&[b'"'; CHUNK]);
        let stops = sse2::stop_mask(chunk);
        if stops != 0 {
            return at + stops.trailing_zeros() as usize;
        }
        at += CHUNK;
    }
    if cfg!(target_arch = "aarch64") {
        while let Some(chunk) = bytes.get(at..at + CHUNK) {
            let chunk: &[u8; CHUNK] = chunk.try_into().unwrap_or(&[b'"'; CHUNK]);
            if any_stop(chunk) {
                break;
            }
            at += CHUNK;
        }
    }
    while let Some(word) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(word.try_into().unwrap_or([b'"'; 8]));
        let stops = stop_bits(word);
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    match bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| is_stop(b)))
    {
        Some(offset) => at + offset,
        None => bytes.len(),
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, min_u8_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };

    /// Bit `i` set when byte `i` of `chunk` is a quote, a backslash or a control
    /// character: one load, four compares and a mask move, so a short string's end is
    /// found with one bit scan.
    #[inline(always)]
    pub(super) fn stop_mask(chunk: &[u8; super::CHUNK]) -> u32 {
        let v = load_unaligned_m128i(chunk);
        let quote = cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'"' as i8));
        let backslash = cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'\\' as i8));
        let control = cmp_eq_mask_i8_m128i(min_u8_m128i(v, set_splat_i8_m128i(0x1f)), v);
        move_mask_i8_m128i(bitor_m128i(bitor_m128i(quote, backslash), control)) as u32
    }
}

/// The high bit of each byte of `word` (little-endian) that may be a stop. The classic
/// zero-byte tests: a byte's borrow only reaches later bytes, so the lowest bit set is
/// always a true stop, which is all [`string_stop`] reads.
#[inline(always)]
fn stop_bits(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let quote = zero_byte(word ^ (ONES * u64::from(b'"')));
    let backslash = zero_byte(word ^ (ONES * u64::from(b'\\')));
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    quote | backslash | control
}

#[cfg(test)]
mod tests {
    use super::string_stop;

    #[test]
    fn finds_the_first_stop() {
        let cases: &[(&[u8], usize, usize)] = &[
            (b"", 0, 0),
            (b"abc", 0, 3),
            (b"abc\"", 0, 3),
            (b"\"", 0, 0),
            (b"abc\\\"", 0, 3),
            (b"abc\ndef\"", 0, 3),
            (b"0123456789abcdef\"", 0, 16),
            (b"0123456789abcde\"", 0, 15),
            (b"0123456789abcdef0123456789abcdef\"", 0, 32),
            (b"0123456789abcdef0123456789abcde\x1f", 0, 31),
            (b"\"0123456789abcdef0123456789abcdef\"", 1, 33),
            (b"0123456789abcdef0123456789abcdef", 0, 32),
            ("é0123456789abcdef0123456789\"".as_bytes(), 0, 28),
            (b"\x7f\xff\x80 !#[]0123456789\"", 0, 18),
        ];
        for &(bytes, from, expected) in cases {
            assert_eq!(string_stop(bytes, from), expected, "{bytes:?} from {from}");
        }
    }

    /// Every position of a stop byte in a long plain run, and every start before it.
    #[test]
    fn agrees_with_a_byte_loop_at_every_offset() {
        for stop in [b'"', b'\\', b'\n', 0] {
            for at in 0..70 {
                let mut bytes = vec![b'x'; 80];
                bytes[at] = stop;
                for from in 0..=at {
                    assert_eq!(
                        string_stop(&bytes, from),
                        at,
                        "stop {stop} at {at} from {from}"
                    );
                }
            }
        }
    }
}
