//! Delivery notes: the pattern may match, but will EventBridge deliver the event to the rule?
//! Each note reads a CloudTrail record (the event's `detail`) and says what must be true.

use crate::mapping::{detail_type_for, source_exception};
use crate::model::DeliveryNote;
use crate::record_fields::RecordFields;
use serde_json::Value;

/// Global services and what happens to their events' region. IAM, CloudFront, Route 53,
/// Organizations and friends are recorded in us-east-1 (mozmeao/infra #1311 for IAM); sign-in
/// events land in the region of the sign-in endpoint, usually us-east-1.
const GLOBAL_SERVICES: &[(&str, &str)] = &[
    ("iam.amazonaws.com", "IAM is a global service"),
    ("cloudfront.amazonaws.com", "CloudFront is a global service"),
    ("route53.amazonaws.com", "Route 53 is a global service"),
    (
        "route53domains.amazonaws.com",
        "Route 53 Domains is a global service",
    ),
    (
        "organizations.amazonaws.com",
        "AWS Organizations is a global service",
    ),
    (
        "globalaccelerator.amazonaws.com",
        "Global Accelerator is a global service",
    ),
    ("shield.amazonaws.com", "AWS Shield is a global service"),
    (
        "waf.amazonaws.com",
        "AWS WAF Classic (global) is a global service",
    ),
];

/// The delivery notes for a CloudTrail record, in a fixed order.
pub(crate) fn notes_for_record<R: RecordFields + ?Sized>(record: &R) -> Vec<DeliveryNote> {
    let mut notes = Vec::new();
    let text = |key: &str| record.field(key).and_then(Value::as_str);
    let event_type = text("eventType").unwrap_or("");
    let event_source = text("eventSource").unwrap_or("");

    if !event_type.is_empty() && detail_type_for(event_type).is_none() {
        notes.push(note(
            "unknown-event-type",
            format!(
                "CloudTrail eventType {event_type} has no documented EventBridge detail-type: \
                 such events are not known to be delivered to EventBridge at all"
            ),
        ));
    }
    if event_type == "AwsServiceEvent" {
        notes.push(note(
            "service-event",
            "a service event, not an API call: it arrives as detail-type \"AWS Service Event via \
             CloudTrail\", so a pattern listing only \"AWS API Call via CloudTrail\" misses it"
                .to_string(),
        ));
    }
    if event_type == "AwsCloudTrailInsight" {
        notes.push(note(
            "insight",
            "an Insights event: delivered only when CloudTrail Insights is enabled on a trail; \
             EventPen assumes source aws.cloudtrail (not confirmed by AWS documentation)"
                .to_string(),
        ));
    }
    if record.field("readOnly") == Some(&Value::Bool(true)) {
        notes.push(note(
            "read-only",
            "a read-only event (readOnly: true): EventBridge delivers it only to rules in state \
             ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; a rule in state ENABLED never sees it"
                .to_string(),
        ));
    }
    let data_event = text("eventCategory") == Some("Data")
        || (record.field("managementEvent") == Some(&Value::Bool(false))
            && event_type != "AwsCloudTrailInsight");
    if data_event {
        notes.push(note(
            "data-event",
            "a data event: it reaches EventBridge only if a trail logs data events for this \
             resource (data event selectors); management-event trails do not"
                .to_string(),
        ));
    }
    if let Some(service) = GLOBAL_SERVICES
        .iter()
        .find(|(source, _)| *source == event_source)
        .map(|(_, what)| what)
    {
        notes.push(note(
            "global-service",
            format!(
                "{service}: its events are delivered only in us-east-1, so a rule in another \
                 region never sees them"
            ),
        ));
    }
    if event_source == "signin.amazonaws.com" {
        notes.push(note(
            "global-service",
            "console sign-in events are delivered in the region of the sign-in endpoint, \
             usually us-east-1: a pattern or rule pinned to another region misses them"
                .to_string(),
        ));
    }
    if event_source == "sts.amazonaws.com" && uses_sts_global_endpoint(record) {
        notes.push(note(
            "global-service",
            "a call to the STS global endpoint (sts.amazonaws.com): it is delivered in us-east-1"
                .to_string(),
        ));
    }
    if let Some(caller) = cross_account_caller(record) {
        let recipient = text("recipientAccountId").unwrap_or("");
        notes.push(note(
            "cross-account",
            format!(
                "a cross-account call: the caller's account {caller} and the resource owner's \
                 account {recipient} each get a copy of the event (since April 2021); this record \
                 is {recipient}'s copy"
            ),
        ));
    }
    if let Some(exception) = source_exception(event_source) {
        notes.push(note("source-differs", exception.note.to_string()));
    }
    notes
}

