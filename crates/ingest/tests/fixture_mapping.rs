//! Every fixture record → its EventBridge envelope and delivery notes: one line per record.

use eventpen_ingest::{Shape, fixtures, ingest_text};

/// Record text, detail-type, source, account, region, delivery note codes.
type Expected = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

#[test]
fn each_fixture_becomes_the_event_a_rule_sees() {
    #[rustfmt::skip]
    let cases: &[Expected] = &[
        // fixture                          detail-type                              source            account         region          notes
        (fixtures::RUN_INSTANCES,         "AWS API Call via CloudTrail",           "aws.ec2",        "111122223333", "eu-west-1",    &[]),
        (fixtures::TERMINATE_INSTANCES,   "AWS API Call via CloudTrail",           "aws.ec2",        "111122223333", "eu-west-1",    &[]),
        (fixtures::CONSOLE_LOGIN_SUCCESS, "AWS Console Sign In via CloudTrail",    "aws.signin",     "111122223333", "us-east-1",    &["global-service"]),
        (fixtures::CONSOLE_LOGIN_FAILURE, "AWS Console Sign In via CloudTrail",    "aws.signin",     "111122223333", "us-east-1",    &["global-service"]),
        (fixtures::ASSUME_ROLE,           "AWS API Call via CloudTrail",           "aws.sts",        "111122223333", "eu-central-1", &["read-only"]),
        (fixtures::CREATE_FUNCTION,       "AWS API Call via CloudTrail",           "aws.lambda",     "111122223333", "eu-west-1",    &[]),
        (fixtures::PUT_BUCKET_POLICY,     "AWS API Call via CloudTrail",           "aws.s3",         "111122223333", "eu-west-1",    &[]),
        (fixtures::KMS_ROTATE_KEY,        "AWS Service Event via CloudTrail",      "aws.kms",        "111122223333", "eu-west-1",    &["service-event"]),
        (fixtures::PUT_METRIC_ALARM,      "AWS API Call via CloudTrail",           "aws.monitoring", "111122223333", "eu-west-1",    &["source-differs"]),
        (fixtures::CREATE_ACCESS_KEY,     "AWS API Call via CloudTrail",           "aws.iam",        "111122223333", "us-east-1",    &["global-service"]),
        (fixtures::INSIGHT_START,         "AWS Insight via CloudTrail",            "aws.cloudtrail", "111122223333", "eu-west-1",    &["insight"]),
        (fixtures::AUTHORIZE_SECURITY_GROUP_INGRESS, "AWS API Call via CloudTrail",           "aws.ec2",        "111122223333", "eu-west-1",    &[]),
        (fixtures::GET_OBJECT,            "AWS API Call via CloudTrail",           "aws.s3",         "111122223333", "eu-west-1",    &["read-only", "data-event"]),
    ];
    assert_eq!(cases.len(), fixtures::ALL.len(), "every fixture has a line");
    for &(record, detail_type, source, account, region, notes) in cases {
        let ingested = ingest_text("pasted text", record);
        assert_eq!(ingested.problems, [], "{record}");
        let [event] = ingested.events.as_slice() else {
            panic!("one event from {record}");
        };
        let e = &event.event;
        let got = (
            e["detail-type"].as_str(),
            e["source"].as_str(),
            e["account"].as_str(),
            e["region"].as_str(),
        );
        assert_eq!(
            got,
            (Some(detail_type), Some(source), Some(account), Some(region)),
            "{record}"
        );
        let codes: Vec<&str> = event.notes.iter().map(|n| n.code).collect();
        assert_eq!(codes, notes, "{}", e["detail"]["eventName"]);
        assert_eq!(event.shape, Shape::CloudTrailRecord);
        assert!(
            event.original == record.trim_end(),
            "the original is the pasted text"
        );
        assert_eq!(event.derived, ["id", "detail-type", "source"]);
    }
}

#[test]
fn the_envelope_keeps_aws_key_order_and_the_record_as_detail() {
    let ingested = ingest_text("pasted text", fixtures::RUN_INSTANCES);
    let event = &ingested.events[0].event;
    let keys: Vec<&str> = event
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    assert_eq!(
        keys,
        [
            "version",
            "id",
            "detail-type",
            "source",
            "account",
            "time",
            "region",
            "resources",
            "detail"
        ]
    );
    let record: serde_json::Value =
        serde_json::from_str(fixtures::RUN_INSTANCES).unwrap_or_default();
    assert_eq!(event["detail"], record);
    let detail_keys: Vec<&String> = event["detail"]
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    let record_keys: Vec<&String> = record
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    assert_eq!(detail_keys, record_keys, "record key order kept");
    assert_eq!(event["time"], "2024-05-01T12:00:00Z");
    assert_eq!(event["resources"], serde_json::json!([]));
    assert_eq!(
        event["detail"]["responseElements"]["instancesSet"]["items"][0]["instanceId"],
        "i-0abc1234def567890"
    );
}

#[test]
fn ids_are_uuid_v5_of_the_event_id_and_stable() {
    let once = ingest_text("a", fixtures::RUN_INSTANCES);
    let twice = ingest_text(
        "b",
        &format!("{{\"Records\":[{}]}}", fixtures::RUN_INSTANCES),
    );
    let id = once.events[0].event["id"].as_str().unwrap_or("");
    assert_eq!(id, "ce726d5d-acb8-5c89-99c1-0988236a9ef1");
    assert_eq!(
        twice.events[0].event["id"].as_str(),
        Some(id),
        "same record, same id"
    );
    assert_eq!(
        id,
        eventpen_ingest::mapping::derived_id("5b2a9a1c-6e8f-4d3b-a1c2-3e4f5a6b7c8d")
    );
    let other = ingest_text("c", fixtures::TERMINATE_INSTANCES);
    assert_ne!(other.events[0].event["id"].as_str(), Some(id));
}
