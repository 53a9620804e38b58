//! Every input shape, alone and mixed: which events come out (shape, detail-type, source, where)
//! and which problems. One line per case.

use eventpen_ingest::{Ingested, ingest_text};

/// A minimal CloudTrail record (compact) for `event_name` from `service`.
fn record(service: &str, event_name: &str) -> String {
    format!(
        r#"{{"eventVersion":"1.09","eventTime":"2024-05-01T12:00:00Z","eventSource":"{service}.amazonaws.com","eventName":"{event_name}","awsRegion":"eu-west-1","eventID":"{event_name}-1","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333"}}"#
    )
}

/// A minimal EventBridge event (compact).
fn event(detail_type: &str) -> String {
    format!(
        r#"{{"version":"0","id":"e-1","detail-type":"{detail_type}","source":"my.app","account":"111122223333","time":"2024-05-01T12:00:00Z","region":"eu-west-1","resources":[],"detail":{{"n":1}}}}"#
    )
}

/// JSON string literal of `text`.
fn quoted(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// `shape | detail-type | source | line:column` per event, then the problems as displayed.
fn summary(ingested: &Ingested) -> Vec<String> {
    let events = ingested.events.iter().map(|e| {
        let position = e.origin.position.map_or("-".to_string(), |p| p.to_string());
        format!(
            "{} | {} | {} | {position}",
            e.shape,
            e.event["detail-type"].as_str().unwrap_or("?"),
            e.event["source"].as_str().unwrap_or("?")
        )
    });
    let problems = ingested.problems.iter().map(|p| format!("problem: {p}"));
    events.chain(problems).collect()
}

/// Owned expectation lines.
fn v(lines: &[&str]) -> Vec<String> {
    lines.iter().map(ToString::to_string).collect()
}

#[test]
fn shapes() {
    let ec2 = record("ec2", "RunInstances");
    let iam = record("iam", "CreateUser");
    let lookup_item = |r: &str| {
        format!(
            r#"{{"EventId":"x","EventName":"RunInstances","CloudTrailEvent":{}}}"#,
            quoted(r)
        )
    };
    let sns = |body: &str| {
        format!(
            r#"{{"Type":"Notification","MessageId":"m","TopicArn":"arn:aws:sns:eu-west-1:111122223333:t","Message":{}}}"#,
            quoted(body)
        )
    };
    #[rustfmt::skip]
    let cases: Vec<(&str, String, Vec<String>)> = vec![
        ("single record", ec2.clone(),
         v(&["CloudTrail record | AWS API Call via CloudTrail | aws.ec2 | 1:1"])),
        ("log file", format!("{{\"Records\":[{ec2},\n{iam}]}}"),
         v(&["CloudTrail log file | AWS API Call via CloudTrail | aws.ec2 | 1:13",
              "CloudTrail log file | AWS API Call via CloudTrail | aws.iam | 2:1"])),
        ("array of records", format!("[\n  {ec2},\n  {iam}\n]"),
         v(&["CloudTrail record | AWS API Call via CloudTrail | aws.ec2 | 2:3",
              "CloudTrail record | AWS API Call via CloudTrail | aws.iam | 3:3"])),
        ("JSON Lines", format!("{ec2}\n{iam}\n"),
         v(&["CloudTrail record | AWS API Call via CloudTrail | aws.ec2 | 1:1",
              "CloudTrail record | AWS API Call via CloudTrail | aws.iam | 2:1"])),
        ("concatenated", format!("{}{}", event("A"), event("B")),
         v(&["EventBridge event | A | my.app | 1:1",
              &*format!("EventBridge event | B | my.app | 1:{}", event("A").len() + 1)])),
        ("lookup-events", format!("{{\"Events\":[{},{}],\"NextToken\":\"t\"}}", lookup_item(&ec2), lookup_item(&iam)),
         v(&["aws cloudtrail lookup-events output | AWS API Call via CloudTrail | aws.ec2 | 1:12",
              &*format!("aws cloudtrail lookup-events output | AWS API Call via CloudTrail | aws.iam | 1:{}", 13 + lookup_item(&ec2).len())])),
        ("homemade Events list", format!("{{\"Events\":[{}]}}", event("A")),
         v(&["EventBridge event | A | my.app | 1:12"])),
        ("lookup-events item alone", lookup_item(&ec2),
         v(&["aws cloudtrail lookup-events output | AWS API Call via CloudTrail | aws.ec2 | 1:1"])),
        ("EventBridge event", event("Order Placed"),
         v(&["EventBridge event | Order Placed | my.app | 1:1"])),
        ("PutEvents entry", r#"{"Source":"my.app","DetailType":"Order Placed","Detail":"{\"id\":1}"}"#.to_string(),
         v(&["PutEvents entry | Order Placed | my.app | 1:1"])),
        ("put-events request", r#"{"Entries":[{"Source":"a","DetailType":"A","Detail":"{}"},{"Source":"b","DetailType":"B","Detail":"{}"}]}"#.to_string(),
         v(&["PutEvents entry | A | a | 1:13", "PutEvents entry | B | b | 1:59"])),
        ("SQS receive-message", format!("{{\"Messages\":[{{\"MessageId\":\"m\",\"Body\":{}}}]}}", quoted(&event("A"))),
         v(&["SQS message | A | my.app | 1:14"])),
        ("Lambda SQS event", format!("{{\"Records\":[{{\"messageId\":\"m\",\"eventSource\":\"aws:sqs\",\"body\":{}}}]}}", quoted(&event("A"))),
         v(&["SQS message | A | my.app | 1:13"])),
        ("SNS notification", sns(&event("A")),
         v(&["SNS notification | A | my.app | 1:1"])),
        ("Lambda SNS event", format!("{{\"Records\":[{{\"EventSource\":\"aws:sns\",\"Sns\":{}}}]}}", sns(&event("A"))),
         v(&["SNS notification | A | my.app | 1:13"])),
        ("SNS in SQS", format!("{{\"Messages\":[{{\"Body\":{}}}]}}", quoted(&sns(&ec2))),
         v(&["SQS message | AWS API Call via CloudTrail | aws.ec2 | 1:14"])),
        ("CloudWatch Logs output", format!("{{\"events\":[{{\"logStreamName\":\"s\",\"timestamp\":1714564800000,\"message\":{}}}],\"nextForwardToken\":\"f\"}}", quoted(&event("A"))),
         v(&["CloudWatch Logs log event | A | my.app | 1:12"])),
        ("trail to CloudWatch Logs", format!("{{\"logStreamName\":\"111122223333_CloudTrail_eu-west-1\",\"timestamp\":1,\"message\":{}}}", quoted(&ec2)),
         v(&["CloudWatch Logs log event | AWS API Call via CloudTrail | aws.ec2 | 1:1"])),
        ("JSON in a JSON string", quoted(&ec2),
         v(&["CloudTrail record | AWS API Call via CloudTrail | aws.ec2 | 1:1"])),
        ("Lake rows", r#"{"QueryStatus":"FINISHED","QueryResultRows":[[{"eventSource":"ec2.amazonaws.com"},{"eventName":"RunInstances"},{"eventType":"AwsApiCall"},{"eventTime":"2024-05-01 12:00:00.000"},{"awsRegion":"eu-west-1"},{"recipientAccountId":"1"}]]}"#.to_string(),
         v(&["CloudTrail Lake query result | AWS API Call via CloudTrail | aws.ec2 | 1:46"])),
        ("mixed array", format!("[{ec2},{},{}]", event("A"), r#"{"Source":"s","DetailType":"P","Detail":"{}"}"#),
         v(&["CloudTrail record | AWS API Call via CloudTrail | aws.ec2 | 1:2",
              &*format!("EventBridge event | A | my.app | 1:{}", ec2.len() + 3),
              &*format!("PutEvents entry | P | s | 1:{}", ec2.len() + event("A").len() + 4)])),
        ("records copied out of an array", format!("{ec2},\n{iam},\n"),
         v(&["CloudTrail record | AWS API Call via CloudTrail | aws.ec2 | 1:1",
              "CloudTrail record | AWS API Call via CloudTrail | aws.iam | 2:1"])),
        ("BOM", format!("\u{feff}{ec2}"),
         v(&["CloudTrail record | AWS API Call via CloudTrail | aws.ec2 | 1:1"])),
        ("CRLF lines", format!("{ec2}\r\n{iam}\r\n"),
         v(&["CloudTrail record | AWS API Call via CloudTrail | aws.ec2 | 1:1",
              "CloudTrail record | AWS API Call via CloudTrail | aws.iam | 2:1"])),
        ("empty log file", "{\"Records\":[]}".to_string(),
         v(&["problem: in: warning: no events in this input"])),
    ];
    for (name, input, want) in cases {
        assert_eq!(summary(&ingest_text("in", &input)), want, "{name}");
    }
}

#[test]
fn the_apps_default_example_is_two_pretty_records_one_after_the_other() {
    use eventpen_ingest::fixtures::{RUN_INSTANCES, TERMINATE_INSTANCES};
    let text = format!("{}\n{}", RUN_INSTANCES.trim(), TERMINATE_INSTANCES.trim());
    let ingested = ingest_text("pasted text", &text);
    assert_eq!(ingested.problems, []);
    let names: Vec<&str> = ingested
        .events
        .iter()
        .map(|e| e.event["detail"]["eventName"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(names, ["RunInstances", "TerminateInstances"]);
    let lines: Vec<Option<usize>> = ingested
        .events
        .iter()
        .map(|e| e.origin.position.map(|p| p.line))
        .collect();
    assert_eq!(
        lines,
        [Some(1), Some(RUN_INSTANCES.trim().lines().count() + 1)]
    );
}

#[test]
fn origins_count_events_per_input_and_keep_the_original_text() {
    let ec2 = record("ec2", "RunInstances");
    let input = format!(
        "{{\"Messages\":[{{\"Body\":{}}}]}}\n{ec2}\n",
        quoted(&event("A"))
    );
    let ingested = ingest_text("paste", &input);
    let got: Vec<(usize, &str, Option<&str>, &str)> = ingested
        .events
        .iter()
        .map(|e| {
            (
                e.origin.index,
                e.origin.input.as_str(),
                e.origin.path.as_deref(),
                e.original.as_str(),
            )
        })
        .collect();
    let body = event("A");
    assert_eq!(
        got,
        [
            (0, "paste", Some("Messages[0].Body"), body.as_str()),
            (1, "paste", None, ec2.as_str())
        ]
    );
}

#[test]
fn lake_rows_are_typed_back_and_missing_columns_reported() {
    let input = r#"{"QueryResultRows":[[{"eventName":"AssumeRole"},{"eventTime":"2022-02-08 19:54:44.000"},{"eventSource":"sts.amazonaws.com"},{"readOnly":"true"}]]}"#;
    let ingested = ingest_text("lake.json", input);
    let event = &ingested.events[0].event;
    assert_eq!(event["time"], "2022-02-08T19:54:44Z");
    assert_eq!(event["detail"]["readOnly"], true);
    assert_eq!(
        event.get("account"),
        None,
        "no recipientAccountId column, no account"
    );
    let notes: Vec<&str> = ingested.events[0].notes.iter().map(|n| n.code).collect();
    assert_eq!(notes, ["read-only"]);
    let problems: Vec<String> = ingested.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "lake.json 1:21: warning: QueryResultRows[0]: a CloudTrail Lake row holds only the selected \
             columns; this one lacks eventType, recipientAccountId, awsRegion, so the event has no \
             account, region and its detail-type assumes an API call (select them, or SELECT *, for \
             complete events)"
        ]
    );
}

#[test]
fn eventbridge_events_pass_through_unchanged_with_cloudtrail_notes() {
    let detail = record("sts", "AssumeRole").replace("\"readOnly\":false", "\"readOnly\":true");
    let input = format!(
        r#"{{"version":"0","id":"x","detail-type":"AWS API Call via CloudTrail","source":"aws.sts","account":"1","time":"t","region":"r","resources":[],"detail":{detail}}}"#
    );
    let ingested = ingest_text("in", &input);
    let want: serde_json::Value = serde_json::from_str(&input).unwrap_or_default();
    assert_eq!(ingested.events[0].event, want);
    assert_eq!(ingested.events[0].derived, Vec::<&str>::new());
    assert_eq!(
        ingested.events[0]
            .notes
            .iter()
            .map(|n| n.code)
            .collect::<Vec<_>>(),
        ["read-only"]
    );
}

#[test]
fn byte_offsets_point_into_the_text_as_given_bom_included() {
    let ec2 = record("ec2", "RunInstances");
    let text = format!("\u{feff}[\n  {ec2},\n  {{\"x\": 1}}\n]");
    let ingested = ingest_text("in", &text);
    let event = ingested.events[0].origin.offset.unwrap_or(usize::MAX);
    let problem = ingested.problems[0].offset.unwrap_or(usize::MAX);
    assert_eq!(text.get(event..event + ec2.len()), Some(ec2.as_str()));
    assert_eq!(text.get(problem..problem + 8), Some("{\"x\": 1}"));
    assert_eq!(
        ingested.problems[0].position.map(|p| (p.line, p.column)),
        Some((3, 3))
    );
}
