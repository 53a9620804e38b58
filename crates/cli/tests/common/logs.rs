//! Generated CloudTrail logs for CLI tests, laid out as CloudTrail delivers them to S3: gzip
//! files (one of two members), plain `.json` files, broken records among them.

#[allow(dead_code)] // the generator's month-only parts are unused here
#[path = "../../examples/gen_cloudtrail/records.rs"]
mod records;

use flate2::{Compression, write::GzEncoder};
use std::io::Write;
use std::path::PathBuf;

/// A pattern per operator (and `$or`, nested arrays, envelope fields), each matching some of
/// the generated records.
#[rustfmt::skip]
pub const OPERATOR_PATTERNS: &[&str] = &[
        r#"{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"]}}"#,
        r#"{"detail": {"eventName": [{"prefix": "Create"}], "userIdentity": {"type": ["IAMUser", "Root"]}}}"#,
        r#"{"detail": {"eventName": [{"suffix": "Object"}]}}"#,
        r#"{"region": ["eu-west-1"], "detail": {"eventName": [{"equals-ignore-case": "DECRYPT"}]}}"#,
        r#"{"source": [{"anything-but": ["aws.s3", "aws.kms", "aws.sts"]}]}"#,
        r#"{"detail": {"requestParameters": {"instancesSet": {"items": {"maxCount": [{"numeric": [">=", 3]}]}}}}}"#,
        r#"{"detail": {"errorCode": [{"exists": true}], "readOnly": [false]}}"#,
        r#"{"detail": {"sourceIPAddress": [{"cidr": "10.0.0.0/8"}]}}"#,
        r#"{"detail": {"userIdentity": {"arn": [{"wildcard": "arn:aws:sts::*:assumed-role/Admin/*"}]}}}"#,
        r#"{"detail": {"$or": [{"eventName": ["CreateUser"]}, {"requestParameters": {"durationSeconds": [{"numeric": [">", 3600]}]}}]}}"#,
        r#"{"detail": {"requestParameters": {"ipPermissions": {"items": {"fromPort": [{"numeric": [">", 0]}], "ipRanges": {"items": {"cidrIp": [{"exists": true}]}}}}}}}"#,
        r#"{"region": ["ap-southeast-2"], "detail": {"readOnly": [true], "eventSource": [{"anything-but": {"prefix": "s3"}}]}}"#,
        r#"{"detail": {"errorCode": [{"exists": false}], "eventName": [{"prefix": {"equals-ignore-case": "termINATE"}}]}}"#,
        r#"{"detail": {"userAgent": [{"suffix": {"equals-ignore-case": "UBUNTU.22"}}]}}"#,
        r#"{"detail-type": ["AWS Console Sign In via CloudTrail"], "detail": {"responseElements": {"ConsoleLogin": [{"anything-but": {"equals-ignore-case": ["FAILURE"]}}]}}}"#,
        r#"{"account": ["444455556666"], "detail": {"requestParameters": {"x-amz-server-side-encryption": ["aws:kms"]}}}"#,
        r#"{"detail": {"requestParameters": {"durationSeconds": [900, 43200]}, "userIdentity": {"userName": [{"anything-but": {"wildcard": "a*"}}]}}}"#,
        r#"{"detail": {"responseElements": [null], "eventSource": [{"anything-but": {"suffix": "s3.amazonaws.com"}}]}}"#,
        r#"{"detail": {"requestParameters": {"durationSeconds": [{"anything-but": [3600]}]}}}"#,
        r#"{"detail": {"managementEvent": [false], "eventCategory": ["Data"], "readOnly": [false]}}"#,
];

/// Records per generated file (one of six files has two gzip members).
pub const RECORDS_PER_FILE: usize = 200;

/// A folder of generated logs as CloudTrail lays them out: gzip files (one of two members),
/// a plain `.json`, broken records among them. Returns the folder and its files in path order.
pub fn generated_logs(name: &str) -> (PathBuf, Vec<String>) {
    let root =
        std::env::temp_dir().join(format!("eventpen-backtest-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let mut rng = records::Rng::new(17);
    let mut files = Vec::new();
    for (i, (account, region)) in [
        ("111122223333", "us-east-1"),
        ("444455556666", "eu-west-1"),
        ("777788889999", "ap-southeast-2"),
    ]
    .into_iter()
    .enumerate()
    {
        let folder = format!("AWSLogs/{account}/CloudTrail/{region}/2026/11/0{}", i + 1);
        std::fs::create_dir_all(root.join(&folder)).expect("temp folder");
        let day = format!("2026-11-0{}", i + 1);
        let mut members = Vec::new();
        for hour in [3, 17] {
            members.push(records::log_file(
                &mut rng,
                account,
                region,
                &day,
                hour,
                RECORDS_PER_FILE,
                40,
            ));
        }
        let gz = format!("{folder}/{account}_CloudTrail_{region}_a.json.gz");
        let bytes: Vec<u8> = if i == 0 {
            members.iter().flat_map(|m| gzip(m)).collect()
        } else {
            gzip(&members[0])
        };
        std::fs::write(root.join(&gz), bytes).expect("write");
        files.push(gz);
        let plain = format!("{folder}/{account}_CloudTrail_{region}_b.json");
        std::fs::write(root.join(&plain), &members[1]).expect("write");
        files.push(plain);
    }
    files.sort();
    (root, files)
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    let _ = encoder.write_all(text.as_bytes());
    encoder.finish().unwrap_or_default()
}
