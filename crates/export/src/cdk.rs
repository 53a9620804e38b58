//! AWS CDK v2 (TypeScript and Python): `events.Rule` with `eventPattern` written with
//! `events.Match` helpers where a helper produces exactly the pattern's JSON, else raw JSON.
//!
//! A helper is used only when its output equals the element: `Match.anythingBut(...)` always
//! writes a list, so `{"anything-but": "x"}` (a single value) stays raw. Raw values are valid
//! everywhere under `detail`; top-level fields are typed `string[]`, so a non-string raw value
//! there is wrapped in `Match.anyOf(...)`, which flattens its arguments into the same list.

use crate::code_literal::{Expr, Lang, write};
use crate::operators::{OperatorKind, classify};
use crate::rendered::{Block, Rendered};
use crate::settings::{RuleSettings, RuleState, parse_event_bus_arn};
use crate::sns;
use serde_json::{Map, Value};

fn call(name: &str, args: Vec<Expr>) -> Expr {
    Expr::Call(format!("events.Match.{name}"), args)
}

fn raw(value: &Value) -> Expr {
    Expr::Raw(value.clone())
}

fn strings(value: &Value) -> Option<Vec<Expr>> {
    let items = value.as_array()?;
    (!items.is_empty() && items.iter().all(Value::is_string))
        .then(|| items.iter().map(raw).collect())
}

fn inner<'a>(element: &'a Value, outer: &str, key: &str) -> Option<&'a Value> {
    element.get(outer)?.get(key)
}

/// The `events.Match` helper for one leaf element, if one writes exactly that element.
pub fn helper(element: &Value) -> Option<Expr> {
    let text = |key: &str| element.get(key).filter(|value| value.is_string()).map(raw);
    match classify(element) {
        OperatorKind::Prefix => Some(call("prefix", vec![text("prefix")?])),
        OperatorKind::Suffix => Some(call("suffix", vec![text("suffix")?])),
        OperatorKind::EqualsIgnoreCase => {
            Some(call("equalsIgnoreCase", vec![text("equals-ignore-case")?]))
        }
        OperatorKind::PrefixIgnoreCase => {
            let value = inner(element, "prefix", "equals-ignore-case").filter(|v| v.is_string())?;
            Some(call("prefixEqualsIgnoreCase", vec![raw(value)]))
        }
        OperatorKind::SuffixIgnoreCase => {
            let value = inner(element, "suffix", "equals-ignore-case").filter(|v| v.is_string())?;
            Some(call("suffixEqualsIgnoreCase", vec![raw(value)]))
        }
        OperatorKind::Wildcard => Some(call("wildcard", vec![text("wildcard")?])),
        OperatorKind::Cidr => {
            // Match.cidr checks the range with a regex that mishandles some IPv6 forms.
            let range = element.get("cidr")?.as_str()?;
            (!range.contains(':'))
                .then(|| call("cidr", vec![raw(&Value::String(range.to_owned()))]))
        }
        OperatorKind::Exists => Some(call("exists", vec![])),
        OperatorKind::DoesNotExist => Some(call("doesNotExist", vec![])),
        OperatorKind::AnythingBut => {
            let items = element.get("anything-but")?.as_array()?;
            let same_kind =
                items.iter().all(Value::is_string) || items.iter().all(Value::is_number);
            (!items.is_empty() && same_kind)
                .then(|| call("anythingBut", items.iter().map(raw).collect()))
        }
        OperatorKind::AnythingButPrefix => Some(call(
            "anythingButPrefix",
            strings(inner(element, "anything-but", "prefix")?)?,
        )),
        OperatorKind::AnythingButSuffix => Some(call(
            "anythingButSuffix",
            strings(inner(element, "anything-but", "suffix")?)?,
        )),
        OperatorKind::AnythingButIgnoreCase => Some(call(
            "anythingButEqualsIgnoreCase",
            strings(inner(element, "anything-but", "equals-ignore-case")?)?,
        )),
        OperatorKind::AnythingButWildcard => Some(call(
            "anythingButWildcard",
            strings(inner(element, "anything-but", "wildcard")?)?,
        )),
        OperatorKind::Numeric => numeric(element.get("numeric")?.as_array()?),
        OperatorKind::Exact | OperatorKind::Or | OperatorKind::Unknown => None,
    }
}

