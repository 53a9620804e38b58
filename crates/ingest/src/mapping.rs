//! How a CloudTrail record's fields become EventBridge envelope fields: `detail-type` from
//! `eventType`, `source` from `eventSource`, and the deterministic `id`.

use uuid::Uuid;

/// The EventBridge `detail-type` for a CloudTrail `eventType`, or `None` when CloudTrail events
/// of that type are not known to be delivered to EventBridge (e.g. `AwsVpceEvent`).
///
/// Source: EventBridge user guide, "Events from AWS services delivered via AWS CloudTrail".
/// The docs spell the sign-in type "Signin"; rules in the wild and the Terraform/Pulumi registry
/// examples use "Sign In", which is what EventPen produces.
pub fn detail_type_for(event_type: &str) -> Option<&'static str> {
    match event_type {
        "AwsApiCall" => Some("AWS API Call via CloudTrail"),
        "AwsServiceEvent" => Some("AWS Service Event via CloudTrail"),
        "AwsConsoleSignIn" => Some("AWS Console Sign In via CloudTrail"),
        "AwsConsoleAction" => Some("AWS Console Action via CloudTrail"),
        "AwsCloudTrailInsight" => Some("AWS Insight via CloudTrail"),
        _ => None,
    }
}

/// An `eventSource` whose EventBridge `source` surprises people, with why and where we read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceException {
    /// The CloudTrail `eventSource`.
    pub event_source: &'static str,
    /// The `source` of the CloudTrail-delivered event.
    pub source: &'static str,
    /// What differs, for people (shown as a delivery note).
    pub note: &'static str,
    /// Where this comes from.
    pub reference: &'static str,
}

/// Known exceptions. Every CloudTrail `eventSource` seen in the EventBridge events reference
/// follows the rule (`x.amazonaws.com` → `aws.x`), but the *native* events of some services use
/// another source, so a pattern copied from one kind silently misses the other:
///
/// - `monitoring.amazonaws.com` → `aws.monitoring`: the EventBridge events reference pairs
///   CloudWatch's CloudTrail event source with `aws.monitoring`, while native "CloudWatch Alarm
///   State Change" events use `aws.cloudwatch` (CloudWatch user guide, "Alarm events and
///   EventBridge"). The reference page now lists `aws.monitoring` for alarm events too — a doc
///   inconsistency; EventPen trusts the CloudWatch guide for native events.
/// - `elasticmapreduce.amazonaws.com` → `aws.elasticmapreduce`: EMR's native events (cluster
///   state changes) use `aws.emr`; the CloudTrail API-call events keep the service name (older
///   AWS docs, quoted in cloud-custodian issue #4855).
///
/// Insights records have no `eventSource` at all: see [`INSIGHT_SOURCE`].
pub const SOURCE_EXCEPTIONS: &[SourceException] = &[
    SourceException {
        event_source: "monitoring.amazonaws.com",
        source: "aws.monitoring",
        note: "CloudWatch API calls via CloudTrail have source aws.monitoring, but CloudWatch's own \
               alarm state-change events use aws.cloudwatch: a pattern for one misses the other",
        reference: "EventBridge events reference; CloudWatch user guide, alarm events",
    },
    SourceException {
        event_source: "elasticmapreduce.amazonaws.com",
        source: "aws.elasticmapreduce",
        note: "EMR API calls via CloudTrail have source aws.elasticmapreduce, but EMR's own \
               events (cluster and step state changes) use aws.emr",
        reference: "AWS docs quoted in cloud-custodian issue #4855",
    },
];

/// The `source` EventPen gives Insights events (`eventType: AwsCloudTrailInsight`), whose
/// records have no top-level `eventSource`. Not confirmed by AWS documentation (the spec marks
/// it "verify"); `aws.cloudtrail` is the service that produces them.
pub const INSIGHT_SOURCE: &str = "aws.cloudtrail";

/// The exception for an `eventSource`, if it is one.
pub fn source_exception(event_source: &str) -> Option<&'static SourceException> {
    SOURCE_EXCEPTIONS
        .iter()
        .find(|e| e.event_source == event_source)
}

/// The EventBridge `source` for a CloudTrail `eventSource`: `ec2.amazonaws.com` → `aws.ec2`,
/// the [`SOURCE_EXCEPTIONS`] first.
pub fn source_for(event_source: &str) -> String {
    if let Some(exception) = source_exception(event_source) {
        return exception.source.to_string();
    }
    let service = event_source
        .strip_suffix(".amazonaws.com")
        .unwrap_or(event_source);
    format!("aws.{service}")
}

/// EventPen's fixed UUID namespace for derived event ids (a random v4 UUID chosen once).
pub const ID_NAMESPACE: Uuid = Uuid::from_u128(0x21a3d0ab_df6a_4c2c_bcc3_e42f430005d8);

/// The envelope `id` EventPen gives a converted event: UUID v5 of `key` (the record's
/// `eventID`, or the compact JSON of an entry without one) in [`ID_NAMESPACE`].
///
/// Real EventBridge generates a fresh random id per delivery; a deterministic one keeps share
/// links and tests stable, and the same record always gets the same id.
pub fn derived_id(key: &str) -> String {
    Uuid::new_v5(&ID_NAMESPACE, key.as_bytes()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_types() {
        let cases = [
            ("AwsApiCall", Some("AWS API Call via CloudTrail")),
            (
                "AwsConsoleSignIn",
                Some("AWS Console Sign In via CloudTrail"),
            ),
            ("AwsServiceEvent", Some("AWS Service Event via CloudTrail")),
            (
                "AwsConsoleAction",
                Some("AWS Console Action via CloudTrail"),
            ),
            ("AwsCloudTrailInsight", Some("AWS Insight via CloudTrail")),
            ("AwsVpceEvent", None),
            ("awsapicall", None),
        ];
        for (event_type, want) in cases {
            assert_eq!(detail_type_for(event_type), want, "{event_type}");
        }
    }

    #[test]
    fn sources() {
        let cases = [
            ("ec2.amazonaws.com", "aws.ec2"),
            ("signin.amazonaws.com", "aws.signin"),
            ("sts.amazonaws.com", "aws.sts"),
            ("vpc-lattice.amazonaws.com", "aws.vpc-lattice"),
            ("metrics-sagemaker.amazonaws.com", "aws.metrics-sagemaker"),
            ("monitoring.amazonaws.com", "aws.monitoring"),
            ("elasticmapreduce.amazonaws.com", "aws.elasticmapreduce"),
            ("custom", "aws.custom"),
        ];
        for (event_source, want) in cases {
            assert_eq!(source_for(event_source), want, "{event_source}");
        }
    }

    #[test]
    fn ids_are_stable_uuids() {
        // Pinned: changing the namespace or the scheme would break every shared link's ids.
        let cases = [
            (
                "5b2a9a1c-6e8f-4d3b-a1c2-3e4f5a6b7c8d",
                "ce726d5d-acb8-5c89-99c1-0988236a9ef1",
            ),
            (
                "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
                "95fb4743-9327-569d-9de1-d02cc315f171",
            ),
        ];
        for (key, want) in cases {
            assert_eq!(derived_id(key), want);
            assert_eq!(&want[14..15], "5", "version 5");
        }
        assert_ne!(derived_id("a"), derived_id("b"));
    }
}
