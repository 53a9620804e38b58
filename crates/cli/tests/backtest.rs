//! `eventpen backtest` on generated CloudTrail logs: its matches must be exactly those of
//! `eventpen events` piped into `eventpen match` over the same files, for a pattern per operator,
//! in both rule states. Plus the report's shape on a small fixed set.

mod common;

use common::logs::{OPERATOR_PATTERNS, RECORDS_PER_FILE, generated_logs};
use common::run_in;
use serde_json::Value;
use std::path::Path;

/// Ids of the events `eventpen events | eventpen match -q` matches, with their readOnly flag.
fn matched_by_events_and_match(
    root: &Path,
    files: &[String],
    pattern: &Path,
) -> Vec<(String, bool)> {
    let file_args: Vec<&str> = files.iter().map(String::as_str).collect();
    let converted = run_in(root, "events", &file_args, b"");
    let events: Vec<Value> = converted
        .stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let pattern_arg = pattern.to_str().unwrap_or_default();
    let matched = run_in(
        root,
        "match",
        &["-q", "-p", pattern_arg, "-"],
        converted.stdout.as_bytes(),
    );
    matched
        .stdout
        .lines()
        .filter_map(|line| line.parse::<usize>().ok())
        .map(|number| {
            let event = &events[number - 1];
            (
                event["id"].as_str().unwrap_or_default().to_string(),
                event["detail"]["readOnly"] == Value::Bool(true),
            )
        })
        .collect()
}

/// Backtest's JSON report.
fn backtest(root: &Path, pattern: &Path, state: &str) -> Value {
    let pattern_arg = pattern.to_str().unwrap_or_default();
    let outcome = run_in(
        root,
        "backtest",
        &[
            "-p",
            pattern_arg,
            "--output",
            "json",
            "--first",
            "100000",
            "--state",
            state,
            "AWSLogs",
        ],
        b"",
    );
    serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|e| panic!("JSON report: {e}: {outcome:?}"))
}

fn ids(report: &Value) -> Vec<String> {
    let matches = report["first_matches"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    matches
        .iter()
        .map(|m| m["event"]["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn backtest_matches_equal_events_then_match() {
    let (root, files) = generated_logs("equal");

    for (i, pattern) in OPERATOR_PATTERNS.iter().enumerate() {
        let pattern_file = root.join(format!("pattern-{i}.json"));
        std::fs::write(&pattern_file, pattern).expect("write pattern");
        let expected = matched_by_events_and_match(&root, &files, &pattern_file);
        assert!(
            !expected.is_empty(),
            "the generated logs exercise {pattern}"
        );
        let all = backtest(
            &root,
            &pattern_file,
            "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
        );
        let want: Vec<String> = expected.iter().map(|(id, _)| id.clone()).collect();
        assert_eq!(ids(&all), want, "all management events: {pattern}");
        let enabled = backtest(&root, &pattern_file, "ENABLED");
        let want: Vec<String> = expected
            .iter()
            .filter(|(_, read_only)| !read_only)
            .map(|(id, _)| id.clone())
            .collect();
        assert_eq!(ids(&enabled), want, "ENABLED: {pattern}");
        let read_only = expected.iter().filter(|(_, read_only)| *read_only).count() as u64;
        assert_eq!(enabled["read_only_matches"], read_only, "{pattern}");
        assert_eq!(enabled["records"], all["records"], "{pattern}");
    }
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn report_counts_and_unreadable_records() {
    let (root, _) = generated_logs("report");
    let pattern_file = root.join("pattern.json");
    std::fs::write(&pattern_file, r#"{"source": ["aws.sts"]}"#).expect("write pattern");
    let report = backtest(&root, &pattern_file, "ENABLED");
    #[rustfmt::skip]
    let cases: &[(&str, Value)] = &[
        ("files", 6.into()),
        ("files_listed", 6.into()),
        ("matches", 0.into()),
        ("interrupted", false.into()),
    ];
    for (key, want) in cases {
        assert_eq!(&report[*key], want, "{key}");
    }
    let records = report["records"].as_u64().unwrap_or(0);
    let unreadable = report["unreadable_count"].as_u64().unwrap_or(0);
    assert_eq!(
        records + unreadable,
        6 * RECORDS_PER_FILE as u64 + RECORDS_PER_FILE as u64,
        "every record read or listed"
    );
    assert!(unreadable > 0 && report["read_only_matches"].as_u64() > Some(0));
    let listed = report["unreadable"][0].as_str().unwrap_or_default();
    assert!(
        listed.contains(".json")
            && listed.contains(": Records[")
            && listed.contains("no awsRegion"),
        "{listed}"
    );
    let text = run_in(
        &root,
        "backtest",
        &["-p", pattern_file.to_str().unwrap_or_default(), "AWSLogs"],
        b"",
    );
    assert_eq!(text.code, 1, "no match in state ENABLED: {text:?}");
    assert!(
        text.stdout
            .contains("Rule state ENABLED: 0 matches\n  read-only matches: "),
        "{}",
        text.stdout
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn usage_errors() {
    let dir = std::env::temp_dir();
    #[rustfmt::skip]
    let cases: &[(&[&str], &str)] = &[
        (&["-p", "/nonexistent/p.json", "."], "eventpen backtest: /nonexistent/p.json: No such file or directory (os error 2)\n"),
    ];
    for (args, want) in cases {
        let outcome = run_in(&dir, "backtest", args, b"");
        assert_eq!(
            (outcome.code, outcome.stderr.as_str()),
            (2, *want),
            "{args:?}"
        );
    }
}