fn comparison(operator: &Value, number: &Value) -> Option<Expr> {
    let name = match operator.as_str()? {
        ">" => "greaterThan",
        ">=" => "greaterThanOrEqual",
        "<" => "lessThan",
        "<=" => "lessThanOrEqual",
        "=" => "equal",
        _ => return None,
    };
    number.is_number().then(|| call(name, vec![raw(number)]))
}

fn numeric(terms: &[Value]) -> Option<Expr> {
    match terms {
        [operator, number] => comparison(operator, number),
        [low_op, low, high_op, high] => {
            if low_op == ">=" && high_op == "<=" {
                Some(call("interval", vec![raw(low), raw(high)]))
            } else {
                Some(call(
                    "allOf",
                    vec![comparison(low_op, low)?, comparison(high_op, high)?],
                ))
            }
        }
        _ => None,
    }
}

/// One leaf array; `typed` when the field is typed `string[]` (top level of `EventPattern`).
fn leaf(elements: &[Value], typed: bool) -> Expr {
    let exprs: Vec<Expr> = elements
        .iter()
        .map(|element| helper(element).unwrap_or_else(|| raw(element)))
        .collect();
    let all_raw = exprs.iter().all(|expr| matches!(expr, Expr::Raw(_)));
    let all_strings = elements.iter().all(Value::is_string);
    match &exprs[..] {
        [only @ Expr::Call(..)] => only.clone(),
        _ if all_raw && (!typed || all_strings) => Expr::Array(exprs),
        _ => call("anyOf", exprs),
    }
}

/// A pattern object (below the top level) as an expression.
fn object(map: &Map<String, Value>) -> Expr {
    Expr::Object(
        map.iter()
            .map(|(key, value)| (key.clone(), field(value, false)))
            .collect(),
    )
}

fn field(value: &Value, typed: bool) -> Expr {
    match value {
        Value::Array(elements)
            if elements.iter().all(Value::is_object)
                && !elements.is_empty()
                && elements
                    .iter()
                    .all(|element| classify(element) == OperatorKind::Unknown) =>
        {
            // `$or` branches (the only array of plain objects a valid pattern has).
            Expr::Array(
                elements
                    .iter()
                    .map(|branch| match branch {
                        Value::Object(map) => object(map),
                        other => raw(other),
                    })
                    .collect(),
            )
        }
        Value::Array(elements) => leaf(elements, typed),
        Value::Object(map) => object(map),
        other => raw(other),
    }
}

/// Top-level fields of the CDK `EventPattern` interface: pattern key → property name.
const TYPED_FIELDS: [(&str, &str); 8] = [
    ("version", "version"),
    ("id", "id"),
    ("detail-type", "detailType"),
    ("source", "source"),
    ("account", "account"),
    ("time", "time"),
    ("region", "region"),
    ("resources", "resources"),
];

/// The `eventPattern` entries the interface types, and the other top-level keys.
/// Top-level entries: typed properties (with expressions) and raw extra keys.
struct TopLevel {
    typed: Vec<(String, Expr)>,
    extra: Vec<(String, Value)>,
}

fn split_top_level(pattern: &Map<String, Value>) -> TopLevel {
    let mut typed = Vec::new();
    let mut extra = Vec::new();
    for (key, value) in pattern {
        if let Some((_, property)) = TYPED_FIELDS.iter().find(|(json, _)| json == key)
            && value.is_array()
        {
            typed.push(((*property).to_owned(), field(value, true)));
        } else if key == "detail" && value.is_object() {
            typed.push(("detail".to_owned(), field(value, false)));
        } else {
            extra.push((key.clone(), value.clone()));
        }
    }
    TopLevel { typed, extra }
}

const PITFALLS: [&str; 6] = [
    "Pass this eventPattern to events.Rule only: Rule renames detailType to detail-type; CfnRule and some older constructs (Archive) do not (aws-cdk #5703, #14282, #14905, #16563).",
    "trail.onCloudTrailEvent() / bucket.onCloudTrailEvent() add detail-type \"AWS API Call via CloudTrail\" to a pattern, so e.g. console sign-in events stop matching (aws-cdk #4666).",
    "Numbers pass through JavaScript: 1.50 synthesizes as 1.5 and 1e2 as 100 (same value to EventBridge).",
    "Match helpers were added over CDK v2 releases (prefixEqualsIgnoreCase, anythingButWildcard, ...): upgrade aws-cdk-lib if one is missing.",
    "Patterns merged with rule.addEventPattern() combine Match tokens field by field; check the synthesized template (aws-cdk PR #36602).",
    "targets.SnsTopic grants events.amazonaws.com sns:Publish on the topic without an aws:SourceArn condition.",
];

