//! Redaction tables: each kind of value, consistency across events and the pattern, safe values
//! left alone, layouts kept, and idempotence.

#[path = "redact/gallery.rs"]
mod gallery;
#[cfg(not(target_arch = "wasm32"))]
#[path = "redact/generated.rs"]
mod generated;

use eventpen_playground::NamedText;
use eventpen_playground::redact::{Change, Redaction, redact};

fn inputs(texts: &[&str]) -> Vec<NamedText> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| NamedText {
            name: format!("event {}", i + 1),
            text: (*t).to_string(),
        })
        .collect()
}

fn redact_one(text: &str) -> String {
    redact(&inputs(&[text]), "").events[0].text.clone()
}

#[test]
fn each_kind_gets_a_placeholder_of_its_kind() {
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        (r#"{"account":"123456789012"}"#, r#"{"account":"111111111111"}"#),
        (r#"{"recipientAccountId":"123456789012"}"#, r#"{"recipientAccountId":"111111111111"}"#),
        (r#"{"ownerId":"123456789012"}"#, r#"{"ownerId":"111111111111"}"#),
        (r#"{"arn":"arn:aws:iam::123456789012:user/alice"}"#, r#"{"arn":"arn:aws:iam::111111111111:user/user1"}"#),
        (r#"{"arn":"arn:aws:iam::123456789012:user/division/alice"}"#, r#"{"arn":"arn:aws:iam::111111111111:user/division/user1"}"#),
        (r#"{"arn":"arn:aws:sts::123456789012:assumed-role/Admin/alice"}"#, r#"{"arn":"arn:aws:sts::111111111111:assumed-role/role1/session1"}"#),
        (r#"{"arn":"arn:aws:iam::123456789012:role/service-role/Deployer"}"#, r#"{"arn":"arn:aws:iam::111111111111:role/service-role/role1"}"#),
        (r#"{"t":"arn:aws:sns:us-east-1:123456789012:alerts"}"#, r#"{"t":"arn:aws:sns:us-east-1:111111111111:alerts"}"#),
        (r#"{"sourceIPAddress":"203.45.67.89"}"#, r#"{"sourceIPAddress":"192.0.2.1"}"#),
        (r#"{"sourceIPAddress":"10.0.12.7"}"#, r#"{"sourceIPAddress":"192.0.2.1"}"#),
        (r#"{"sourceIPAddress":"2a01:4f8:c17:1::42"}"#, r#"{"sourceIPAddress":"2001:db8::1"}"#),
        (r#"{"accessKeyId":"AKIAZ3MHAL5XQ2N4BVCD"}"#, r#"{"accessKeyId":"AKIA000000001EXAMPLE"}"#),
        (r#"{"accessKeyId":"ASIAZ3MHAL5XQ2N4BVCD"}"#, r#"{"accessKeyId":"ASIA000000001EXAMPLE"}"#),
        (r#"{"principalId":"AIDAZ3MHAL5XQ2N4BVCDE"}"#, r#"{"principalId":"AIDA0000000001EXAMPLE"}"#),
        (r#"{"note":"mail bob.smith+aws@corp.io now"}"#, r#"{"note":"mail user1@example.com now"}"#),
        (r#"{"eventID":"4a3f1e2b-9c8d-4e7f-a6b5-c4d3e2f1a0b9"}"#, r#"{"eventID":"00000000-0000-4000-8000-000000000001"}"#),
        (r#"{"requestID":"X5ZW8M0PAZ1Q7R9T"}"#, r#"{"requestID":"EXAMPLE000000001"}"#),
        (r#"{"sharedEventID":"4a3f1e2b-9c8d-4e7f-a6b5-c4d3e2f1a0b9"}"#, r#"{"sharedEventID":"00000000-0000-4000-8000-000000000001"}"#),
        (r#"{"id":"7bf73129-1428-4cd3-a780-95db273d1602"}"#, r#"{"id":"00000000-0000-4000-8000-000000000001"}"#),
        (r#"{"userIdentity":{"userName":"alice"}}"#, r#"{"userIdentity":{"userName":"user1"}}"#),
        (r#"{"sessionIssuer":{"userName":"Admin"}}"#, r#"{"sessionIssuer":{"userName":"role1"}}"#),
        (r#"{"requestParameters":{"roleSessionName":"alice-cli"}}"#, r#"{"requestParameters":{"roleSessionName":"session1"}}"#),
        (r#"{"privateDnsName":"ip-10-0-1-23.eu-west-1.compute.internal","ip":"10.0.1.23"}"#, r#"{"privateDnsName":"ip-192-0-2-1.eu-west-1.compute.internal","ip":"192.0.2.1"}"#),
        (r#"{"credentials":{"sessionToken":"IQoJb3JpZ2luX2VjEXAMPLE","expiration":"Nov 24, 2026"}}"#, r#"{"credentials":{"sessionToken":"REDACTED1","expiration":"Nov 24, 2026"}}"#),
        (r#"{"userName":"1","eventVersion":"1.09","v":"2a01:4f8::4210.1.2.3"}"#, r#"{"userName":"user1","eventVersion":"1.09","v":"2a01:4f8::4210.1.2.3"}"#),
        (r#"{"sessionContext":{"sourceIdentity":"alice"}}"#, r#"{"sessionContext":{"sourceIdentity":"session1"}}"#),
        ("user 123456789012 from 10.1.2.3 used AKIAZ3MHAL5XQ2N4BVCD", "user 111111111111 from 192.0.2.1 used AKIA000000001EXAMPLE"),
    ];
    for (input, expected) in cases {
        assert_eq!(redact_one(input), *expected, "input {input}");
    }
}

#[test]
fn safe_values_are_left_alone() {
    let untouched: &[&str] = &[
        r#"{"cidrIp":"0.0.0.0/0","ipv6":"::/0","local":"127.0.0.1","meta":"169.254.169.254"}"#,
        r#"{"sourceIPAddress":"192.0.2.10","v6":"2001:db8::7","account":"111111111111"}"#,
        r#"{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","email":"someone@example.com"}"#,
        r#"{"policyArn":"arn:aws:iam::aws:policy/AdministratorAccess","arn":"arn:aws:s3:::my-bucket/key"}"#,
        r#"{"eventVersion":"1.09","userAgent":"aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0","time":"2026-11-24T13:00:14Z"}"#,
        r#"{"instance":{"id":"i-0abc123def4567890"},"launchTime":1700000000000,"n":123456789012,"other":"123456789012"}"#,
        r#"{"sourceIPAddress":"ec2.amazonaws.com","type":"IAMUser","mac":"00:1a:2b:3c:4d:5e"}"#,
        r#"{"userIdentity":{"userName":"HIDDEN_DUE_TO_SECURITY_REASONS"},"principalId":"ANONYMOUS_PRINCIPAL"}"#,
        "not json at all, and nothing sensitive: 1.2.3 or 12:30:00",
        "",
    ];
    for text in untouched {
        let r = redact(&inputs(&[text]), "");
        assert_eq!(r.events[0].text, *text);
        assert!(r.changes.is_empty(), "{text}: {:?}", r.changes);
    }
}

#[test]
fn the_same_value_maps_to_the_same_placeholder_everywhere() {
    let events = inputs(&[
        r#"{"account":"123456789012","detail":{"sourceIPAddress":"203.0.10.1","userIdentity":{"arn":"arn:aws:iam::123456789012:user/alice"}}}"#,
        r#"{"account":"210987654321","detail":{"sourceIPAddress":"203.0.10.1","errorMessage":"User: alice is not authorized in 123456789012"}}"#,
        r#"{"account":"123456789012","detail":{"sourceIPAddress":"198.7.7.7","bucket":"cdk-assets-123456789012-us-east-1","keyName":"alice-laptop","owner":"malice"}}"#,
    ]);
    let r = redact(&events, "");
    assert_eq!(
        r.events[0].text,
        r#"{"account":"111111111111","detail":{"sourceIPAddress":"192.0.2.1","userIdentity":{"arn":"arn:aws:iam::111111111111:user/user1"}}}"#
    );
    assert_eq!(
        r.events[1].text,
        r#"{"account":"222222222222","detail":{"sourceIPAddress":"192.0.2.1","errorMessage":"User: user1 is not authorized in 111111111111"}}"#
    );
    assert_eq!(
        r.events[2].text,
        r#"{"account":"111111111111","detail":{"sourceIPAddress":"192.0.2.2","bucket":"cdk-assets-111111111111-us-east-1","keyName":"user1-laptop","owner":"malice"}}"#
    );
    let summary: Vec<(&str, &str, &str, usize)> = r
        .changes
        .iter()
        .map(|c| (c.kind, c.original.as_str(), c.replacement.as_str(), c.count))
        .collect();
    assert_eq!(
        summary,
        [
            ("account", "123456789012", "111111111111", 5),
            ("ip", "203.0.10.1", "192.0.2.1", 2),
            ("user", "alice", "user1", 3),
            ("account", "210987654321", "222222222222", 1),
            ("ip", "198.7.7.7", "192.0.2.2", 1),
        ]
    );
}

#[test]
fn pattern_and_events_are_redacted_alike() {
    let events = inputs(&[
        r#"{"account":"123456789012","detail":{"userIdentity":{"userName":"alice","arn":"arn:aws:iam::123456789012:user/alice"},"sourceIPAddress":"203.0.10.1"}}"#,
    ]);
    let pattern = r#"{"account":["123456789012"],"detail":{"userIdentity":{"userName":[{"anything-but":"alice"}],"arn":[{"prefix":"arn:aws:iam::123456789012:user/"}]},"sourceIPAddress":[{"cidr":"203.0.10.1/32"}]}}"#;
    let r = redact(&events, pattern);
    assert_eq!(
        r.pattern,
        r#"{"account":["111111111111"],"detail":{"userIdentity":{"userName":[{"anything-but":"user1"}],"arn":[{"prefix":"arn:aws:iam::111111111111:user/"}]},"sourceIPAddress":[{"cidr":"192.0.2.1/32"}]}}"#
    );
    assert!(r.events[0].text.contains(r#""userName":"user1""#));
}

#[test]
fn existing_placeholders_are_not_reused_for_other_values() {
    let r = redact(
        &inputs(&[
            r#"{"a":"123456789012","b":{"account":"111111111111"},"account":"123456789012","ip":"10.0.0.1","doc":"192.0.2.1"}"#,
        ]),
        "",
    );
    assert_eq!(
        r.events[0].text,
        r#"{"a":"222222222222","b":{"account":"111111111111"},"account":"222222222222","ip":"192.0.2.2","doc":"192.0.2.1"}"#
    );
}

#[test]
fn layouts_are_kept() {
    let pretty = "{\n    \"account\": \"123456789012\"\n}\n";
    assert_eq!(
        redact_one(pretty),
        "{\n  \"account\": \"111111111111\"\n}\n"
    );
    let lines = "{\"account\":\"123456789012\"}\n{\"account\":\"210987654321\"}\n";
    assert_eq!(
        redact_one(lines),
        "{\"account\":\"111111111111\"}\n{\"account\":\"222222222222\"}\n"
    );
    let nothing = "{ \"source\" :   \"aws.ec2\" }";
    assert_eq!(redact_one(nothing), nothing);
    let broken = "{\"account\": \"123456789012\", oops";
    assert_eq!(redact_one(broken), "{\"account\": \"111111111111\", oops");
}

fn realistic() -> Vec<NamedText> {
    inputs(&[
        r#"{
  "version": "0",
  "id": "7bf73129-1428-4cd3-a780-95db273d1602",
  "detail-type": "AWS API Call via CloudTrail",
  "source": "aws.sts",
  "account": "123456789012",
  "region": "us-east-1",
  "detail": {
    "userIdentity": {
      "type": "AssumedRole",
      "principalId": "AROAZ3MHAL5XQ2N4BVCDE:alice@corp.io",
      "arn": "arn:aws:sts::123456789012:assumed-role/Admin/alice@corp.io",
      "accountId": "123456789012",
      "accessKeyId": "ASIAZ3MHAL5XQ2N4BVCD",
      "sessionContext": { "sessionIssuer": { "type": "Role", "arn": "arn:aws:iam::123456789012:role/Admin", "userName": "Admin" } }
    },
    "sourceIPAddress": "2a01:4f8:c17:1::42",
    "requestParameters": { "roleArn": "arn:aws:iam::210987654321:role/Deployer", "roleSessionName": "deploy-7" },
    "requestID": "X5ZW8M0PAZ1Q7R9T",
    "eventID": "4a3f1e2b-9c8d-4e7f-a6b5-c4d3e2f1a0b9",
    "resources": [{ "ARN": "arn:aws:iam::210987654321:role/Deployer", "accountId": "210987654321", "type": "AWS::IAM::Role" }]
  }
}"#,
        "{\"account\":\"123456789012\",\"detail\":{\"sourceIPAddress\":\"10.1.2.3\"}}\n{\"account\":\"123456789012\",\"detail\":{\"sourceIPAddress\":\"10.1.2.4\"}}",
        "raw: Admin assumed by alice@corp.io from 10.1.2.3 in 123456789012",
    ])
}

#[test]
fn redacting_twice_changes_nothing_more() {
    let pattern = r#"{"account":["123456789012"],"detail":{"userIdentity":{"arn":[{"prefix":"arn:aws:sts::123456789012:assumed-role/Admin/"}]}}}"#;
    let once: Redaction = redact(&realistic(), pattern);
    let twice = redact(&once.events, &once.pattern);
    assert_eq!(twice.events, once.events);
    assert_eq!(twice.pattern, once.pattern);
    assert_eq!(twice.changes, Vec::<Change>::new());
}

#[test]
fn the_realistic_event_keeps_no_secret_and_every_placeholder_is_valid() {
    let r = redact(&realistic(), "");
    let all: String = r.events.iter().map(|e| e.text.as_str()).collect();
    for secret in [
        "123456789012",
        "210987654321",
        "alice",
        "corp.io",
        "Z3MHAL5XQ2N4",
        "2a01:4f8",
        "10.1.2",
        "X5ZW8M0",
        "4a3f1e2b",
        "7bf73129",
        "Deployer",
        "deploy-7",
    ] {
        assert!(!all.contains(secret), "{secret} leaked:\n{all}");
    }
    for change in &r.changes {
        let replacement = change.replacement.as_str();
        let valid = match change.kind {
            "account" => replacement.len() == 12 && replacement.bytes().all(|b| b.is_ascii_digit()),
            "ip" => replacement.parse::<std::net::IpAddr>().is_ok(),
            "access-key" | "principal-id" => {
                replacement.len() == change.original.len()
                    && replacement
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            }
            "email" => replacement.ends_with("@example.com"),
            "id" => replacement.len() == change.original.len(),
            "user" | "role" | "session" | "secret" => !replacement.is_empty(),
            other => panic!("unexpected kind {other}"),
        };
        assert!(valid, "{change:?}");
    }
    assert!(
        r.events[0]
            .text
            .contains(r#""principalId": "AROA0000000001EXAMPLE:user1@example.com""#),
        "{}",
        r.events[0].text
    );
}

#[test]
fn names_keep_what_the_pattern_spells_out() {
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{"arn":"arn:aws:sts::123456789012:assumed-role/BreakGlassAdmin/ivan"}"#,
            r#"{"arn":[{"wildcard":"arn:aws:sts::*:assumed-role/BreakGlass*"}]}"#,
            r#"{"arn":"arn:aws:sts::111111111111:assumed-role/BreakGlassrole1/session1"}"#,
        ),
        (
            r#"{"arn":"arn:aws:sts::111111111111:assumed-role/S3AclRemediation/fn-1"}"#,
            r#"{"arn":[{"anything-but":{"prefix":"arn:aws:sts::111111111111:assumed-role/S3AclRemediation/"}}]}"#,
            r#"{"arn":"arn:aws:sts::111111111111:assumed-role/S3AclRemediation/session1"}"#,
        ),
        (
            r#"{"userName":"svc-deploy"}"#,
            r#"{"userName":[{"prefix":"svc-"}]}"#,
            r#"{"userName":"svc-user1"}"#,
        ),
        (
            r#"{"userName":"deploy-bot"}"#,
            r#"{"userName":[{"suffix":"-bot"}]}"#,
            r#"{"userName":"user1-bot"}"#,
        ),
        (
            r#"{"userName":"alice"}"#,
            r#"{"userName":[{"anything-but":{"prefix":"adm"}}]}"#,
            r#"{"userName":"user1"}"#,
        ),
    ];
    for (event, pattern, expected) in cases {
        let once = redact(&inputs(&[event]), pattern);
        assert_eq!(once.events[0].text, *expected, "{pattern}");
        assert_eq!(
            once.pattern, *pattern,
            "the pattern's literals stay as written"
        );
        let twice = redact(&once.events, &once.pattern);
        assert_eq!(twice.events, once.events, "idempotent for {pattern}");
    }
}

#[test]
fn wildcards_in_patterns_are_kept() {
    let pattern = r#"{"detail":{"userIdentity":{"arn":[{"wildcard":"arn:aws:iam::123456789012:user/*"}],"userName":[{"wildcard":"ali*"}]}}}"#;
    let r = redact(&[], pattern);
    assert_eq!(
        r.pattern,
        r#"{"detail":{"userIdentity":{"arn":[{"wildcard":"arn:aws:iam::111111111111:user/*"}],"userName":[{"wildcard":"ali*"}]}}}"#
    );
}

#[test]
fn hostile_text_is_scanned_in_linear_time() {
    // Quadratic scanning would take minutes here; linear takes well under a second.
    let size = 100_000;
    let hostile = [
        "a.".repeat(size / 2),
        "1".repeat(size),
        "arn:".repeat(size / 4),
        "1.".repeat(size / 2),
        "a:".repeat(size / 2),
        "x@".repeat(size / 2),
        "AKIA".repeat(size / 4),
        "é".repeat(size),
    ];
    let started = std::time::Instant::now();
    for text in &hostile {
        let r = redact(&inputs(&[text]), text);
        assert_eq!(r.events.len(), 1);
    }
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
}
