//! The share-link decoder and the loading path behind it: a fragment becomes a snapshot within
//! the caps, the snapshot becomes the state, the state's inputs are ingested — all bounded.
//!
//! Input layout: the first byte picks the mode; the rest is
//! - mode 0: the fragment text itself (base64 and compression damage);
//! - mode 1: the snapshot JSON, compressed into a valid link (what the JSON reader sees);
//! - mode 2: bytes `arbitrary` turns into a snapshot, which must survive encode → decode.

use crate::runner::Verdict;
use arbitrary::Unstructured;
use eventpen::share::{
    MAX_SHARED_HINTS, MAX_SHARED_INPUTS, SharedChallenge, SharedInput, Snapshot, decode, encode,
};
use eventpen::state::State;
use eventpen_playground::session::Session;

/// Tokens of the snapshot JSON and the link format.
pub const DICTIONARY: &[&[u8]] = &[
    b"#v1.",
    b"eNq",
    b"eJw",
    b"{\"p\":",
    b"\"e\":[",
    b"{\"n\":\"a\",\"t\":\"{}\"}",
    b"{}",
    b"\"c\":{",
    b"\"h\":[",
    b"\"x\":[null,true,false]",
    b"\"k\":[",
    b"\"s\":",
    b"\"f\":\"matched\"",
    b"\"r\":{",
    b"\"g\":\"",
    b"\"t\":\"",
    b",",
    b"]",
    b"}",
    b" ",
    b"%20",
    b"\x00",
    b"\x01",
    b"\x02",
];

/// Runs one input; panics if a decoded snapshot breaks a cap or does not survive a round trip.
pub fn run(data: &[u8]) -> Verdict {
    let (mode, rest) = data.split_first().unwrap_or((&0, &[]));
    let decoded = match mode % 3 {
        0 => decode(&String::from_utf8_lossy(rest)),
        1 => decode(&compressed_link(rest)),
        _ => {
            let snapshot = arbitrary_snapshot(&mut Unstructured::new(rest));
            let decoded = decode(&encode(&snapshot));
            assert_eq!(
                decoded.as_ref().ok(),
                Some(&snapshot),
                "encode → decode changed a snapshot"
            );
            decoded
        }
    };
    let Ok(snapshot) = decoded else {
        return Verdict::Boring;
    };
    assert!(
        snapshot.events.len() <= MAX_SHARED_INPUTS,
        "{} inputs",
        snapshot.events.len()
    );
    if let Some(challenge) = &snapshot.challenge {
        assert!(challenge.hints.len() <= MAX_SHARED_HINTS);
        assert!(challenge.hidden.len() <= MAX_SHARED_INPUTS);
    }
    let _ = snapshot.left_out.notices();
    let state = State::from_snapshot(&snapshot);
    // The worker's session ingests what the page restored from the link.
    let inputs = state.inputs();
    let mut session = Session::default();
    for (id, input) in (0u32..).zip(&inputs) {
        session.add_text(id, &input.name, input.text.as_bytes(), false);
    }
    assert!(session.event_count() <= eventpen_ingest::MAX_EVENTS * inputs.len().max(1));
    let again = decode(&encode(&snapshot)).map(|mut s| {
        s.left_out = snapshot.left_out;
        s
    });
    assert_eq!(
        again.as_ref(),
        Ok(&snapshot),
        "a decoded snapshot does not survive a round trip"
    );
    Verdict::Interesting
}

/// A valid link around arbitrary payload bytes.
fn compressed_link(payload: &[u8]) -> String {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use std::io::Write;
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
    let _ = encoder.write_all(payload);
    let compressed = encoder.finish().unwrap_or_default();
    format!("#v1.{}", base64url(&compressed))
}

/// base64url without padding (the link alphabet), written here to keep the target's
/// dependencies to what it fuzzes.
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// A snapshot within the caps, from arbitrary bytes.
fn arbitrary_snapshot(u: &mut Unstructured) -> Snapshot {
    let text = |u: &mut Unstructured| u.arbitrary::<String>().unwrap_or_default();
    let input = |u: &mut Unstructured| SharedInput {
        name: text(u),
        text: text(u),
    };
    let inputs = |u: &mut Unstructured| {
        let n = u.int_in_range(0..=4usize).unwrap_or(0);
        (0..n).map(|_| input(u)).collect::<Vec<_>>()
    };
    let mut snapshot = Snapshot {
        pattern: text(u),
        events: inputs(u),
        selected: u.arbitrary().unwrap_or_default(),
        filter: u.arbitrary().unwrap_or_default(),
        export_format: u.arbitrary().unwrap_or_default(),
        example: u.arbitrary().unwrap_or_default(),
        ..Snapshot::default()
    };
    snapshot.rule.name = text(u);
    snapshot.rule.description = text(u);
    if u.arbitrary().unwrap_or(false) {
        snapshot.challenge = Some(SharedChallenge {
            goal: text(u),
            hints: {
                let mut hints: Vec<String> = u.arbitrary().unwrap_or_default();
                hints.truncate(MAX_SHARED_HINTS);
                hints
            },
            expectations: u.arbitrary().unwrap_or_default(),
            hidden: inputs(u),
        });
    }
    snapshot
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64url_matches_known_encodings() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"\xfb\xff", "-_8"),
        ] {
            assert_eq!(super::base64url(bytes), text);
        }
    }
}