fn bus_expr(lang: Lang, settings: &RuleSettings) -> Option<String> {
    if settings.is_default_bus() {
        return None;
    }
    let s = |text: &str| crate::code_literal::string(lang, text);
    let (method, value) = if parse_event_bus_arn(&settings.event_bus).is_ok() {
        ("fromEventBusArn", &settings.event_bus)
    } else {
        ("fromEventBusName", &settings.event_bus)
    };
    let scope = if lang == Lang::Python { "self" } else { "this" };
    Some(format!(
        "events.EventBus.{}({scope}, {}, {})",
        crate::code_literal::function_name(lang, method),
        s("EventBus"),
        s(value)
    ))
}

/// CDK export in TypeScript or Python.
pub fn render(pattern: &Value, settings: &RuleSettings, lang: Lang) -> Rendered {
    let mut rendered = Rendered::default();
    let empty = Map::new();
    let map = pattern.as_object().unwrap_or(&empty);
    let TopLevel { typed, extra } = split_top_level(map);
    if map.contains_key("detailType") {
        rendered.warn("A top-level field named detailType is renamed to detail-type by CDK's Rule: use CfnRule for this pattern");
    }
    for (key, _) in &extra {
        rendered.warn(format!(
            "CDK's EventPattern has no typed property for top-level {key:?}: it is written raw{}",
            if lang == Lang::Python {
                " with add_property_override"
            } else {
                " (the object is cast to events.EventPattern)"
            }
        ));
    }
    let text = match lang {
        Lang::TypeScript => typescript(settings, typed, &extra),
        Lang::Python => python(settings, typed, &extra),
    };
    let (file, language) = match lang {
        Lang::TypeScript => ("lib/eventpen-rule-stack.ts", "typescript"),
        Lang::Python => ("eventpen_rule_stack.py", "python"),
    };
    rendered.blocks.push(Block::file(file, language, text));
    if let Some(resolved) = sns::resolve(settings)
        && resolved.existing
    {
        rendered.warn("An imported topic's policy cannot be changed by CDK: allow events.amazonaws.com to publish to it yourself");
    }
    rendered
}

fn class_name(settings: &RuleSettings) -> String {
    crate::cloudformation::logical_id(&settings.name, "Stack")
}

fn typescript(
    settings: &RuleSettings,
    typed: Vec<(String, Expr)>,
    extra: &[(String, Value)],
) -> String {
    let lang = Lang::TypeScript;
    let s = |text: &str| crate::code_literal::string(lang, text);
    let mut entries = typed;
    entries.extend(
        extra
            .iter()
            .map(|(key, value)| (key.clone(), Expr::Raw(value.clone()))),
    );
    let mut pattern_text = write(lang, &Expr::Object(entries), 6);
    if !extra.is_empty() {
        pattern_text.push_str(" as events.EventPattern");
    }
    let resolved = sns::resolve(settings);
    let mut out = String::from(
        "import * as cdk from 'aws-cdk-lib';\nimport * as events from 'aws-cdk-lib/aws-events';\n",
    );
    if resolved.is_some() {
        out.push_str("import * as targets from 'aws-cdk-lib/aws-events-targets';\nimport * as sns from 'aws-cdk-lib/aws-sns';\n");
    }
    out.push_str("import { Construct } from 'constructs';\n\n// CDK pitfalls:\n");
    for pitfall in PITFALLS {
        out.push_str(&format!("// - {pitfall}\n"));
    }
    out.push_str(&format!(
        "export class {} extends cdk.Stack {{\n  constructor(scope: Construct, id: string, props?: cdk.StackProps) {{\n    super(scope, id, props);\n\n",
        class_name(settings)
    ));
    out.push_str(&format!(
        "    const rule = new events.Rule(this, {}, {{\n",
        s(&crate::cloudformation::logical_id(&settings.name, "Rule"))
    ));
    out.push_str(&format!("      ruleName: {},\n", s(&settings.name)));
    if let Some(description) = settings.description.as_deref().filter(|d| !d.is_empty()) {
        out.push_str(&format!("      description: {},\n", s(description)));
    }
    if let Some(bus) = bus_expr(lang, settings) {
        out.push_str(&format!("      eventBus: {bus},\n"));
    }
    out.push_str(&format!(
        "      enabled: {},\n",
        settings.state != RuleState::Disabled
    ));
    out.push_str(&format!("      eventPattern: {pattern_text},\n    }});\n"));
    if settings.state == RuleState::EnabledWithAllCloudTrailManagementEvents {
        out.push_str("    // The L2 Rule only knows enabled: true/false; set the CloudTrail state on the CfnRule.\n");
        out.push_str(&format!(
            "    (rule.node.defaultChild as events.CfnRule).addPropertyOverride('State', {});\n",
            s(settings.state.as_str())
        ));
    }
    if let Some(resolved) = resolved {
        let topic_id = crate::cloudformation::logical_id(&resolved.topic_name, "Topic");
        if resolved.existing {
            out.push_str(&format!(
                "\n    const topic = sns.Topic.fromTopicArn(this, {}, {});\n",
                s(&topic_id),
                s(&resolved.topic_arn)
            ));
        } else {
            out.push_str(&format!(
                "\n    const topic = new sns.Topic(this, {}, {{ topicName: {} }});\n",
                s(&topic_id),
                s(&resolved.topic_name)
            ));
        }
        out.push_str("    rule.addTarget(new targets.SnsTopic(topic));\n");
    }
    out.push_str("  }\n}\n");
    out
}

