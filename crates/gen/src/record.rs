//! One generated CloudTrail record.
use crate::calls::{self, Call};
use fastrand::Rng;
use serde_json::{Value, json};

const ACCOUNTS: [&str; 3] = ["111122223333", "444455556666", "777788889999"];
const REGIONS: [&str; 4] = ["us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"];
const ROLES: [&str; 4] = ["Admin", "Developer", "ReadOnly", "ci-deploy"];
const INSTANCE_TYPES: [&str; 4] = ["t3.micro", "t3.micro", "m5.large", "c6i.xlarge"];
const AGENTS: [&str; 4] = [
    "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.61 exe/x86_64.amzn.2023 prompt/off command/ec2.run-instances",
    "Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#5.10.205 md/arch#x86_64 lang/python#3.12.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64 api/sts#1.26.6",
];

/// Record `index` of the trail `seed`, at `second_of_day` seconds after 2024-05-01T00:00:00Z.
pub fn record(seed: u64, index: u64, second_of_day: u64) -> Value {
    let mut rng = Rng::with_seed(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index);
    let call = calls::pick(rng.u32(0..calls::total_weight()));
    let principal = principal_index(&mut rng);
    let account = ACCOUNTS[principal % ACCOUNTS.len()];
    let region = if call.source == "iam.amazonaws.com" || call.source == "signin.amazonaws.com" {
        "us-east-1"
    } else {
        REGIONS[rng.usize(0..REGIONS.len())]
    };
    let failed = rng.u32(0..100) < 4;
    let mut record = json!({
        "eventVersion": "1.09",
        "userIdentity": identity(&mut rng, principal, account),
        "eventTime": time_of_day(second_of_day),
        "eventSource": call.source,
        "eventName": call.name,
        "awsRegion": region,
        "sourceIPAddress": source_ip(&mut rng, principal),
        "userAgent": AGENTS[principal % AGENTS.len()],
        "requestParameters": request_parameters(&mut rng, call, region),
        "responseElements": Value::Null,
        "requestID": uuid(&mut rng),
        "eventID": uuid(&mut rng),
        "readOnly": call.read_only,
        "eventType": if call.name == "ConsoleLogin" { "AwsConsoleSignIn" } else { "AwsApiCall" },
        "managementEvent": true,
        "recipientAccountId": account,
        "eventCategory": "Management",
        "tlsDetails": {
            "tlsVersion": "TLSv1.3",
            "cipherSuite": "TLS_AES_128_GCM_SHA256",
            "clientProvidedHostHeader": format!("{}.{region}.amazonaws.com", call.source.trim_end_matches(".amazonaws.com")),
        },
    });
    if failed {
        record["errorCode"] = json!(calls::error_code(call.source));
        record["errorMessage"] =
            json!("You are not authorized to perform this operation. User is not authorized.");
    } else if !call.read_only {
        record["responseElements"] = json!({ "requestId": uuid(&mut rng) });
    }
    record
}

/// A principal, skewed: a few automation roles make most calls.
fn principal_index(rng: &mut Rng) -> usize {
    let draw = rng.f64();
    (draw * draw * draw * 60.0) as usize
}

fn identity(rng: &mut Rng, principal: usize, account: &str) -> Value {
    let role = ROLES[principal % ROLES.len()];
    let session = format!("user{principal}");
    json!({
        "type": "AssumedRole",
        "principalId": format!("AROAEXAMPLEROLE{principal:05}:{session}"),
        "arn": format!("arn:aws:sts::{account}:assumed-role/{role}/{session}"),
        "accountId": account,
        "accessKeyId": format!("ASIA{:016X}", rng.u64(..)),
        "sessionContext": {
            "sessionIssuer": {
                "type": "Role",
                "principalId": format!("AROAEXAMPLEROLE{principal:05}"),
                "arn": format!("arn:aws:iam::{account}:role/{role}"),
                "accountId": account,
                "userName": role,
            },
            "attributes": { "creationDate": "2024-05-01T00:00:00Z", "mfaAuthenticated": "false" },
        },
    })
}

fn request_parameters(rng: &mut Rng, call: &Call, region: &str) -> Value {
    match call.name {
        "RunInstances" => json!({
            "instancesSet": { "items": [{
                "imageId": "ami-0abcdef1234567890",
                "minCount": 1,
                "maxCount": rng.u32(1..4),
            }]},
            "instanceType": INSTANCE_TYPES[rng.usize(0..INSTANCE_TYPES.len())],
            "subnetId": format!("subnet-{:017x}", rng.u64(..) >> 4),
        }),
        "DescribeInstances" | "TerminateInstances" | "StopInstances" | "CreateTags" => json!({
            "instancesSet": { "items": [{ "instanceId": format!("i-{:017x}", rng.u64(..) >> 4) }] },
        }),
        "AuthorizeSecurityGroupIngress" => json!({
            "groupId": format!("sg-{:017x}", rng.u64(..) >> 4),
            "ipPermissions": { "items": [{ "ipProtocol": "tcp", "fromPort": 22, "toPort": 22,
                "ipRanges": { "items": [{ "cidrIp": "0.0.0.0/0" }] } }] },
        }),
        "GetBucketAcl" | "PutBucketPolicy" | "CreateBucket" => json!({
            "bucketName": format!("example-bucket-{}", rng.u32(0..40)),
            "Host": format!("example-bucket.s3.{region}.amazonaws.com"),
        }),
        "CreateUser" | "CreateAccessKey" => {
            json!({ "userName": format!("user{}", rng.u32(0..500)) })
        }
        "AttachRolePolicy" => json!({
            "roleName": ROLES[rng.usize(0..ROLES.len())],
            "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess",
        }),
        "AssumeRole" => json!({
            "roleArn": format!("arn:aws:iam::{}:role/{}", ACCOUNTS[rng.usize(0..3)], ROLES[rng.usize(0..4)]),
            "roleSessionName": format!("session-{}", rng.u32(0..10_000)),
            "durationSeconds": 3600,
        }),
        "Decrypt" | "ScheduleKeyDeletion" => json!({
            "encryptionAlgorithm": "SYMMETRIC_DEFAULT",
            "keyId": format!("arn:aws:kms:{region}:111122223333:key/{}", uuid(rng)),
        }),
        "CreateFunction20150331" | "UpdateFunctionCode20150331v2" | "GetFunction20150331v2" => {
            json!({ "functionName": format!("handler-{}", rng.u32(0..30)), "runtime": "python3.12" })
        }
        "StopLogging" | "LookupEvents" => {
            json!({ "name": "arn:aws:cloudtrail:us-east-1:111122223333:trail/management" })
        }
        _ => Value::Null,
    }
}

fn source_ip(rng: &mut Rng, principal: usize) -> String {
    match principal % 5 {
        0 => "AWS Internal".to_string(),
        1 => "ec2.amazonaws.com".to_string(),
        _ => format!("198.51.{}.{}", principal % 8, rng.u8(1..255)),
    }
}

fn uuid(rng: &mut Rng) -> String {
    let (a, b) = (rng.u64(..), rng.u64(..));
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | (b >> 48) & 0x3fff,
        b & 0xffff_ffff_ffff
    )
}

fn time_of_day(second: u64) -> String {
    let second = second % 86_400;
    format!(
        "2024-05-01T{:02}:{:02}:{:02}Z",
        second / 3600,
        second / 60 % 60,
        second % 60
    )
}
