//! Share links: exact round-trips (hand-written, hostile and 1,000 generated snapshots), the
//! size of realistic links, and refusal of every damaged fragment without a panic.
//!
//! Property tests use `proptest`, the well-kept property-testing crate; it runs natively only.
#![cfg(not(target_arch = "wasm32"))]

use eventpen::share::{
    MAX_LINK_BYTES, ShareError, SharedChallenge, SharedInput, SharedRule, Snapshot, decode, encode,
    encode_checked, pattern_only,
};
use proptest::prelude::*;
use serde_json::json;

// ---------------------------------------------------------------------------------------------
// Realistic content: CloudTrail API calls as EventBridge delivers them, pretty-printed the way
// users paste them from the console. A tiny deterministic generator varies what varies in real
// trails (ids, times, addresses, principals) so compression is not flattered by duplicates.

/// SplitMix64: deterministic, dependency-free variety.
struct Variety(u64);

impl Variety {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
    fn hex(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b"0123456789abcdef"[(self.next() % 16) as usize]))
            .collect()
    }
    fn uuid(&mut self) -> String {
        format!(
            "{}-{}-4{}-a{}-{}",
            self.hex(8),
            self.hex(4),
            self.hex(3),
            self.hex(3),
            self.hex(12)
        )
    }
    fn upper(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[(self.next() % 32) as usize]))
            .collect()
    }
}

/// One EventBridge event carrying a CloudTrail record, as pretty JSON text.
fn cloudtrail_event(v: &mut Variety, n: usize) -> String {
    let account = v.pick(&["123456789012", "210987654321", "555566667777"]);
    let region = v.pick(&["us-east-1", "eu-west-1", "ap-southeast-2"]);
    let (source, name) = *[
        ("ec2", "RunInstances"),
        ("ec2", "StopInstances"),
        ("iam", "CreateAccessKey"),
        ("s3", "PutBucketPolicy"),
        ("sts", "AssumeRole"),
        ("lambda", "CreateFunction20150331"),
    ]
    .get((v.next() % 6) as usize)
    .unwrap_or(&("ec2", "RunInstances"));
    let user = v.pick(&["alice", "bob", "deploy-bot", "carol.admin"]);
    let time = format!(
        "2026-11-{:02}T{:02}:{:02}:{:02}Z",
        1 + n % 28,
        v.next() % 24,
        v.next() % 60,
        v.next() % 60
    );
    let ip = format!(
        "{}.{}.{}.{}",
        1 + v.next() % 223,
        v.next() % 256,
        v.next() % 256,
        1 + v.next() % 254
    );
    let instance = format!("i-{}", v.hex(17));
    let event = json!({
        "version": "0",
        "id": v.uuid(),
        "detail-type": "AWS API Call via CloudTrail",
        "source": format!("aws.{source}"),
        "account": account,
        "time": time,
        "region": region,
        "resources": [],
        "detail": {
            "eventVersion": "1.09",
            "userIdentity": {
                "type": "IAMUser",
                "principalId": format!("AIDA{}", v.upper(17)),
                "arn": format!("arn:aws:iam::{account}:user/{user}"),
                "accountId": account,
                "accessKeyId": format!("AKIA{}", v.upper(16)),
                "userName": user,
                "sessionContext": {
                    "attributes": { "creationDate": time, "mfaAuthenticated": "true" }
                }
            },
            "eventTime": time,
            "eventSource": format!("{source}.amazonaws.com"),
            "eventName": name,
            "awsRegion": region,
            "sourceIPAddress": ip,
            "userAgent": v.pick(&[
                "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.amzn.2023 prompt/off command/ec2.run-instances",
                "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.2",
                "console.amazonaws.com",
            ]),
            "requestParameters": {
                "instancesSet": { "items": [{ "imageId": format!("ami-{}", v.hex(17)), "minCount": 1, "maxCount": 1 }] },
                "instanceType": v.pick(&["t3.micro", "m5.large", "p4d.24xlarge"]),
                "blockDeviceMapping": {},
                "monitoring": { "enabled": false },
                "disableApiTermination": false,
                "clientToken": v.uuid()
            },
            "responseElements": {
                "requestId": v.uuid(),
                "reservationId": format!("r-{}", v.hex(17)),
                "ownerId": account,
                "instancesSet": { "items": [{
                    "instanceId": instance,
                    "instanceState": { "code": 0, "name": "pending" },
                    "privateDnsName": format!("ip-10-0-{}-{}.{region}.compute.internal", v.next() % 256, v.next() % 256),
                    "launchTime": 1_700_000_000_000u64 + v.next() % 1_000_000_000
                }] }
            },
            "requestID": v.uuid(),
            "eventID": v.uuid(),
            "readOnly": false,
            "eventType": "AwsApiCall",
            "managementEvent": true,
            "recipientAccountId": account,
            "eventCategory": "Management",
            "tlsDetails": {
                "tlsVersion": "TLSv1.3",
                "cipherSuite": "TLS_AES_128_GCM_SHA256",
                "clientProvidedHostHeader": format!("{source}.{region}.amazonaws.com")
            }
        }
    });
    serde_json::to_string_pretty(&event).unwrap_or_default()
}

