//! A CloudTrail record → the EventBridge event a rule sees (spec §1.1): the whole record is
//! `detail`, the envelope is derived from it.

use crate::delivery::notes_for_record;
use crate::mapping::{INSIGHT_SOURCE, derived_id, detail_type_for, source_for};
use crate::model::DeliveryNote;
use crate::record_fields::RecordFields;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// An event built from a record.
#[derive(Debug)]
pub(crate) struct Converted {
    /// The EventBridge event.
    pub event: Value,
    /// Delivery notes about the record.
    pub notes: Vec<DeliveryNote>,
    /// Envelope fields EventPen derived.
    pub derived: Vec<&'static str>,
    /// Record fields that were missing (only when converting leniently), so the envelope
    /// lacks what they would have given.
    pub missing: Vec<&'static str>,
}

/// How to treat missing fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Completeness {
    /// A full record: a missing field the envelope needs makes the record an error.
    Required,
    /// A partial record (CloudTrail Lake row): build what can be built, report what is missing.
    BestEffort,
}

/// Whether an object looks like a CloudTrail record (and not an S3/SQS notification record,
/// whose `eventSource` is `aws:s3` / `aws:sqs`).
pub(crate) fn is_cloudtrail_record<R: RecordFields + ?Sized>(map: &R) -> bool {
    let text = |key: &str| map.field(key).and_then(Value::as_str);
    let has = |key: &str| map.field(key).is_some();
    if text("eventSource").is_some_and(|s| s.starts_with("aws:")) {
        return false;
    }
    (has("eventSource") && has("eventName"))
        || (has("eventVersion") && has("eventType"))
        || text("eventType") == Some("AwsCloudTrailInsight")
}

/// Converts a record. With [`Completeness::Required`], `Err` says which fields are missing.
pub(crate) fn convert_record(
    record: Map<String, Value>,
    completeness: Completeness,
) -> Result<Converted, String> {
    let Envelope {
        fields,
        notes,
        derived,
        missing,
    } = envelope_of(&record, completeness)?;
    let mut event = Map::new();
    for (key, value) in fields {
        event.insert(key.into(), Value::from(value.into_owned()));
    }
    event.insert("resources".into(), Value::Array(Vec::new()));
    event.insert("detail".into(), Value::Object(record));
    Ok(Converted {
        event: Value::Object(event),
        notes,
        derived,
        missing,
    })
}

/// The envelope a record gets, apart from `resources` (always empty) and `detail` (the record).
#[derive(Debug)]
pub(crate) struct Envelope<'r> {
    /// `version`, `id`, `detail-type`, `source`, `account`, `time`, `region`, in that order
    /// (those the record gives); borrowed from the record where they are its own text (a
    /// load builds one envelope per record, and copying each field was a tenth of its
    /// allocations).
    pub fields: Vec<(&'static str, Cow<'r, str>)>,
    /// Delivery notes about the record.
    pub notes: Vec<DeliveryNote>,
    /// Envelope fields EventPen derived.
    pub derived: Vec<&'static str>,
    /// Record fields that were missing.
    pub missing: Vec<&'static str>,
}

impl Envelope<'_> {
    /// The event's JSON text up to its `detail` value: `{"version":"0",…,"resources":[],"detail":`.
    /// The record's own text then `}` complete it, so a record is never re-serialised.
    pub fn head_json(&self) -> String {
        let mut head = String::with_capacity(256);
        head.push('{');
        for (key, value) in &self.fields {
            push_json_string(&mut head, key);
            head.push(':');
            push_json_string(&mut head, value);
            head.push(',');
        }
        head.push_str("\"resources\":[],\"detail\":");
        head
    }
}

/// Appends `text` as a JSON string. Envelope values almost never need escaping, so they are
/// copied as they are; the rest go through serde_json (a load builds one head per record, and
/// formatting through `Value` was a tenth of it).
fn push_json_string(out: &mut String, text: &str) {
    if text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&Value::from(text).to_string());
    }
}

