//! Pulumi (TypeScript): `aws.cloudwatch.EventRule` with `eventPattern: JSON.stringify({…})`
//! (the provider takes the pattern as a string), plus the SNS topic, policy and target.

use crate::code_literal::{Lang, string, write_value};
use crate::rendered::{Block, Rendered};
use crate::settings::RuleSettings;
use crate::sns::{self, TARGET_ID};
use serde_json::Value;

/// The Pulumi program.
pub fn render(pattern: &Value, settings: &RuleSettings) -> Rendered {
    let mut rendered = Rendered::default();
    let s = |text: &str| string(Lang::TypeScript, text);
    let mut out = String::from("import * as aws from '@pulumi/aws';\n");
    let resolved = sns::resolve(settings);
    if resolved.is_some() {
        out.push_str("import * as pulumi from '@pulumi/pulumi';\n");
    }
    out.push_str(
        "\n// JSON.stringify writes numbers in JavaScript's form (1.50 becomes 1.5): same value to EventBridge.\n",
    );
    out.push_str(&format!(
        "export const rule = new aws.cloudwatch.EventRule({}, {{\n",
        s(&settings.name)
    ));
    out.push_str(&format!("  name: {},\n", s(&settings.name)));
    if let Some(description) = settings.description.as_deref().filter(|d| !d.is_empty()) {
        out.push_str(&format!("  description: {},\n", s(description)));
    }
    out.push_str(&format!("  eventBusName: {},\n", s(&settings.event_bus)));
    out.push_str(&format!("  state: {},\n", s(settings.state.as_str())));
    out.push_str(&format!(
        "  eventPattern: JSON.stringify({}),\n}});\n",
        write_value(Lang::TypeScript, pattern, 2)
    ));
    if let Some(resolved) = resolved {
        let topic_arn = if resolved.existing {
            s(&resolved.topic_arn)
        } else {
            out.push_str(&format!(
                "\nexport const topic = new aws.sns.Topic({}, {{ name: {} }});\n",
                s(&resolved.topic_name),
                s(&resolved.topic_name)
            ));
            "topic.arn".to_owned()
        };
        out.push_str(&format!(
            "\nconst topicPolicy = new aws.sns.TopicPolicy({}, {{\n  arn: {topic_arn},\n  policy: pulumi\n    .all([{topic_arn}, rule.arn])\n    .apply(([topicArn, ruleArn]) =>\n      JSON.stringify({{\n        Version: '2012-10-17',\n        Statement: [\n          {{\n            Sid: 'AllowEventBridgeRuleToPublish',\n            Effect: 'Allow',\n            Principal: {{ Service: 'events.amazonaws.com' }},\n            Action: 'sns:Publish',\n            Resource: topicArn,\n            Condition: {{ ArnEquals: {{ 'aws:SourceArn': ruleArn }} }},\n          }},\n        ],\n      }}),\n    ),\n}});\n",
            s(&format!("{}-policy", resolved.topic_name))
        ));
        let mut input_lines = String::new();
        for (property, value) in crate::target::input_properties(&settings.input, &mut rendered) {
            let line = match (property.as_str(), &value) {
                ("InputTransformer", Value::Object(transformer)) => {
                    let mut fields = String::new();
                    if let Some(paths) = transformer.get("InputPathsMap") {
                        fields.push_str(&format!(
                            "    inputPaths: {},\n",
                            write_value(Lang::TypeScript, paths, 4)
                        ));
                    }
                    if let Some(Value::String(template)) = transformer.get("InputTemplate") {
                        fields.push_str(&format!("    inputTemplate: {},\n", s(template)));
                    }
                    format!("  inputTransformer: {{\n{fields}  }},\n")
                }
                ("Input", Value::String(text)) => format!("  input: {},\n", s(text)),
                ("InputPath", Value::String(path)) => format!("  inputPath: {},\n", s(path)),
                _ => continue,
            };
            input_lines.push_str(&line);
        }
        out.push_str(&format!(
            "\nexport const target = new aws.cloudwatch.EventTarget({}, {{\n  rule: rule.name,\n  eventBusName: rule.eventBusName,\n  targetId: {},\n  arn: {topic_arn},\n{input_lines}}}, {{ dependsOn: [topicPolicy] }});\n",
            s(&format!("{}-sns", settings.name)),
            s(TARGET_ID)
        ));
        if resolved.existing {
            rendered.warn("aws.sns.TopicPolicy replaces the existing topic's whole access policy: merge in any statements it already has");
        }
    }
    rendered
        .blocks
        .push(Block::file("index.ts", "typescript", out));
    rendered
}
