//! A fast non-cryptographic hash for the store's tables (path keys, value texts): the store
//! hashes every key and value of every event it indexes, so the standard library's
//! DoS-resistant SipHash is the wrong trade here (nothing is keyed by an attacker who could
//! gain from collisions, and collisions only cost time). Eight bytes per step, in the style
//! of rustc's FxHash; no dependency, same results on wasm32.

use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

/// Mixes `bytes` into `state`.
fn mix(mut state: u64, bytes: &[u8]) -> u64 {
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut buffer = [0u8; 8];
        buffer.copy_from_slice(word);
        state = step(state, buffer);
    }
    let rest = words.remainder();
    let mut buffer = [0u8; 8];
    buffer[..rest.len()].copy_from_slice(rest);
    (state.rotate_left(5) ^ u64::from_le_bytes(buffer) ^ bytes.len() as u64).wrapping_mul(SEED)
}

/// The hash of a byte string, with its high bits folded into the low ones (tables index by
/// the low bits).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let h = mix(0, bytes);
    h ^ (h >> 32)
}

/// Whether two byte strings are equal, eight bytes a step: the store compares every
/// repeated key and value with the one it keeps, and wasm's `memcmp` goes byte by byte.
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut left, mut right) = (a.chunks_exact(8), b.chunks_exact(8));
    let words_equal = left.by_ref().zip(right.by_ref()).all(|(x, y)| {
        let word = |bytes: &[u8]| <[u8; 8]>::try_from(bytes).ok().map(u64::from_ne_bytes);
        word(x) == word(y)
    });
    words_equal && left.remainder().iter().eq(right.remainder())
}

/// The hash of a whole input's bytes (the duplicate-file check), fed in pieces (a file read in
/// chunks) with the same result however it is cut. Four lanes of [`step`] over 32-byte blocks,
/// so their multiplies overlap: one chain, eight bytes per multiply's latency, was about 3% of
/// a 100,000-event load in wasm. Not [`hash_bytes`]: the tables' short keys want one lane.
#[derive(Debug, Default, Clone)]
pub struct BytesHasher {
    lanes: [u64; 4],
    /// The bytes of a block not complete yet.
    pending: [u8; 32],
    pending_len: usize,
    total: usize,
}

impl BytesHasher {
    /// Mixes in the next piece.
    pub fn write(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len();
        if self.pending_len > 0 {
            let take = (32 - self.pending_len).min(bytes.len());
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(&bytes[..take]);
            self.pending_len += take;
            bytes = &bytes[take..];
            if self.pending_len < 32 {
                return;
            }
            let block = self.pending;
            self.block(&block);
            self.pending_len = 0;
        }
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            self.block(block);
        }
        let rest = blocks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
    }

    /// One 32-byte block: a word to each lane.
    fn block(&mut self, block: &[u8]) {
        for (lane, word) in self.lanes.iter_mut().zip(block.chunks_exact(8)) {
            let mut buffer = [0u8; 8];
            buffer.copy_from_slice(word);
            *lane = step(*lane, buffer);
        }
    }

    /// The hash of everything written: the lanes, the unfinished block and the length.
    pub fn finish(&self) -> u64 {
        let mut h = mix(self.total as u64, &self.pending[..self.pending_len]);
        for lane in self.lanes {
            h = step(h, lane.to_le_bytes());
        }
        h ^ (h >> 32)
    }
}

/// [`BytesHasher`] over all of `bytes` at once.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = BytesHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// One word of [`mix`].
fn step(state: u64, word: [u8; 8]) -> u64 {
    (state.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED)
}

/// [`Hasher`] over [`mix`], for `HashMap`s keyed by strings.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0, bytes);
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

/// Builds [`FastHasher`]s.
pub(crate) type FastBuild = BuildHasherDefault<FastHasher>;

#[cfg(test)]
mod tests {
    use super::{BytesHasher, content_hash, hash_bytes};

    #[test]
    fn a_text_hashed_in_pieces_hashes_as_a_whole() {
        let text: Vec<u8> = (0..100u8).collect();
        // (length of the text, size of the pieces)
        for (len, piece) in [
            (0, 1),
            (1, 1),
            (7, 3),
            (8, 8),
            (9, 2),
            (31, 31),
            (32, 32),
            (33, 32),
            (64, 5),
            (65, 31),
            (100, 7),
            (100, 33),
            (100, 100),
        ] {
            let mut hasher = BytesHasher::default();
            for part in text[..len].chunks(piece) {
                hasher.write(part);
            }
            assert_eq!(
                hasher.finish(),
                content_hash(&text[..len]),
                "{len} in {piece}s"
            );
        }
    }

    #[test]
    fn same_bytes_is_slice_equality() {
        let texts: [&[u8]; 8] = [
            b"",
            b"a",
            b"abcdefgh",
            b"abcdefgi",
            b"abcdefgh1",
            b"abcdefgh2",
            b"\"ec2.amazonaws.com",
            b"\"ec2.amazonaws.con",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(super::same_bytes(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn content_hashes_tell_inputs_apart() {
        let block: Vec<u8> = (0..32u8).collect();
        let moved: Vec<u8> = (0..32u8).map(|b| b ^ 1).collect();
        let inputs: [&[u8]; 8] = [
            b"",
            b"\0",
            b"abcdefgh",
            b"abcdefgh\0",
            &block,
            &moved,
            &block[..31],
            &[block.as_slice(), b"x"].concat(),
        ];
        for (i, a) in inputs.iter().enumerate() {
            for b in &inputs[i + 1..] {
                assert_ne!(content_hash(a), content_hash(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn distinguishes_lengths_and_tails() {
        let inputs: [&[u8]; 6] = [
            b"",
            b"\0",
            b"abcdefgh",
            b"abcdefgh\0",
            b"abcdefgi",
            b"sRunInstances",
        ];
        for (i, a) in inputs.iter().enumerate() {
            for b in &inputs[i + 1..] {
                assert_ne!(hash_bytes(a), hash_bytes(b), "{a:?} {b:?}");
            }
        }
    }
}
