//! Streaming reads: the same events as `ingest`, record by record, with problems placed by file
//! and record. One line per case.

use eventpen_ingest::{Input, Streamed, fixtures, ingest, stream_input};
use flate2::{Compression, write::GzEncoder};
use std::io::Write;
use std::ops::ControlFlow;

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    let _ = encoder.write_all(text.as_bytes());
    encoder.finish().unwrap_or_default()
}

fn log_file(records: &[&str]) -> String {
    format!("{{\"Records\":[{}]}}", records.join(","))
}

/// `eventName@path` per event and `problem: …` per problem, in stream order.
fn streamed(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    stream_input("f", bytes, &mut |item| {
        out.push(match item {
            Streamed::Event(e) => format!(
                "{}@{}",
                e.event["detail"]["eventName"].as_str().unwrap_or("?"),
                e.path.as_deref().unwrap_or("-")
            ),
            Streamed::Problem(p) => format!("problem: {p}"),
        });
        ControlFlow::Continue(())
    });
    out
}

fn events_of(bytes: &[u8]) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    stream_input("f", bytes, &mut |item| {
        if let Streamed::Event(e) = item {
            out.push(e.event);
        }
        ControlFlow::Continue(())
    });
    out
}

const NO_SOURCE: &str = r#"{"eventVersion":"1.09","eventType":"AwsApiCall","eventName":"X","eventTime":"t","awsRegion":"r","recipientAccountId":"1"}"#;

#[test]
fn inputs_stream_record_by_record() {
    let two = log_file(&[fixtures::RUN_INSTANCES, fixtures::ASSUME_ROLE]);
    let broken = format!(
        "{{\"Records\":[{},{{\"eventName\": tru",
        fixtures::RUN_INSTANCES
    );
    let two_members = [
        gzip(&two),
        gzip(&log_file(&[fixtures::CONSOLE_LOGIN_FAILURE])),
    ]
    .concat();
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        ("plain log file", two.clone().into_bytes(), vec!["RunInstances@Records[0]", "AssumeRole@Records[1]"]),
        ("gzipped log file", gzip(&two), vec!["RunInstances@Records[0]", "AssumeRole@Records[1]"]),
        ("two gzip members, two documents", two_members, vec!["RunInstances@Records[0]", "AssumeRole@Records[1]", "ConsoleLogin@Records[2]"]),
        ("empty Records", b"{\"Records\": []}".to_vec(), vec![]),
        ("a record without eventSource", log_file(&[NO_SOURCE, fixtures::ASSUME_ROLE]).into_bytes(),
         vec!["problem: f: Records[0]: this CloudTrail record has no eventSource, which the EventBridge envelope needs; it was skipped", "AssumeRole@Records[1]"]),
        ("broken JSON mid-file", broken.into_bytes(),
         vec!["RunInstances@Records[0]", "problem: f 176:18: Records[1]: unexpected end of input while reading a value; the rest of this input was not read (after 1 records)"]),
        ("not a log file: read whole", fixtures::ASSUME_ROLE.as_bytes().to_vec(), vec!["AssumeRole@-"]),
        ("a truncated gzip member after a good one", [gzip(&two), gzip(&two)[..60].to_vec()].concat(),
         vec!["RunInstances@Records[0]", "AssumeRole@Records[1]", "problem: f: Records[2]: incomplete deflate stream; the rest of this input was not read (after 2 records)"]),
        ("broken gzip", gzip(&two)[..40].to_vec(), vec!["problem: f: reading stopped after 0 bytes of text: incomplete deflate stream"]),
    ];
    for (name, bytes, want) in cases {
        assert_eq!(streamed(&bytes), want, "{name}");
    }
}

#[test]
fn streamed_events_equal_ingested_events() {
    let all = [
        fixtures::RUN_INSTANCES,
        fixtures::TERMINATE_INSTANCES,
        fixtures::CONSOLE_LOGIN_SUCCESS,
        fixtures::CONSOLE_LOGIN_FAILURE,
        fixtures::ASSUME_ROLE,
        fixtures::CREATE_FUNCTION,
        fixtures::PUT_BUCKET_POLICY,
        fixtures::KMS_ROTATE_KEY,
        fixtures::PUT_METRIC_ALARM,
        fixtures::CREATE_ACCESS_KEY,
        fixtures::INSIGHT_START,
        fixtures::AUTHORIZE_SECURITY_GROUP_INGRESS,
    ];
    let text = log_file(&all);
    let ingested: Vec<_> = ingest(&[Input {
        name: "f",
        bytes: text.as_bytes(),
    }])
    .events
    .into_iter()
    .map(|e| e.event)
    .collect();
    assert_eq!(ingested.len(), all.len());
    assert_eq!(events_of(text.as_bytes()), ingested, "plain");
    assert_eq!(events_of(&gzip(&text)), ingested, "gzip");
}

#[test]
fn the_sink_can_stop_the_stream() {
    let text = log_file(&[
        fixtures::RUN_INSTANCES,
        fixtures::ASSUME_ROLE,
        fixtures::CONSOLE_LOGIN_SUCCESS,
    ]);
    let mut seen = 0;
    let summary = stream_input("f", text.as_bytes(), &mut |_| {
        seen += 1;
        ControlFlow::Break(())
    });
    assert_eq!((seen, summary.stopped), (1, true));
    let summary = stream_input("f", text.as_bytes(), &mut |_| ControlFlow::Continue(()));
    assert_eq!(
        (summary.text_bytes, summary.stopped),
        (text.len() as u64, false)
    );
}
