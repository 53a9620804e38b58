//! Realistic content for share links: CloudTrail API calls as EventBridge delivers them,
//! pretty-printed the way users paste them from the console. A tiny deterministic generator
//! varies what varies in real trails (ids, times, addresses, principals) so compression is not
//! flattered by duplicates.

use eventpen::share::{SharedInput, Snapshot};
use serde_json::json;
/// SplitMix64: deterministic, dependency-free variety.
pub struct Variety(pub u64);

impl Variety {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
    pub fn hex(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b"0123456789abcdef"[(self.next() % 16) as usize]))
            .collect()
    }
    pub fn uuid(&mut self) -> String {
        format!(
            "{}-{}-4{}-a{}-{}",
            self.hex(8),
            self.hex(4),
            self.hex(3),
            self.hex(3),
            self.hex(12)
        )
    }
    pub fn upper(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[(self.next() % 32) as usize]))
            .collect()
    }
}

/// One EventBridge event carrying a CloudTrail record, as pretty JSON text.
pub fn cloudtrail_event(v: &mut Variety, n: usize) -> String {
    let account = v.pick(&["123456789012", "210987654321", "555566667777"]);
    let region = v.pick(&["us-east-1", "eu-west-1", "ap-southeast-2"]);
    let (source, name) = *[
        ("ec2", "RunInstances"),
        ("ec2", "StopInstances"),
        ("iam", "CreateAccessKey"),
        ("s3", "PutBucketPolicy"),
        ("sts", "AssumeRole"),
        ("lambda", "CreateFunction20150331"),
    ]
    .get((v.next() % 6) as usize)
    .unwrap_or(&("ec2", "RunInstances"));
    let user = v.pick(&["alice", "bob", "deploy-bot", "carol.admin"]);
    let time = format!(
        "2026-11-{:02}T{:02}:{:02}:{:02}Z",
        1 + n % 28,
        v.next() % 24,
        v.next() % 60,
        v.next() % 60
    );
    let ip = format!(
        "{}.{}.{}.{}",
        1 + v.next() % 223,
        v.next() % 256,
        v.next() % 256,
        1 + v.next() % 254
    );
    let instance = format!("i-{}", v.hex(17));
    let event = json!({
        "version": "0",
        "id": v.uuid(),
        "detail-type": "AWS API Call via CloudTrail",
        "source": format!("aws.{source}"),
        "account": account,
        "time": time,
        "region": region,
        "resources": [],
        "detail": {
            "eventVersion": "1.09",
            "userIdentity": {
                "type": "IAMUser",
                "principalId": format!("AIDA{}", v.upper(17)),
                "arn": format!("arn:aws:iam::{account}:user/{user}"),
                "accountId": account,
                "accessKeyId": format!("AKIA{}", v.upper(16)),
                "userName": user,
                "sessionContext": {
                    "attributes": { "creationDate": time, "mfaAuthenticated": "true" }
                }
            },
            "eventTime": time,
            "eventSource": format!("{source}.amazonaws.com"),
            "eventName": name,
            "awsRegion": region,
            "sourceIPAddress": ip,
            "userAgent": v.pick(&[
                "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.amzn.2023 prompt/off command/ec2.run-instances",
                "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.2",
                "console.amazonaws.com",
            ]),
            "requestParameters": {
                "instancesSet": { "items": [{ "imageId": format!("ami-{}", v.hex(17)), "minCount": 1, "maxCount": 1 }] },
                "instanceType": v.pick(&["t3.micro", "m5.large", "p4d.24xlarge"]),
                "blockDeviceMapping": {},
                "monitoring": { "enabled": false },
                "disableApiTermination": false,
                "clientToken": v.uuid()
            },
            "responseElements": {
                "requestId": v.uuid(),
                "reservationId": format!("r-{}", v.hex(17)),
                "ownerId": account,
                "instancesSet": { "items": [{
                    "instanceId": instance,
                    "instanceState": { "code": 0, "name": "pending" },
                    "privateDnsName": format!("ip-10-0-{}-{}.{region}.compute.internal", v.next() % 256, v.next() % 256),
                    "launchTime": 1_700_000_000_000u64 + v.next() % 1_000_000_000
                }] }
            },
            "requestID": v.uuid(),
            "eventID": v.uuid(),
            "readOnly": false,
            "eventType": "AwsApiCall",
            "managementEvent": true,
            "recipientAccountId": account,
            "eventCategory": "Management",
            "tlsDetails": {
                "tlsVersion": "TLSv1.3",
                "cipherSuite": "TLS_AES_128_GCM_SHA256",
                "clientProvidedHostHeader": format!("{source}.{region}.amazonaws.com")
            }
        }
    });
    serde_json::to_string_pretty(&event).unwrap_or_default()
}

/// The default example's pattern: large EC2 instances launched.
pub const RUN_INSTANCES_PATTERN: &str = r#"{
  "source": ["aws.ec2"],
  "detail-type": ["AWS API Call via CloudTrail"],
  "detail": {
    "eventSource": ["ec2.amazonaws.com"],
    "eventName": ["RunInstances"],
    "requestParameters": {
      "instanceType": [{ "prefix": "p4d." }, { "prefix": "x2" }]
    }
  }
}"#;

pub fn playground(events: usize) -> Snapshot {
    let mut v = Variety(7);
    Snapshot {
        pattern: RUN_INSTANCES_PATTERN.to_string(),
        events: (0..events)
            .map(|n| SharedInput {
                name: format!("event {}", n + 1),
                text: cloudtrail_event(&mut v, n),
            })
            .collect(),
        selected: Some(0),
        example: Some("large-instance-launched".into()),
        ..Snapshot::default()
    }
}
