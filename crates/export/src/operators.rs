//! Every operator a pattern uses, with the path where it sits, read from the pattern model.
//!
//! Export targets differ in what they can express (Pipes filters lack some operators, CDK has
//! helpers for some), so renderers ask for these kinds; the pattern crate is the one reader of
//! pattern JSON.

use eventpen_pattern::model::{AnythingBut, Member, Object, Operator, PatternModel};

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
}

impl OperatorKind {
    /// Every kind, for table tests.
    pub const ALL: [OperatorKind; 17] = [
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
        }
    }
}

/// The kind of one typed condition.
pub fn kind_of(operator: &Operator) -> OperatorKind {
    match operator {
        Operator::Exact(_) => OperatorKind::Exact,
        Operator::Prefix {
            ignore_case: false, ..
        } => OperatorKind::Prefix,
        Operator::Prefix {
            ignore_case: true, ..
        } => OperatorKind::PrefixIgnoreCase,
        Operator::Suffix {
            ignore_case: false, ..
        } => OperatorKind::Suffix,
        Operator::Suffix {
            ignore_case: true, ..
        } => OperatorKind::SuffixIgnoreCase,
        Operator::EqualsIgnoreCase(_) => OperatorKind::EqualsIgnoreCase,
        Operator::AnythingBut(AnythingBut::Values(_)) => OperatorKind::AnythingBut,
        Operator::AnythingBut(AnythingBut::Prefix(_)) => OperatorKind::AnythingButPrefix,
        Operator::AnythingBut(AnythingBut::Suffix(_)) => OperatorKind::AnythingButSuffix,
        Operator::AnythingBut(AnythingBut::EqualsIgnoreCase(_)) => {
            OperatorKind::AnythingButIgnoreCase
        }
        Operator::AnythingBut(AnythingBut::Wildcard(_)) => OperatorKind::AnythingButWildcard,
        Operator::Numeric(_) => OperatorKind::Numeric,
        Operator::Exists(true) => OperatorKind::Exists,
        Operator::Exists(false) => OperatorKind::DoesNotExist,
        Operator::Cidr(_) => OperatorKind::Cidr,
        Operator::Wildcard(_) => OperatorKind::Wildcard,
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
pub fn walk(pattern: &PatternModel) -> Vec<Found> {
    let mut found = Vec::new();
    walk_object(&pattern.root, &[], &mut found);
    found
}

fn walk_object(object: &Object, path: &[String], found: &mut Vec<Found>) {
    for member in &object.members {
        match member {
            Member::Or(group) => {
                found.push(Found {
                    path: path.to_vec(),
                    kind: OperatorKind::Or,
                });
                for branch in &group.branches {
                    walk_object(branch, path, found);
                }
            }
            Member::Leaf(leaf) => {
                let path = leaf.path.key_vec();
                for condition in &leaf.conditions {
                    found.push(Found {
                        path: path.clone(),
                        kind: kind_of(&condition.operator),
                    });
                }
            }
            Member::Nested(nested) => walk_object(&nested.object, &nested.path.key_vec(), found),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn model(text: &str) -> PatternModel {
        eventpen_pattern::check(text).model.expect("valid pattern")
    }

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
        ];
        for (element, kind) in cases {
            let found = walk(&model(&format!(r#"{{"f": [{element}]}}"#)));
            assert_eq!(found[0].kind, kind, "{element}");
        }
    }

    #[test]
    fn walks_paths_through_or_branches() {
        let pattern = json!({
            "source": ["aws.ec2"],
            "detail": {"$or": [{"a": [{"prefix": "x"}]}, {"b": {"c": [{"exists": false}]}}]}
        });
        let found: Vec<(String, OperatorKind)> = walk(&model(&pattern.to_string()))
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
