//! Rules in a Terraform configuration: `aws_cloudwatch_event_rule` (the pattern given with
//! `jsonencode({...})`, a string or a heredoc) and the `aws_cloudwatch_event_target` that names it
//! (its `input_transformer` block, `input`, `input_path`, and an SNS `arn`).

use super::{ImportError, ImportedRule, Source};
use crate::settings::{RuleSettings, RuleState, SnsTarget};
use eventpen_transform::TargetInput;
use hcl::eval::{Context, Evaluate};
use hcl::{Block, Body, Expression};
use serde_json::Value;

/// Every `aws_cloudwatch_event_rule` with an `event_pattern` in `text`.
pub fn rules(text: &str) -> Result<Vec<ImportedRule>, ImportError> {
    let body: Body = hcl::parse(text).map_err(|error| match &error {
        hcl::Error::Parse(parse) => ImportError::new(
            parse.location().line(),
            parse.location().column(),
            format!("not valid Terraform (HCL): {}", parse.message()),
        ),
        other => ImportError::whole(format!("not valid Terraform (HCL): {other}")),
    })?;
    let resources = |kind: &'static str| {
        body.blocks().filter(move |block| {
            block.identifier() == "resource"
                && block.labels().first().map(|label| label.as_str()) == Some(kind)
        })
    };
    let targets: Vec<&Block> = resources("aws_cloudwatch_event_target").collect();
    let rule_blocks: Vec<&Block> = resources("aws_cloudwatch_event_rule").collect();
    let mut rules = Vec::new();
    for block in &rule_blocks {
        let label = block
            .labels()
            .get(1)
            .map(|l| l.as_str().to_owned())
            .unwrap_or_default();
        let Some(pattern_expr) = attribute(block, "event_pattern") else {
            continue; // a schedule rule
        };
        let pattern = pattern_value(pattern_expr).map_err(|why| {
            ImportError::whole(format!("aws_cloudwatch_event_rule.{label}: {why}"))
        })?;
        let mut settings = RuleSettings {
            name: string(block, "name").unwrap_or_else(|| label.clone()),
            ..RuleSettings::default()
        };
        if let Some(bus) = string(block, "event_bus_name") {
            settings.event_bus = bus;
        }
        if let Some(state) = string(block, "state").and_then(|s| RuleState::parse(&s)) {
            settings.state = state;
        } else if let Some(Value::Bool(false)) = attribute(block, "is_enabled").and_then(evaluate) {
            settings.state = RuleState::Disabled;
        }
        settings.description = string(block, "description").filter(|d| !d.is_empty());
        let reference = format!("aws_cloudwatch_event_rule.{label}.");
        let target = targets.iter().find(|target| {
            attribute(target, "rule").is_some_and(|rule| rule.to_string().contains(&reference))
                || string(target, "rule").as_deref() == Some(settings.name.as_str())
        });
        if let Some(target) = target {
            apply_target(&mut settings, target, &body);
        }
        rules.push(ImportedRule {
            source: Source::Terraform,
            pattern,
            settings,
        });
    }
    Ok(rules)
}

fn attribute<'b>(block: &'b Block, key: &str) -> Option<&'b Expression> {
    block
        .body
        .attributes()
        .find(|attr| attr.key() == key)
        .map(|attr| attr.expr())
}

fn evaluate(expression: &Expression) -> Option<Value> {
    let value = expression.evaluate(&Context::new()).ok()?;
    serde_json::to_value(value).ok()
}

/// A string attribute that is a literal (references such as `aws_sns_topic.x.arn` give `None`).
fn string(block: &Block, key: &str) -> Option<String> {
    match attribute(block, key).and_then(evaluate)? {
        Value::String(text) => Some(text),
        _ => None,
    }
}

fn pattern_value(expression: &Expression) -> Result<Value, String> {
    if let Expression::FuncCall(call) = expression
        && call.name.to_string() == "jsonencode"
        && let Some(argument) = call.args.first()
    {
        return evaluate(argument).ok_or_else(|| "the jsonencode(...) argument refers to other values; only literal patterns can be imported".to_owned());
    }
    match evaluate(expression) {
        Some(Value::String(text)) => serde_json::from_str(&text)
            .map_err(|error| format!("event_pattern is not valid JSON ({error})")),
        _ => Err("event_pattern must be jsonencode({...}), a JSON string or a heredoc".to_owned()),
    }
}

fn apply_target(settings: &mut RuleSettings, target: &Block, body: &Body) {
    match string(target, "arn") {
        Some(arn) if arn.contains(":sns:") => {
            settings.sns = Some(SnsTarget {
                topic: arn,
                account: None,
                region: None,
            });
        }
        _ => {
            // `aws_sns_topic.<label>.arn`: the topic created next to the rule, by its name.
            let text = attribute(target, "arn")
                .map(ToString::to_string)
                .unwrap_or_default();
            let topic = body.blocks().find(|block| {
                block.identifier() == "resource"
                    && block.labels().first().map(|l| l.as_str()) == Some("aws_sns_topic")
                    && block.labels().get(1).is_some_and(|label| {
                        text.contains(&format!("aws_sns_topic.{}.", label.as_str()))
                    })
            });
            if let Some(name) = topic.and_then(|topic| string(topic, "name")) {
                settings.sns = Some(SnsTarget {
                    topic: name,
                    account: None,
                    region: None,
                });
            }
        }
    }
    if let Some(transformer) = target
        .body
        .blocks()
        .find(|block| block.identifier() == "input_transformer")
    {
        let paths = transformer
            .body
            .attributes()
            .find(|attr| attr.key() == "input_paths")
            .and_then(|attr| evaluate(attr.expr()))
            .filter(|paths| paths.as_object().is_some_and(|map| !map.is_empty()))
            .map(|paths| crate::json_text::pretty(&paths))
            .unwrap_or_default();
        let template = transformer
            .body
            .attributes()
            .find(|attr| attr.key() == "input_template")
            .and_then(|attr| evaluate(attr.expr()))
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default();
        settings.input = TargetInput::Transformer {
            paths_map: paths,
            template,
        };
    } else if let Some(input) = string(target, "input") {
        settings.input = TargetInput::Constant(input);
    } else if let Some(path) = string(target, "input_path") {
        settings.input = TargetInput::Path(path);
    }
}