/// The default example's pattern: large EC2 instances launched.
const RUN_INSTANCES_PATTERN: &str = r#"{
  "source": ["aws.ec2"],
  "detail-type": ["AWS API Call via CloudTrail"],
  "detail": {
    "eventSource": ["ec2.amazonaws.com"],
    "eventName": ["RunInstances"],
    "requestParameters": {
      "instanceType": [{ "prefix": "p4d." }, { "prefix": "x2" }]
    }
  }
}"#;

fn playground(events: usize) -> Snapshot {
    let mut v = Variety(7);
    Snapshot {
        pattern: RUN_INSTANCES_PATTERN.to_string(),
        events: (0..events)
            .map(|n| SharedInput {
                name: format!("event {}", n + 1),
                text: cloudtrail_event(&mut v, n),
            })
            .collect(),
        selected: Some(0),
        example: Some("large-instance-launched".into()),
        ..Snapshot::default()
    }
}

/// Prints the table recorded in `src/share/codec.rs` (run with `--nocapture`) and pins the
/// promises that depend on it.
#[test]
fn measure_fragment_lengths() {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    println!("| content | none | lz-string | deflate |");
    let cases = [
        ("pattern only", pattern_only(&playground(1))),
        ("1 event", playground(1)),
        ("10 events", playground(10)),
        ("100 events", playground(100)),
    ];
    for (label, snapshot) in cases {
        let json = serde_json::to_string(&snapshot).unwrap_or_default();
        let none = format!("#v1.{}", b64.encode(json.as_bytes())).len();
        let lz = format!(
            "#v1.{}",
            lz_str::compress_to_encoded_uri_component(json.as_str())
        )
        .len();
        let deflate = encode(&snapshot).len();
        println!("| {label} | {none} | {lz} | {deflate} |");
        assert!(
            deflate <= lz.min(none) + 8,
            "{label}: deflate should be the best choice"
        );
    }
    assert!(encode(&pattern_only(&playground(1))).len() < 1024);
}

// ---------------------------------------------------------------------------------------------
// Round-trips.

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
            Ok(snapshot),
            "{label} with spaces"
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
    let long = "x".repeat(200_000) + &"🎉".repeat(10_000);
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
            },
            export_format: Some(s.clone()),
            challenge: Some(SharedChallenge {
                goal: s.clone(),
                hints: vec![s.clone()],
                expectations: vec![None],
                hidden: vec![input(&s, &s)],
            }),
            example: Some(s.clone()),
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
        export_format in prop::option::of(text()),
        challenge in prop::option::of((text(), prop::collection::vec(text(), 0..3), prop::collection::vec(prop::option::of(any::<bool>()), 0..4), prop::collection::vec(shared_input(), 0..2))),
        example in prop::option::of(text()),
    ) -> Snapshot {
        Snapshot {
            pattern, events, selected, filter, export_format, example,
            rule: SharedRule { name: rule.0, event_bus: rule.1, state: rule.2, description: rule.3, sns_topic: rule.4 },
            challenge: challenge.map(|(goal, hints, expectations, hidden)| SharedChallenge { goal, hints, expectations, hidden }),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn generated_snapshots_round_trip_exactly(s in snapshot()) {
        prop_assert_eq!(decode(&encode(&s)), Ok(s));
    }
}

// ---------------------------------------------------------------------------------------------
// Damaged links: always an error value, never a panic, never a hang.

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
    let cases: Vec<(String, ShareError)> = vec![
        (String::new(), ShareError::Empty),
        ("#".into(), ShareError::Empty),
        (
            "#v2.eNqrrgUAAXUA-Q".into(),
            ShareError::UnknownVersion("v2".into()),
        ),
        ("#v10.abc".into(), ShareError::UnknownVersion("v10".into())),
        (
            "#events-heading".into(),
            ShareError::UnknownVersion("events-heading".into()),
        ),
        (
            "#v1.eNq rrgUAAXUA-Q".into(),
            ShareError::BadEncoding { position: Some(6) },
        ),
        ("#v1.e".into(), ShareError::BadEncoding { position: None }),
        ("#v1.".into(), ShareError::Truncated),
        (good[..good.len() - 10].into(), ShareError::Truncated),
        ("#v1.AAAAAAAA".into(), ShareError::BadCompression),
        (
            format!("#v1.{}", "A".repeat(MAX_LINK_BYTES)),
            ShareError::TooLarge {
                what: "link",
                limit: MAX_LINK_BYTES,
            },
        ),
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
    // 40 MB of zeros deflates to about 40 KB: a short link that would expand beyond the cap.
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; 40 << 20], 9);
    use base64::Engine as _;
    let fragment = format!(
        "#v1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bomb)
    );
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
