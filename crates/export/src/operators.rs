//! Every operator a pattern uses, with the path where it sits, read straight from the JSON.
//!
//! Export targets differ in what they can express (Pipes filters lack some operators, CDK has
//! helpers for some), so renderers ask this walk instead of knowing the pattern engine.

use serde_json::{Map, Value};

/// The kind of one element of a leaf array (or an `$or`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OperatorKind {
    /// A string, number, boolean or null matched exactly.
    Exact,
    /// `{"prefix": "…"}`.
    Prefix,
    /// `{"prefix": {"equals-ignore-case": "…"}}`.
    PrefixIgnoreCase,
    /// `{"suffix": "…"}`.
    Suffix,
    /// `{"suffix": {"equals-ignore-case": "…"}}`.
    SuffixIgnoreCase,
    /// `{"equals-ignore-case": "…"}`.
    EqualsIgnoreCase,
    /// `{"anything-but": value or list}`.
    AnythingBut,
    /// `{"anything-but": {"prefix": …}}`.
    AnythingButPrefix,
    /// `{"anything-but": {"suffix": …}}`.
    AnythingButSuffix,
    /// `{"anything-but": {"equals-ignore-case": …}}`.
    AnythingButIgnoreCase,
    /// `{"anything-but": {"wildcard": …}}`.
    AnythingButWildcard,
    /// `{"numeric": [op, n, …]}`.
    Numeric,
    /// `{"exists": true}`.
    Exists,
    /// `{"exists": false}`.
    DoesNotExist,
    /// `{"cidr": "…"}`.
    Cidr,
    /// `{"wildcard": "…"}`.
    Wildcard,
    /// `"$or": [ {…}, {…} ]`.
    Or,
    /// An object this crate does not know (the engine validated the pattern, so a newer operator).
    Unknown,
}

impl OperatorKind {
    /// Every kind, for table tests.
    pub const ALL: [OperatorKind; 18] = [
        OperatorKind::Exact,
        OperatorKind::Prefix,
        OperatorKind::PrefixIgnoreCase,
        OperatorKind::Suffix,
        OperatorKind::SuffixIgnoreCase,
        OperatorKind::EqualsIgnoreCase,
        OperatorKind::AnythingBut,
        OperatorKind::AnythingButPrefix,
        OperatorKind::AnythingButSuffix,
        OperatorKind::AnythingButIgnoreCase,
        OperatorKind::AnythingButWildcard,
        OperatorKind::Numeric,
        OperatorKind::Exists,
        OperatorKind::DoesNotExist,
        OperatorKind::Cidr,
        OperatorKind::Wildcard,
        OperatorKind::Or,
        OperatorKind::Unknown,
    ];

    /// The name used in warnings: the JSON spelling (`anything-but/prefix`, `$or`, …).
    pub fn name(self) -> &'static str {
        match self {
            OperatorKind::Exact => "exact value",
            OperatorKind::Prefix => "prefix",
            OperatorKind::PrefixIgnoreCase => "prefix/equals-ignore-case",
            OperatorKind::Suffix => "suffix",
            OperatorKind::SuffixIgnoreCase => "suffix/equals-ignore-case",
            OperatorKind::EqualsIgnoreCase => "equals-ignore-case",
            OperatorKind::AnythingBut => "anything-but",
            OperatorKind::AnythingButPrefix => "anything-but/prefix",
            OperatorKind::AnythingButSuffix => "anything-but/suffix",
            OperatorKind::AnythingButIgnoreCase => "anything-but/equals-ignore-case",
            OperatorKind::AnythingButWildcard => "anything-but/wildcard",
            OperatorKind::Numeric => "numeric",
            OperatorKind::Exists => "exists: true",
            OperatorKind::DoesNotExist => "exists: false",
            OperatorKind::Cidr => "cidr",
            OperatorKind::Wildcard => "wildcard",
            OperatorKind::Or => "$or",
            OperatorKind::Unknown => "unknown operator",
        }
    }
}

/// Classifies one element of a leaf array.
pub fn classify(element: &Value) -> OperatorKind {
    let Value::Object(object) = element else {
        return OperatorKind::Exact;
    };
    let mut entries = object.iter();
    let (Some((key, value)), None) = (entries.next(), entries.next()) else {
        return OperatorKind::Unknown;
    };
    let inner = single_key(value);
    match (key.as_str(), inner) {
        ("prefix", Some("equals-ignore-case")) => OperatorKind::PrefixIgnoreCase,
        ("prefix", _) => OperatorKind::Prefix,
        ("suffix", Some("equals-ignore-case")) => OperatorKind::SuffixIgnoreCase,
        ("suffix", _) => OperatorKind::Suffix,
        ("equals-ignore-case", _) => OperatorKind::EqualsIgnoreCase,
        ("anything-but", Some("prefix")) => OperatorKind::AnythingButPrefix,
        ("anything-but", Some("suffix")) => OperatorKind::AnythingButSuffix,
        ("anything-but", Some("equals-ignore-case")) => OperatorKind::AnythingButIgnoreCase,
        ("anything-but", Some("wildcard")) => OperatorKind::AnythingButWildcard,
        ("anything-but", _) => OperatorKind::AnythingBut,
        ("numeric", _) => OperatorKind::Numeric,
        ("exists", _) if value == &Value::Bool(false) => OperatorKind::DoesNotExist,
        ("exists", _) => OperatorKind::Exists,
        ("cidr", _) => OperatorKind::Cidr,
        ("wildcard", _) => OperatorKind::Wildcard,
        _ => OperatorKind::Unknown,
    }
}

