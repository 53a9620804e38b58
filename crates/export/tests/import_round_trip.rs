//! Export, then import: every template format gives back the pattern, the settings and the
//! target's input transformer (parsed with the same YAML / HCL / JSON readers a user's paste
//! goes through). Plus the API shapes (`describe-rule`, `list-rules`) and positioned errors.

mod common;

use common::render;
use eventpen_export::import::{Source, import};
use eventpen_export::{Format, RuleSettings, RuleState, SnsTarget, TargetInput};
use serde_json::{Value, json};

fn pattern() -> Value {
    json!({"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"], "n": [{"numeric": [">", 2]}]}})
}

fn transformer() -> TargetInput {
    TargetInput::Transformer {
        paths_map: "{\n  \"user\": \"$.detail.userIdentity.userName\",\n  \"type\": \"$.detail.requestParameters.instanceType\"\n}".into(),
        template: "\"<user> launched <type> in ${region} 100%\"".into(),
    }
}

fn settings(input: TargetInput) -> RuleSettings {
    RuleSettings {
        name: "run-instances-alert".into(),
        event_bus: "default".into(),
        state: RuleState::Disabled,
        description: Some("it's \"quoted\"".into()),
        sns: Some(SnsTarget {
            topic: "arn:aws:sns:eu-west-1:111122223333:alerts".into(),
            account: None,
            region: None,
        }),
        account: Some("111122223333".into()),
        region: Some("eu-west-1".into()),
        input,
    }
}

#[test]
fn templates_import_back_to_the_same_rule_and_transformer() {
    let inputs = [
        transformer(),
        TargetInput::Constant("{\"fixed\": true}".into()),
        TargetInput::Path("$.detail".into()),
        TargetInput::MatchedEvent,
    ];
    for input in inputs {
        let want = settings(input.clone());
        for (format, source) in [
            (Format::CloudFormationYaml, Source::CloudFormation),
            (Format::CloudFormationJson, Source::CloudFormation),
            (Format::Terraform, Source::Terraform),
        ] {
            let text = render(format, &pattern(), &want).blocks[0].text.clone();
            let rules = import(&text).unwrap_or_else(|error| panic!("{format:?}: {error}\n{text}"));
            assert_eq!(rules.len(), 1, "{format:?}");
            let rule = &rules[0];
            assert_eq!(rule.source, source);
            assert_eq!(rule.pattern, pattern(), "{format:?}");
            let got = &rule.settings;
            assert_eq!(
                (&got.name, &got.event_bus, got.state, &got.description),
                (&want.name, &want.event_bus, want.state, &want.description),
                "{format:?}"
            );
            assert_eq!(
                got.sns.as_ref().map(|s| &s.topic),
                want.sns.as_ref().map(|s| &s.topic),
                "{format:?}"
            );
            assert_eq!(got.input, want.input, "{format:?}\n{text}");
        }
    }
}

#[test]
fn sam_imports_back_with_its_transformer() {
    let want = RuleSettings {
        sns: None,
        ..settings(transformer())
    };
    let text = render(Format::Sam, &pattern(), &want).blocks[0]
        .text
        .clone();
    let rules = import(&text).unwrap();
    assert_eq!(rules[0].source, Source::Sam);
    assert_eq!(rules[0].pattern, pattern());
    assert_eq!(rules[0].settings.input, want.input);
    assert_eq!(rules[0].settings.name, want.name);
}

#[test]
fn the_put_targets_json_carries_the_transformer() {
    let want = settings(transformer());
    let rendered = render(Format::CliFile, &pattern(), &want);
    let targets: Value =
        serde_json::from_str(&rendered.file("targets.json").unwrap().text).unwrap();
    let transformer = &targets[0]["InputTransformer"];
    assert_eq!(
        transformer["InputPathsMap"]["user"],
        "$.detail.userIdentity.userName"
    );
    assert_eq!(
        transformer["InputTemplate"],
        "\"<user> launched <type> in ${region} 100%\""
    );
}

const DESCRIBE_RULE: &str = r#"{
    "Name": "run-instances-alert",
    "Arn": "arn:aws:events:ap-southeast-2:444455556666:rule/run-instances-alert",
    "EventPattern": "{\"source\":[\"aws.ec2\"],\"detail\":{\"eventName\":[\"RunInstances\"],\"n\":[{\"numeric\":[\">\",2]}]}}",
    "State": "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
    "Description": "from the console",
    "EventBusName": "default",
    "CreatedBy": "444455556666"
}"#;

#[test]
fn describe_rule_and_list_rules_outputs() {
    let rules = import(DESCRIBE_RULE).unwrap();
    let rule = &rules[0];
    assert_eq!(rule.source, Source::DescribeRule);
    assert_eq!(rule.pattern, pattern());
    assert_eq!(
        rule.settings.state,
        RuleState::EnabledWithAllCloudTrailManagementEvents
    );
    assert_eq!(rule.settings.region.as_deref(), Some("ap-southeast-2"));
    assert_eq!(rule.settings.account.as_deref(), Some("444455556666"));
    let list = format!("{{\"Rules\": [{DESCRIBE_RULE}, {DESCRIBE_RULE}]}}");
    let rules = import(&list).unwrap();
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[1].source, Source::ListRules);
}

#[test]
fn broken_imports_say_where() {
    let cases = [
        (
            "{\n  \"Name\": \"x\",\n  \"EventPattern\": \"{}\"\n",
            4,
            "JSON",
        ),
        (
            "Resources:\n  R:\n    Type: [AWS::Events::Rule\n",
            4,
            "YAML",
        ),
        (
            "resource \"aws_cloudwatch_event_rule\" \"r\" {\n  name = \n}\n",
            2,
            "HCL",
        ),
        (
            "{\"Name\": \"x\", \"EventPattern\": \"{not json\"}",
            1,
            "not valid JSON",
        ),
        ("{\"Something\": 1}", 1, "no EventBridge rule"),
        ("   ", 1, "nothing to import"),
    ];
    for (text, line, words) in cases {
        let error = import(text).unwrap_err();
        assert_eq!(error.line, line, "{text}: {error}");
        assert!(error.message.contains(words), "{text}: {error}");
    }
}