fn python(
    settings: &RuleSettings,
    typed: Vec<(String, Expr)>,
    extra: &[(String, Value)],
) -> String {
    let lang = Lang::Python;
    let s = |text: &str| crate::code_literal::string(lang, text);
    let resolved = sns::resolve(settings);
    let mut out =
        String::from("from aws_cdk import Stack\nfrom aws_cdk import aws_events as events\n");
    if resolved.is_some() {
        out.push_str("from aws_cdk import aws_events_targets as targets\nfrom aws_cdk import aws_sns as sns\n");
    }
    out.push_str("from constructs import Construct\n\n# CDK pitfalls:\n");
    for pitfall in PITFALLS {
        out.push_str(&format!(
            "# - {}\n",
            pitfall
                .replace("detailType", "detail_type")
                .replace("addEventPattern", "add_event_pattern")
                .replace("onCloudTrailEvent", "on_cloud_trail_event")
        ));
    }
    out.push_str(&format!(
        "\n\nclass {}(Stack):\n    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:\n        super().__init__(scope, construct_id, **kwargs)\n\n",
        class_name(settings)
    ));
    out.push_str("        rule = events.Rule(\n            self,\n");
    out.push_str(&format!(
        "            {},\n",
        s(&crate::cloudformation::logical_id(&settings.name, "Rule"))
    ));
    out.push_str(&format!("            rule_name={},\n", s(&settings.name)));
    if let Some(description) = settings.description.as_deref().filter(|d| !d.is_empty()) {
        out.push_str(&format!("            description={},\n", s(description)));
    }
    if let Some(bus) = bus_expr(lang, settings) {
        out.push_str(&format!("            event_bus={bus},\n"));
    }
    let enabled = if settings.state == RuleState::Disabled {
        "False"
    } else {
        "True"
    };
    out.push_str(&format!("            enabled={enabled},\n"));
    out.push_str("            event_pattern=events.EventPattern(\n");
    for (property, expr) in typed {
        let name = crate::code_literal::function_name(lang, &property);
        out.push_str(&format!(
            "                {name}={},\n",
            write(lang, &expr, 16)
        ));
    }
    out.push_str("            ),\n        )\n");
    let mut overrides = Vec::new();
    if settings.state == RuleState::EnabledWithAllCloudTrailManagementEvents {
        overrides.push(("State".to_owned(), s(settings.state.as_str())));
    }
    for (key, value) in extra {
        let path = format!("EventPattern.{}", key.replace('.', "\\."));
        overrides.push((path, crate::code_literal::write_value(lang, value, 8)));
    }
    if !overrides.is_empty() {
        out.push_str(
            "        # Properties the L2 Rule cannot express, set on the underlying CfnRule.\n",
        );
        out.push_str("        cfn_rule = rule.node.default_child\n");
        for (path, value) in overrides {
            out.push_str(&format!(
                "        cfn_rule.add_property_override({}, {value})\n",
                s(&path)
            ));
        }
    }
    if let Some(resolved) = resolved {
        let topic_id = crate::cloudformation::logical_id(&resolved.topic_name, "Topic");
        if resolved.existing {
            out.push_str(&format!(
                "\n        topic = sns.Topic.from_topic_arn(self, {}, {})\n",
                s(&topic_id),
                s(&resolved.topic_arn)
            ));
        } else {
            out.push_str(&format!(
                "\n        topic = sns.Topic(self, {}, topic_name={})\n",
                s(&topic_id),
                s(&resolved.topic_name)
            ));
        }
        out.push_str("        rule.add_target(targets.SnsTopic(topic))\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_literal::write;
    use serde_json::json;

    fn ts(element: Value) -> String {
        helper(&element).map_or_else(
            || "raw".to_owned(),
            |expr| write(Lang::TypeScript, &expr, 0),
        )
    }

    #[test]
    fn helpers_only_where_they_write_the_same_json() {
        let cases = [
            (json!("a"), "raw"),
            (json!({"prefix": "a"}), "events.Match.prefix('a')"),
            (
                json!({"prefix": {"equals-ignore-case": "a"}}),
                "events.Match.prefixEqualsIgnoreCase('a')",
            ),
            (json!({"suffix": ".png"}), "events.Match.suffix('.png')"),
            (
                json!({"suffix": {"equals-ignore-case": "a"}}),
                "events.Match.suffixEqualsIgnoreCase('a')",
            ),
            (
                json!({"equals-ignore-case": "a"}),
                "events.Match.equalsIgnoreCase('a')",
            ),
            (
                json!({"anything-but": ["a", "b"]}),
                "events.Match.anythingBut('a', 'b')",
            ),
            (
                json!({"anything-but": [1, 2]}),
                "events.Match.anythingBut(1, 2)",
            ),
            (json!({"anything-but": "a"}), "raw"),
            (
                json!({"anything-but": {"prefix": ["a"]}}),
                "events.Match.anythingButPrefix('a')",
            ),
            (json!({"anything-but": {"prefix": "a"}}), "raw"),
            (
                json!({"anything-but": {"suffix": ["a"]}}),
                "events.Match.anythingButSuffix('a')",
            ),
            (
                json!({"anything-but": {"equals-ignore-case": ["a"]}}),
                "events.Match.anythingButEqualsIgnoreCase('a')",
            ),
            (
                json!({"anything-but": {"wildcard": ["*a"]}}),
                "events.Match.anythingButWildcard('*a')",
            ),
            (json!({"numeric": [">", 1]}), "events.Match.greaterThan(1)"),
            (
                serde_json::from_str(r#"{"numeric": ["=", 1.50]}"#).unwrap(),
                "events.Match.equal(1.50)",
            ),
            (
                json!({"numeric": [">=", 0, "<=", 9]}),
                "events.Match.interval(0, 9)",
            ),
            (
                json!({"numeric": [">", 0, "<", 9]}),
                "events.Match.allOf(events.Match.greaterThan(0), events.Match.lessThan(9))",
            ),
            (json!({"exists": true}), "events.Match.exists()"),
            (json!({"exists": false}), "events.Match.doesNotExist()"),
            (
                json!({"cidr": "10.0.0.0/8"}),
                "events.Match.cidr('10.0.0.0/8')",
            ),
            (json!({"cidr": "2001:db8::/32"}), "raw"),
            (json!({"wildcard": "a*b"}), "events.Match.wildcard('a*b')"),
        ];
        for (element, want) in cases {
            assert_eq!(ts(element.clone()), want, "{element}");
        }
    }

    #[test]
    fn leaves_combine_with_any_of() {
        let cases = [
            (json!(["a", "b"]), false, "['a', 'b']"),
            (json!([1, null]), false, "[1, null]"),
            (json!([1, null]), true, "events.Match.anyOf(1, null)"),
            (
                json!([{"prefix": "a"}, "b"]),
                true,
                "events.Match.anyOf(events.Match.prefix('a'), 'b')",
            ),
            (
                json!([{"anything-but": "a"}]),
                false,
                "[{ 'anything-but': 'a' }]",
            ),
        ];
        for (elements, typed, want) in cases {
            let elements = elements.as_array().unwrap().clone();
            assert_eq!(write(Lang::TypeScript, &leaf(&elements, typed), 0), want);
        }
    }
}
