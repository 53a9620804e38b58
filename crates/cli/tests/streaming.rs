//! Streaming on all cores: the built binary on generated inputs larger than the browser's caps
//! (20,000 events), with 1 and 4 worker threads. The output must not depend on the threads,
//! must follow the input order, and must agree with the pattern crate event by event; a bad
//! record in the middle is reported where it is and the rest still comes out; gzip files made
//! of several members are read to the end.

mod common;

use common::{Outcome, run_with_env};
use eventpen_gen::Trail;
use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};

/// More events than the browser reads at once (20,000).
const EVENTS: usize = 30_000;

const PATTERN: &str =
    r#"{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances", "TerminateInstances"]}}"#;

/// A fresh temporary directory for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("eventpen-stream-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    dir
}

/// Small EventBridge events (the generator's calls, without the bulky CloudTrail fields), so
/// 30,000 of them stay a few megabytes.
fn small_events(count: usize) -> Vec<Value> {
    let trail = Trail::new(11, count);
    (0..count)
        .map(|i| {
            let record = trail.record(i);
            let source = record["eventSource"]
                .as_str()
                .unwrap_or("")
                .replace(".amazonaws.com", "");
            json!({
                "id": i.to_string(),
                "source": format!("aws.{source}"),
                "detail-type": "AWS API Call via CloudTrail",
                "account": record["recipientAccountId"],
                "time": record["eventTime"],
                "region": record["awsRegion"],
                "detail": {"eventName": record["eventName"], "eventSource": record["eventSource"]},
            })
        })
        .collect()
}

/// Small CloudTrail records: the fields the EventBridge envelope needs, from the generator.
fn small_records(count: usize) -> Vec<Value> {
    let trail = Trail::new(5, count);
    let keep = [
        "eventVersion",
        "eventTime",
        "eventSource",
        "eventName",
        "awsRegion",
        "eventID",
        "eventType",
        "readOnly",
        "recipientAccountId",
    ];
    (0..count)
        .map(|i| {
            let record = trail.record(i);
            let kept = keep
                .iter()
                .filter_map(|key| Some((key.to_string(), record.get(*key)?.clone())));
            Value::Object(kept.collect())
        })
        .collect()
}

fn json_lines(values: &[Value]) -> String {
    values.iter().map(|value| format!("{value}\n")).collect()
}

fn run(dir: &Path, subcommand: &str, args: &[&str], threads: &str) -> Outcome {
    run_with_env(
        dir,
        subcommand,
        args,
        b"",
        &[("RAYON_NUM_THREADS", threads)],
    )
}

