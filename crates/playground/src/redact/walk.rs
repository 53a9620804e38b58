//! Redacting parsed JSON: string values are redacted with what their key says about them;
//! keys, numbers and booleans are left alone.

use super::literals::LITERAL_OPERATORS;
use super::mapper::{Kind, Mapper};
use super::scan::{Context, is_account, scan};
use serde_json::Value;

/// Pattern operators: their values belong to the field above them, so the field's key is the
/// context (`"account": [{"anything-but": "111111111111"}]`).
const OPERATORS: [&str; 10] = [
    "prefix",
    "suffix",
    "anything-but",
    "equals-ignore-case",
    "wildcard",
    "cidr",
    "exists",
    "numeric",
    "$or",
    "ip-address",
];

/// Where a value sits: the nearest field key and the one above it, and how many fields deep.
#[derive(Debug, Clone, Copy, Default)]
struct Place<'a> {
    key: Option<&'a str>,
    parent: Option<&'a str>,
    depth: usize,
    /// Inside a `prefix`, `suffix` or `wildcard` operator: a partial value, kept as written
    /// where it spells out a name (see `literals`).
    literal: bool,
}

/// Redact every string in `value` in place.
pub(crate) fn walk(value: &mut Value, mapper: &mut Mapper, names: &[String]) {
    walk_at(value, Place::default(), mapper, names);
}

fn walk_at(value: &mut Value, place: Place<'_>, mapper: &mut Mapper, names: &[String]) {
    match value {
        Value::String(text) => *text = redact_string(text, place, mapper, names),
        Value::Array(items) => {
            for item in items {
                walk_at(item, place, mapper, names);
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                let inner = if OPERATORS.contains(&key.as_str()) {
                    Place {
                        literal: place.literal || LITERAL_OPERATORS.contains(&key.as_str()),
                        ..place
                    }
                } else {
                    Place {
                        key: Some(key.as_str()),
                        parent: place.key,
                        depth: place.depth + 1,
                        literal: false,
                    }
                };
                walk_at(field, inner, mapper, names);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

fn redact_string(text: &str, place: Place<'_>, mapper: &mut Mapper, names: &[String]) -> String {
    if let Some(kind) = kind_by_key(text, place) {
        if place.literal && kind.is_name() {
            return text.to_string();
        }
        return mapper.map(kind, text);
    }
    let context = if place.literal {
        Context::PatternLiteral
    } else {
        Context::JsonString
    };
    scan(text, context, mapper, names)
}

/// What a whole string value is, judging by its key (CloudTrail and EventBridge field names).
fn kind_by_key(text: &str, place: Place<'_>) -> Option<Kind> {
    let key = place.key?;
    if text.contains('*') {
        // A wildcard pattern (`"userName": [{"wildcard": "ali*"}]`) is no value; scan it.
        return None;
    }
    let is_id_key = matches!(key, "requestID" | "requestId" | "eventID" | "sharedEventID")
        || (key == "id" && place.depth == 1);
    if is_id_key {
        let uuid_shaped = text.len() == 36 && text.matches('-').count() == 4;
        return Some(if uuid_shaped {
            Kind::Uuid
        } else {
            Kind::OtherId
        });
    }
    match key {
        "userName" if place.parent == Some("sessionIssuer") => Some(Kind::Role),
        "userName" => Some(Kind::User),
        "roleName" => Some(Kind::Role),
        "roleSessionName" | "sourceIdentity" => Some(Kind::Session),
        _ if is_secret_key(key) => Some(Kind::Secret),
        _ if is_account(text) && is_account_key(key) => Some(Kind::Account),
        _ => None,
    }
}

/// Credentials: CloudTrail hides most, but e.g. `AssumeRole` responses carry a session token.
fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["sessiontoken", "secretaccesskey", "password", "secret"].contains(&key.as_str())
}

fn is_account_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    key.contains("account") || key == "ownerid" || key == "owner"
}
