//! Damaged links: always an error value, never a panic, never a hang.

use super::realistic::{Variety, playground};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use eventpen::share::{MAX_LINK_BYTES, ShareError, Snapshot, decode, encode, encode_checked};
use proptest::prelude::*;

#[test]
fn every_truncation_is_refused() {
    let fragment = encode(&playground(2));
    let prefix = "#v1.".len();
    for cut in prefix..fragment.len() {
        let result = decode(&fragment[..cut]);
        assert!(result.is_err(), "cut at {cut} opened: {result:?}");
    }
}

#[test]
fn flipped_bytes_never_panic_and_are_almost_always_caught() {
    let fragment = encode(&playground(2));
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut opened = 0;
    let mut tried = 0;
    for at in "#v1.".len()..fragment.len() {
        for replacement in [b'A', b'z', b'-', b'_', b'*', b'.'] {
            let mut bytes = fragment.clone().into_bytes();
            if bytes[at] == replacement {
                continue;
            }
            bytes[at] = replacement;
            let damaged = String::from_utf8(bytes).unwrap_or_default();
            tried += 1;
            if decode(&damaged).is_ok() {
                assert!(alphabet.contains(&replacement));
                opened += 1;
            }
        }
    }
    // Only changes to the last character's unused bits can slip through the checksum.
    assert!(
        opened * 100 <= tried,
        "{opened} of {tried} damaged links opened"
    );
}

#[test]
fn damaged_fragments_give_the_right_error() {
    let good = encode(&playground(1));
    #[rustfmt::skip]
    let cases: Vec<(String, ShareError)> = vec![
        (String::new(), ShareError::Empty),
        ("#".into(), ShareError::Empty),
        ("#v2.eNqrrgUAAXUA-Q".into(), ShareError::UnknownVersion("v2".into())),
        ("#v10.abc".into(), ShareError::UnknownVersion("v10".into())),
        ("#events-heading".into(), ShareError::UnknownVersion("events-heading".into())),
        ("#v1.eNq*rrgUAAXUA-Q".into(), ShareError::BadEncoding { position: Some(6) }),
        ("#v1.eNq rrg*UAAXUA-Q".into(), ShareError::BadEncoding { position: None }),
        ("#v1.e".into(), ShareError::BadEncoding { position: None }),
        ("#v1.".into(), ShareError::Truncated),
        (good[..good.len() - 10].into(), ShareError::Truncated),
        ("#v1.AAAAAAAA".into(), ShareError::BadCompression),
        (format!("#v1.{}", "A".repeat(MAX_LINK_BYTES)), ShareError::TooLarge { what: "link", limit: MAX_LINK_BYTES }),
    ];
    for (fragment, expected) in cases {
        assert_eq!(
            decode(&fragment),
            Err(expected),
            "{:?}",
            &fragment[..fragment.len().min(30)]
        );
    }
}

#[test]
fn newer_versions_say_so_and_garbage_does_not() {
    let newer = decode("#v2.abc")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(newer.contains("newer EventPen"), "{newer}");
    let garbage = decode("#hello")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        !garbage.contains("newer") && garbage.contains("not an EventPen"),
        "{garbage}"
    );
}

#[test]
fn a_zip_bomb_is_refused_quickly() {
    // 40 MB of spaces deflates to about 40 KB: a short link that would expand beyond the cap.
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; 40 << 20], 9);
    let fragment = format!("#v1.{}", URL_SAFE_NO_PAD.encode(bomb));
    assert!(fragment.len() < MAX_LINK_BYTES);
    assert_eq!(decode(&fragment).map_err(|e| e.kind()), Err("too-large"));
}

#[test]
fn encode_checked_refuses_what_decode_would_refuse() {
    let mut v = Variety(99);
    let huge = Snapshot {
        pattern: (0..60_000).map(|_| v.uuid()).collect(),
        ..Snapshot::default()
    };
    assert_eq!(
        encode_checked(&huge).map_err(|e| e.kind()),
        Err("too-large")
    );
    assert_eq!(
        decode(&encode(&huge)).map_err(|e| e.kind()),
        Err("too-large")
    );
    assert!(encode_checked(&playground(3)).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any text, any payload of the right alphabet, any deflated bytes: a value, never a panic.
    #[test]
    fn garbage_of_every_layer_never_panics(
        text in any::<String>(),
        bytes in prop::collection::vec(any::<u8>(), 0..200),
        json in "[{}\\[\\]\",:a-z0-9 ]{0,60}",
    ) {
        let _ = decode(&text);
        let _ = decode(&format!("#v1.{text}"));
        let _ = decode(&format!("#v1.{}", URL_SAFE_NO_PAD.encode(&bytes)));
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 6);
        let _ = decode(&format!("#v1.{}", URL_SAFE_NO_PAD.encode(deflated)));
    }
}
