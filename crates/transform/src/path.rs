//! The JSON path subset EventBridge accepts in `InputPathsMap` and `InputPath`.
//!
//! AWS documents the supported syntax as dot notation (`$.detail`), dashes, underscores,
//! alphanumeric characters, array indices, wildcards (`*`) and forward slashes, and requires
//! "JSON dot notation, not bracket notation" (`InputTransformer` API reference). Anything else
//! (`..`, filters, `['quoted']` names, spaces) is rejected here with the offending character's
//! position, so the user learns it before `PutTargets` does.

use serde_json::Value;

/// The longest JSON path AWS accepts in `InputPathsMap` values and `InputPath`.
pub const MAX_PATH_LEN: usize = 256;

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// `.name`: an object member.
    Member(String),
    /// `[3]`: an array element.
    Index(usize),
    /// `.*` or `[*]`: every member or element.
    Wildcard,
}

/// A parsed JSON path: `$` followed by steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonPath {
    /// The steps after `$`.
    pub steps: Vec<Step>,
}

/// Why a path was rejected: the byte offset in the path text and a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathError {
    /// Byte offset of the offending character in the path text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/')
}

fn error(offset: usize, message: impl Into<String>) -> Result<JsonPath, PathError> {
    Err(PathError {
        offset,
        message: message.into(),
    })
}

impl JsonPath {
    /// Parses `text` as EventBridge's JSON path subset.
    pub fn parse(text: &str) -> Result<JsonPath, PathError> {
        if text.len() > MAX_PATH_LEN {
            return error(
                MAX_PATH_LEN,
                format!(
                    "the path has {} characters; AWS accepts at most {MAX_PATH_LEN}",
                    text.len()
                ),
            );
        }
        if !text.starts_with('$') {
            return error(
                0,
                "a JSON path starts with $ (for example $.detail.eventName)",
            );
        }
        let bytes: Vec<(usize, char)> = text.char_indices().collect();
        let mut steps = Vec::new();
        let mut at = 1;
        while at < bytes.len() {
            let (offset, c) = bytes[at];
            match c {
                '.' => {
                    let start = at + 1;
                    let mut end = start;
                    while end < bytes.len() && is_name_char(bytes[end].1) {
                        end += 1;
                    }
                    if end == start {
                        if bytes.get(start).map(|&(_, c)| c) == Some('*') {
                            steps.push(Step::Wildcard);
                            at = start + 1;
                            continue;
                        }
                        return match bytes.get(start) {
                            Some(&(o, '.')) => error(
                                o,
                                "'..' (deep scan) is not in the JSON path subset EventBridge accepts; spell out each field",
                            ),
                            Some(&(o, bad)) => error(
                                o,
                                format!(
                                    "{bad:?} cannot start a field name; EventBridge paths use letters, digits, '-', '_' and '/'"
                                ),
                            ),
                            None => {
                                error(text.len(), "the path ends with '.'; name a field after it")
                            }
                        };
                    }
                    let name: String = bytes[start..end].iter().map(|&(_, c)| c).collect();
                    steps.push(Step::Member(name));
                    at = end;
                }
                '[' => {
                    let start = at + 1;
                    let mut end = start;
                    while end < bytes.len() && bytes[end].1 != ']' {
                        end += 1;
                    }
                    if end >= bytes.len() {
                        return error(offset, "'[' is not closed with ']'");
                    }
                    let inside: String = bytes[start..end].iter().map(|&(_, c)| c).collect();
                    if inside == "*" {
                        steps.push(Step::Wildcard);
                    } else if !inside.is_empty() && inside.chars().all(|c| c.is_ascii_digit()) {
                        match inside.parse::<usize>() {
                            Ok(index) => steps.push(Step::Index(index)),
                            Err(_) => return error(bytes[start].0, "the array index is too large"),
                        }
                    } else if inside.starts_with('\'') || inside.starts_with('"') {
                        return error(
                            offset,
                            format!(
                                "bracket notation [{inside}] is not accepted; AWS requires dot notation: .{}",
                                inside.trim_matches(|c| c == '\'' || c == '"')
                            ),
                        );
                    } else {
                        return error(
                            bytes.get(start).map_or(offset, |&(o, _)| o),
                            format!("[{inside}] is not an array index; use [0], [1], … or [*]"),
                        );
                    }
                    at = end + 1;
                }
                other => {
                    return error(
                        offset,
                        format!(
                            "{other:?} is not in the JSON path subset EventBridge accepts; use .field, [index] or *"
                        ),
                    );
                }
            }
        }
        Ok(JsonPath { steps })
    }

    /// True when a wildcard makes the result a list of every match.
    pub fn has_wildcard(&self) -> bool {
        self.steps.contains(&Step::Wildcard)
    }

    /// The value at this path in `event`: `None` when the path does not exist. With a
    /// wildcard, an array of every match (`None` when nothing matched).
    pub fn select(&self, event: &Value) -> Option<Value> {
        let mut current = vec![event];
        for step in &self.steps {
            let mut next = Vec::new();
            for value in current {
                match (step, value) {
                    (Step::Member(name), Value::Object(map)) => next.extend(map.get(name)),
                    (Step::Index(index), Value::Array(items)) => next.extend(items.get(*index)),
                    (Step::Wildcard, Value::Array(items)) => next.extend(items),
                    (Step::Wildcard, Value::Object(map)) => next.extend(map.values()),
                    _ => {}
                }
            }
            current = next;
        }
        if self.has_wildcard() {
            (!current.is_empty()).then(|| Value::Array(current.into_iter().cloned().collect()))
        } else {
            current.first().map(|value| (*value).clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parse_errors_point_at_the_character() {
        let cases = [
            ("detail", 0),
            ("$..detail", 2),
            ("$.detail['x']", 8),
            ("$.detail[x]", 9),
            ("$.a b", 3),
            ("$.", 2),
            ("$.detail[0", 8),
        ];
        for (path, offset) in cases {
            let problem = JsonPath::parse(path).unwrap_err();
            assert_eq!(problem.offset, offset, "{path}: {}", problem.message);
        }
    }

    #[test]
    fn select() {
        let event = json!({"detail": {"items": [{"id": "a"}, {"id": "b"}], "a/b": 1}});
        let cases = [
            ("$", Some(event.clone())),
            ("$.detail.items[1].id", Some(json!("b"))),
            ("$.detail.items[*].id", Some(json!(["a", "b"]))),
            ("$.detail.items.*.id", Some(json!(["a", "b"]))),
            ("$.detail.a/b", Some(json!(1))),
            ("$.detail.missing", None),
            ("$.detail.items[5]", None),
            ("$.detail.nothing[*]", None),
        ];
        for (path, want) in cases {
            assert_eq!(
                JsonPath::parse(path).unwrap().select(&event),
                want,
                "{path}"
            );
        }
    }
}
