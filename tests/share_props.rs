//! Share links: exact round-trips (hand-written, hostile and 1,000 generated snapshots), the
//! size of realistic links, and refusal of every damaged fragment without a panic.
//!
//! Property tests use `proptest`, the well-kept property-testing crate; it runs natively only.
#![cfg(not(target_arch = "wasm32"))]

#[path = "share_props/caps.rs"]
mod caps;
#[path = "share_props/damaged.rs"]
mod damaged;
#[path = "share_props/measure.rs"]
mod measure;
#[path = "share_props/realistic.rs"]
mod realistic;

use eventpen::share::{
    LeftOut, SharedChallenge, SharedInput, SharedRule, Snapshot, decode, encode, pattern_only,
};
use proptest::prelude::*;
use realistic::{RUN_INSTANCES_PATTERN, playground};

fn input(name: &str, text: &str) -> SharedInput {
    SharedInput {
        name: name.into(),
        text: text.into(),
    }
}

fn hand_written() -> Vec<(&'static str, Snapshot)> {
    let full_rule = SharedRule {
        name: "large-instances".into(),
        event_bus: "default".into(),
        state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS".into(),
        description: "Alert on GPU instances".into(),
        sns_topic: "arn:aws:sns:us-east-1:123456789012:alerts".into(),
        account: "123456789012".into(),
        region: "us-east-1".into(),
        input_kind: "transformer".into(),
        paths_map: "{\"user\": \"$.detail.userIdentity.userName\"}".into(),
        template: "<user> launched \"it\"".into(),
        input_path: "$.detail".into(),
        constant: "{\"fixed\": true}".into(),
    };
    let challenge = SharedChallenge {
        goal: "Match events 1 and 3 but not 2".into(),
        hints: vec!["Look at eventName".into(), "prefix helps".into()],
        expectations: vec![Some(true), Some(false), None],
        hidden: vec![input("hidden 1", r#"{"source":"aws.ec2"}"#)],
    };
    vec![
        ("empty", Snapshot::default()),
        (
            "pattern",
            Snapshot {
                pattern: RUN_INSTANCES_PATTERN.into(),
                ..Snapshot::default()
            },
        ),
        ("one event", playground(1)),
        (
            "selection zero",
            Snapshot {
                selected: Some(0),
                ..Snapshot::default()
            },
        ),
        (
            "filter",
            Snapshot {
                filter: Some("not-matched".into()),
                ..Snapshot::default()
            },
        ),
        (
            "empty filter",
            Snapshot {
                filter: Some(String::new()),
                ..Snapshot::default()
            },
        ),
        (
            "rule",
            Snapshot {
                rule: full_rule.clone(),
                ..Snapshot::default()
            },
        ),
        (
            "rule one field",
            Snapshot {
                rule: SharedRule {
                    sns_topic: "t".into(),
                    ..SharedRule::default()
                },
                ..Snapshot::default()
            },
        ),
        (
            "export",
            Snapshot {
                export_format: Some("cli-file".into()),
                ..Snapshot::default()
            },
        ),
        (
            "challenge",
            Snapshot {
                challenge: Some(challenge.clone()),
                ..Snapshot::default()
            },
        ),
        (
            "empty challenge",
            Snapshot {
                challenge: Some(SharedChallenge::default()),
                ..Snapshot::default()
            },
        ),
        (
            "example",
            Snapshot {
                example: Some("root-console-login".into()),
                ..Snapshot::default()
            },
        ),
        (
            "unnamed inputs",
            Snapshot {
                events: vec![input("", "{}"), input("", "")],
                ..Snapshot::default()
            },
        ),
        (
            "everything",
            Snapshot {
                rule: full_rule,
                challenge: Some(challenge),
                filter: Some("matched".into()),
                export_format: Some("terraform".into()),
                ..playground(3)
            },
        ),
    ]
}

#[test]
fn hand_written_snapshots_round_trip_exactly() {
    for (label, snapshot) in hand_written() {
        let fragment = encode(&snapshot);
        assert_eq!(decode(&fragment), Ok(snapshot.clone()), "{label}");
        assert_eq!(
            decode(&fragment[1..]),
            Ok(snapshot.clone()),
            "{label} without #"
        );
        assert_eq!(
            decode(&format!(" {fragment}\n")),
            Ok(snapshot.clone()),
            "{label} with spaces"
        );
        let wrapped: String = fragment
            .chars()
            .enumerate()
            .flat_map(|(i, c)| (i % 60 == 59).then_some('\n').into_iter().chain([c]))
            .collect();
        assert_eq!(
            decode(&wrapped),
            Ok(snapshot),
            "{label} wrapped by a mail client"
        );
    }
}

#[test]
fn hostile_strings_round_trip_as_data() {
    let hostile = [
        "<script>alert(1)</script>",
        r#"" onmouseover="x"#,
        "'\"`\\\\",
        "\0NUL\0",
        "ünïcødé 🎉 مرحبا 中文 \u{202E}rtl",
        "\u{FEFF}bom",
        "line\r\nbreak\ttab",
        "#v1.not-a-link",
        "%2F%00 &amp; ?a=b#c",
    ];
    // Long and varied (a run of one character would compress past the inflation limit, which
    // `caps.rs` tests on its own), with four-byte characters among ASCII.
    let long: String = (0u32..20_000)
        .map(|i| match i.wrapping_mul(2_654_435_761) >> 26 {
            0..=3 => '🎉',
            n => char::from_u32(0x21 + n).unwrap_or('x'),
        })
        .collect();
    for text in hostile.iter().copied().chain([long.as_str()]) {
        let s = text.to_string();
        let snapshot = Snapshot {
            pattern: s.clone(),
            events: vec![input(&s, &s)],
            selected: Some(usize::MAX),
            filter: Some(s.clone()),
            rule: SharedRule {
                name: s.clone(),
                event_bus: s.clone(),
                state: s.clone(),
                description: s.clone(),
                sns_topic: s.clone(),
                account: s.clone(),
                region: s.clone(),
                input_kind: s.clone(),
                paths_map: s.clone(),
                template: s.clone(),
                input_path: s.clone(),
                constant: s.clone(),
            },
            export_format: Some(s.clone()),
            challenge: Some(SharedChallenge {
                goal: s.clone(),
                hints: vec![s.clone()],
                expectations: vec![None],
                hidden: vec![input(&s, &s)],
            }),
            example: Some(s.clone()),
            left_out: LeftOut::default(),
        };
        let fragment = encode(&snapshot);
        assert!(
            fragment[1..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
            "fragment must need no escaping"
        );
        assert_eq!(
            decode(&fragment),
            Ok(snapshot),
            "{:?}",
            &text[..text.len().min(20)]
        );
    }
}

#[test]
fn pattern_only_keeps_the_pattern_and_drops_the_data() {
    let (_, everything) = hand_written().pop().unwrap_or_default();
    let shared = pattern_only(&everything);
    assert_eq!(shared.pattern, everything.pattern);
    assert_eq!(shared.rule, everything.rule);
    assert!(shared.events.is_empty() && shared.selected.is_none());
    let challenge = shared.challenge.unwrap_or_default();
    assert!(challenge.hidden.is_empty() && challenge.expectations.is_empty());
    assert_eq!(challenge.hints.len(), 2);
}

#[test]
fn defaults_are_left_out_and_unknown_fields_ignored() {
    // An empty snapshot is the smallest payload: `{}`.
    assert_eq!(encode(&Snapshot::default()), "#v1.eNqrrgUAAXUA-Q");
    // A payload from a later EventPen with fields this one does not know still opens.
    let later = serde_json::json!({ "p": "{}", "zz": [1, 2], "r": { "n": "rule", "new": true } });
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(later.to_string().as_bytes(), 9);
    use base64::Engine as _;
    let fragment = format!(
        "#v1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed)
    );
    let expected = Snapshot {
        pattern: "{}".into(),
        rule: SharedRule {
            name: "rule".into(),
            ..SharedRule::default()
        },
        ..Snapshot::default()
    };
    assert_eq!(decode(&fragment), Ok(expected));
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<String>(),
        "[a-z{}\":, \\[\\]]{0,40}"
    ]
}

fn shared_input() -> impl Strategy<Value = SharedInput> {
    (text(), text()).prop_map(|(name, text)| SharedInput { name, text })
}

prop_compose! {
    fn snapshot()(
        pattern in text(),
        events in prop::collection::vec(shared_input(), 0..4),
        selected in prop::option::of(any::<usize>()),
        filter in prop::option::of(text()),
        rule in (text(), text(), text(), text(), text()),
        target in (text(), text(), text(), text(), text(), text(), text()),
        export_format in prop::option::of(text()),
        challenge in prop::option::of((text(), prop::collection::vec(text(), 0..3), prop::collection::vec(prop::option::of(any::<bool>()), 0..4), prop::collection::vec(shared_input(), 0..2))),
        example in prop::option::of(text()),
    ) -> Snapshot {
        Snapshot {
            pattern, events, selected, filter, export_format, example,
            rule: SharedRule {
                name: rule.0, event_bus: rule.1, state: rule.2, description: rule.3, sns_topic: rule.4,
                account: target.0, region: target.1, input_kind: target.2, paths_map: target.3,
                template: target.4, input_path: target.5, constant: target.6,
            },
            challenge: challenge.map(|(goal, hints, expectations, hidden)| SharedChallenge { goal, hints, expectations, hidden }),
            left_out: LeftOut::default(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_snapshots_round_trip_exactly(s in snapshot()) {
        prop_assert_eq!(decode(&encode(&s)), Ok(s));
    }
}
