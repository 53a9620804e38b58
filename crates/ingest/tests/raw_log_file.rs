//! The fast log-file reader agrees with `ingest` on every record: same events (as JSON), same
//! notes, paths, shapes and positions; the records it does not take go through `ingest`.
use eventpen_ingest::{RawItem, Shape, fixtures, ingest_text, read_log_file};
use serde_json::Value;
use std::ops::ControlFlow;

/// An event as both readers are compared on: the event, its note codes, its path, its shape.
type Compared = (Value, Vec<&'static str>, String, Shape);

/// Everything the fast reader yields for `text`, as comparable values.
fn fast(text: &str) -> Option<(Vec<Compared>, Vec<String>)> {
    let mut events = Vec::new();
    let mut problems = Vec::new();
    read_log_file("log.json", text, &mut |item| {
        match item {
            RawItem::Event(e) => {
                let json = e.json();
                let value =
                    serde_json::from_str(&json).unwrap_or_else(|err| panic!("{err}: {json}"));
                let codes = e.notes.iter().map(|n| n.code).collect();
                events.push((value, codes, e.path, e.shape));
            }
            RawItem::Problem(p) => problems.push(p.to_string()),
        }
        ControlFlow::Continue(())
    })?;
    Some((events, problems))
}

/// What `ingest` makes of the same text.
fn slow(text: &str) -> (Vec<Compared>, Vec<String>) {
    let ingested = ingest_text("log.json", text);
    let events = ingested
        .events
        .into_iter()
        .map(|e| {
            let codes = e.notes.iter().map(|n| n.code).collect();
            (e.event, codes, e.origin.path.unwrap_or_default(), e.shape)
        })
        .collect();
    let problems = ingested.problems.iter().map(|p| p.to_string()).collect();
    (events, problems)
}

#[test]
fn a_generated_trail_reads_the_same_both_ways_minified_and_pretty() {
    let trail = eventpen_gen::Trail::new(11, 3_000);
    let records: Vec<Value> = (0..3_000).map(|i| trail.record(i)).collect();
    let document = serde_json::json!({ "Records": records });
    for text in [
        document.to_string(),
        serde_json::to_string_pretty(&document).unwrap(),
    ] {
        let (fast_events, fast_problems) = fast(&text).expect("a log file");
        let (slow_events, slow_problems) = slow(&text);
        assert_eq!(fast_events.len(), 3_000);
        assert_eq!(fast_problems, slow_problems);
        for (i, (f, s)) in fast_events.iter().zip(&slow_events).enumerate() {
            assert_eq!(f, s, "record {i}");
        }
    }
}

#[test]
fn every_fixture_record_and_the_odd_ones_read_the_same_both_ways() {
    let mut records: Vec<String> = [
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
        fixtures::GET_OBJECT,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    #[rustfmt::skip]
    records.extend([
        // No eventID: the id hashes the whole record (slow path).
        r#"{"eventType":"AwsApiCall","eventSource":"ec2.amazonaws.com","eventName":"X","recipientAccountId":"1","eventTime":"t","awsRegion":"r"}"#,
        // An EventBridge event inside Records.
        r#"{"version":"0","id":"x","detail-type":"Custom","source":"my.app","account":"1","time":"t","region":"r","resources":[],"detail":{"a":1}}"#,
        // Missing envelope fields: a problem, the rest still read.
        r#"{"eventType":"AwsApiCall","eventSource":"ec2.amazonaws.com","eventName":"X","eventID":"e1"}"#,
        // An escaped key and a duplicate key (the last value wins, as in serde_json).
        r#"{"\u0065ventType":"AwsApiCall","eventSource":"s3.amazonaws.com","eventSource":"iam.amazonaws.com","eventName":"X","eventID":"e2","recipientAccountId":"1","eventTime":"t","awsRegion":"r"}"#,
        // Envelope values that need escaping in the spliced head.
        r#"{"eventType":"AwsApiCall","eventSource":"we\"ird\\.amazonaws.com","eventName":"X","eventID":"e3","recipientAccountId":"1\u0007","eventTime":"t","awsRegion":"r"}"#,
        // Not an object.
        r#"[1, 2]"#,
        r#""text""#,
    ].map(str::to_string));
    let text = format!("{{\"Records\":[{}]}}", records.join(",\n"));
    let (fast_events, fast_problems) = fast(&text).expect("a log file");
    let (slow_events, slow_problems) = slow(&text);
    assert_eq!(fast_events.len(), slow_events.len());
    for (i, (f, s)) in fast_events.iter().zip(&slow_events).enumerate() {
        assert_eq!(f, s, "event {i}");
    }
    assert_eq!(
        fast_problems.len(),
        slow_problems.len(),
        "{fast_problems:?} / {slow_problems:?}"
    );
}

#[test]
fn log_files_with_a_bom_several_documents_or_broken_json() {
    let one = format!("{{\"Records\":[{}]}}", fixtures::RUN_INSTANCES);
    // (text, events, problem contains)
    let cases: Vec<(String, usize, Option<&str>)> = vec![
        (format!("\u{feff}{one}"), 1, None),
        (format!("{one}\n{one}\n"), 2, None),
        (
            format!(
                "{{\"Records\":[{},{{\"eventName\": tru}}]}}",
                fixtures::RUN_INSTANCES
            ),
            1,
            Some("invalid literal"),
        ),
        (
            format!("{{\"Records\":[{}", fixtures::RUN_INSTANCES),
            1,
            Some("not read"),
        ),
    ];
    for (text, events, problem) in cases {
        let (got, problems) = fast(&text).expect("a log file");
        assert_eq!(got.len(), events, "{problems:?}");
        match problem {
            Some(want) => assert!(problems.iter().any(|p| p.contains(want)), "{problems:?}"),
            None => assert!(problems.is_empty(), "{problems:?}"),
        }
    }
}

#[test]
fn other_inputs_are_left_to_ingest_and_a_stop_is_obeyed() {
    assert!(fast(fixtures::RUN_INSTANCES).is_none());
    assert!(fast("[{\"Records\": []}]").is_none());
    let text = format!(
        "{{\"Records\":[{}]}}",
        [fixtures::RUN_INSTANCES; 5].join(",")
    );
    let mut seen = 0;
    read_log_file("log.json", &text, &mut |_| {
        seen += 1;
        if seen == 2 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert_eq!(seen, 2);
}

#[test]
fn positions_point_at_each_record() {
    let text = format!(
        "{{\"Records\":[\n  {},\n  {}]}}",
        fixtures::RUN_INSTANCES.trim(),
        fixtures::ASSUME_ROLE.trim()
    );
    let mut positions = Vec::new();
    read_log_file("log.json", &text, &mut |item| {
        if let RawItem::Event(e) = item {
            assert!(text[e.offset..].starts_with('{'));
            positions.push((e.position.line, e.position.column));
        }
        ControlFlow::Continue(())
    });
    let second_line = 2 + fixtures::RUN_INSTANCES.trim().lines().count();
    assert_eq!(positions, [(2, 3), (second_line, 3)]);
}
