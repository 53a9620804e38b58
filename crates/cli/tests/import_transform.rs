//! `eventpen transform` and `eventpen import` on files: the one-line SNS alert of the gallery's
//! RunInstances example, and the same rule imported from describe-rule output and CloudFormation.

mod common;

use serde_json::{Value, json};
use std::path::PathBuf;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("eventpen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn transform_prints_what_the_target_receives_per_matched_event() {
    let dir = temp_dir("transform");
    let example: Value = serde_json::from_str(include_str!(
        "../../../www/examples/ec2-run-instances-sns-alert.json"
    ))
    .unwrap();
    let events: Vec<String> = example["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].to_string())
        .collect();
    std::fs::write(dir.join("events.jsonl"), events.join("\n")).unwrap();
    std::fs::write(
        dir.join("pattern.json"),
        example["solution"].as_str().unwrap(),
    )
    .unwrap();
    let transformer = json!({"InputPathsMap": example["transformer"]["paths_map"], "InputTemplate": example["transformer"]["template"]});
    std::fs::write(dir.join("t.json"), transformer.to_string()).unwrap();
    let args = [
        "--input-transformer",
        "t.json",
        "--pattern",
        "pattern.json",
        "--events",
        "events.jsonl",
    ];
    let outcome = common::run_in(&dir, "transform", &args, b"");
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "alice launched 2× t2.micro in eu-west-1\nbob launched 1× t3.small in eu-west-1\n"
    );

    let broken = json!({"InputPathsMap": {"a": "$..x"}, "InputTemplate": "<a>"});
    std::fs::write(dir.join("bad.json"), broken.to_string()).unwrap();
    let outcome = common::run_in(
        &dir,
        "transform",
        &[
            "--input-transformer",
            "bad.json",
            "--events",
            "events.jsonl",
        ],
        b"",
    );
    assert_eq!(outcome.code, 1);
    assert!(outcome.stderr.contains("deep scan"), "{}", outcome.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_gives_the_same_rule_from_describe_rule_and_cloudformation() {
    let dir = temp_dir("import");
    let describe = json!({
        "Name": "launch-alerts", "EventBusName": "default", "State": "DISABLED",
        "Arn": "arn:aws:events:eu-west-1:111122223333:rule/launch-alerts",
        "EventPattern": "{\"source\":[\"aws.ec2\"],\"detail\":{\"eventName\":[\"RunInstances\"]}}"
    });
    std::fs::write(dir.join("rule.json"), describe.to_string()).unwrap();
    std::fs::write(
        dir.join("template.yaml"),
        "Resources:\n  R:\n    Type: AWS::Events::Rule\n    Properties:\n      Name: launch-alerts\n      State: DISABLED\n      EventPattern:\n        source: [aws.ec2]\n        detail: {eventName: [RunInstances]}\n",
    )
    .unwrap();
    let mut seen = Vec::new();
    for file in ["rule.json", "template.yaml"] {
        let outcome = common::run_in(&dir, "import", &[file], b"");
        assert_eq!(outcome.code, 0, "{file}: {}", outcome.stderr);
        let rules: Value = serde_json::from_str(&outcome.stdout).unwrap();
        seen.push((
            rules[0]["pattern"].clone(),
            rules[0]["name"].clone(),
            rules[0]["state"].clone(),
        ));
    }
    assert_eq!(seen[0], seen[1]);
    std::fs::write(dir.join("bad.yaml"), "Resources:\n  R: [oops\n").unwrap();
    let outcome = common::run_in(&dir, "import", &["bad.yaml"], b"");
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stderr.starts_with("bad.yaml:3:"),
        "{}",
        outcome.stderr
    );
    let _ = std::fs::remove_dir_all(&dir);
}
