//! Realistic CloudTrail records, deterministic from a seed: management reads and writes, data
//! events, service events, console sign-ins, errors, several principals, accounts and regions.
//! Shared by the month generator (`cargo run --example gen_cloudtrail`) and the CLI tests, which
//! include this file by path.

/// SplitMix64: a tiny seeded generator; the same seed gives the same logs on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A random UUID-shaped string (request and event ids).
    pub fn uuid(&mut self) -> String {
        let a = self.next();
        let b = self.next();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            (b >> 48) | 0x8000,
            b & 0xffff_ffff_ffff
        )
    }

    /// `n` hex digits.
    pub fn hex(&mut self, n: usize) -> String {
        let mut out = String::new();
        while out.len() < n {
            out.push_str(&format!("{:016x}", self.next()));
        }
        out.truncate(n);
        out
    }
}

/// Accounts a generated organisation has.
pub const ACCOUNTS: &[&str] = &["111122223333", "444455556666", "777788889999"];
/// Regions it uses.
pub const REGIONS: &[&str] = &["us-east-1", "eu-west-1", "ap-southeast-2"];

/// Who calls: (userIdentity JSON without accountId, user agent).
fn identity(rng: &mut Rng, account: &str) -> (String, String, &'static str) {
    let cli = "aws-cli/2.15.40 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22";
    match rng.below(10) {
        0..=2 => {
            let user = rng.pick(&["alice", "bob", "carol"]);
            let arn = format!("arn:aws:iam::{account}:user/{user}");
            let id = format!(
                r#"{{"type":"IAMUser","principalId":"AIDA{}","arn":"{arn}","accountId":"{account}","accessKeyId":"AKIA{}","userName":"{user}"}}"#,
                rng.hex(16).to_uppercase(),
                rng.hex(16).to_uppercase()
            );
            (id, arn, cli)
        }
        3..=7 => {
            let (role, session) = *rng.pick(&[
                ("Admin", "alice"),
                ("ci-deploy", "github-actions"),
                ("Developer", "bob"),
                ("ReadOnly", "auditor"),
            ]);
            let arn = format!("arn:aws:sts::{account}:assumed-role/{role}/{session}");
            let role_id = format!("AROA{}", rng.hex(16).to_uppercase());
            let id = format!(
                r#"{{"type":"AssumedRole","principalId":"{role_id}:{session}","arn":"{arn}","accountId":"{account}","accessKeyId":"ASIA{}","sessionContext":{{"sessionIssuer":{{"type":"Role","principalId":"{role_id}","arn":"arn:aws:iam::{account}:role/{role}","accountId":"{account}","userName":"{role}"}},"attributes":{{"creationDate":"2026-11-01T00:00:00Z","mfaAuthenticated":"{}"}}}}}}"#,
                rng.hex(16).to_uppercase(),
                rng.below(2) == 0
            );
            (
                id,
                arn,
                "Boto3/1.34.90 md/Botocore#1.34.90 ua/2.0 os/linux#6.5.0 lang/python#3.11.8",
            )
        }
        8 => {
            let arn = format!("arn:aws:iam::{account}:root");
            let id = format!(
                r#"{{"type":"Root","principalId":"{account}","arn":"{arn}","accountId":"{account}","accessKeyId":"ASIA{}"}}"#,
                rng.hex(16).to_uppercase()
            );
            (
                id,
                arn,
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
            )
        }
        _ => {
            let service = *rng.pick(&["lambda.amazonaws.com", "autoscaling.amazonaws.com"]);
            let id = format!(r#"{{"type":"AWSService","invokedBy":"{service}"}}"#);
            (id, service.to_string(), service)
        }
    }
}

/// One API call's specifics: (eventSource, eventName, readOnly, data event, request, response).
struct Call {
    source: &'static str,
    name: &'static str,
    read_only: bool,
    data: bool,
    request: String,
    response: String,
}

fn call(rng: &mut Rng, account: &str, region: &str) -> Call {
    let instance = format!("i-0{}", rng.hex(16));
    let bucket = *rng.pick(&["payments-prod-data", "analytics-raw", "cloudtrail-archive"]);
    let key = format!("reports/2026/{}.parquet", rng.hex(12));
    let (source, name, read_only, data, request, response) = match rng.below(100) {
        0..=19 => (
            "ec2.amazonaws.com",
            "DescribeInstances",
            true,
            false,
            format!(
                r#"{{"instancesSet":{{"items":[{{"instanceId":"{instance}"}}]}},"filterSet":{{}}}}"#
            ),
            "null".to_string(),
        ),
        20..=22 => {
            let kind = *rng.pick(&["t3.micro", "m5.large", "p4d.24xlarge", "c7g.xlarge"]);
            let count = 1 + rng.below(4);
            (
                "ec2.amazonaws.com",
                "RunInstances",
                false,
                false,
                format!(
                    r#"{{"instancesSet":{{"items":[{{"imageId":"ami-0{}","minCount":1,"maxCount":{count}}}]}},"instanceType":"{kind}","monitoring":{{"enabled":false}},"disableApiTermination":false,"tagSpecificationSet":{{"items":[{{"resourceType":"instance","tags":[{{"key":"team","value":"{}"}}]}}]}}}}"#,
                    rng.hex(16),
                    rng.pick(&["payments", "data", "web"])
                ),
                format!(
                    r#"{{"requestId":"{}","reservationId":"r-0{}","ownerId":"{account}","instancesSet":{{"items":[{{"instanceId":"{instance}","instanceType":"{kind}","instanceState":{{"code":0,"name":"pending"}},"privateIpAddress":"10.0.{}.{}"}}]}}}}"#,
                    rng.uuid(),
                    rng.hex(16),
                    rng.below(256),
                    rng.below(256)
                ),
            )
        }
        23..=24 => (
            "ec2.amazonaws.com",
            "TerminateInstances",
            false,
            false,
            format!(r#"{{"instancesSet":{{"items":[{{"instanceId":"{instance}"}}]}}}}"#),
            format!(
                r#"{{"requestId":"{}","instancesSet":{{"items":[{{"instanceId":"{instance}","currentState":{{"code":32,"name":"shutting-down"}},"previousState":{{"code":16,"name":"running"}}}}]}}}}"#,
                rng.uuid()
            ),
        ),
        25 => {
            let cidr = *rng.pick(&[
                "0.0.0.0/0",
                "10.0.0.0/8",
                "203.0.113.0/24",
                "192.168.1.7/32",
            ]);
            let port = *rng.pick(&[22, 443, 3389, 5432]);
            (
                "ec2.amazonaws.com",
                "AuthorizeSecurityGroupIngress",
                false,
                false,
                format!(
                    r#"{{"groupId":"sg-0{}","ipPermissions":{{"items":[{{"ipProtocol":"tcp","fromPort":{port},"toPort":{port},"ipRanges":{{"items":[{{"cidrIp":"{cidr}"}}]}}}}]}}}}"#,
                    rng.hex(16)
                ),
                format!(r#"{{"requestId":"{}","_return":true}}"#, rng.uuid()),
            )
        }
        26..=50 => (
            "s3.amazonaws.com",
            "GetObject",
            true,
            true,
            format!(
                r#"{{"bucketName":"{bucket}","Host":"{bucket}.s3.{region}.amazonaws.com","key":"{key}"}}"#
            ),
            "null".to_string(),
        ),
        51..=60 => (
            "s3.amazonaws.com",
            "PutObject",
            false,
            true,
            format!(
                r#"{{"bucketName":"{bucket}","Host":"{bucket}.s3.{region}.amazonaws.com","key":"{key}","x-amz-server-side-encryption":"aws:kms"}}"#
            ),
            format!(
                r#"{{"x-amz-server-side-encryption":"aws:kms","x-amz-version-id":"{}"}}"#,
                rng.hex(32)
            ),
        ),
        61..=75 => (
            "sts.amazonaws.com",
            "AssumeRole",
            true,
            false,
            format!(
                r#"{{"roleArn":"arn:aws:iam::{account}:role/{}","roleSessionName":"{}","durationSeconds":{}}}"#,
                rng.pick(&["Admin", "ci-deploy", "Developer"]),
                rng.hex(8),
                rng.pick(&[900, 3600, 43200])
            ),
            format!(
                r#"{{"credentials":{{"accessKeyId":"ASIA{}","sessionToken":"{}","expiration":"Nov 1, 2026, 1:00:00 PM"}},"assumedRoleUser":{{"assumedRoleId":"AROA{}:s","arn":"arn:aws:sts::{account}:assumed-role/x/s"}}}}"#,
                rng.hex(16).to_uppercase(),
                rng.hex(64),
                rng.hex(16).to_uppercase()
            ),
        ),
        76..=90 => (
            "kms.amazonaws.com",
            "Decrypt",
            true,
            false,
            format!(
                r#"{{"encryptionAlgorithm":"SYMMETRIC_DEFAULT","encryptionContext":{{"aws:lambda:FunctionArn":"arn:aws:lambda:{region}:{account}:function:billing"}}}}"#
            ),
            "null".to_string(),
        ),
        91..=95 => (
            "lambda.amazonaws.com",
            "Invoke",
            false,
            true,
            format!(
                r#"{{"functionName":"arn:aws:lambda:{region}:{account}:function:{}","invocationType":"RequestResponse"}}"#,
                rng.pick(&["billing", "thumbnails", "etl"])
            ),
            "null".to_string(),
        ),
        96 => (
            "iam.amazonaws.com",
            "CreateUser",
            false,
            false,
            format!(r#"{{"userName":"svc-{}"}}"#, rng.hex(6)),
            format!(
                r#"{{"user":{{"path":"/","userName":"svc-x","userId":"AIDA{}","arn":"arn:aws:iam::{account}:user/svc-x","createDate":"Nov 1, 2026, 12:00:00 PM"}}}}"#,
                rng.hex(16).to_uppercase()
            ),
        ),
        97 => (
            "iam.amazonaws.com",
            "CreateAccessKey",
            false,
            false,
            format!(
                r#"{{"userName":"{}"}}"#,
                rng.pick(&["alice", "bob", "svc-build"])
            ),
            format!(
                r#"{{"accessKey":{{"accessKeyId":"AKIA{}","status":"Active","userName":"alice","createDate":"Nov 1, 2026, 12:00:00 PM"}}}}"#,
                rng.hex(16).to_uppercase()
            ),
        ),
        98 => (
            "monitoring.amazonaws.com",
            "PutMetricAlarm",
            false,
            false,
            format!(
                r#"{{"alarmName":"cpu-high-{}","threshold":{}.5,"evaluationPeriods":{},"comparisonOperator":"GreaterThanThreshold"}}"#,
                rng.hex(4),
                rng.below(100),
                1 + rng.below(5)
            ),
            "null".to_string(),
        ),
        _ => (
            "signin.amazonaws.com",
            "ConsoleLogin",
            false,
            false,
            "null".to_string(),
            format!(
                r#"{{"ConsoleLogin":"{}"}}"#,
                if rng.below(4) == 0 {
                    "Failure"
                } else {
                    "Success"
                }
            ),
        ),
    };
    Call {
        source,
        name,
        read_only,
        data,
        request,
        response,
    }
}

/// One record at `time` (`2026-11-03T14:05:09Z`).
pub fn record(rng: &mut Rng, account: &str, region: &str, time: &str) -> String {
    let (identity, _arn, agent) = identity(rng, account);
    let call = call(rng, account, region);
    let global = matches!(call.source, "iam.amazonaws.com" | "signin.amazonaws.com");
    let region = if global { "us-east-1" } else { region };
    let event_type = if call.name == "ConsoleLogin" {
        "AwsConsoleSignIn"
    } else {
        "AwsApiCall"
    };
    let category = if call.data { "Data" } else { "Management" };
    let error = if rng.below(20) == 0 && call.name != "ConsoleLogin" {
        let code = *rng.pick(&[
            "AccessDenied",
            "Client.UnauthorizedOperation",
            "ThrottlingException",
        ]);
        format!(
            r#","errorCode":"{code}","errorMessage":"User is not authorized to perform this operation""#
        )
    } else {
        String::new()
    };
    let response = if error.is_empty() {
        call.response.as_str()
    } else {
        "null"
    };
    format!(
        r#"{{"eventVersion":"1.09","userIdentity":{identity},"eventTime":"{time}","eventSource":"{}","eventName":"{}","awsRegion":"{region}","sourceIPAddress":"{}.{}.{}.{}","userAgent":"{agent}"{error},"requestParameters":{},"responseElements":{response},"requestID":"{}","eventID":"{}","readOnly":{},"eventType":"{event_type}","managementEvent":{},"recipientAccountId":"{account}","eventCategory":"{category}","tlsDetails":{{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"{}.{region}.amazonaws.com"}}}}"#,
        call.source,
        call.name,
        rng.pick(&[198, 203, 192, 10]),
        rng.below(256),
        rng.below(256),
        rng.below(256),
        call.request,
        rng.uuid(),
        rng.uuid(),
        call.read_only,
        !call.data,
        call.source.trim_end_matches(".amazonaws.com"),
    )
}

/// A record CloudTrail would never write (no `awsRegion`): backtests must list it as unreadable.
pub fn broken_record(rng: &mut Rng, account: &str, time: &str) -> String {
    format!(
        r#"{{"eventVersion":"1.09","eventTime":"{time}","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","eventID":"{}","eventType":"AwsApiCall","recipientAccountId":"{account}"}}"#,
        rng.uuid()
    )
}

/// The text of one log file: `count` records, sorted by time within `hour` of `day`
/// (`2026-11-03`); every `broken_every`-th record (counting from the seed's stream) is broken.
pub fn log_file(
    rng: &mut Rng,
    account: &str,
    region: &str,
    day: &str,
    hour: u32,
    count: usize,
    broken_every: u64,
) -> String {
    let mut seconds: Vec<u64> = (0..count).map(|_| rng.below(3600)).collect();
    seconds.sort_unstable();
    let mut out = String::with_capacity(count * 1400 + 16);
    out.push_str("{\"Records\":[");
    for (i, second) in seconds.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let time = format!("{day}T{hour:02}:{:02}:{:02}Z", second / 60, second % 60);
        if broken_every > 0 && rng.below(broken_every) == 0 {
            out.push_str(&broken_record(rng, account, &time));
        } else {
            out.push_str(&record(rng, account, region, &time));
        }
    }
    out.push_str("]}");
    out
}