#[test]
fn output_follows_the_input_whatever_the_threads() {
    let dir = temp_dir("order");
    let events = small_events(EVENTS);
    std::fs::write(dir.join("events.jsonl"), json_lines(&events)).expect("writable");
    std::fs::write(dir.join("pattern.json"), PATTERN).expect("writable");
    let pattern = eventpen_pattern::check(PATTERN)
        .pattern
        .expect("a valid pattern");
    let matched: Vec<&Value> = events.iter().filter(|e| pattern.matches(e)).collect();
    let numbers: String = (1..=EVENTS)
        .zip(&events)
        .filter(|(_, e)| pattern.matches(e))
        .map(|(n, _)| format!("{n}\n"))
        .collect();
    let matched_lines = json_lines(&matched.into_iter().cloned().collect::<Vec<_>>());
    let summary = format!("{} of {EVENTS} events matched\n", numbers.lines().count());
    assert!(
        numbers.lines().count() > 100,
        "the pattern matches a fair share"
    );
    #[rustfmt::skip]
    let cases: &[(&[&str], &str)] = &[
        // arguments, what stdout must be (or end with, for the explanations)
        (&["-q", "-p", "pattern.json", "events.jsonl"], &numbers),
        (&["-m", "-p", "pattern.json", "events.jsonl"], &matched_lines),
        (&["-p", "pattern.json", "events.jsonl"], &summary),
    ];
    for (args, expected) in cases {
        let one = run(&dir, "match", args, "1");
        let four = run(&dir, "match", args, "4");
        assert_eq!((one.code, one.stderr.as_str()), (0, ""), "{args:?}");
        assert!(
            one.stdout == four.stdout,
            "{args:?}: 1 and 4 threads differ"
        );
        assert!(
            one.stdout.ends_with(expected),
            "{args:?}: {}",
            &one.stdout[..one.stdout.len().min(300)]
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn events_converts_more_than_the_browser_reads_in_order() {
    let dir = temp_dir("events");
    // Just over the browser's 20,000 events: conversion is the slow part of a debug build.
    let records = small_records(21_000);
    let array = Value::Array(records.clone()).to_string();
    std::fs::write(dir.join("records.jsonl"), json_lines(&records)).expect("writable");
    std::fs::write(dir.join("log.json"), format!("{{\"Records\": {array}}}")).expect("writable");
    let one = run(&dir, "events", &["records.jsonl"], "1");
    let ids = one.stdout.lines().map(|line| {
        serde_json::from_str::<Value>(line).unwrap_or_default()["detail"]["eventID"].clone()
    });
    assert!(
        ids.eq(records.iter().map(|r| r["eventID"].clone())),
        "not every record came out, in input order"
    );
    for file in ["records.jsonl", "log.json"] {
        let four = run(&dir, "events", &[file], "4");
        assert_eq!((four.code, four.stderr.as_str()), (0, ""), "{file}");
        assert!(
            one.stdout == four.stdout,
            "{file}: differs from one thread on JSON Lines"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_bad_record_in_the_middle_is_reported_and_the_rest_comes_out() {
    let dir = temp_dir("bad");
    let mut lines: Vec<String> = small_events(20).iter().map(Value::to_string).collect();
    lines[9] = String::from(r#"{"id": "9", "source": "aws.ec2""#);
    std::fs::write(dir.join("events.jsonl"), lines.join("\n")).expect("writable");
    let records: Vec<String> = small_records(6).iter().map(Value::to_string).collect();
    let log = format!(
        "{{\"Records\": [\n{},\n{{\"eventName\": \"x\"}},\n{}\n]}}",
        records[..3].join(",\n"),
        records[3..].join(",\n")
    );
    std::fs::write(dir.join("log.json"), log).expect("writable");
    std::fs::write(
        dir.join("pattern.json"),
        r#"{"source": [{"prefix": "aws."}]}"#,
    )
    .expect("writable");
    #[rustfmt::skip]
    let cases: &[(&str, &[&str], i32, usize, &str)] = &[
        // subcommand, arguments, exit code, stdout lines, stderr
        ("match", &["-q", "-p", "pattern.json", "events.jsonl"], 2, 19, "eventpen match: events.jsonl:10:31: EOF while parsing an object\n"),
        ("match", &["-q", "-p", "pattern.json", "log.json"], 2, 6, "eventpen match: log.json:5:1: Records[3]: not a shape EventPen reads (a CloudTrail record or log file, lookup-events, Lake or CloudWatch Logs output, an EventBridge event, a PutEvents entry, an SQS or SNS message); keys: eventName\n"),
        ("events", &["events.jsonl"], 1, 19, "events.jsonl 10:32: unexpected end of input: the object is not closed\n"),
        ("events", &["log.json"], 1, 6, "log.json 5:1: Records[3]: not a shape EventPen reads (a CloudTrail record or log file, lookup-events, Lake or CloudWatch Logs output, an EventBridge event, a PutEvents entry, an SQS or SNS message); keys: eventName\n"),
    ];
    for (subcommand, args, code, lines, stderr) in cases {
        let outcome = run(&dir, subcommand, args, "2");
        assert_eq!(
            (
                outcome.code,
                outcome.stdout.lines().count(),
                outcome.stderr.as_str()
            ),
            (*code, *lines, *stderr),
            "{subcommand} {args:?}"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn gzip_members_are_read_one_after_another() {
    let dir = temp_dir("gzip");
    let records = small_records(3_000);
    let mut gzipped = Vec::new();
    for part in records.chunks(1_000) {
        let mut member = GzEncoder::new(Vec::new(), Compression::fast());
        let log = json!({ "Records": part }).to_string();
        member.write_all(log.as_bytes()).expect("in memory");
        gzipped.extend(member.finish().expect("in memory"));
    }
    std::fs::write(dir.join("log.json.gz"), &gzipped).expect("writable");
    std::fs::write(
        dir.join("pattern.json"),
        r#"{"detail-type": ["AWS API Call via CloudTrail"]}"#,
    )
    .expect("writable");
    let events = run(&dir, "events", &["log.json.gz"], "4");
    let ids: Vec<Value> = events
        .stdout
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).unwrap_or_default()["detail"]["eventID"].clone()
        })
        .collect();
    assert_eq!((events.code, events.stderr.as_str()), (0, ""));
    assert!(
        ids.iter().eq(records.iter().map(|r| &r["eventID"])),
        "{} events",
        ids.len()
    );
    let matched = run(
        &dir,
        "match",
        &["-q", "-p", "pattern.json", "log.json.gz"],
        "4",
    );
    let api_calls = records
        .iter()
        .filter(|r| r["eventType"] == "AwsApiCall")
        .count();
    assert_eq!(
        (matched.code, matched.stdout.lines().count()),
        (0, api_calls)
    );
    let _ = std::fs::remove_dir_all(dir);
}