/// Reads the envelope off a record. It reads only the record's small top-level fields
/// (`eventType`, `eventSource`, `eventID`, `userIdentity`, `tlsDetails`, …: see
/// [`ENVELOPE_KEYS`]), so a caller may pass a map holding just those.
pub(crate) fn envelope_of<'r, R: RecordFields + ?Sized>(
    record: &'r R,
    completeness: Completeness,
) -> Result<Envelope<'r>, String> {
    let text = |key: &str| record.field(key).and_then(Value::as_str);
    let mut missing: Vec<&'static str> = Vec::new();
    let mut derived = vec!["id", "detail-type", "source"];

    let event_type = text("eventType");
    let is_insight = event_type == Some("AwsCloudTrailInsight");
    let detail_type = match event_type {
        Some(t) => Some(
            detail_type_for(t)
                .map_or_else(|| Cow::Owned(format!("{t} via CloudTrail")), Cow::Borrowed),
        ),
        None => {
            missing.push("eventType");
            // A Lake row without the column is almost always an API call; say so via `missing`.
            Some(Cow::Borrowed("AWS API Call via CloudTrail"))
        }
    };
    let source = if is_insight {
        Some(Cow::Borrowed(INSIGHT_SOURCE))
    } else {
        let source = text("eventSource").map(|s| Cow::Owned(source_for(s)));
        if source.is_none() {
            missing.push("eventSource");
        }
        source
    };
    let account = match text("recipientAccountId") {
        Some(account) => Some(Cow::Borrowed(account)),
        None => {
            let fallback = record
                .field("userIdentity")
                .and_then(|u| u.get("accountId"))
                .and_then(Value::as_str)
                .map(Cow::Borrowed);
            match fallback {
                Some(account) => {
                    derived.push("account");
                    Some(account)
                }
                None => {
                    missing.push("recipientAccountId");
                    None
                }
            }
        }
    };
    let time = text("eventTime").map(Cow::Borrowed);
    if time.is_none() {
        missing.push("eventTime");
    }
    let region = text("awsRegion").map(Cow::Borrowed);
    if region.is_none() {
        missing.push("awsRegion");
    }
    if completeness == Completeness::Required && !missing.is_empty() {
        return Err(format!(
            "this CloudTrail record has no {}, which the EventBridge envelope needs; it was skipped",
            missing.join(", ")
        ));
    }
    let id = match text("eventID") {
        Some(event_id) => derived_id(event_id),
        None => derived_id(&record.to_json()),
    };
    let mut fields = vec![("version", Cow::Borrowed("0")), ("id", Cow::Owned(id))];
    let envelope = [
        ("detail-type", detail_type),
        ("source", source),
        ("account", account),
        ("time", time),
        ("region", region),
    ];
    fields.extend(envelope.into_iter().filter_map(|(k, v)| Some((k, v?))));
    Ok(Envelope {
        fields,
        notes: notes_for_record(record),
        derived,
        missing,
    })
}

