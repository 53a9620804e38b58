//! CloudFormation (YAML and JSON) and AWS SAM templates.
//!
//! The template is built once as a JSON value and written either way, so the YAML and the
//! JSON can never disagree (the tests parse both back and compare). `EventPattern` is a map;
//! CloudFormation reads any one-key map whose key is `Ref` or `Fn::…` as an intrinsic
//! function, even inside `EventPattern`, so a pattern with such a field is written as a JSON
//! string instead (CloudFormation accepts both).

use crate::json_text::pretty;
use crate::rendered::{Block, Rendered};
use crate::settings::{RuleSettings, RuleState};
use crate::sns::{self, TARGET_ID};
use crate::target;
use crate::yaml::{YamlStyle, to_yaml};
use eventpen_transform::TargetInput;
use serde_json::{Map, Value, json};

/// A CloudFormation logical ID from a name: its letters and digits in PascalCase.
pub fn logical_id(name: &str, suffix: &str) -> String {
    let mut id = String::new();
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            id.push(first.to_ascii_uppercase());
            id.extend(chars);
        }
    }
    if !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id.insert_str(0, "Rule");
    }
    if !id.ends_with(suffix) {
        id.push_str(suffix);
    }
    id
}

/// True when some one-key object in `value` has a key CloudFormation reads as a function.
pub fn has_intrinsic_lookalike(value: &Value) -> bool {
    match value {
        Value::Object(map) => {
            let lookalike = map.len() == 1
                && map
                    .keys()
                    .any(|key| key == "Ref" || key == "Condition" || key.starts_with("Fn::"));
            lookalike || map.values().any(has_intrinsic_lookalike)
        }
        Value::Array(items) => items.iter().any(has_intrinsic_lookalike),
        _ => false,
    }
}

/// The `EventPattern` / `Pattern` property: the pattern itself, or its JSON text when
/// CloudFormation would misread it.
pub fn pattern_property(pattern: &Value, rendered: &mut Rendered) -> Value {
    if has_intrinsic_lookalike(pattern) {
        rendered.warn(
            "The pattern has a field named Ref, Condition or Fn::… that CloudFormation would read as a function, so EventPattern is written as a JSON string",
        );
        Value::String(pattern.to_string())
    } else {
        pattern.clone()
    }
}

fn reference(logical_id: &str) -> Value {
    json!({"Ref": logical_id})
}

fn get_att(logical_id: &str, attribute: &str) -> Value {
    json!({"Fn::GetAtt": [logical_id, attribute]})
}

/// The CloudFormation template: the rule, and with an SNS target the topic and its policy.
pub fn template(pattern: &Value, settings: &RuleSettings, rendered: &mut Rendered) -> Value {
    let rule_id = logical_id(&settings.name, "Rule");
    let mut properties = Map::new();
    properties.insert("Name".into(), settings.name.clone().into());
    if let Some(description) = settings.description.as_deref().filter(|d| !d.is_empty()) {
        properties.insert("Description".into(), description.into());
    }
    properties.insert("EventBusName".into(), settings.event_bus.clone().into());
    properties.insert("State".into(), settings.state.as_str().into());
    properties.insert("EventPattern".into(), pattern_property(pattern, rendered));
    let mut resources = Map::new();
    if let Some(resolved) = sns::resolve(settings) {
        let topic_id = logical_id(&resolved.topic_name, "Topic");
        let topic = if resolved.existing {
            Value::String(resolved.topic_arn.clone())
        } else {
            reference(&topic_id)
        };
        let input = target::input_properties(&settings.input, rendered);
        properties.insert(
            "Targets".into(),
            json!([target::target_entry(TARGET_ID, topic.clone(), &input)]),
        );
        resources.insert(
            rule_id.clone(),
            json!({"Type": "AWS::Events::Rule", "Properties": properties}),
        );
        if !resolved.existing {
            resources.insert(
                topic_id.clone(),
                json!({"Type": "AWS::SNS::Topic", "Properties": {"TopicName": resolved.topic_name}}),
            );
        }
        let policy = sns::topic_policy(topic.clone(), get_att(&rule_id, "Arn"));
        resources.insert(
            format!("{topic_id}Policy"),
            json!({"Type": "AWS::SNS::TopicPolicy", "Properties": {"Topics": [topic], "PolicyDocument": policy}}),
        );
        if resolved.existing {
            rendered.warn(
                "AWS::SNS::TopicPolicy replaces the existing topic's whole access policy: merge in any statements it already has",
            );
        }
    } else {
        if settings.input != TargetInput::MatchedEvent {
            rendered.warn(
                "The target input applies to a target: set an SNS topic to export it with the rule",
            );
        }
        resources.insert(
            rule_id.clone(),
            json!({"Type": "AWS::Events::Rule", "Properties": properties}),
        );
    }
    let mut template = json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": format!("EventBridge rule {} (exported by EventPen)", settings.name),
        "Resources": resources,
        "Outputs": {"RuleArn": {"Value": get_att(&rule_id, "Arn")}}
    });
    if let Some(rules) = placement_rules(settings)
        && let Value::Object(map) = &mut template
    {
        map.insert("Rules".into(), rules);
    }
    template
}

