//! The one place where Rust byte offsets and the DOM's UTF-16 offsets meet.
//!
//! The engine reports spans in bytes of UTF-8; a `<textarea>`'s `selectionStart` counts UTF-16
//! code units. Mixing them up puts the cursor in the wrong place after any `é` or emoji.

/// The UTF-16 offset of byte offset `byte` in `text` (clamped to the text, and to the start of
/// a character it falls inside).
pub fn byte_to_utf16(text: &str, byte: usize) -> u32 {
    let mut end = byte.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().map(char::len_utf16).sum::<usize>() as u32
}

/// The byte offset of UTF-16 offset `utf16` in `text` (clamped; an offset inside a surrogate
/// pair goes to the start of that character).
pub fn utf16_to_byte(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (byte, c) in text.char_indices() {
        let next = units + c.len_utf16() as u32;
        if next > utf16 {
            return byte;
        }
        units = next;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        // (text, byte, utf16)
        let cases: &[(&str, usize, u32)] = &[
            ("", 0, 0),
            ("abc", 2, 2),
            ("é", 2, 1),
            ("éa", 3, 2),
            ("😀a", 4, 2),
            ("😀a", 5, 3),
            ("a😀", 5, 3),
        ];
        for &(text, byte, utf16) in cases {
            assert_eq!(byte_to_utf16(text, byte), utf16, "{text:?} byte {byte}");
            assert_eq!(utf16_to_byte(text, utf16), byte, "{text:?} utf16 {utf16}");
        }
    }

    #[test]
    fn clamps_out_of_range_and_mid_character() {
        assert_eq!(byte_to_utf16("é", 1), 0);
        assert_eq!(byte_to_utf16("ab", 99), 2);
        assert_eq!(utf16_to_byte("😀", 1), 0);
        assert_eq!(utf16_to_byte("ab", 99), 2);
    }
}