/// The caller's account when it differs from the account that received the record.
fn cross_account_caller<R: RecordFields + ?Sized>(record: &R) -> Option<&str> {
    let caller = record.field("userIdentity")?.get("accountId")?.as_str()?;
    let recipient = record.field("recipientAccountId")?.as_str()?;
    (caller != recipient && !caller.is_empty()).then_some(caller)
}

/// Whether an STS call went to the global endpoint: the TLS host header says so.
fn uses_sts_global_endpoint<R: RecordFields + ?Sized>(record: &R) -> bool {
    record
        .field("tlsDetails")
        .and_then(|t| t.get("clientProvidedHostHeader"))
        .and_then(Value::as_str)
        == Some("sts.amazonaws.com")
}

fn note(code: &'static str, message: String) -> DeliveryNote {
    DeliveryNote { code, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codes(record: Value) -> Vec<&'static str> {
        let Value::Object(map) = record else {
            return vec!["not an object"];
        };
        notes_for_record(&map).iter().map(|n| n.code).collect()
    }

    #[test]
    fn notes_per_record_kind() {
        let cases: Vec<(Value, Vec<&str>)> = vec![
            (
                json!({"eventType": "AwsApiCall", "eventSource": "ec2.amazonaws.com", "readOnly": false}),
                vec![],
            ),
            (
                json!({"eventType": "AwsApiCall", "eventSource": "sts.amazonaws.com", "readOnly": true}),
                vec!["read-only"],
            ),
            (
                json!({"eventType": "AwsApiCall", "eventSource": "s3.amazonaws.com", "eventCategory": "Data"}),
                vec!["data-event"],
            ),
            (
                json!({"eventType": "AwsApiCall", "eventSource": "lambda.amazonaws.com", "managementEvent": false}),
                vec!["data-event"],
            ),
            (
                json!({"eventType": "AwsCloudTrailInsight", "eventCategory": "Insight"}),
                vec!["insight"],
            ),
            (
                json!({"eventType": "AwsServiceEvent", "eventSource": "kms.amazonaws.com"}),
                vec!["service-event"],
            ),
            (
                json!({"eventType": "AwsApiCall", "eventSource": "iam.amazonaws.com"}),
                vec!["global-service"],
            ),
            (
                json!({"eventType": "AwsConsoleSignIn", "eventSource": "signin.amazonaws.com"}),
                vec!["global-service"],
            ),
            (
                json!({"eventType": "AwsApiCall", "eventSource": "sts.amazonaws.com", "tlsDetails": {"clientProvidedHostHeader": "sts.amazonaws.com"}}),
                vec!["global-service"],
            ),
            (
                json!({"eventType": "AwsApiCall", "eventSource": "monitoring.amazonaws.com"}),
                vec!["source-differs"],
            ),
            (
                json!({"eventType": "AwsVpceEvent", "eventSource": "ec2.amazonaws.com"}),
                vec!["unknown-event-type"],
            ),
        ];
        for (record, want) in cases {
            assert_eq!(codes(record.clone()), want, "{record}");
        }
    }
}
