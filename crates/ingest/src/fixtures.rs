//! Realistic CloudTrail records for examples and tests, one per file in `crates/ingest/fixtures`.
//!
//! Accounts, keys and addresses are the documentation placeholders (111122223333,
//! 203.0.113.0/24, …); the shapes follow real records field for field.

/// EC2 `RunInstances` by an assumed role, with `instancesSet.items` in request and response.
pub const RUN_INSTANCES: &str = include_str!("../fixtures/run_instances.json");
/// EC2 `TerminateInstances` of the same instance: the near-miss of a RunInstances pattern.
pub const TERMINATE_INSTANCES: &str = include_str!("../fixtures/terminate_instances.json");
/// A successful console sign-in with MFA (`AwsConsoleSignIn`, us-east-1).
pub const CONSOLE_LOGIN_SUCCESS: &str = include_str!("../fixtures/console_login_success.json");
/// A failed console sign-in without MFA (`errorMessage: Failed authentication`).
pub const CONSOLE_LOGIN_FAILURE: &str = include_str!("../fixtures/console_login_failure.json");
/// STS `AssumeRole` by Lambda: `readOnly: true`, `resources` with the role ARN, `sharedEventID`.
pub const ASSUME_ROLE: &str = include_str!("../fixtures/assume_role.json");
/// Lambda `CreateFunction20150331`: the event name carries the API version.
pub const CREATE_FUNCTION: &str = include_str!("../fixtures/create_function.json");
/// S3 `PutBucketPolicy` granting another account access (a management event).
pub const PUT_BUCKET_POLICY: &str = include_str!("../fixtures/put_bucket_policy.json");
/// KMS automatic key rotation: an `AwsServiceEvent`.
pub const KMS_ROTATE_KEY: &str = include_str!("../fixtures/kms_rotate_key.json");
/// CloudWatch `PutMetricAlarm` (event source `monitoring.amazonaws.com`).
pub const PUT_METRIC_ALARM: &str = include_str!("../fixtures/put_metric_alarm.json");
/// IAM `CreateAccessKey`: a global service, recorded in us-east-1.
pub const CREATE_ACCESS_KEY: &str = include_str!("../fixtures/create_access_key.json");
/// A CloudTrail Insights `ApiCallRateInsight` start record.
pub const INSIGHT_START: &str = include_str!("../fixtures/insight_start.json");
/// EC2 `AuthorizeSecurityGroupIngress` opening port 22 to `0.0.0.0/0`: the EC2 query-API
/// nesting (`ipPermissions.items[].ipRanges.items[].cidrIp`) for array flattening and `cidr`.
pub const AUTHORIZE_SECURITY_GROUP_INGRESS: &str =
    include_str!("../fixtures/authorize_security_group_ingress.json");
/// S3 `GetObject`: a read-only data event.
pub const GET_OBJECT: &str = include_str!("../fixtures/get_object.json");

/// Every fixture with a short name, for tests and example pickers.
pub const ALL: &[(&str, &str)] = &[
    ("run_instances", RUN_INSTANCES),
    ("terminate_instances", TERMINATE_INSTANCES),
    ("console_login_success", CONSOLE_LOGIN_SUCCESS),
    ("console_login_failure", CONSOLE_LOGIN_FAILURE),
    ("assume_role", ASSUME_ROLE),
    ("create_function", CREATE_FUNCTION),
    ("put_bucket_policy", PUT_BUCKET_POLICY),
    ("kms_rotate_key", KMS_ROTATE_KEY),
    ("put_metric_alarm", PUT_METRIC_ALARM),
    ("create_access_key", CREATE_ACCESS_KEY),
    ("insight_start", INSIGHT_START),
    (
        "authorize_security_group_ingress",
        AUTHORIZE_SECURITY_GROUP_INGRESS,
    ),
    ("get_object", GET_OBJECT),
];
