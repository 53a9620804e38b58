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
        state = (state.rotate_left(5) ^ u64::from_le_bytes(buffer)).wrapping_mul(SEED);
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
    use super::hash_bytes;

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
