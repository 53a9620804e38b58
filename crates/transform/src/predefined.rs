//! The predefined variables of an input template (`eb-transform-target-input`, "Predefined
//! variables"): reserved names, usable without an `InputPathsMap` entry.

use crate::template::Lookup;
use serde_json::Value;

/// The rule's ARN.
pub const RULE_ARN: &str = "aws.events.rule-arn";
/// The rule's name.
pub const RULE_NAME: &str = "aws.events.rule-name";
/// When EventBridge received the event (ISO 8601).
pub const INGESTION_TIME: &str = "aws.events.event.ingestion-time";
/// The original event without its `detail` field, as JSON (JSON field values only).
pub const EVENT: &str = "aws.events.event";
/// The whole original event, as JSON (JSON field values only).
pub const EVENT_JSON: &str = "aws.events.event.json";

/// Every predefined variable.
pub const ALL: [&str; 5] = [RULE_ARN, RULE_NAME, INGESTION_TIME, EVENT, EVENT_JSON];

/// True for a predefined variable's name.
pub fn is_predefined(name: &str) -> bool {
    ALL.contains(&name)
}

/// The rule a target belongs to, for the predefined variables.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RuleContext {
    /// The rule name.
    pub rule_name: String,
    /// The rule ARN.
    pub rule_arn: String,
}

/// The value of predefined variable `name` for `event`. The ingestion time is not in the event:
/// EventPen shows the event's `time` in its place (EventBridge's own clock would be a little later).
pub fn lookup(name: &str, event: &Value, rule: &RuleContext) -> Option<Lookup> {
    Some(match name {
        RULE_ARN => Lookup::Value(Value::String(rule.rule_arn.clone())),
        RULE_NAME => Lookup::Value(Value::String(rule.rule_name.clone())),
        INGESTION_TIME => Lookup::Value(event.get("time").cloned().unwrap_or(Value::Null)),
        EVENT => {
            let mut without_detail = event.clone();
            if let Value::Object(map) = &mut without_detail {
                map.shift_remove("detail");
            }
            Lookup::RawJson(without_detail.to_string())
        }
        EVENT_JSON => Lookup::RawJson(event.to_string()),
        _ => return None,
    })
}
