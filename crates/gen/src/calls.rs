//! The API calls a generated trail is made of, with how often each appears.
//!
//! Real trails are skewed: a few read-only calls (Describe*, Get*, AssumeRole, Decrypt) make up
//! most records and the calls rules are written for (RunInstances, CreateUser) are rare, so the
//! weights follow that shape. Names are real CloudTrail names, including versioned ones such as
//! Lambda's `CreateFunction20150331`, which patterns trip over.

/// One API call: its service host, name, whether it only reads, and its weight.
#[derive(Debug, Clone, Copy)]
pub struct Call {
    /// CloudTrail's `eventSource`, e.g. `ec2.amazonaws.com`.
    pub source: &'static str,
    /// CloudTrail's `eventName`.
    pub name: &'static str,
    /// CloudTrail's `readOnly`.
    pub read_only: bool,
    /// Relative frequency.
    pub weight: u32,
}

const fn call(source: &'static str, name: &'static str, read_only: bool, weight: u32) -> Call {
    Call {
        source,
        name,
        read_only,
        weight,
    }
}

/// Every call a generated trail uses.
pub const CALLS: &[Call] = &[
    call("ec2.amazonaws.com", "DescribeInstances", true, 120),
    call("ec2.amazonaws.com", "RunInstances", false, 12),
    call("ec2.amazonaws.com", "TerminateInstances", false, 6),
    call("ec2.amazonaws.com", "StopInstances", false, 6),
    call("ec2.amazonaws.com", "CreateTags", false, 10),
    call(
        "ec2.amazonaws.com",
        "AuthorizeSecurityGroupIngress",
        false,
        3,
    ),
    call("s3.amazonaws.com", "GetBucketAcl", true, 60),
    call("s3.amazonaws.com", "ListBuckets", true, 30),
    call("s3.amazonaws.com", "PutBucketPolicy", false, 2),
    call("s3.amazonaws.com", "CreateBucket", false, 2),
    call("iam.amazonaws.com", "ListRoles", true, 25),
    call("iam.amazonaws.com", "CreateUser", false, 2),
    call("iam.amazonaws.com", "AttachRolePolicy", false, 3),
    call("iam.amazonaws.com", "CreateAccessKey", false, 2),
    call("sts.amazonaws.com", "AssumeRole", true, 150),
    call("sts.amazonaws.com", "GetCallerIdentity", true, 40),
    call("kms.amazonaws.com", "Decrypt", true, 90),
    call("kms.amazonaws.com", "ScheduleKeyDeletion", false, 1),
    call("lambda.amazonaws.com", "CreateFunction20150331", false, 3),
    call(
        "lambda.amazonaws.com",
        "UpdateFunctionCode20150331v2",
        false,
        5,
    ),
    call("lambda.amazonaws.com", "GetFunction20150331v2", true, 20),
    call("cloudtrail.amazonaws.com", "StopLogging", false, 1),
    call("cloudtrail.amazonaws.com", "LookupEvents", true, 8),
    call("signin.amazonaws.com", "ConsoleLogin", false, 4),
];

/// Error codes failed calls carry, by service.
pub fn error_code(source: &str) -> &'static str {
    match source {
        "ec2.amazonaws.com" => "Client.UnauthorizedOperation",
        "s3.amazonaws.com" => "AccessDenied",
        "iam.amazonaws.com" => "AccessDenied",
        "kms.amazonaws.com" => "AccessDeniedException",
        _ => "AccessDenied",
    }
}

/// Picks a call by weight from a uniform draw in `0..total_weight()`.
pub fn pick(draw: u32) -> &'static Call {
    let mut left = draw;
    for call in CALLS {
        if left < call.weight {
            return call;
        }
        left -= call.weight;
    }
    &CALLS[0]
}

/// The sum of all weights.
pub fn total_weight() -> u32 {
    CALLS.iter().map(|c| c.weight).sum()
}
