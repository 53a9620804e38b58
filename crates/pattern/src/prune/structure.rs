//! Stepping over an object or array of bytes already known to be valid JSON, checking
//! nothing: only its end is looked for.
//!
//! For [`crate::Pattern::matches_json_prevalidated`], whose callers hold bytes that were
//! produced by a JSON serialiser (the playground's event store writes every event with
//! serde_json). Knowing the bytes are JSON, the end of a container is where the brackets
//! outside strings balance: on x86-64 that is read 64 bytes at a time from the same masks
//! as the block validator (quotes, backslashes, and here brackets), then the brackets
//! outside strings are counted one by one. Elsewhere a byte loop does the same. On bytes that are not JSON the reader
//! still never panics or reads out of bounds; it just has no defined verdict.

use super::scanner::Scanner;

#[cfg(target_arch = "x86_64")]
use super::classify::{BLOCK, classify_brackets, prefix_xor};

impl Scanner<'_, '_> {
    /// Steps past the object or array at the cursor, assuming valid JSON.
    #[cfg(target_arch = "x86_64")]
    pub(super) fn skip_structure(&mut self) -> Result<(), serde_json::Error> {
        let bytes = self.bytes;
        let mut depth = 0u32;
        let mut escape_carry = 0u64;
        let mut string_carry = 0u64;
        let mut base = self.pos;
        while base < bytes.len() {
            let block = super::validate::block_at(bytes, base);
            let masks = classify_brackets(&block);
            let escaped = if masks.backslash == 0 && escape_carry == 0 {
                0
            } else {
                super::validate::escapes(bytes, base, masks.backslash, &mut escape_carry).0
            };
            let quotes = masks.quote & !escaped;
            let in_string = prefix_xor(quotes) ^ string_carry;
            string_carry = ((in_string as i64) >> 63) as u64;
            let opens = masks.open & !in_string;
            let mut brackets = opens | (masks.close & !in_string);
            // Brackets are few (a handful per kilobyte of CloudTrail): one by one.
            while brackets != 0 {
                let at = brackets.trailing_zeros();
                brackets &= brackets - 1;
                if opens & (1 << at) != 0 {
                    depth += 1;
                } else {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.pos = base + at as usize + 1;
                        return Ok(());
                    }
                }
            }
            base += BLOCK;
        }
        self.pos = bytes.len();
        Err(self.error("unterminated object or array"))
    }

    /// Steps past the object or array at the cursor, assuming valid JSON, byte by byte.
    #[cfg(not(target_arch = "x86_64"))]
    pub(super) fn skip_structure(&mut self) -> Result<(), serde_json::Error> {
        let mut depth = 0usize;
        while let Some(&byte) = self.bytes.get(self.pos) {
            match byte {
                b'"' => {
                    self.skip_string()?;
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.pos += 1;
                        return Ok(());
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        Err(self.error("unterminated object or array"))
    }
}
