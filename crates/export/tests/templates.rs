//! Infrastructure-as-code exports parse back to the pattern.
//!
//! YAML (CloudFormation, SAM, Serverless) is read with saphyr, a YAML 1.2 parser that keeps
//! custom tags, so `!Ref` / `!GetAtt` are mapped back to their long forms and the whole YAML
//! template must equal the JSON template. Terraform is read with hcl-rs and the argument of
//! `jsonencode(...)` evaluated. Numbers are compared by value there (those parsers do not keep
//! number text); the JSON template keeps the text and is compared exactly.
mod common;
mod python;

use common::{only_block, settings_variants};

use common::numbers_by_value;
use common::render;
use eventpen_export::{Format, RuleSettings};
use saphyr::{LoadableYamlNode, Scalar, Yaml};
use serde_json::{Map, Value, json};

/// A saphyr node as JSON, with CloudFormation short tags expanded.
fn yaml_to_json(node: &Yaml) -> Value {
    match node {
        Yaml::Value(Scalar::Null) => Value::Null,
        Yaml::Value(Scalar::Boolean(flag)) => Value::Bool(*flag),
        Yaml::Value(Scalar::Integer(number)) => json!(number),
        Yaml::Value(Scalar::FloatingPoint(number)) => {
            serde_json::Number::from_f64(number.into_inner()).map_or(Value::Null, Value::Number)
        }
        Yaml::Value(Scalar::String(text)) => Value::String(text.to_string()),
        Yaml::Sequence(items) => Value::Array(items.iter().map(yaml_to_json).collect()),
        Yaml::Mapping(map) => {
            let mut object = Map::new();
            for (key, value) in map {
                let Value::String(key) = yaml_to_json(key) else {
                    panic!("non-string key {key:?}")
                };
                assert!(
                    object.insert(key, yaml_to_json(value)).is_none(),
                    "duplicate key"
                );
            }
            Value::Object(object)
        }
        Yaml::Tagged(tag, inner) => {
            let inner = yaml_to_json(inner);
            match (tag.suffix.as_str(), inner) {
                ("Ref", inner) => json!({"Ref": inner}),
                ("Sub", inner) => json!({"Fn::Sub": inner}),
                ("GetAtt", Value::String(text)) => {
                    let (resource, attribute) = text.split_once('.').unwrap();
                    json!({"Fn::GetAtt": [resource, attribute]})
                }
                (other, _) => panic!("unexpected tag {other}"),
            }
        }
        other => panic!("unexpected YAML node {other:?}"),
    }
}

fn parse_yaml(text: &str) -> Value {
    let docs = Yaml::load_from_str(text).unwrap_or_else(|error| panic!("{error}\n{text}"));
    assert_eq!(docs.len(), 1);
    yaml_to_json(&docs[0])
}

fn rule_properties(template: &Value) -> &Map<String, Value> {
    let resources = template["Resources"].as_object().unwrap();
    let rule = resources
        .values()
        .find(|resource| resource["Type"] == "AWS::Events::Rule")
        .unwrap();
    rule["Properties"].as_object().unwrap()
}

/// The EventPattern as the template gives it (a map, or a JSON string for lookalike keys).
fn event_pattern(property: &Value) -> Value {
    match property {
        Value::String(text) => serde_json::from_str(text).unwrap(),
        other => other.clone(),
    }
}

#[test]
fn cloudformation_yaml_equals_json_and_the_pattern() {
    let patterns = common::all_patterns();
    for settings in settings_variants() {
        for (name, pattern) in &patterns {
            let json_text = only_block(Format::CloudFormationJson, pattern, &settings);
            let from_json: Value = serde_json::from_str(&json_text).unwrap();
            assert_eq!(
                &event_pattern(&rule_properties(&from_json)["EventPattern"]),
                pattern,
                "{name}"
            );
            let yaml_text = only_block(Format::CloudFormationYaml, pattern, &settings);
            let from_yaml = parse_yaml(&yaml_text);
            assert_eq!(
                numbers_by_value(&from_yaml),
                numbers_by_value(&from_json),
                "{name}\n{yaml_text}"
            );
            let properties = rule_properties(&from_json);
            assert_eq!(properties["Name"], settings.name.as_str());
            assert_eq!(properties["State"], settings.state.as_str());
            assert_eq!(properties["EventBusName"], settings.event_bus.as_str());
        }
    }
    println!("cloudformation: {} patterns x 3 settings", patterns.len());
}

