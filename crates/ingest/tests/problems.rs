//! Malformed input: every problem with its input, line:column, path and message, and the good
//! records around it still read. One line per case: input → events read, problems as displayed.

use eventpen_ingest::{Input, Severity, ingest, ingest_text};

fn record(event_name: &str) -> String {
    format!(
        r#"{{"eventVersion":"1.09","eventTime":"2024-05-01T12:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"{event_name}","awsRegion":"eu-west-1","eventID":"{event_name}","eventType":"AwsApiCall","recipientAccountId":"111122223333"}}"#
    )
}

fn quoted(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// Event names read (detail.eventName or detail-type), then problems as displayed.
fn outcome(name: &str, text: &str) -> (Vec<String>, Vec<String>) {
    let ingested = ingest_text(name, text);
    let events = ingested
        .events
        .iter()
        .map(|e| {
            e.event["detail"]["eventName"]
                .as_str()
                .or(e.event["detail-type"].as_str())
                .unwrap_or("?")
                .to_string()
        })
        .collect();
    let problems = ingested.problems.iter().map(ToString::to_string).collect();
    (events, problems)
}

/// Owned expectation lines.
fn v(lines: &[&str]) -> Vec<String> {
    lines.iter().map(ToString::to_string).collect()
}

#[test]
fn malformed_inputs() {
    let (a, b, c) = (record("A"), record("B"), record("C"));
    let nested = (0..10).fold(record("Deep"), |inner, _| quoted(&inner));
    let no_account = record("X").replace(r#","recipientAccountId":"111122223333""#, "");
    #[rustfmt::skip]
    let cases: Vec<(&str, String, &[&str], Vec<String>)> = vec![
        ("missing colon",          r#"{"a" 1}"#.into(),                            &[],              v(&["f.json 1:6: expected `:`"])),
        ("missing comma",          "{\n  \"a\": 1\n  \"b\": 2\n}".into(),          &[],              v(&["f.json 3:3: expected `,` or `}`"])),
        ("bad JSON line",          format!("{a}\n{{\"x\": }}\n{b}\n"),            &["A", "B"],      v(&["f.json 2:7: expected value"])),
        ("unclosed JSON line",     format!("{{\"x\": 1\n{b}\n"),                  &["B"],           v(&["f.json 2:1: expected `,` or `}`"])),
        ("broken array",           format!("[{a},{b},{{\"eventName\" 3}}]"),      &["A", "B"],      v(&[&format!("f.json 1:{}: expected `:` (2 complete items were read before it)", a.len() + b.len() + 17)])),
        ("trailing comma",         format!("[{a},]"),                              &["A"],           v(&[&format!("f.json 1:{}: expected value (1 complete item was read before it)", a.len() + 3)])),
        ("truncated log file",     format!("{{\"Records\":[{a},{b},{{\"eventVer"), &["A", "B"],      v(&[&format!("f.json 1:{}: unexpected end of input while reading a string (2 complete items were read before it)", a.len() + b.len() + 24)])),
        ("log lines around JSON",  format!("START RequestId: 1\n{a}\nEND RequestId: 1\nREPORT\n{b}\n"), &["A", "B"], v(&["f.json 1:1: expected value", "f.json 3:1: expected value"])),
        ("plain text",             "hello".into(),                                 &[],              v(&["f.json 1:1: expected value"])),
        ("a number",               "42".into(),                                    &[],              v(&["f.json 1:1: expected a JSON object (a CloudTrail record, an EventBridge event, …), found a number"])),
        ("null in an array",       format!("[{a}, null]"),                         &["A"],           v(&[&format!("f.json 1:{}: [1]: expected a JSON object (a CloudTrail record, an EventBridge event, …), found null", a.len() + 4)])),
        ("columns count chars",    "{\"é\": 1 x}".into(),                          &[],              v(&["f.json 1:9: expected `,` or `}`"])),
        ("empty",                  " \n\t".into(),                                 &[],              v(&["f.json: the input is empty"])),
        ("record without account", format!("{{\"Records\":[{a},{no_account}]}}"), &["A"],           v(&[&format!("f.json 1:{}: Records[1]: this CloudTrail record has no recipientAccountId, which the EventBridge envelope needs; it was skipped", a.len() + 14)])),
        ("record without type",    r#"{"eventSource":"ec2.amazonaws.com","eventName":"A"}"#.into(), &[], v(&["f.json 1:1: this CloudTrail record has no eventType, recipientAccountId, eventTime, awsRegion, which the EventBridge envelope needs; it was skipped"])),
        ("broken CloudTrailEvent", r#"{"Events":[{"EventId":"1","CloudTrailEvent":"{\"eventVersion\":"}]}"#.into(), &[], v(&["f.json 1:12: Events[0].CloudTrailEvent: the JSON in this string is not valid: unexpected end of input while reading a value (at 1:16 of the string)"])),
        ("CloudTrailEvent object", r#"{"EventId":"1","CloudTrailEvent":{}}"#.into(), &[],              v(&["f.json 1:1: CloudTrailEvent must be a string"])),
        ("SQS body not JSON",      r#"{"Messages":[{"Body":"hello"}]}"#.into(),   &[],              v(&["f.json 1:14: Messages[0].Body: this string is not JSON, so it holds no event"])),
        ("entry Detail not JSON",  r#"{"Source":"s","DetailType":"d","Detail":"{oops}"}"#.into(), &[], v(&["f.json 1:1: Detail is not valid JSON: key must be a string (at 1:2 of the string)"])),
        ("entry Detail object",    r#"{"Source":"s","DetailType":"d","Detail":{}}"#.into(), &["d"], v(&["f.json 1:1: warning: Detail should be a JSON string, as PutEvents takes it; EventPen read the object as is"])),
        ("event without envelope", r#"{"detail-type":"d","detail":{}}"#.into(),   &["d"],           v(&["f.json 1:1: warning: this EventBridge event has no id, account, source, time, region: AWS's test-event-pattern would reject it"])),
        ("lookup item, no record", r#"{"Events":[{"EventId":"1","EventName":"ConsoleLogin","EventSource":"signin.amazonaws.com"}]}"#.into(), &[], v(&["f.json 1:12: Events[0]: a lookup-events item without its CloudTrailEvent string, which holds the record: was it left out by --query or a jq filter?"])),
        ("unknown object",         r#"{"hello":"world","n":1}"#.into(),           &[],              v(&["f.json 1:1: not a shape EventPen reads (a CloudTrail record or log file, lookup-events, Lake or CloudWatch Logs output, an EventBridge event, a PutEvents entry, an SQS or SNS message); keys: hello, n"])),
        ("S3 notification",        r#"{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put"}]}"#.into(), &[], v(&["f.json 1:13: Records[0]: an S3 event notification, not an EventBridge event: S3 sends \"Object Created\" events to EventBridge only when EventBridge notifications are on for the bucket"])),
        ("digest file",            r#"{"awsAccountId":"1","digestStartTime":"t","digestEndTime":"u"}"#.into(), &[], v(&["f.json 1:1: warning: a CloudTrail digest file holds no events; skipped"])),
        ("nested too deep",        nested,                                         &[],              v(&["f.json 1:1: JSON nested in strings more than 8 levels deep"])),
        ("garbage after a record", format!("{c} trailing"),                        &["C"],           v(&[&format!("f.json 1:{}: invalid literal: expected true, false or null", c.len() + 4)])),
    ];
    for (name, input, events, problems) in cases {
        let (got_events, got_problems) = outcome("f.json", &input);
        assert_eq!((got_events, got_problems), (v(events), problems), "{name}");
    }
}

#[test]
fn invalid_utf8_is_a_problem_with_a_position_and_other_inputs_still_load() {
    let good = record("A");
    let inputs = [
        Input {
            name: "latin1.json",
            bytes: b"{\n  \"name\": \"caf\xe9\"\n}",
        },
        Input {
            name: "good.json",
            bytes: good.as_bytes(),
        },
    ];
    let ingested = ingest(&inputs);
    let problems: Vec<String> = ingested.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "latin1.json 2:15: invalid UTF-8 at byte offset 16: EventPen reads UTF-8 text or gzip; the input was not read"
        ]
    );
    assert_eq!(ingested.events.len(), 1);
    assert_eq!(ingested.events[0].origin.input, "good.json");
    assert_eq!(ingested.problems[0].severity, Severity::Error);
}

#[test]
fn problems_carry_input_position_and_path_as_fields() {
    let input = format!(
        "{{\"Records\": [\n{},\n{{\"eventName\": 1}}\n]}}",
        record("A")
    );
    let ingested = ingest_text("log.json", &input);
    let problem = &ingested.problems[0];
    assert_eq!(problem.input, "log.json");
    assert_eq!(problem.position.map(|p| (p.line, p.column)), Some((3, 1)));
    assert_eq!(problem.path.as_deref(), Some("Records[1]"));
    assert_eq!(problem.severity, Severity::Error);
    assert!(ingested.has_errors());
}

#[test]
fn every_problem_has_a_kind_and_its_severity() {
    use eventpen_ingest::ProblemKind::{self, *};
    let ec2 = record("A");
    #[rustfmt::skip]
    let cases: Vec<(&str, String, ProblemKind, Severity)> = vec![
        ("invalid JSON",      "{\"a\" 1}".into(),                                       InvalidJson,         Severity::Error),
        ("empty",             " ".into(),                                               EmptyInput,          Severity::Error),
        ("no events",         "[]".into(),                                              NoEvents,            Severity::Warning),
        ("not an event",      "{\"x\":1}".into(),                                       NotAnEvent,          Severity::Error),
        ("digest file",       "{\"digestStartTime\":\"t\"}".into(),                     DigestFile,          Severity::Warning),
        ("body not JSON",     "{\"Body\":\"hi\"}".into(),                               InvalidEmbeddedJson, Severity::Error),
        ("incomplete record", ec2.replace("\"eventType\":\"AwsApiCall\",", ""),          IncompleteRecord,    Severity::Error),
        ("partial Lake row",  "{\"QueryResultRows\":[[{\"eventName\":\"A\"}]]}".into(), PartialRecord,       Severity::Warning),
        ("invalid entry",     "{\"Source\":\"s\",\"Detail\":\"{}\"}".into(),            InvalidEntry,        Severity::Error),
        ("entry caveat",      "{\"Source\":\"s\",\"DetailType\":\"d\",\"Detail\":{}}".into(), EntryCaveat, Severity::Warning),
        ("no envelope",       "{\"detail-type\":\"d\",\"detail\":{}}".into(),          IncompleteEnvelope,  Severity::Warning),
    ];
    for (name, input, kind, severity) in cases {
        let ingested = ingest_text("f", &input);
        let got: Vec<(ProblemKind, Severity)> = ingested
            .problems
            .iter()
            .map(|p| (p.kind, p.severity))
            .collect();
        assert_eq!(got, [(kind, severity)], "{name}");
        assert_eq!(kind.severity(), severity, "{name}");
    }
}
