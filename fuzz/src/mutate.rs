//! Byte-level mutations of corpus entries: the classic set (flip, replace, insert, delete,
//! duplicate, splice) plus tokens from the target's dictionary, which is what lets a blind
//! mutator reach operators like `"anything-but"` or a gzip header.

use crate::rng::Rng;

/// The largest input the mutator produces. The time budget applies under 10 KB; a little
/// above that still finds crashes (caps, off-by-ones) without spending the run on copying.
pub const MAX_INPUT_LEN: usize = 12 * 1024;

/// Byte values that often sit on a boundary.
const INTERESTING_BYTES: &[u8] = &[
    0, 1, 0x7f, 0x80, 0xff, b'"', b'\\', b'{', b'}', b'[', b']', b',', b':', b'.', b'-', b'e',
    b'0', b'9', b' ', b'\n', b'*', b'/',
];

/// Applies one to four random mutations to `input`, drawing tokens from `dictionary` and
/// splice material from `other` (another corpus entry).
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8], dictionary: &[&[u8]]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        mutate_once(rng, &mut out, other, dictionary);
    }
    out.truncate(MAX_INPUT_LEN);
    out
}

fn mutate_once(rng: &mut Rng, out: &mut Vec<u8>, other: &[u8], dictionary: &[&[u8]]) {
    let at = rng.below(out.len() + 1);
    match rng.below(9) {
        0 if !out.is_empty() => {
            let i = rng.below(out.len());
            out[i] ^= 1 << rng.below(8);
        }
        1 if !out.is_empty() => {
            let i = rng.below(out.len());
            out[i] = *rng.pick(INTERESTING_BYTES);
        }
        2 => out.insert(at, *rng.pick(INTERESTING_BYTES)),
        3 if !out.is_empty() => {
            let len = 1 + rng.below(16.min(out.len()));
            let start = rng.below(out.len() - len + 1);
            out.drain(start..start + len);
        }
        4 if !out.is_empty() => {
            let len = 1 + rng.below(64.min(out.len()));
            let start = rng.below(out.len() - len + 1);
            let copy = out[start..start + len].to_vec();
            let most = if rng.one_in(8) { 64 } else { 3 };
            let times = 1 + rng.below(most);
            for _ in 0..times {
                out.splice(at..at, copy.iter().copied());
            }
        }
        5 if !other.is_empty() => {
            let start = rng.below(other.len());
            let len = 1 + rng.below((other.len() - start).min(256));
            out.splice(at..at, other[start..start + len].iter().copied());
        }
        6 if !out.is_empty() => out.truncate(rng.below(out.len())),
        _ if !dictionary.is_empty() => {
            let token = rng.pick(dictionary);
            out.splice(at..at, token.iter().copied());
        }
        _ => out.insert(at, rng.next_u64() as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_change_inputs_and_stay_under_the_size_cap() {
        let mut rng = Rng::new(1);
        let seed = br#"{"source":["aws.ec2"]}"#;
        let mut changed = 0;
        for _ in 0..2000 {
            let out = mutate(&mut rng, seed, b"{\"x\":1}", &[b"\"prefix\""]);
            assert!(out.len() <= MAX_INPUT_LEN);
            changed += usize::from(out != seed);
        }
        assert!(
            changed > 1800,
            "only {changed} of 2000 mutations changed the input"
        );
        let huge = vec![b'x'; MAX_INPUT_LEN * 2];
        assert!(mutate(&mut rng, &huge, b"", &[]).len() <= MAX_INPUT_LEN);
    }
}
