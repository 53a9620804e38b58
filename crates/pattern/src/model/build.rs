//! Building the model from the read pattern and its compiled leaves.
//!
//! Structure (objects, keys, `$or`, spans) comes from the reader's tree; each leaf's
//! conditions come from the compiler's matchers for that leaf (found by the list's span), so
//! operator validation lives in one place.

use serde_json::Value;

use super::operator::{Comparison, NumberLiteral, from_matcher, number_json};
use super::{Condition, Leaf, Member, Nested, Object, OrGroup, PatternModel};
use crate::compile::{Compiled, Field};
use crate::model::NumericOp;
use crate::number::comparable;
use crate::operators::numeric;
use crate::operators::or::KEYWORD;
use crate::path::Path;
use crate::reader::{Json, Node};

/// The model of a valid pattern (`root` read without error, `compiled` from it).
pub(crate) fn build(root: &Node, compiled: &Compiled) -> PatternModel {
    let mut walk = Walk {
        fields: &compiled.fields,
        keys: Vec::new(),
        branches: Vec::new(),
    };
    PatternModel {
        root: walk.object(root, &Path::root()),
    }
}

struct Walk<'c> {
    fields: &'c [Field],
    keys: Vec<String>,
    branches: Vec<usize>,
}

impl Walk<'_> {
    fn object(&mut self, node: &Node, json_path: &Path) -> Object {
        let mut members = Vec::new();
        if let Json::Object(read) = &node.json {
            for member in read {
                let value = &member.value;
                let member_path = json_path.with_key(&member.key);
                match &value.json {
                    Json::Array(items) if member.key == KEYWORD => {
                        let mut branches = Vec::with_capacity(items.len());
                        for (i, item) in items.iter().enumerate() {
                            self.branches.push(i);
                            branches.push(self.object(item, &member_path.with_index(i)));
                            self.branches.pop();
                        }
                        members.push(Member::Or(OrGroup {
                            key_span: member.key_span.clone(),
                            span: value.span.clone(),
                            branches,
                        }));
                    }
                    Json::Object(_) => {
                        self.keys.push(member.key.clone());
                        let object = self.object(value, &member_path);
                        members.push(Member::Nested(Nested {
                            key: member.key.clone(),
                            key_span: member.key_span.clone(),
                            path: Path::of_pattern_keys(&self.keys),
                            object,
                        }));
                        self.keys.pop();
                    }
                    Json::Array(items) => {
                        self.keys.push(member.key.clone());
                        members.push(Member::Leaf(Leaf {
                            key: member.key.clone(),
                            key_span: member.key_span.clone(),
                            span: value.span.clone(),
                            keys: self.keys.clone(),
                            path: Path::of_pattern_keys(&self.keys),
                            json_path: member_path,
                            conditions: self.conditions(value, items),
                            branches: self.branches.clone(),
                        }));
                        self.keys.pop();
                    }
                    // A valid pattern has nothing else.
                    _ => {}
                }
            }
        }
        Object {
            span: node.span.clone(),
            members,
        }
    }

    fn conditions(&self, list: &Node, items: &[Node]) -> Vec<Condition> {
        let Some(field) = self.fields.iter().find(|f| f.span == list.span) else {
            return Vec::new();
        };
        field
            .matchers
            .iter()
            .zip(items)
            .map(|(matcher, item)| Condition {
                span: item.span.clone(),
                operator: from_matcher(matcher, numeric_comparisons(item)),
                json: json_of(item),
            })
            .collect()
    }
}

/// The comparisons of a `{"numeric": [op, n, …]}` item as written.
fn numeric_comparisons(item: &Node) -> Vec<Comparison> {
    let Json::Object(members) = &item.json else {
        return Vec::new();
    };
    let Some(Json::Array(terms)) = members
        .first()
        .filter(|m| m.key == numeric::OPERATOR)
        .map(|m| &m.value.json)
    else {
        return Vec::new();
    };
    terms
        .chunks(2)
        .filter_map(|pair| match pair {
            [
                Node {
                    json: Json::String(op),
                    ..
                },
                Node {
                    json: Json::Number(text),
                    ..
                },
            ] => Some(Comparison {
                op: NumericOp::from_symbol(op)?,
                value: NumberLiteral {
                    text: text.clone(),
                    value: comparable(text),
                },
            }),
            _ => None,
        })
        .collect()
}

/// The item as JSON, as written (numbers keep their text, keys their order).
fn json_of(node: &Node) -> Value {
    match &node.json {
        Json::Object(members) => Value::Object(
            members
                .iter()
                .map(|m| (m.key.clone(), json_of(&m.value)))
                .collect(),
        ),
        Json::Array(items) => Value::Array(items.iter().map(json_of).collect()),
        Json::String(s) => Value::String(s.clone()),
        Json::Number(text) => number_json(text),
        Json::Bool(b) => Value::Bool(*b),
        Json::Null | Json::Incomplete => Value::Null,
    }
}