/// The key of a one-key object.
pub fn single_key(value: &Value) -> Option<&str> {
    let object = value.as_object()?;
    let mut keys = object.keys();
    match (keys.next(), keys.next()) {
        (Some(key), None) => Some(key),
        _ => None,
    }
}

/// One operator found in a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Field names from the root (`["detail", "state"]`); an `$or` branch adds nothing.
    pub path: Vec<String>,
    /// What kind of operator.
    pub kind: OperatorKind,
}

impl Found {
    /// The path written with dots, for messages (`detail.state`; `(top level)` when empty).
    pub fn dotted_path(&self) -> String {
        if self.path.is_empty() {
            "(top level)".to_owned()
        } else {
            self.path.join(".")
        }
    }
}

/// Every operator in `pattern`, in document order.
pub fn walk(pattern: &Value) -> Vec<Found> {
    let mut found = Vec::new();
    if let Value::Object(object) = pattern {
        walk_object(object, &mut Vec::new(), &mut found);
    }
    found
}

fn walk_object(object: &Map<String, Value>, path: &mut Vec<String>, found: &mut Vec<Found>) {
    for (key, value) in object {
        match value {
            Value::Array(branches) if key == "$or" => {
                found.push(Found {
                    path: path.clone(),
                    kind: OperatorKind::Or,
                });
                for branch in branches {
                    if let Value::Object(branch) = branch {
                        walk_object(branch, path, found);
                    }
                }
            }
            Value::Array(elements) => {
                path.push(key.clone());
                for element in elements {
                    found.push(Found {
                        path: path.clone(),
                        kind: classify(element),
                    });
                }
                path.pop();
            }
            Value::Object(inner) => {
                path.push(key.clone());
                walk_object(inner, path, found);
                path.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn classifies_every_operator() {
        let cases = [
            (json!("a"), OperatorKind::Exact),
            (json!(1.5), OperatorKind::Exact),
            (json!(null), OperatorKind::Exact),
            (json!({"prefix": "a"}), OperatorKind::Prefix),
            (
                json!({"prefix": {"equals-ignore-case": "a"}}),
                OperatorKind::PrefixIgnoreCase,
            ),
            (json!({"suffix": "a"}), OperatorKind::Suffix),
            (
                json!({"suffix": {"equals-ignore-case": "a"}}),
                OperatorKind::SuffixIgnoreCase,
            ),
            (
                json!({"equals-ignore-case": "a"}),
                OperatorKind::EqualsIgnoreCase,
            ),
            (
                json!({"anything-but": ["a", "b"]}),
                OperatorKind::AnythingBut,
            ),
            (
                json!({"anything-but": {"prefix": "a"}}),
                OperatorKind::AnythingButPrefix,
            ),
            (
                json!({"anything-but": {"suffix": "a"}}),
                OperatorKind::AnythingButSuffix,
            ),
            (
                json!({"anything-but": {"equals-ignore-case": ["a"]}}),
                OperatorKind::AnythingButIgnoreCase,
            ),
            (
                json!({"anything-but": {"wildcard": "*a"}}),
                OperatorKind::AnythingButWildcard,
            ),
            (json!({"numeric": [">", 1]}), OperatorKind::Numeric),
            (json!({"exists": true}), OperatorKind::Exists),
            (json!({"exists": false}), OperatorKind::DoesNotExist),
            (json!({"cidr": "10.0.0.0/8"}), OperatorKind::Cidr),
            (json!({"wildcard": "a*"}), OperatorKind::Wildcard),
            (json!({"regex": "a"}), OperatorKind::Unknown),
        ];
        for (element, kind) in cases {
            assert_eq!(classify(&element), kind, "{element}");
        }
    }

    #[test]
    fn walks_paths_through_or_branches() {
        let pattern = json!({
            "source": ["aws.ec2"],
            "detail": {"$or": [{"a": [{"prefix": "x"}]}, {"b": {"c": [{"exists": false}]}}]}
        });
        let found: Vec<(String, OperatorKind)> = walk(&pattern)
            .iter()
            .map(|found| (found.dotted_path(), found.kind))
            .collect();
        let want = [
            ("source", OperatorKind::Exact),
            ("detail", OperatorKind::Or),
            ("detail.a", OperatorKind::Prefix),
            ("detail.b.c", OperatorKind::DoesNotExist),
        ];
        let want: Vec<(String, OperatorKind)> = want
            .iter()
            .map(|(path, kind)| ((*path).to_owned(), *kind))
            .collect();
        assert_eq!(found, want);
    }
}
