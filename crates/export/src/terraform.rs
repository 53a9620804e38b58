//! Terraform (AWS provider): `aws_cloudwatch_event_rule` with `event_pattern = jsonencode({…})`
//! written in HCL syntax, and with an SNS target `aws_sns_topic`, `aws_sns_topic_policy` and
//! `aws_cloudwatch_event_target`.
//!
//! HCL strings escape `\ " \n \r \t`, control characters as `\uNNNN`, and the template
//! sequences `${` and `%{` as `$${` and `%%{`, so a pattern value is never interpolated.
//! Object keys are bare only when they are plain identifiers (`source`); `"detail-type"`,
//! `"$or"` and the keywords `true`/`false`/`null`/`for`/`in`/`if` are quoted.
//! `jsonencode` writes numbers in its own canonical form (`1.50` → `1.5`), same value.

use crate::rendered::{Block, Rendered};
use crate::settings::RuleSettings;
use crate::sns::{self, TARGET_ID};
use serde_json::{Map, Value};

/// A Terraform resource name from a rule or topic name (`eventpen-rule` → `eventpen_rule`).
pub fn resource_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        out.insert_str(0, "r_");
    }
    out
}

/// An HCL quoted string.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const KEYWORDS: [&str; 9] = [
    "true", "false", "null", "for", "in", "if", "else", "endif", "endfor",
];

/// An object key: bare when a plain identifier, else quoted.
pub fn key(name: &str) -> String {
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name);
    if plain { name.to_owned() } else { string(name) }
}

/// Expressions: JSON values, except strings wrapped as [`reference`] which are written raw.
const REFERENCE_MARK: &str = "\u{0}tf-ref:";

/// A JSON string standing for a raw HCL expression (`aws_sns_topic.alerts.arn`) in values
/// given to [`expression`]; only this module's own templates use it, never a pattern.
pub fn reference(expression: &str) -> Value {
    Value::String(format!("{REFERENCE_MARK}{expression}"))
}

fn scalar(value: &Value, references: bool) -> Option<String> {
    match value {
        Value::Null => Some("null".to_owned()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        Value::String(text) => match text.strip_prefix(REFERENCE_MARK) {
            Some(raw) if references => Some(raw.to_owned()),
            _ => Some(string(text)),
        },
        Value::Array(items) if items.is_empty() => Some("[]".to_owned()),
        Value::Object(map) if map.is_empty() => Some("{}".to_owned()),
        _ => None,
    }
}

/// The HCL expression for `value`, indented for nesting at `column`.
pub fn expression(value: &Value, column: usize, references: bool) -> String {
    if let Some(text) = scalar(value, references) {
        return text;
    }
    let pad = " ".repeat(column + 2);
    let end = " ".repeat(column);
    match value {
        Value::Array(items) if items.len() == 1 => {
            format!("[{}]", expression(&items[0], column, references))
        }
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|item| expression(item, column + 2, references))
                .collect();
            let one_line = format!("[{}]", parts.join(", "));
            if !one_line.contains('\n') && one_line.len() + column <= 100 {
                return one_line;
            }
            let body: String = parts.iter().map(|part| format!("{pad}{part},\n")).collect();
            format!("[\n{body}{end}]")
        }
        Value::Object(map) => {
            if let (1, Some((name, value))) = (map.len(), map.iter().next()) {
                let inner = expression(value, column + 2, references);
                if !inner.contains('\n') {
                    return format!("{{ {} = {inner} }}", key(name));
                }
            }
            format!("{{\n{}{end}}}", entries(map, column + 2, references))
        }
        _ => String::new(),
    }
}

/// `key = value` lines, with `=` aligned over runs of single-line values as `terraform fmt` does.
fn entries(map: &Map<String, Value>, column: usize, references: bool) -> String {
    let rendered: Vec<(String, String)> = map
        .iter()
        .map(|(name, value)| (key(name), expression(value, column, references)))
        .collect();
    let mut out = String::new();
    let mut start = 0;
    while start < rendered.len() {
        let mut end = start;
        while end < rendered.len() && !rendered[end].1.contains('\n') {
            end += 1;
        }
        let run_end = end.max(start + 1).min(rendered.len());
        let width = rendered[start..run_end]
            .iter()
            .map(|(name, _)| name.chars().count())
            .max()
            .unwrap_or(0);
        for (name, value) in &rendered[start..run_end] {
            let padding = " ".repeat(width - name.chars().count());
            out.push_str(&format!(
                "{}{name}{padding} = {value}\n",
                " ".repeat(column)
            ));
        }
        start = run_end;
    }
    out
}

fn resource(kind: &str, name: &str, attributes: &Map<String, Value>) -> String {
    format!(
        "resource \"{kind}\" \"{name}\" {{\n{}}}\n",
        entries(attributes, 2, true)
    )
}