/// A template `Rules` section refusing to deploy outside the account and region set in the
/// settings, so a template pasted into the wrong console fails before it creates anything.
fn placement_rules(settings: &RuleSettings) -> Option<Value> {
    let mut assertions = Vec::new();
    for (pseudo, wanted, what) in [
        ("AWS::AccountId", settings.account.as_deref(), "account"),
        ("AWS::Region", settings.region.as_deref(), "region"),
    ] {
        if let Some(wanted) = wanted.filter(|w| !w.trim().is_empty()) {
            assertions.push(json!({
                "Assert": {"Fn::Equals": [{"Ref": pseudo}, wanted]},
                "AssertDescription": format!("This rule is meant for {what} {wanted}")
            }));
        }
    }
    (!assertions.is_empty()).then(|| json!({"DeployWhere": {"Assertions": assertions}}))
}

/// CloudFormation, YAML or JSON.
pub fn render_cloudformation(pattern: &Value, settings: &RuleSettings, yaml: bool) -> Rendered {
    let mut rendered = Rendered::default();
    let template = template(pattern, settings, &mut rendered);
    let block = if yaml {
        let text = to_yaml(
            &template,
            YamlStyle {
                cfn_short_tags: true,
            },
        );
        Block::file("template.yaml", "yaml", text)
    } else {
        Block::file("template.json", "json", format!("{}\n", pretty(&template)))
    };
    rendered.blocks.push(block);
    rendered
}

/// Minimal Lambda code for the SAM function, printing each matched event.
const SAM_HANDLER: &str = "def handler(event, context):\n    print(event)\n";

/// AWS SAM: a function whose `EventBridgeRule` event carries the pattern.
pub fn render_sam(pattern: &Value, settings: &RuleSettings) -> Rendered {
    let mut rendered = Rendered::default();
    let mut event = Map::new();
    event.insert("RuleName".into(), settings.name.clone().into());
    event.insert("EventBusName".into(), settings.event_bus.clone().into());
    event.insert("State".into(), settings.state.as_str().into());
    event.insert("Pattern".into(), pattern_property(pattern, &mut rendered));
    // SAM's EventBridgeRule event takes the target input properties under the same names.
    event.extend(target::input_properties(&settings.input, &mut rendered));
    let rule_id = logical_id(&settings.name, "Rule");
    let function_id = logical_id(&settings.name, "Function");
    let template = json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Description": format!("EventBridge rule {} with a Lambda target (exported by EventPen)", settings.name),
        "Resources": {
            function_id: {
                "Type": "AWS::Serverless::Function",
                "Properties": {
                    "Runtime": "python3.13",
                    "Handler": "index.handler",
                    "InlineCode": SAM_HANDLER,
                    "Events": {rule_id: {"Type": "EventBridgeRule", "Properties": event}}
                }
            }
        }
    });
    if settings
        .description
        .as_deref()
        .is_some_and(|d| !d.is_empty())
    {
        rendered.warn(
            "SAM's EventBridgeRule event has no Description property; the description is left out",
        );
    }
    if settings.sns.is_some() {
        rendered.warn(
            "SAM's EventBridgeRule event targets the function; for an SNS target use the CloudFormation export",
        );
    }
    if settings.state == RuleState::EnabledWithAllCloudTrailManagementEvents {
        rendered.warn(
            "Check that your SAM version passes State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS through (SAM documents ENABLED and DISABLED)",
        );
    }
    let text = to_yaml(
        &template,
        YamlStyle {
            cfn_short_tags: true,
        },
    );
    rendered
        .blocks
        .push(Block::file("template.yaml", "yaml", text));
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_ids() {
        let cases = [
            ("eventpen-rule", "Rule", "EventpenRule"),
            ("orders.created_v2", "Rule", "OrdersCreatedV2Rule"),
            ("9lives", "Rule", "Rule9livesRule"),
            ("alerts", "Topic", "AlertsTopic"),
        ];
        for (name, suffix, want) in cases {
            assert_eq!(logical_id(name, suffix), want, "{name}");
        }
    }

    #[test]
    fn intrinsic_lookalikes() {
        let cases = [
            (json!({"source": ["a"]}), false),
            (json!({"detail": {"Ref": ["a"]}}), true),
            (json!({"detail": {"Fn::Sub": ["a"]}}), true),
            (json!({"detail": {"Ref": ["a"], "other": ["b"]}}), false),
        ];
        for (pattern, want) in cases {
            assert_eq!(has_intrinsic_lookalike(&pattern), want, "{pattern}");
        }
    }
}
