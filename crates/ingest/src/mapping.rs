//! How a CloudTrail record's fields become EventBridge envelope fields.

/// The EventBridge `detail-type` for a CloudTrail `eventType`, or `None` when CloudTrail events
/// of that type are not known to be delivered to EventBridge.
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

/// The EventBridge `source` for a CloudTrail `eventSource`: `ec2.amazonaws.com` → `aws.ec2`.
pub fn source_for(event_source: &str) -> String {
    let service = event_source
        .strip_suffix(".amazonaws.com")
        .unwrap_or(event_source);
    format!("aws.{service}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_types() {
        let cases = [
            ("AwsApiCall", Some("AWS API Call via CloudTrail")),
            ("AwsConsoleSignIn", Some("AWS Console Sign In via CloudTrail")),
            ("AwsServiceEvent", Some("AWS Service Event via CloudTrail")),
            ("AwsConsoleAction", Some("AWS Console Action via CloudTrail")),
            ("AwsVpceEvent", None),
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
            ("vpc-lattice.amazonaws.com", "aws.vpc-lattice"),
        ];
        for (event_source, want) in cases {
            assert_eq!(source_for(event_source), want);
        }
    }
}
