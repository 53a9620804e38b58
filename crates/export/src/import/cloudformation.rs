//! Rules in a CloudFormation or SAM template (already read into JSON, YAML short tags expanded).

use super::{ImportError, ImportedRule, Source, apply_target, pattern_of, target_input};
use crate::settings::{RuleSettings, RuleState};
use serde_json::Value;

/// A property that is a plain string (not an intrinsic function such as `!Ref`).
fn literal(properties: &Value, key: &str) -> Option<String> {
    properties
        .get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
}

fn base_settings(properties: &Value, name_key: &str, logical_id: &str) -> RuleSettings {
    let mut settings = RuleSettings {
        name: literal(properties, name_key).unwrap_or_else(|| logical_id.to_owned()),
        ..RuleSettings::default()
    };
    if let Some(bus) = literal(properties, "EventBusName") {
        settings.event_bus = bus;
    }
    if let Some(state) = literal(properties, "State").and_then(|s| RuleState::parse(&s)) {
        settings.state = state;
    }
    settings.description = literal(properties, "Description").filter(|d| !d.is_empty());
    settings
}

/// Every `AWS::Events::Rule` and SAM `EventBridgeRule` event in `template` (a whole template, or
/// one resource with `Type` and `Properties`).
pub fn rules(template: &Value) -> Result<Vec<ImportedRule>, ImportError> {
    let single;
    let resources = match template.get("Resources").and_then(Value::as_object) {
        Some(resources) => resources,
        None if template.get("Type").is_some() => {
            single = serde_json::Map::from_iter([("Rule".to_owned(), template.clone())]);
            &single
        }
        None => return Ok(Vec::new()),
    };
    let mut rules = Vec::new();
    for (logical_id, resource) in resources {
        let properties = resource.get("Properties").cloned().unwrap_or(Value::Null);
        match resource.get("Type").and_then(Value::as_str) {
            Some("AWS::Events::Rule") => {
                let Some(pattern) = properties.get("EventPattern") else {
                    continue; // a schedule rule
                };
                let pattern = pattern_of(pattern, logical_id)?;
                let mut settings = base_settings(&properties, "Name", logical_id);
                if let Some(target) = properties
                    .get("Targets")
                    .and_then(Value::as_array)
                    .and_then(|targets| targets.first())
                {
                    apply_target(&mut settings, target);
                    if settings.sns.is_none()
                        && let Some(topic) = referenced_topic(resources, target)
                    {
                        settings.sns = Some(crate::settings::SnsTarget {
                            topic,
                            account: None,
                            region: None,
                        });
                    }
                }
                rules.push(ImportedRule {
                    source: Source::CloudFormation,
                    pattern,
                    settings,
                });
            }
            Some("AWS::Serverless::Function" | "AWS::Serverless::StateMachine") => {
                let events = properties.get("Events").and_then(Value::as_object);
                for (event_id, event) in events.into_iter().flatten() {
                    if event.get("Type").and_then(Value::as_str) != Some("EventBridgeRule") {
                        continue;
                    }
                    let event_properties = event.get("Properties").cloned().unwrap_or(Value::Null);
                    let Some(pattern) = event_properties.get("Pattern") else {
                        continue;
                    };
                    let pattern = pattern_of(pattern, event_id)?;
                    let mut settings = base_settings(&event_properties, "RuleName", event_id);
                    settings.input = target_input(event_properties.as_object());
                    rules.push(ImportedRule {
                        source: Source::Sam,
                        pattern,
                        settings,
                    });
                }
            }
            _ => {}
        }
    }
    Ok(rules)
}

/// The topic name of an `AWS::SNS::Topic` the target's `Arn` refers to with `Ref`.
fn referenced_topic(resources: &serde_json::Map<String, Value>, target: &Value) -> Option<String> {
    let id = target.get("Arn")?.get("Ref")?.as_str()?;
    let topic = resources.get(id)?;
    (topic.get("Type")?.as_str()? == "AWS::SNS::Topic").then_some(())?;
    topic
        .get("Properties")
        .and_then(|p| p.get("TopicName"))
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| Some(id.to_owned()))
}
