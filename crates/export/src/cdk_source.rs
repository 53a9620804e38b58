//! The CDK source files (TypeScript and Python) around the pattern mapped by `cdk`: the stack
//! class, the rule's settings, the states the L2 `Rule` cannot express (set on the `CfnRule`),
//! the SNS target, and the CDK pitfalls as comments.

use crate::cdk::{TopLevel, split_top_level};
use crate::code_literal::{Expr, Lang, write, write_value};
use crate::rendered::{Block, Rendered};
use crate::settings::{RuleSettings, RuleState, parse_event_bus_arn};
use crate::sns;
use eventpen_pattern::PatternModel;
use serde_json::Value;

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
pub fn render(pattern: &PatternModel, settings: &RuleSettings, lang: Lang) -> Rendered {
    let mut rendered = Rendered::default();
    let TopLevel { typed, extra } = split_top_level(pattern);
    if extra.iter().any(|(key, _)| key == "detailType") {
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
        Lang::TypeScript => typescript(settings, typed, &extra, &mut rendered),
        Lang::Python => python(settings, typed, &extra, &mut rendered),
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
    rendered: &mut Rendered,
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
        let input = crate::target::input_properties(&settings.input, rendered);
        if !input.is_empty() {
            out.push_str("    // The target input exactly as EventBridge takes it (the first target is the topic).\n");
        }
        for (property, value) in &input {
            out.push_str(&format!(
                "    (rule.node.defaultChild as events.CfnRule).addPropertyOverride({}, {});\n",
                s(&format!("Targets.0.{property}")),
                write_value(Lang::TypeScript, value, 4)
            ));
        }
    }
    out.push_str("  }\n}\n");
    out
}

fn python(
    settings: &RuleSettings,
    typed: Vec<(String, Expr)>,
    extra: &[(String, Value)],
    rendered: &mut Rendered,
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
        let input = crate::target::input_properties(&settings.input, rendered);
        if !input.is_empty() {
            out.push_str("        # The target input exactly as EventBridge takes it (the first target is the topic).\n");
        }
        for (property, value) in &input {
            out.push_str(&format!(
                "        rule.node.default_child.add_property_override({}, {})\n",
                s(&format!("Targets.0.{property}")),
                write_value(Lang::Python, value, 8)
            ));
        }
    }
    out
}
