//! Runs one `versus_quamina` workload's parse+match in a loop, for a profiler: instruction
//! counts under `valgrind --tool=callgrind` are repeatable where wall-clock times on a shared
//! machine are not.
//!
//! `cargo build --profile bench -p eventpen-pattern --example byte_path`, then
//! `valgrind --tool=callgrind target/release/examples/byte_path PREFIX validating 10`
//! (the way is `validating`, `prevalidated` or `quamina`).

#[path = "../benches/citylots/mod.rs"]
mod citylots;

use std::hint::black_box;

/// The bench's CloudTrail patterns (kept in step with `benches/versus_quamina.rs`).
const CLOUDTRAIL: &[(&str, &str)] = &[
    ("CT_SOURCE", r#"{"source": ["aws.ec2"]}"#),
    (
        "CT_CALLS",
        r#"{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances", "TerminateInstances", "StopInstances"]}}"#,
    ),
    (
        "CT_PREFIX",
        r#"{"detail": {"eventSource": [{"prefix": "s3."}], "eventName": [{"prefix": "Put"}]}}"#,
    ),
    (
        "CT_PRINCIPAL",
        r#"{"detail": {"userIdentity": {"type": ["AssumedRole"], "arn": [{"wildcard": "*:assumed-role/Admin/*"}]}}}"#,
    ),
    (
        "CT_FAILED",
        r#"{"detail": {"errorCode": [{"exists": true}], "readOnly": [false]}}"#,
    ),
    (
        "CT_NOT_READ_ONLY",
        r#"{"detail-type": ["AWS API Call via CloudTrail"], "detail": {"readOnly": [false], "eventSource": [{"anything-but": ["kms.amazonaws.com", "sts.amazonaws.com"]}]}}"#,
    ),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("PREFIX", String::as_str);
    let way = args.get(2).map_or("validating", String::as_str);
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(10);
    let events: Vec<Vec<u8>>;
    let text = if let Some((_, text)) = citylots::PATTERNS.iter().find(|(n, _)| *n == name) {
        events = citylots::features(1000)
            .into_iter()
            .map(String::into_bytes)
            .collect();
        *text
    } else if let Some((_, text)) = CLOUDTRAIL.iter().find(|(n, _)| *n == name) {
        events = eventpen_gen::Trail::new(eventpen_gen::DEFAULT_SEED, 1000)
            .eventbridge_events(0..1000)
            .iter()
            .map(|event| serde_json::to_vec(event).unwrap_or_default())
            .collect();
        *text
    } else {
        eprintln!("unknown workload {name}");
        std::process::exit(2);
    };
    let Ok(pattern) = eventpen_pattern::compile(text) else {
        eprintln!("{name}: invalid pattern");
        std::process::exit(2);
    };
    let mut quamina = quamina::Quamina::<usize>::new();
    if quamina.add_pattern(0, text).is_err() {
        eprintln!("{name}: quamina refuses the pattern");
    }
    let mut matched = 0;
    for _ in 0..rounds {
        for event in &events {
            let verdict = match way {
                "prevalidated" => pattern.matches_json_prevalidated(black_box(event)),
                "quamina" => Ok(matches!(quamina.has_matches(black_box(event)), Ok(true))),
                _ => pattern.matches_json(black_box(event)),
            };
            matched += usize::from(matches!(verdict, Ok(true)));
        }
    }
    println!("{name} {way}: {matched} matches over {rounds} rounds");
}
