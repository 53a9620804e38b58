//! `eventpen backtest` on generated CloudTrail logs: its matches must be exactly those of
//! `eventpen events` piped into `eventpen match` over the same files, for a pattern per operator,
//! in both rule states. Plus the report's shape on a small fixed set.

mod common;
#[allow(dead_code)] // the generator's month-only parts are unused here
#[path = "../examples/gen_cloudtrail/records.rs"]
mod records;

use common::run_in;
use flate2::{Compression, write::GzEncoder};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Records per generated file (one of six files has two gzip members).
const RECORDS_PER_FILE: usize = 200;

/// A folder of generated logs as CloudTrail lays them out: gzip files (one of two members),
/// a plain `.json`, broken records among them. Returns the folder and its files in path order.
fn generated_logs(name: &str) -> (PathBuf, Vec<String>) {
    let root =
        std::env::temp_dir().join(format!("eventpen-backtest-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let mut rng = records::Rng::new(17);
    let mut files = Vec::new();
    for (i, (account, region)) in [
        ("111122223333", "us-east-1"),
        ("444455556666", "eu-west-1"),
        ("777788889999", "ap-southeast-2"),
    ]
    .into_iter()
    .enumerate()
    {
        let folder = format!("AWSLogs/{account}/CloudTrail/{region}/2026/11/0{}", i + 1);
        std::fs::create_dir_all(root.join(&folder)).expect("temp folder");
        let day = format!("2026-11-0{}", i + 1);
        let mut members = Vec::new();
        for hour in [3, 17] {
            members.push(records::log_file(
                &mut rng, account, region, &day, hour, RECORDS_PER_FILE, 40,
            ));
        }
        let gz = format!("{folder}/{account}_CloudTrail_{region}_a.json.gz");
        let bytes: Vec<u8> = if i == 0 {
            members.iter().flat_map(|m| gzip(m)).collect()
        } else {
            gzip(&members[0])
        };
        std::fs::write(root.join(&gz), bytes).expect("write");
        files.push(gz);
        let plain = format!("{folder}/{account}_CloudTrail_{region}_b.json");
        std::fs::write(root.join(&plain), &members[1]).expect("write");
        files.push(plain);
    }
    files.sort();
    (root, files)
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    let _ = encoder.write_all(text.as_bytes());
    encoder.finish().unwrap_or_default()
}

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
    #[rustfmt::skip]
    let patterns = [
        r#"{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"]}}"#,
        r#"{"detail": {"eventName": [{"prefix": "Create"}], "userIdentity": {"type": ["IAMUser", "Root"]}}}"#,
        r#"{"detail": {"eventName": [{"suffix": "Object"}]}}"#,
        r#"{"region": ["eu-west-1"], "detail": {"eventName": [{"equals-ignore-case": "DECRYPT"}]}}"#,
        r#"{"source": [{"anything-but": ["aws.s3", "aws.kms", "aws.sts"]}]}"#,
        r#"{"detail": {"requestParameters": {"instancesSet": {"items": {"maxCount": [{"numeric": [">=", 3]}]}}}}}"#,
        r#"{"detail": {"errorCode": [{"exists": true}], "readOnly": [false]}}"#,
        r#"{"detail": {"sourceIPAddress": [{"cidr": "10.0.0.0/8"}]}}"#,
        r#"{"detail": {"userIdentity": {"arn": [{"wildcard": "arn:aws:sts::*:assumed-role/Admin/*"}]}}}"#,
        r#"{"detail": {"$or": [{"eventName": ["CreateUser"]}, {"requestParameters": {"durationSeconds": [{"numeric": [">", 3600]}]}}]}}"#,
        r#"{"detail": {"requestParameters": {"ipPermissions": {"items": {"fromPort": [{"numeric": [">", 0]}], "ipRanges": {"items": {"cidrIp": [{"exists": true}]}}}}}}}"#,
        r#"{"region": ["ap-southeast-2"], "detail": {"readOnly": [true], "eventSource": [{"anything-but": {"prefix": "s3"}}]}}"#,
    ];
    for (i, pattern) in patterns.iter().enumerate() {
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
