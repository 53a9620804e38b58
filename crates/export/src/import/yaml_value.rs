//! YAML templates read into JSON values with saphyr (YAML 1.2), CloudFormation short tags
//! (`!Ref`, `!GetAtt`, `!Sub`, …) expanded to their long forms, errors at the line and column.

use super::ImportError;
use saphyr::{LoadableYamlNode, Scalar, Yaml};
use serde_json::{Map, Value, json};

/// The single YAML document in `text`, as JSON.
pub fn parse(text: &str) -> Result<Value, ImportError> {
    let docs = Yaml::load_from_str(text).map_err(|error| {
        let marker = error.marker();
        ImportError::new(
            marker.line(),
            marker.col() + 1,
            format!("not valid YAML: {}", error.info()),
        )
    })?;
    let Some(doc) = docs.first() else {
        return Err(ImportError::whole("the YAML holds no document"));
    };
    Ok(to_json(doc))
}

fn to_json(node: &Yaml) -> Value {
    match node {
        Yaml::Value(Scalar::Null) => Value::Null,
        Yaml::Value(Scalar::Boolean(flag)) => Value::Bool(*flag),
        Yaml::Value(Scalar::Integer(number)) => json!(number),
        Yaml::Value(Scalar::FloatingPoint(number)) => {
            serde_json::Number::from_f64(number.into_inner()).map_or(Value::Null, Value::Number)
        }
        Yaml::Value(Scalar::String(text)) => Value::String(text.to_string()),
        Yaml::Sequence(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Mapping(map) => {
            let mut object = Map::new();
            for (key, value) in map {
                let key = match to_json(key) {
                    Value::String(key) => key,
                    other => other.to_string(),
                };
                object.insert(key, to_json(value));
            }
            Value::Object(object)
        }
        Yaml::Tagged(tag, inner) => {
            let inner = to_json(inner);
            match (tag.suffix.as_str(), inner) {
                ("Ref", inner) => json!({"Ref": inner}),
                ("Condition", inner) => json!({"Condition": inner}),
                ("GetAtt", Value::String(text)) => match text.split_once('.') {
                    Some((resource, attribute)) => json!({"Fn::GetAtt": [resource, attribute]}),
                    None => json!({"Fn::GetAtt": text}),
                },
                (function, inner) => json!({ format!("Fn::{function}"): inner }),
            }
        }
        _ => Value::Null,
    }
}
