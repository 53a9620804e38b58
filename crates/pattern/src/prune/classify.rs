//! Classifying 64 bytes at once: quotes, backslashes, whitespace-or-control, control, digits.
//!
//! The block validator ([`super::validate`]) reads an event's structure from bit masks, one
//! bit per byte, the way simdjson's first stage does. On x86-64 each 16-byte lane costs a
//! load, seven SSE2 operations and five mask moves (SSE2 is part of every x86-64 CPU, so
//! nothing is detected at run time); `safe_arch` wraps the intrinsics safely, as this crate
//! forbids `unsafe`.

use safe_arch::{
    bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, min_u8_m128i, move_mask_i8_m128i,
    set_splat_i8_m128i, sub_i8_m128i,
};

/// Bytes per block: one bit of a `u64` each.
pub(super) const BLOCK: usize = 64;

/// One block's byte classes, bit `i` for byte `i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Masks {
    /// `"`.
    pub(super) quote: u64,
    /// `\`.
    pub(super) backslash: u64,
    /// Bytes up to and including the space: JSON whitespace, or control characters.
    pub(super) blank: u64,
    /// Control characters (below the space): refused inside strings, and outside them
    /// unless they are `\t`, `\n` or `\r`.
    pub(super) control: u64,
    /// ASCII digits: numbers are checked from these bits.
    pub(super) digit: u64,
}

/// The masks of one 64-byte block.
#[inline(always)]
pub(super) fn classify(block: &[u8; BLOCK]) -> Masks {
    let quote = set_splat_i8_m128i(b'"' as i8);
    let backslash = set_splat_i8_m128i(b'\\' as i8);
    let space = set_splat_i8_m128i(b' ' as i8);
    let zero = set_splat_i8_m128i(b'0' as i8);
    let nine = set_splat_i8_m128i(9);
    let (mut quotes, mut backslashes, mut blanks, mut spaces, mut digits) = (0, 0, 0, 0, 0);
    for (lane, bytes) in block.chunks_exact(16).enumerate() {
        let bytes: &[u8; 16] = bytes.try_into().unwrap_or(&[b' '; 16]);
        let v = load_unaligned_m128i(bytes);
        let bits = |m| u64::from(move_mask_i8_m128i(m) as u16) << (16 * lane);
        quotes |= bits(cmp_eq_mask_i8_m128i(v, quote));
        backslashes |= bits(cmp_eq_mask_i8_m128i(v, backslash));
        blanks |= bits(cmp_eq_mask_i8_m128i(min_u8_m128i(v, space), v));
        spaces |= bits(cmp_eq_mask_i8_m128i(v, space));
        let from_zero = sub_i8_m128i(v, zero);
        digits |= bits(cmp_eq_mask_i8_m128i(
            min_u8_m128i(from_zero, nine),
            from_zero,
        ));
    }
    Masks {
        quote: quotes,
        backslash: backslashes,
        blank: blanks,
        control: blanks & !spaces,
        digit: digits,
    }
}

/// One block's quotes, backslashes and brackets, for stepping over valid JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Brackets {
    pub(super) quote: u64,
    pub(super) backslash: u64,
    /// `{` and `[`.
    pub(super) open: u64,
    /// `}` and `]`.
    pub(super) close: u64,
}

