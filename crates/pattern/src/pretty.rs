//! The one way EventPen writes pattern JSON — in the editor after a visual edit, in the
//! builder, and in the exported `pattern.json`: 2-space indent, `source` and `detail-type`
//! first (as every AWS example has them), the other keys where the user put them, and leaf
//! lists on one line (`"eventName": ["RunInstances", "StopInstances"]`) so a pattern reads like
//! the docs. [`one_line`] is the form the AWS documentation prints and the CLI passes.
use serde_json::Value;
use serde_json::ser::Formatter;
use std::io;

/// How wide a line holding a leaf list may be before the list breaks over lines (the editor
/// pane is narrow: a list that soft-wraps mid-way reads worse than one item per line).
const INLINE_WIDTH: usize = 60;

/// Keys that come first at the top level, in this order.
const FIRST_KEYS: [&str; 2] = ["source", "detail-type"];

/// Pretty-prints a pattern (keys in their order, numbers as written).
pub fn pretty(pattern: &Value) -> String {
    let mut out = String::new();
    write_value(pattern, 0, 0, true, &mut out);
    out
}

/// Write `value` starting at `column` of the current line, nested `depth` levels deep.
fn write_value(value: &Value, depth: usize, column: usize, top: bool, out: &mut String) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            if top {
                // A stable sort keeps the user's order for everything else.
                entries.sort_by_key(|(key, _)| {
                    FIRST_KEYS
                        .iter()
                        .position(|k| k == key)
                        .unwrap_or(FIRST_KEYS.len())
                });
            }
            out.push('{');
            for (i, (key, child)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(depth + 1, out);
                let key = Value::String(key.clone()).to_string();
                out.push_str(&key);
                out.push_str(": ");
                write_value(
                    child,
                    depth + 1,
                    (depth + 1) * 2 + key.len() + 2,
                    false,
                    out,
                );
            }
            newline(depth, out);
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            let one_line = inline(value);
            // +1 for the comma that may follow.
            if items.iter().all(is_small) && column + one_line.len() < INLINE_WIDTH {
                out.push_str(&one_line);
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(depth + 1, out);
                if is_small(item) {
                    // A condition stays on one line even when its list does not.
                    out.push_str(&inline(item));
                } else {
                    write_value(item, depth + 1, (depth + 1) * 2, false, out);
                }
            }
            newline(depth, out);
            out.push(']');
        }
        other => out.push_str(&inline(other)),
    }
}

/// Operator names: an object with one of these as its only key is a condition, not a sub-pattern.
const OPERATORS: [&str; 8] = [
    "prefix",
    "suffix",
    "equals-ignore-case",
    "anything-but",
    "numeric",
    "exists",
    "cidr",
    "wildcard",
];

/// A scalar, or an operator object whose operand holds no object (`{"numeric": [">", 0]}`).
fn is_small(value: &Value) -> bool {
    match value {
        Value::Object(map)
            if map.len() != 1 || !map.keys().all(|k| OPERATORS.contains(&k.as_str())) =>
        {
            false
        }
        Value::Object(map) => map.values().all(|v| match v {
            Value::Object(inner) => inner.values().all(|w| !w.is_object() && !w.is_array()),
            Value::Array(items) => items.iter().all(|w| !w.is_object() && !w.is_array()),
            _ => true,
        }),
        Value::Array(_) => false,
        _ => true,
    }
}

/// One-line JSON with a space after `:` and `,`.
fn inline(value: &Value) -> String {
    match value {
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", Value::String(k.clone()), inline(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(inline).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

fn newline(depth: usize, out: &mut String) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// The pattern on one line with `", "` and `": "` separators, as the AWS docs print patterns:
/// `{"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}`.
///
/// The space after the first key's colon matters for PowerShell 5.1: it makes PowerShell wrap
/// the argument in quotes, so spaces inside values stay inside one argument.
pub fn one_line(value: &Value) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, SpacedFormatter);
    // Writing a Value into a Vec cannot fail: no I/O, and every key is a string.
    if serde::Serialize::serialize(value, &mut serializer).is_err() {
        return value.to_string();
    }
    String::from_utf8(out).unwrap_or_else(|_| value.to_string())
}

struct SpacedFormatter;

impl Formatter for SpacedFormatter {
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
}
