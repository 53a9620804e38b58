//! Import an existing rule: the output of `aws events describe-rule` or `list-rules`, a
//! CloudFormation template (JSON or YAML, `AWS::Events::Rule`), an AWS SAM template
//! (`EventBridgeRule` events) or Terraform (`aws_cloudwatch_event_rule` + `aws_cloudwatch_event_target`).
//!
//! It lives in the export crate because it is the exports read backwards: it fills the same
//! [`RuleSettings`] and target input the exports write, so "export, then import" is tested to
//! give back what went in. Pure: text in, rules out. Errors carry the line and column in the
//! pasted text; the text itself is never changed (the caller keeps it).

mod cloudformation;
mod hcl_rule;
mod yaml_value;

use crate::settings::{RuleSettings, RuleState, SnsTarget};
use eventpen_transform::TargetInput;
use serde_json::{Map, Value};
use std::fmt;

/// Where the rule came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `aws events describe-rule` output.
    DescribeRule,
    /// One rule of `aws events list-rules` output.
    ListRules,
    /// A CloudFormation `AWS::Events::Rule`.
    CloudFormation,
    /// An AWS SAM `EventBridgeRule` event.
    Sam,
    /// A Terraform `aws_cloudwatch_event_rule`.
    Terraform,
}

impl Source {
    /// A short label for messages.
    pub fn label(self) -> &'static str {
        match self {
            Source::DescribeRule => "describe-rule output",
            Source::ListRules => "list-rules output",
            Source::CloudFormation => "CloudFormation template",
            Source::Sam => "AWS SAM template",
            Source::Terraform => "Terraform configuration",
        }
    }
}

/// One imported rule.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedRule {
    /// What kind of text it came from.
    pub source: Source,
    /// The event pattern.
    pub pattern: Value,
    /// Name, bus, state, description, account and region (from the rule ARN), the SNS topic
    /// target and its input, as far as the text gives them; defaults elsewhere.
    pub settings: RuleSettings,
}

/// Why nothing could be imported, at a 1-based line and column of the pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl ImportError {
    pub(crate) fn new(line: usize, column: usize, message: impl Into<String>) -> ImportError {
        ImportError {
            line: line.max(1),
            column: column.max(1),
            message: message.into(),
        }
    }

    /// An error about the text as a whole (no single place is wrong).
    pub(crate) fn whole(message: impl Into<String>) -> ImportError {
        ImportError::new(1, 1, message)
    }
}

/// Every rule in `text`, in the order written.
pub fn import(text: &str) -> Result<Vec<ImportedRule>, ImportError> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ImportError::whole(
            "nothing to import: paste describe-rule / list-rules output, a CloudFormation or SAM template, or Terraform",
        ));
    }
    let rules = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let value: Value = serde_json::from_str(text).map_err(|error| {
            ImportError::new(
                error.line(),
                error.column(),
                format!("not valid JSON: {error}"),
            )
        })?;
        from_json(&value)?
    } else if text.contains("resource \"aws_cloudwatch_event_rule\"")
        || text.contains("resource \"aws_")
    {
        hcl_rule::rules(text)?
    } else {
        let value = yaml_value::parse(text)?;
        cloudformation::rules(&value)?
    };
    if rules.is_empty() {
        return Err(ImportError::whole(
            "no EventBridge rule found: expected describe-rule / list-rules output, an AWS::Events::Rule, a SAM EventBridgeRule event or an aws_cloudwatch_event_rule",
        ));
    }
    Ok(rules)
}

fn from_json(value: &Value) -> Result<Vec<ImportedRule>, ImportError> {
    if let Some(rules) = value.get("Rules").and_then(Value::as_array) {
        return rules
            .iter()
            .map(|rule| from_api_rule(rule, Source::ListRules))
            .collect();
    }
    if value.get("EventPattern").is_some() && value.get("Type").is_none() {
        return Ok(vec![from_api_rule(value, Source::DescribeRule)?]);
    }
    cloudformation::rules(value)
}