/// Every top-level record field [`envelope_of`] and the delivery notes read. A record without
/// `eventID` is the exception: its `id` hashes the whole record.
pub(crate) const ENVELOPE_KEYS: &[&str] = &[
    "eventType",
    "eventSource",
    "eventName",
    "eventVersion",
    "eventID",
    "eventTime",
    "awsRegion",
    "recipientAccountId",
    "userIdentity",
    "readOnly",
    "eventCategory",
    "managementEvent",
    "tlsDetails",
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn envelope(record: Value) -> Result<Vec<(String, String)>, String> {
        let Value::Object(map) = record else {
            return Err("not an object".into());
        };
        let converted = convert_record(map, Completeness::Required)?;
        let Value::Object(event) = converted.event else {
            return Err("event not an object".into());
        };
        Ok(event
            .into_iter()
            .filter(|(k, _)| k != "detail" && k != "id")
            .map(|(k, v)| (k, v.to_string()))
            .collect())
    }

    #[test]
    fn envelope_fields_from_record_fields() {
        #[rustfmt::skip]
        let cases: Vec<(Value, &str)> = vec![
            (json!({"eventType": "AwsApiCall", "eventSource": "ec2.amazonaws.com", "recipientAccountId": "1", "eventTime": "t", "awsRegion": "r"}),
             r#"version="0" detail-type="AWS API Call via CloudTrail" source="aws.ec2" account="1" time="t" region="r" resources=[]"#),
            (json!({"eventType": "AwsConsoleSignIn", "eventSource": "signin.amazonaws.com", "recipientAccountId": "1", "eventTime": "t", "awsRegion": "us-east-1"}),
             r#"version="0" detail-type="AWS Console Sign In via CloudTrail" source="aws.signin" account="1" time="t" region="us-east-1" resources=[]"#),
            (json!({"eventType": "AwsServiceEvent", "eventSource": "kms.amazonaws.com", "recipientAccountId": "1", "eventTime": "t", "awsRegion": "r"}),
             r#"version="0" detail-type="AWS Service Event via CloudTrail" source="aws.kms" account="1" time="t" region="r" resources=[]"#),
            (json!({"eventType": "AwsConsoleAction", "eventSource": "health.amazonaws.com", "recipientAccountId": "1", "eventTime": "t", "awsRegion": "r"}),
             r#"version="0" detail-type="AWS Console Action via CloudTrail" source="aws.health" account="1" time="t" region="r" resources=[]"#),
            (json!({"eventType": "AwsCloudTrailInsight", "recipientAccountId": "1", "eventTime": "t", "awsRegion": "r"}),
             r#"version="0" detail-type="AWS Insight via CloudTrail" source="aws.cloudtrail" account="1" time="t" region="r" resources=[]"#),
            (json!({"eventType": "AwsVpceEvent", "eventSource": "ec2.amazonaws.com", "recipientAccountId": "1", "eventTime": "t", "awsRegion": "r"}),
             r#"version="0" detail-type="AwsVpceEvent via CloudTrail" source="aws.ec2" account="1" time="t" region="r" resources=[]"#),
            (json!({"eventType": "AwsApiCall", "eventSource": "iam.amazonaws.com", "userIdentity": {"accountId": "2"}, "eventTime": "t", "awsRegion": "r"}),
             r#"version="0" detail-type="AWS API Call via CloudTrail" source="aws.iam" account="2" time="t" region="r" resources=[]"#),
        ];
        for (record, want) in cases {
            let got = envelope(record.clone()).map(|fields| {
                fields
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            assert_eq!(got.as_deref(), Ok(want), "{record}");
        }
    }

    #[test]
    fn records_missing_envelope_fields_are_errors() {
        #[rustfmt::skip]
        let cases: Vec<(Value, &str)> = vec![
            (json!({"eventSource": "ec2.amazonaws.com", "recipientAccountId": "1", "eventTime": "t", "awsRegion": "r"}), "no eventType,"),
            (json!({"eventType": "AwsApiCall", "recipientAccountId": "1", "eventTime": "t", "awsRegion": "r"}), "no eventSource,"),
            (json!({"eventType": "AwsApiCall", "eventSource": "e", "eventTime": "t", "awsRegion": "r"}), "no recipientAccountId,"),
            (json!({"eventType": "AwsApiCall", "eventSource": "e", "recipientAccountId": "1"}), "no eventTime, awsRegion,"),
        ];
        for (record, want) in cases {
            let got = envelope(record.clone());
            assert!(
                got.as_ref().is_err_and(|e| e.contains(want)),
                "{record}: {got:?}"
            );
        }
    }

    #[test]
    fn the_id_comes_from_the_event_id() {
        let record = json!({"eventType": "AwsApiCall", "eventSource": "e", "recipientAccountId": "1",
                            "eventTime": "t", "awsRegion": "r", "eventID": "abc"});
        let Value::Object(map) = record else { return };
        let converted = convert_record(map, Completeness::Required);
        let id = converted.ok().and_then(|c| c.event.get("id").cloned());
        assert_eq!(id, Some(Value::from(derived_id("abc"))));
    }
}
