//! Serverless Framework (v3 and v4, native CloudFormation): a function whose `eventBridge` event
//! carries the pattern.
//!
//! Serverless resolves `${…}` in every string of `serverless.yml` as a variable, and has no
//! escape for it, so a pattern value containing `${` is flagged.

use crate::rendered::{Block, Rendered};
use crate::settings::{RuleSettings, RuleState, parse_event_bus_arn};
use crate::yaml::{YamlStyle, to_yaml};
use serde_json::{Map, Value, json};

fn has_variable_syntax(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains("${"),
        Value::Array(items) => items.iter().any(has_variable_syntax),
        Value::Object(map) => map
            .iter()
            .any(|(key, value)| key.contains("${") || has_variable_syntax(value)),
        _ => false,
    }
}

/// A function name for `functions:` from the rule name (`eventpen-rule` → `eventpenRule`).
fn function_name(rule: &str) -> String {
    let mut out = String::new();
    for (index, part) in rule
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            if index == 0 {
                out.push(first.to_ascii_lowercase());
            } else {
                out.push(first.to_ascii_uppercase());
            }
            out.extend(chars);
        }
    }
    if out.is_empty() {
        "handler".to_owned()
    } else {
        out
    }
}

/// The `serverless.yml`.
pub fn render(pattern: &Value, settings: &RuleSettings) -> Rendered {
    let mut rendered = Rendered::default();
    let mut event = Map::new();
    event.insert("name".into(), settings.name.clone().into());
    if let Some(description) = settings.description.as_deref().filter(|d| !d.is_empty()) {
        event.insert("description".into(), description.into());
    }
    if !settings.is_default_bus() {
        event.insert("eventBus".into(), settings.event_bus.clone().into());
        if parse_event_bus_arn(&settings.event_bus).is_err() {
            rendered.warn("Serverless creates the event bus when eventBus is a name; give the bus ARN to use an existing bus");
        }
    }
    match settings.state {
        RuleState::Enabled => {}
        RuleState::Disabled => {
            event.insert("enabled".into(), false.into());
        }
        RuleState::EnabledWithAllCloudTrailManagementEvents => rendered.warn(
            "Serverless's eventBridge event has only enabled: true/false; set State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS with resources.extensions on the generated rule",
        ),
    }
    event.insert("pattern".into(), pattern.clone());
    if has_variable_syntax(pattern) {
        rendered.warn("The pattern contains ${, which Serverless reads as a variable reference; it cannot be escaped in serverless.yml");
    }
    if settings.sns.is_some() {
        rendered.warn("The Serverless eventBridge event targets the function; for an SNS target use the CloudFormation or Terraform export");
    }
    for (property, value) in crate::target::input_properties(&settings.input, &mut rendered) {
        match (property.as_str(), value) {
            ("InputTransformer", Value::Object(transformer)) => {
                let mut fields = Map::new();
                if let Some(paths) = transformer.get("InputPathsMap") {
                    fields.insert("inputPathsMap".into(), paths.clone());
                }
                if let Some(template) = transformer.get("InputTemplate") {
                    fields.insert("inputTemplate".into(), template.clone());
                }
                event.insert("inputTransformer".into(), Value::Object(fields));
            }
            // Serverless writes `input` (a map) as JSON text itself.
            ("Input", Value::String(text)) => match serde_json::from_str::<Value>(&text) {
                Ok(value @ Value::Object(_)) => {
                    event.insert("input".into(), value);
                }
                _ => rendered.warn("Serverless's eventBridge input must be a JSON object; the constant Input is left out"),
            },
            ("InputPath", path) => {
                event.insert("inputPath".into(), path);
            }
            _ => {}
        }
    }
    let name = function_name(&settings.name);
    let config = json!({
        "service": settings.name,
        "frameworkVersion": ">=3",
        "provider": {"name": "aws", "runtime": "nodejs20.x"},
        "functions": {name: {"handler": "handler.main", "events": [{"eventBridge": event}]}}
    });
    rendered.blocks.push(Block::file(
        "serverless.yml",
        "yaml",
        to_yaml(&config, YamlStyle::default()),
    ));
    rendered
}
