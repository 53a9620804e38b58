//! The target's input configuration in AWS's property names (`InputTransformer` with
//! `InputPathsMap` + `InputTemplate`, `Input`, `InputPath`), shared by every export format so they
//! all carry the same transformer, and the `Targets` entry `PutTargets` takes.

use crate::rendered::Rendered;
use eventpen_transform::{PathsMap, TargetInput};
use serde_json::{Map, Value, json};

/// The input properties of a target (empty for the matched event). A configuration with errors
/// is left out with a warning naming the first one, so no export carries what AWS rejects.
pub fn input_properties(input: &TargetInput, rendered: &mut Rendered) -> Map<String, Value> {
    let mut properties = Map::new();
    let problems = input.check();
    if let Some(error) = problems.iter().find(|problem| problem.is_error()) {
        rendered.warn(format!(
            "The target input is left out of the export until it is fixed: {error}"
        ));
        return properties;
    }
    for warning in &problems {
        rendered.warn(format!("Target input: {warning}"));
    }
    match input {
        TargetInput::MatchedEvent => {}
        TargetInput::Constant(text) => {
            properties.insert("Input".into(), text.clone().into());
        }
        TargetInput::Path(path) => {
            properties.insert("InputPath".into(), path.clone().into());
        }
        TargetInput::Transformer {
            paths_map,
            template,
        } => {
            let mut transformer = Map::new();
            let pairs = PathsMap::parse(paths_map)
                .map(|map| map.pairs())
                .unwrap_or_default();
            if !pairs.is_empty() {
                let map: Map<String, Value> = pairs
                    .into_iter()
                    .map(|(name, path)| (name, Value::String(path)))
                    .collect();
                transformer.insert("InputPathsMap".into(), Value::Object(map));
            }
            transformer.insert("InputTemplate".into(), template.clone().into());
            properties.insert("InputTransformer".into(), Value::Object(transformer));
        }
    }
    properties
}

/// One `Targets` entry: `Id`, `Arn` and the input properties.
pub fn target_entry(id: &str, arn: Value, input: &Map<String, Value>) -> Value {
    let mut entry = Map::new();
    entry.insert("Id".into(), id.into());
    entry.insert("Arn".into(), arn);
    entry.extend(input.clone());
    Value::Object(entry)
}

/// The `Targets` list `put-targets` takes, with one target.
pub fn targets_list(id: &str, arn: &str, input: &Map<String, Value>) -> Value {
    json!([target_entry(id, Value::String(arn.to_owned()), input)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_input_kind_has_its_aws_property() {
        let cases = [
            (TargetInput::MatchedEvent, json!({})),
            (
                TargetInput::Constant("{\"a\":1}".into()),
                json!({"Input": "{\"a\":1}"}),
            ),
            (
                TargetInput::Path("$.detail".into()),
                json!({"InputPath": "$.detail"}),
            ),
            (
                TargetInput::Transformer {
                    paths_map: r#"{"u": "$.detail.user"}"#.into(),
                    template: "<u> did it".into(),
                },
                json!({"InputTransformer": {"InputPathsMap": {"u": "$.detail.user"}, "InputTemplate": "<u> did it"}}),
            ),
            (TargetInput::Path("$..x".into()), json!({})),
        ];
        for (input, want) in cases {
            let mut rendered = Rendered::default();
            assert_eq!(
                Value::Object(input_properties(&input, &mut rendered)),
                want,
                "{input:?}"
            );
        }
    }
}
