//! Terraform and Pipes exports parse back to the pattern: the HCL is read with hcl-rs and the
//! argument of `jsonencode(...)` evaluated (numbers compared by value: Terraform normalises
//! them); the Pipes `Filters[].Pattern` string is the pattern's JSON.
mod common;

use common::render;
use common::{numbers_by_value, only_block, settings_variants};
use eventpen_export::{Format, RuleSettings};
use serde_json::{Value, json};

/// The evaluated argument of `jsonencode(...)` in attribute `attribute` of the first
/// resource of `kind`.
fn terraform_jsonencode(text: &str, kind: &str, attribute: &str) -> Value {
    use hcl::eval::{Context, Evaluate};
    let body = hcl::parse(text).unwrap_or_else(|error| panic!("{error}\n{text}"));
    let block = body
        .blocks()
        .find(|block| block.identifier() == "resource" && block.labels()[0].as_str() == kind)
        .unwrap_or_else(|| panic!("resource {kind}"));
    let attr = block
        .body
        .attributes()
        .find(|attr| attr.key() == attribute)
        .unwrap();
    let hcl::Expression::FuncCall(call) = attr.expr() else {
        panic!("{attribute} is not a call")
    };
    assert_eq!(call.name.to_string(), "jsonencode");
    let value = call.args[0]
        .evaluate(&Context::new())
        .unwrap_or_else(|error| panic!("{error}\n{text}"));
    serde_json::to_value(value).unwrap()
}

#[test]
fn terraform_jsonencode_argument_is_the_pattern() {
    for (name, pattern) in common::all_patterns() {
        let text = only_block(Format::Terraform, &pattern, &RuleSettings::default());
        let value = terraform_jsonencode(&text, "aws_cloudwatch_event_rule", "event_pattern");
        assert_eq!(
            numbers_by_value(&value),
            numbers_by_value(&pattern),
            "{name}\n{text}"
        );
    }
}

#[test]
fn terraform_sns_resources() {
    let text = only_block(
        Format::Terraform,
        &json!({"source": ["a"]}),
        &settings_variants()[1],
    );
    let body = hcl::parse(&text).unwrap();
    let kinds: Vec<String> = body
        .blocks()
        .map(|block| block.labels()[0].as_str().to_owned())
        .collect();
    assert_eq!(
        kinds,
        [
            "aws_cloudwatch_event_rule",
            "aws_sns_topic",
            "aws_sns_topic_policy",
            "aws_cloudwatch_event_target"
        ]
    );
    assert!(
        text.contains("\"aws:SourceArn\" = aws_cloudwatch_event_rule.orders_created_v2.arn"),
        "{text}"
    );
    assert!(
        text.contains("description    = \"yes: it's \\\"quoted\\\" $${x}\""),
        "{text}"
    );
}

#[test]
fn pipes_filter_pattern_string_is_the_pattern() {
    for (name, pattern) in common::all_patterns() {
        let rendered = render(Format::PipesFilter, &pattern, &RuleSettings::default());
        let criteria: Value =
            serde_json::from_str(&rendered.file("filter-criteria.json").unwrap().text).unwrap();
        let text = criteria["Filters"][0]["Pattern"].as_str().unwrap();
        assert_eq!(text, pattern.to_string(), "{name}");
        let source: Value =
            serde_json::from_str(&rendered.file("source-parameters.json").unwrap().text).unwrap();
        assert_eq!(source["FilterCriteria"], criteria);
    }
}
