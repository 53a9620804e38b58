//! `eventpen check`: the findings the app shows, for scripts. Each case pins the kinds, the
//! exit status, and (for fixes) that applying the suggestion gives a valid pattern.

mod common;

use serde_json::Value;
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/check");
const INGEST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ingest/fixtures");

/// (exit code, one JSON object per finding).
fn check(pattern: &str, events: &[&str]) -> (i32, Vec<Value>) {
    let mut args = vec![pattern, "--format", "jsonl"];
    let events: Vec<String> = events.iter().map(|e| format!("{INGEST}/{e}")).collect();
    if !events.is_empty() {
        args.push("--events");
        args.extend(events.iter().map(String::as_str));
    }
    let outcome = common::run_in(Path::new(FIXTURES), "check", &args, b"");
    let findings = outcome
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    (outcome.code, findings)
}

/// (pattern file, event fixtures, exit code, (severity, kind) of every finding)
type Case = (
    &'static str,
    &'static [&'static str],
    i32,
    &'static [(&'static str, &'static str)],
);

#[test]
fn findings_by_kind_with_events() {
    let cases: &[Case] = &[
        (
            "lambda-versioned-names.json",
            &["create_function.json"],
            0,
            &[("tip", "use-prefix")],
        ),
        (
            "t2-micro-object-in-list.json",
            &["run_instances.json"],
            1,
            &[("error", "unknown-operator")],
        ),
        (
            "anything-but-missing.json",
            &["run_instances.json"],
            0,
            &[("tip", "missing-field")],
        ),
        (
            "dotted-key-trailing-text.json",
            &["run_instances.json"],
            0,
            &[("warning", "trailing-text")],
        ),
        ("anything-but-missing.json", &[], 0, &[]),
    ];
    for (pattern, events, code, kinds) in cases {
        let (got_code, findings) = check(pattern, events);
        let got: Vec<(&str, &str)> = findings
            .iter()
            .map(|f| (f["severity"].as_str().unwrap(), f["kind"].as_str().unwrap()))
            .collect();
        assert_eq!((got_code, got.as_slice()), (*code, *kinds), "{pattern}");
    }
}

#[test]
fn fixes_come_with_the_fixed_pattern() {
    // (pattern file, events, the fixed pattern contains)
    let cases = [
        (
            "lambda-versioned-names.json",
            &["create_function.json"][..],
            r#"{"prefix": "CreateFunction"}"#,
        ),
        (
            "t2-micro-object-in-list.json",
            &[][..],
            r#""items": {"instanceType": ["t2.micro"]}"#,
        ),
    ];
    for (pattern, events, wanted) in cases {
        let (_, findings) = check(pattern, events);
        let fixed = findings[0]["suggestion"]["fixed"].as_str().expect("a fix");
        assert!(fixed.contains(wanted), "{pattern}: {fixed}");
        let fixed_file = std::env::temp_dir().join(format!("eventpen-fixed-{pattern}"));
        std::fs::write(&fixed_file, fixed).unwrap();
        let (code, after) = check(fixed_file.to_str().unwrap(), &[]);
        assert_eq!(code, 0, "{pattern}: the fixed pattern is valid");
        assert!(after.iter().all(|f| f["severity"] != "error"), "{pattern}");
    }
}

#[test]
fn text_output_names_file_place_kind_and_fix() {
    let outcome = common::run_in(
        Path::new(FIXTURES),
        "check",
        &["t2-micro-object-in-list.json"],
        b"",
    );
    assert_eq!(outcome.code, 1);
    let first = outcome.stdout.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "t2-micro-object-in-list.json:5:54: error[unknown-operator] at detail.responseElements.instancesSet.items[0]: Unrecognized match type instanceType"
    );
    assert!(
        outcome
            .stdout
            .contains("\n  fix: `instanceType` is read as an operator")
    );
    let unreadable = common::run_in(Path::new(FIXTURES), "check", &["nope.json"], b"");
    assert_eq!(unreadable.code, 2);
    assert!(
        unreadable
            .stderr
            .starts_with("eventpen check: nope.json: cannot read")
    );
}
