//! The CloudTrail workloads of `versus_quamina` (and of `examples/byte_path.rs`, which
//! profiles them one at a time): one list, so the bench and the profiler measure the same rules.

/// Patterns over CloudTrail-shaped EventBridge events (`eventpen-gen`), as people write rules
/// on a trail: by service, by call, by principal, by outcome.
pub const WORKLOADS: &[(&str, &str)] = &[
    ("CT_SOURCE", r#"{"source": ["aws.ec2"]}"#),
    (
        "CT_CALLS",
        r#"{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances", "TerminateInstances", "StopInstances"]}}"#,
    ),
    (
        "CT_PREFIX",
        r#"{"detail": {"eventSource": [{"prefix": "s3."}], "eventName": [{"prefix": "Put"}]}}"#,
    ),
    (
        "CT_PRINCIPAL",
        r#"{"detail": {"userIdentity": {"type": ["AssumedRole"], "arn": [{"wildcard": "*:assumed-role/Admin/*"}]}}}"#,
    ),
    (
        "CT_FAILED",
        r#"{"detail": {"errorCode": [{"exists": true}], "readOnly": [false]}}"#,
    ),
    (
        "CT_NOT_READ_ONLY",
        r#"{"detail-type": ["AWS API Call via CloudTrail"], "detail": {"readOnly": [false], "eventSource": [{"anything-but": ["kms.amazonaws.com", "sts.amazonaws.com"]}]}}"#,
    ),
];
