//! What a rule's target receives: the matched event, a constant `Input`, the part of the event
//! an `InputPath` selects, or an `InputTransformer`'s filled template. The four are exclusive on
//! one target, as in `PutTargets`.

use crate::path::JsonPath;
use crate::paths_map::PathsMap;
use crate::position::{Field, Problem};
use crate::predefined::{self, RuleContext};
use crate::template::{self, Lookup, MAX_TEMPLATE_CHARS};
use serde_json::Value;

/// A target's input configuration, as the user typed it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum TargetInput {
    /// No configuration: the target receives the matched event.
    #[default]
    MatchedEvent,
    /// `Input`: this JSON text, whatever the event.
    Constant(String),
    /// `InputPath`: the part of the event at this JSON path.
    Path(String),
    /// `InputTransformer`: `InputPathsMap` (a JSON object's text) and `InputTemplate`.
    Transformer {
        /// The `InputPathsMap` text, e.g. `{"user": "$.detail.userIdentity.userName"}`.
        paths_map: String,
        /// The `InputTemplate` text.
        template: String,
    },
}

/// What the target receives for one event.
#[derive(Clone, Debug, PartialEq)]
pub struct Delivery {
    /// The exact text the target receives.
    pub text: String,
    /// Things to know about this event's output (missing paths, unescaped values).
    pub notes: Vec<String>,
}

impl TargetInput {
    /// Problems AWS would reject (errors) or that change the output for every event (warnings).
    pub fn check(&self) -> Vec<Problem> {
        match self {
            TargetInput::MatchedEvent => Vec::new(),
            TargetInput::Constant(text) => check_constant(text).err().into_iter().collect(),
            TargetInput::Path(path) => JsonPath::parse(path)
                .err()
                .map(|error| Problem::at(Field::InputPath, path, error.offset, error.message))
                .into_iter()
                .collect(),
            TargetInput::Transformer {
                paths_map,
                template,
            } => {
                let map = match PathsMap::parse(paths_map) {
                    Ok(map) => map,
                    Err(problems) => return problems,
                };
                let probe = |name: &str| probe_lookup(&map, name);
                match template::fill(template, &probe) {
                    Err(problem) => vec![problem],
                    Ok(_) => template::warnings(template, &probe),
                }
            }
        }
    }

    /// What the target receives for `event` (an EventBridge event) of `rule`; the errors of
    /// [`TargetInput::check`] when it cannot be produced.
    pub fn deliver(&self, event: &Value, rule: &RuleContext) -> Result<Delivery, Vec<Problem>> {
        let no_notes = |text: String| Delivery {
            text,
            notes: Vec::new(),
        };
        match self {
            TargetInput::MatchedEvent => Ok(no_notes(event.to_string())),
            TargetInput::Constant(text) => check_constant(text)
                .map(|()| no_notes(text.clone()))
                .map_err(|problem| vec![problem]),
            TargetInput::Path(path_text) => {
                let path = JsonPath::parse(path_text).map_err(|error| {
                    vec![Problem::at(
                        Field::InputPath,
                        path_text,
                        error.offset,
                        error.message,
                    )]
                })?;
                Ok(match path.select(event) {
                    Some(value) => no_notes(value.to_string()),
                    None => Delivery {
                        text: String::new(),
                        notes: vec![format!(
                            "{path_text} is not in this event: EventPen assumes the target receives nothing"
                        )],
                    },
                })
            }
            TargetInput::Transformer {
                paths_map,
                template,
            } => {
                let map = PathsMap::parse(paths_map)?;
                let lookup = |name: &str| event_lookup(&map, name, event, rule);
                let filled = template::fill(template, &lookup).map_err(|problem| vec![problem])?;
                Ok(Delivery {
                    text: filled.text,
                    notes: filled.notes,
                })
            }
        }
    }
}

/// Validation stand-in: every defined variable is a string, the raw-JSON ones are `{}`.
fn probe_lookup(map: &PathsMap, name: &str) -> Option<Lookup> {
    if map.path_of(name).is_some() {
        return Some(Lookup::Value(Value::String(String::new())));
    }
    match name {
        predefined::EVENT | predefined::EVENT_JSON => Some(Lookup::RawJson("{}".to_owned())),
        _ if predefined::is_predefined(name) => Some(Lookup::Value(Value::String(String::new()))),
        _ => None,
    }
}

fn event_lookup(map: &PathsMap, name: &str, event: &Value, rule: &RuleContext) -> Option<Lookup> {
    if let Some(path_text) = map.path_of(name) {
        let path = JsonPath::parse(path_text).ok()?;
        return Some(match path.select(event) {
            Some(value) => Lookup::Value(value),
            None => Lookup::Missing(path_text.to_owned()),
        });
    }
    predefined::lookup(name, event, rule)
}

/// A constant `Input` must be valid JSON text of at most 8192 characters.
fn check_constant(text: &str) -> Result<(), Problem> {
    let count = text.chars().count();
    if count > MAX_TEMPLATE_CHARS {
        return Err(Problem::at(
            Field::Input,
            text,
            0,
            format!("Input has {count} characters; AWS accepts at most {MAX_TEMPLATE_CHARS}"),
        ));
    }
    serde_json::from_str::<Value>(text)
        .map(|_| ())
        .map_err(|error| {
            let offset = offset_of(text, error.line(), error.column());
            Problem::at(
                Field::Input,
                text,
                offset,
                format!("Input must be valid JSON: {error}"),
            )
        })
}

/// The byte offset of serde_json's 1-based line and column (column counts bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}