/// The Terraform configuration.
pub fn render(pattern: &Value, settings: &RuleSettings) -> Rendered {
    let mut rendered = Rendered::default();
    let rule = resource_name(&settings.name);
    let mut attributes = Map::new();
    attributes.insert("name".into(), settings.name.clone().into());
    if let Some(description) = settings.description.as_deref().filter(|d| !d.is_empty()) {
        attributes.insert("description".into(), description.into());
    }
    attributes.insert("event_bus_name".into(), settings.event_bus.clone().into());
    attributes.insert("state".into(), settings.state.as_str().into());
    let pattern_hcl = expression(pattern, 2, false);
    attributes.insert(
        "event_pattern".into(),
        reference(&format!("jsonencode({pattern_hcl})")),
    );
    let mut text = String::from(
        "# AWS provider 5.27.0 or later: the `state` argument (older code used is_enabled).\n",
    );
    if settings.region.is_some() || settings.account.is_some() {
        let mut provider = Map::new();
        if let Some(region) = &settings.region {
            provider.insert("region".into(), region.clone().into());
        }
        if let Some(account) = &settings.account {
            provider.insert(
                "allowed_account_ids".into(),
                Value::Array(vec![account.clone().into()]),
            );
        }
        text.push_str(&format!(
            "provider \"aws\" {{\n{}}}\n\n",
            entries(&provider, 2, false)
        ));
    }
    text.push_str(&resource("aws_cloudwatch_event_rule", &rule, &attributes));
    if let Some(resolved) = sns::resolve(settings) {
        let topic = resource_name(&resolved.topic_name);
        let topic_arn = if resolved.existing {
            Value::String(resolved.topic_arn.clone())
        } else {
            let mut topic_attributes = Map::new();
            topic_attributes.insert("name".into(), resolved.topic_name.clone().into());
            text.push('\n');
            text.push_str(&resource("aws_sns_topic", &topic, &topic_attributes));
            reference(&format!("aws_sns_topic.{topic}.arn"))
        };
        let policy = sns::topic_policy(
            topic_arn.clone(),
            reference(&format!("aws_cloudwatch_event_rule.{rule}.arn")),
        );
        let mut policy_attributes = Map::new();
        policy_attributes.insert("arn".into(), topic_arn.clone());
        policy_attributes.insert(
            "policy".into(),
            reference(&format!("jsonencode({})", expression(&policy, 2, true))),
        );
        text.push('\n');
        text.push_str(&resource(
            "aws_sns_topic_policy",
            &topic,
            &policy_attributes,
        ));
        let mut target = Map::new();
        target.insert(
            "rule".into(),
            reference(&format!("aws_cloudwatch_event_rule.{rule}.name")),
        );
        target.insert(
            "event_bus_name".into(),
            reference(&format!("aws_cloudwatch_event_rule.{rule}.event_bus_name")),
        );
        target.insert("target_id".into(), TARGET_ID.into());
        target.insert("arn".into(), topic_arn);
        let mut transformer_block = String::new();
        for (property, value) in crate::target::input_properties(&settings.input, &mut rendered) {
            match (property.as_str(), value) {
                ("InputTransformer", Value::Object(transformer)) => {
                    let mut fields = Map::new();
                    if let Some(paths) = transformer.get("InputPathsMap") {
                        fields.insert("input_paths".into(), paths.clone());
                    }
                    if let Some(template) = transformer.get("InputTemplate") {
                        fields.insert("input_template".into(), template.clone());
                    }
                    transformer_block = format!(
                        "\n  input_transformer {{\n{}  }}\n",
                        entries(&fields, 4, false)
                    );
                }
                ("Input", value) => {
                    target.insert("input".into(), value);
                }
                ("InputPath", value) => {
                    target.insert("input_path".into(), value);
                }
                _ => {}
            }
        }
        text.push('\n');
        let mut target_text = resource(
            "aws_cloudwatch_event_target",
            &format!("{rule}_sns"),
            &target,
        );
        if !transformer_block.is_empty() {
            // A block, not an attribute: insert it before the resource's closing brace.
            target_text.truncate(target_text.len() - 2);
            target_text.push_str(&transformer_block);
            target_text.push_str("}\n");
        }
        text.push_str(&target_text);
        if resolved.existing {
            rendered.warn(
                "aws_sns_topic_policy replaces the existing topic's whole access policy: merge in any statements it already has",
            );
        }
    }
    rendered.blocks.push(Block::file("main.tf", "hcl", text));
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_strings() {
        let keys = [
            ("source", "source"),
            ("detail-type", "\"detail-type\""),
            ("$or", "\"$or\""),
            ("null", "\"null\""),
            ("9lives", "\"9lives\""),
            ("a.b", "\"a.b\""),
        ];
        for (name, want) in keys {
            assert_eq!(key(name), want, "{name}");
        }
        let strings = [
            ("plain", "\"plain\""),
            ("${var.x}", "\"$${var.x}\""),
            ("%{ if }", "\"%%{ if }\""),
            ("$5 and 100%", "\"$5 and 100%\""),
            ("q\"b\\n\n", "\"q\\\"b\\\\n\\n\""),
            ("bell\u{7}", "\"bell\\u0007\""),
            ("é", "\"é\""),
        ];
        for (text, want) in strings {
            assert_eq!(string(text), want, "{text:?}");
        }
    }

    #[test]
    fn nested_expression_layout() {
        let text = r#"{"source": ["aws.ec2"], "detail-type": ["X"], "detail": {"n": [{"numeric": [">", 1.50]}]}}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        let want = "{\n  source        = [\"aws.ec2\"]\n  \"detail-type\" = [\"X\"]\n  detail        = { n = [{ numeric = [\">\", 1.50] }] }\n}";
        assert_eq!(expression(&value, 0, false), want);
    }
}