#[test]
fn cloudformation_sns_resources_wire_the_rule_arn_into_the_policy() {
    let pattern = json!({"source": ["aws.ec2"]});
    let template: Value = serde_json::from_str(&only_block(
        Format::CloudFormationJson,
        &pattern,
        &settings_variants()[1],
    ))
    .unwrap();
    let resources = &template["Resources"];
    assert_eq!(resources["AlertsTopic"]["Type"], "AWS::SNS::Topic");
    assert_eq!(
        resources["OrdersCreatedV2Rule"]["Properties"]["Targets"][0]["Arn"],
        json!({"Ref": "AlertsTopic"})
    );
    let statement = &resources["AlertsTopicPolicy"]["Properties"]["PolicyDocument"]["Statement"][0];
    assert_eq!(
        statement["Condition"]["ArnEquals"]["aws:SourceArn"],
        json!({"Fn::GetAtt": ["OrdersCreatedV2Rule", "Arn"]})
    );
    assert_eq!(statement["Principal"]["Service"], "events.amazonaws.com");
    // An existing topic (ARN): no AWS::SNS::Topic, the ARN used directly.
    let existing: Value = serde_json::from_str(&only_block(
        Format::CloudFormationJson,
        &pattern,
        &settings_variants()[2],
    ))
    .unwrap();
    let types: Vec<&str> = existing["Resources"]
        .as_object()
        .unwrap()
        .values()
        .map(|r| r["Type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["AWS::Events::Rule", "AWS::SNS::TopicPolicy"]);
}

#[test]
fn intrinsic_lookalike_keys_become_a_json_string() {
    let pattern = json!({"detail": {"Ref": ["x"]}});
    let rendered = render(
        Format::CloudFormationYaml,
        &pattern,
        &RuleSettings::default(),
    );
    assert!(rendered.warnings.iter().any(|w| w.contains("JSON string")));
    let template = parse_yaml(&rendered.blocks[0].text);
    assert_eq!(
        event_pattern(&rule_properties(&template)["EventPattern"]),
        pattern
    );
}

#[test]
fn sam_and_serverless_parse_back_to_the_pattern() {
    for (name, pattern) in common::all_patterns() {
        let sam = parse_yaml(&only_block(Format::Sam, &pattern, &RuleSettings::default()));
        let function = sam["Resources"]
            .as_object()
            .unwrap()
            .values()
            .next()
            .unwrap();
        let event = function["Properties"]["Events"]
            .as_object()
            .unwrap()
            .values()
            .next()
            .unwrap();
        assert_eq!(event["Type"], "EventBridgeRule");
        assert_eq!(
            numbers_by_value(&event_pattern(&event["Properties"]["Pattern"])),
            numbers_by_value(&pattern),
            "{name}"
        );
        let serverless = parse_yaml(&only_block(
            Format::Serverless,
            &pattern,
            &RuleSettings::default(),
        ));
        let function = serverless["functions"]
            .as_object()
            .unwrap()
            .values()
            .next()
            .unwrap();
        let bridge = &function["events"][0]["eventBridge"];
        assert_eq!(
            numbers_by_value(&bridge["pattern"]),
            numbers_by_value(&pattern),
            "{name}"
        );
    }
}

/// Loads YAML documents (one JSON-encoded string per line) with PyYAML — a YAML 1.1 loader,
/// like those of AWS SAM CLI and cfn-lint — with CloudFormation's short tags, printing each
/// as JSON. Fails when python3 or PyYAML is missing: `scripts/bootstrap.sh` installs them.
fn load_with_yaml_1_1(documents: &[String]) -> Option<Vec<Value>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    const SCRIPT: &str = r#"
import json, sys, yaml
class Loader(yaml.SafeLoader):
    pass
def getatt(loader, node):
    resource, attribute = loader.construct_scalar(node).split(".", 1)
    return {"Fn::GetAtt": [resource, attribute]}
Loader.add_constructor("!Ref", lambda loader, node: {"Ref": loader.construct_scalar(node)})
Loader.add_constructor("!Sub", lambda loader, node: {"Fn::Sub": loader.construct_scalar(node)})
Loader.add_constructor("!GetAtt", getatt)
for line in sys.stdin:
    loaded = yaml.load(json.loads(line), Loader=Loader)
    print(json.dumps(loaded, default=lambda other: {"not JSON": repr(other)}))
"#;
    let python = python::interpreter();
    let probe = Command::new(&python).args(["-c", "import yaml"]).output();
    assert!(
        probe.map(|output| output.status.success()).unwrap_or(false),
        "{} with PyYAML is needed for the YAML 1.1 check: run scripts/bootstrap.sh",
        python.display()
    );
    let mut child = Command::new(&python)
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let input: String = documents
        .iter()
        .map(|doc| format!("{}\n", Value::String(doc.clone())))
        .collect();
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("python3 finishes");
    feeder.join().expect("feeder").expect("stdin written");
    assert!(output.status.success(), "PyYAML failed");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    Some(
        text.lines()
            .map(|line| serde_json::from_str(line).expect("JSON line"))
            .collect(),
    )
}

#[test]
fn yaml_reads_the_same_in_a_yaml_1_1_loader() {
    let patterns = common::all_patterns();
    let settings = settings_variants();
    let mut documents = Vec::new();
    let mut expected = Vec::new();
    for (name, pattern) in &patterns {
        for setting in &settings {
            documents.push(only_block(Format::CloudFormationYaml, pattern, setting));
            let json_text = only_block(Format::CloudFormationJson, pattern, setting);
            expected.push((
                name.clone(),
                serde_json::from_str::<Value>(&json_text).unwrap(),
            ));
        }
        documents.push(only_block(Format::Sam, pattern, &RuleSettings::default()));
        expected.push((name.clone(), parse_yaml(documents.last().unwrap())));
        documents.push(only_block(
            Format::Serverless,
            pattern,
            &RuleSettings::default(),
        ));
        expected.push((name.clone(), parse_yaml(documents.last().unwrap())));
    }
    let Some(loaded) = load_with_yaml_1_1(&documents) else {
        return;
    };
    assert_eq!(loaded.len(), expected.len());
    for ((name, want), got) in expected.iter().zip(&loaded) {
        assert_eq!(numbers_by_value(got), numbers_by_value(want), "{name}");
    }
    println!(
        "PyYAML (YAML 1.1): {} documents read as written",
        loaded.len()
    );
}

#[test]
fn a_key_longer_than_yaml_allows_implicitly_still_reads_back() {
    let key = "k".repeat(1500);
    let pattern = json!({"detail": {key.clone(): ["v"]}});
    let text = only_block(
        Format::CloudFormationYaml,
        &pattern,
        &RuleSettings::default(),
    );
    assert!(text.contains(&format!("? {key}\n")), "explicit key");
    let template = parse_yaml(&text);
    assert_eq!(rule_properties(&template)["EventPattern"], pattern);
    if let Some(loaded) = load_with_yaml_1_1(&[text]) {
        assert_eq!(loaded[0], template);
    }
}