/// The bracket masks of one 64-byte block: `{`/`[` and `}`/`]` differ from each other
/// only in bit 5, so one OR folds each pair onto one compare.
#[inline(always)]
pub(super) fn classify_brackets(block: &[u8; BLOCK]) -> Brackets {
    let quote = set_splat_i8_m128i(b'"' as i8);
    let backslash = set_splat_i8_m128i(b'\\' as i8);
    let case = set_splat_i8_m128i(0x20);
    let open = set_splat_i8_m128i(b'{' as i8);
    let close = set_splat_i8_m128i(b'}' as i8);
    let mut masks = Brackets {
        quote: 0,
        backslash: 0,
        open: 0,
        close: 0,
    };
    for (lane, bytes) in block.chunks_exact(16).enumerate() {
        let bytes: &[u8; 16] = bytes.try_into().unwrap_or(&[b' '; 16]);
        let v = load_unaligned_m128i(bytes);
        let bits = |m| u64::from(move_mask_i8_m128i(m) as u16) << (16 * lane);
        masks.quote |= bits(cmp_eq_mask_i8_m128i(v, quote));
        masks.backslash |= bits(cmp_eq_mask_i8_m128i(v, backslash));
        let folded = bitor_m128i(v, case);
        masks.open |= bits(cmp_eq_mask_i8_m128i(folded, open));
        masks.close |= bits(cmp_eq_mask_i8_m128i(folded, close));
    }
    masks
}

/// Bit `i` set when an odd number of bits `0..=i` of `bits` are set: with the unescaped
/// quotes as `bits`, the bytes from an opening quote up to (not including) its closing one.
#[inline(always)]
pub(super) fn prefix_xor(mut bits: u64) -> u64 {
    bits ^= bits << 1;
    bits ^= bits << 2;
    bits ^= bits << 4;
    bits ^= bits << 8;
    bits ^= bits << 16;
    bits ^= bits << 32;
    bits
}

#[cfg(test)]
mod tests {
    use super::{BLOCK, Brackets, Masks, classify, classify_brackets, prefix_xor};

    /// The masks by a byte loop, for comparison.
    fn by_loop(block: &[u8; BLOCK]) -> Masks {
        let bits = |test: &dyn Fn(u8) -> bool| {
            (0..BLOCK).fold(0u64, |m, i| m | (u64::from(test(block[i])) << i))
        };
        Masks {
            quote: bits(&|b| b == b'"'),
            backslash: bits(&|b| b == b'\\'),
            blank: bits(&|b| b <= b' '),
            control: bits(&|b| b < b' '),
            digit: bits(&|b| b.is_ascii_digit()),
        }
    }

    fn bits_of(block: &[u8; BLOCK], set: &[u8]) -> u64 {
        (0..BLOCK).fold(0u64, |m, i| m | (u64::from(set.contains(&block[i])) << i))
    }

    #[test]
    fn agrees_with_a_byte_loop() {
        let samples: [&[u8]; 4] = [
            br#"{"a":"b\"c","d":[1,2,{"e":null}]} \t"#,
            "\u{1}\u{1f} !\"#\\\u{7f}é\u{ff}/0123456789:[]{}{{[]]}}\u{5b}\u{7b}".as_bytes(),
            &[
                0x80, 0x9f, 0xa0, 0x20, 0x21, 0x22, 0x5c, 0x00, 0x09, 0x0a, 0x0d, 0xff,
            ],
            b"",
        ];
        for sample in samples {
            for shift in 0..BLOCK {
                let mut block = [b'x'; BLOCK];
                for (i, &b) in sample.iter().enumerate() {
                    block[(i + shift) % BLOCK] = b;
                }
                assert_eq!(classify(&block), by_loop(&block), "{sample:?} at {shift}");
                let brackets = Brackets {
                    quote: by_loop(&block).quote,
                    backslash: by_loop(&block).backslash,
                    open: bits_of(&block, b"{["),
                    close: bits_of(&block, b"}]"),
                };
                assert_eq!(classify_brackets(&block), brackets, "{sample:?} at {shift}");
            }
        }
    }

    #[test]
    fn prefix_xor_marks_inside_quotes() {
        let cases: &[(u64, u64)] = &[
            (0, 0),
            (0b1, u64::MAX),
            (0b1001, 0b0111),
            (0b1_0010, 0b0_1110),
            (0b1001_0010, (u64::MAX << 7) | 0b1110),
            (1 << 63, 1 << 63),
        ];
        for &(quotes, inside) in cases {
            assert_eq!(prefix_xor(quotes), inside, "{quotes:b}");
        }
    }
}
