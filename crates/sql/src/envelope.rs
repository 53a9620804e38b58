//! The EventBridge envelope from CloudTrail columns, the way `eventpen_ingest` builds it:
//! `source` from `eventSource` (with the same exceptions), `detail-type` from `eventType`,
//! `account` from `recipientAccountId` (else the caller's account), `region`, `time`.

use crate::value::quote;
use eventpen_ingest::mapping::{INSIGHT_SOURCE, SOURCE_EXCEPTIONS, detail_type_for};

/// The CloudTrail event types EventBridge documents a detail-type for.
const EVENT_TYPES: &[&str] = &[
    "AwsApiCall",
    "AwsServiceEvent",
    "AwsConsoleSignIn",
    "AwsConsoleAction",
    "AwsCloudTrailInsight",
];

/// Column expressions of one dialect.
pub struct Columns<'a> {
    /// `eventSource`.
    pub event_source: &'a str,
    /// `eventType`.
    pub event_type: &'a str,
    /// `recipientAccountId`.
    pub recipient_account: &'a str,
    /// `userIdentity.accountId`.
    pub caller_account: &'a str,
    /// `awsRegion`.
    pub region: &'a str,
    /// `eventTime` as ISO text.
    pub time: &'a str,
    /// Regex replace function (`regexp_replace` in both dialects).
    pub concat: fn(&str, &str) -> String,
}

/// The column of the `events` CTE holding envelope field `name`, or `None` when it cannot be
/// computed (`id`, a UUID v5 of `eventID`) or is never set (`resources` is always empty).
pub fn envelope(name: &str) -> Option<String> {
    match name {
        "source" => Some(String::from("eb_source")),
        "detail-type" => Some(String::from("eb_detail_type")),
        "account" => Some(String::from("eb_account")),
        "region" => Some(String::from("eb_region")),
        "time" => Some(String::from("eb_time")),
        "version" => Some(String::from("'0'")),
        _ => None,
    }
}

/// The envelope columns of the `events` CTE, as a select list.
pub fn envelope_columns(c: &Columns<'_>) -> String {
    format!(
        "{} AS eb_source,\n    {} AS eb_detail_type,\n    COALESCE({}, {}) AS eb_account, {} AS eb_region, {} AS eb_time",
        source(c),
        detail_type(c),
        c.recipient_account,
        c.caller_account,
        c.region,
        c.time
    )
}

fn source(c: &Columns<'_>) -> String {
    let mut out = format!(
        "CASE WHEN {} = 'AwsCloudTrailInsight' THEN {}",
        c.event_type,
        quote(INSIGHT_SOURCE)
    );
    for exception in SOURCE_EXCEPTIONS {
        out.push_str(&format!(
            " WHEN {} = {} THEN {}",
            c.event_source,
            quote(exception.event_source),
            quote(exception.source)
        ));
    }
    let service = format!(
        "regexp_replace({}, '\\.amazonaws\\.com$', '')",
        c.event_source
    );
    out.push_str(&format!(" ELSE {} END", (c.concat)("'aws.'", &service)));
    out
}

fn detail_type(c: &Columns<'_>) -> String {
    let mut out = format!("CASE {}", c.event_type);
    for event_type in EVENT_TYPES {
        if let Some(detail_type) = detail_type_for(event_type) {
            out.push_str(&format!(
                " WHEN {} THEN {}",
                quote(event_type),
                quote(detail_type)
            ));
        }
    }
    let other = (c.concat)(c.event_type, "' via CloudTrail'");
    out.push_str(&format!(" ELSE {other} END"));
    out
}

/// Records `eventpen_ingest` skips (no envelope can be built) are not events: the same filter.
pub fn complete_record(c: &Columns<'_>) -> String {
    format!(
        "{et} IS NOT NULL AND ({es} IS NOT NULL OR {et} = 'AwsCloudTrailInsight') AND COALESCE({ra}, {ca}) IS NOT NULL AND {t} IS NOT NULL AND {r} IS NOT NULL",
        et = c.event_type,
        es = c.event_source,
        ra = c.recipient_account,
        ca = c.caller_account,
        t = c.time,
        r = c.region
    )
}