/// A pattern given as JSON text (the API's form) or as a map (CloudFormation's other form).
pub(crate) fn pattern_of(value: &Value, whose: &str) -> Result<Value, ImportError> {
    match value {
        Value::String(text) => serde_json::from_str(text).map_err(|error| {
            ImportError::whole(format!(
                "{whose}: EventPattern is not valid JSON ({error}, inside the string)"
            ))
        }),
        Value::Object(_) => Ok(value.clone()),
        _ => Err(ImportError::whole(format!(
            "{whose}: EventPattern must be a JSON object or its text"
        ))),
    }
}

fn text_field(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// Fills account and region from a rule ARN (`arn:aws:events:<region>:<account>:rule/...`).
fn place_from_arn(settings: &mut RuleSettings, arn: &str) {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    if let ["arn", _, "events", region, account, _] = parts[..] {
        settings.region = Some(region.to_owned()).filter(|r| !r.is_empty());
        settings.account = Some(account.to_owned()).filter(|a| !a.is_empty());
    }
}

/// A rule as the EventBridge API describes it (`describe-rule`, one entry of `list-rules`).
fn from_api_rule(rule: &Value, source: Source) -> Result<ImportedRule, ImportError> {
    let name = text_field(rule, "Name").unwrap_or_default();
    let Some(pattern) = rule.get("EventPattern") else {
        return Err(ImportError::whole(format!(
            "rule {name:?} has no EventPattern (a scheduled rule?): only pattern rules can be imported"
        )));
    };
    let pattern = pattern_of(pattern, &format!("rule {name:?}"))?;
    let mut settings = RuleSettings::default();
    if !name.is_empty() {
        settings.name = name;
    }
    if let Some(bus) = text_field(rule, "EventBusName") {
        settings.event_bus = bus;
    }
    if let Some(state) = text_field(rule, "State").and_then(|s| RuleState::parse(&s)) {
        settings.state = state;
    }
    settings.description = text_field(rule, "Description").filter(|d| !d.is_empty());
    if let Some(arn) = text_field(rule, "Arn") {
        place_from_arn(&mut settings, &arn);
    }
    if let Some(target) = rule
        .get("Targets")
        .and_then(Value::as_array)
        .and_then(|t| t.first())
    {
        apply_target(&mut settings, target);
    }
    Ok(ImportedRule {
        source,
        pattern,
        settings,
    })
}

/// Reads a `Targets` entry in AWS's property names: an SNS `Arn` becomes the topic, and
/// `InputTransformer` / `Input` / `InputPath` the target input.
pub(crate) fn apply_target(settings: &mut RuleSettings, target: &Value) {
    if let Some(arn) = target.get("Arn").and_then(Value::as_str)
        && arn.starts_with("arn:")
        && arn.contains(":sns:")
    {
        settings.sns = Some(SnsTarget {
            topic: arn.to_owned(),
            account: None,
            region: None,
        });
    }
    settings.input = target_input(target.as_object());
}

/// The target input from AWS property names.
pub(crate) fn target_input(target: Option<&Map<String, Value>>) -> TargetInput {
    let Some(target) = target else {
        return TargetInput::MatchedEvent;
    };
    if let Some(transformer) = target.get("InputTransformer") {
        let paths = transformer
            .get("InputPathsMap")
            .filter(|paths| paths.as_object().is_some_and(|map| !map.is_empty()))
            .map(crate::json_text::pretty)
            .unwrap_or_default();
        let template = transformer
            .get("InputTemplate")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        return TargetInput::Transformer {
            paths_map: paths,
            template,
        };
    }
    if let Some(Value::String(input)) = target.get("Input") {
        return TargetInput::Constant(input.clone());
    }
    if let Some(Value::String(path)) = target.get("InputPath") {
        return TargetInput::Path(path.clone());
    }
    TargetInput::MatchedEvent
}
