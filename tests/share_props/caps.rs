//! Hostile links: what a short link may ask for is bounded, and what is cut is said.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use eventpen::share::{
    MAX_SHARED_INPUTS, MIN_INFLATION_ALLOWANCE, SharedInput, Snapshot, decode, encode_checked,
};

/// A link around `json`, compressed as EventPen does.
fn link(json: &str) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    format!("#v1.{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// `{"e":[{},{},…]}` with `n` empty inputs.
fn empty_inputs(n: usize) -> String {
    format!("{{\"e\":[{}]}}", vec!["{}"; n].join(","))
}

/// (inputs opened, inputs left out), or the error kind.
type Opened = Result<(usize, usize), &'static str>;

#[test]
fn many_empty_inputs_open_the_first_ones_and_say_so() {
    #[rustfmt::skip]
    let cases: &[(usize, Opened)] = &[
        // empty inputs in the link → (inputs opened, inputs left out), or the error kind
        (3, Ok((3, 0))),
        (MAX_SHARED_INPUTS, Ok((MAX_SHARED_INPUTS, 0))),
        (300_000, Ok((MAX_SHARED_INPUTS, 300_000 - MAX_SHARED_INPUTS))),
        // 6 MB of JSON from a 10 KB link: past the inflation limit, refused before reading.
        (2_000_000, Err("too-large")),
    ];
    for (n, expected) in cases {
        let fragment = link(&empty_inputs(*n));
        let got = decode(&fragment)
            .map(|s| (s.events.len(), s.left_out.inputs))
            .map_err(|e| e.kind());
        assert_eq!(
            got,
            *expected,
            "{n} inputs in a {}-byte link",
            fragment.len()
        );
    }
    assert!(link(&empty_inputs(2_000_000)).len() < 12 * 1024);
}

#[test]
fn the_notice_for_cut_inputs_names_both_numbers() {
    let snapshot = decode(&link(&empty_inputs(300_000))).expect("within the inflation limit");
    assert_eq!(
        snapshot.left_out.notices(),
        [
            "This link carries 300,000 event inputs; EventPen opened the first 1,000 and left out the rest."
        ]
    );
}

#[test]
fn repetitive_content_is_refused_when_written_not_only_when_read() {
    let event = r#"{"source":"aws.ec2","detail-type":"x","detail":{"eventName":"RunInstances"}}"#;
    let copies = MIN_INFLATION_ALLOWANCE / event.len() + 10;
    let snapshot = Snapshot {
        events: vec![SharedInput {
            name: String::new(),
            text: vec![event; copies].join("\n"),
        }],
        ..Snapshot::default()
    };
    let refused = encode_checked(&snapshot).map_err(|e| e.kind());
    assert_eq!(refused, Err("too-large"));
    let few = Snapshot {
        events: vec![SharedInput {
            name: String::new(),
            text: vec![event; 100].join("\n"),
        }],
        ..Snapshot::default()
    };
    let fragment = encode_checked(&few).expect("100 copies are fine");
    assert_eq!(decode(&fragment), Ok(few));
}
