//! The pattern as the tree beside the JSON shows it: fields (dotted event paths) with their
//! conditions, and `$or` groups with their branches — each item carrying the location edits need.
//!
//! The tree and the pressed values are read from the pattern model (dotted keys resolved to
//! the event fields they read). Edits write JSON: [`value_leaves`] finds the leaves of a JSON
//! value an edit is about to rewrite (a value built by edits, not pattern text).
use eventpen_pattern::model::{Member, Object, PatternModel};
use serde_json::Value;

/// One item of the pattern tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    /// A field and its conditions.
    Field(FieldClause),
    /// An `$or` group: the event matches when any branch matches.
    AnyOf(OrGroup),
}

/// A field of the pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldClause {
    /// Where the leaf sits in the pattern (with `"$or", "<i>"` pairs).
    pub location: Vec<String>,
    /// The event field it reads.
    pub path: Vec<String>,
    /// Its conditions (any may match).
    pub conditions: Vec<Value>,
    /// The leaf is not a list (`"source": "aws.ec2"`): AWS rejects it; editing makes it a list.
    pub not_a_list: bool,
}

/// An `$or` group.
#[derive(Debug, Clone, PartialEq)]
pub struct OrGroup {
    /// Location of the `$or` key (ends with `"$or"`).
    pub location: Vec<String>,
    /// The event object the branches apply to (empty at the top level).
    pub path: Vec<String>,
    /// The branches, each a list of clauses that must all match.
    pub branches: Vec<Vec<Clause>>,
}

/// The pattern's clauses in the order the user wrote them.
pub fn outline(model: &PatternModel) -> Vec<Clause> {
    let mut out = Vec::new();
    from_model(&model.root, &mut Vec::new(), &[], &mut out);
    out
}

/// The clauses of one object of the model; `location` holds the keys as written (with `"$or",
/// "<i>"` pairs), `path` the event field of the object.
fn from_model(object: &Object, location: &mut Vec<String>, path: &[String], out: &mut Vec<Clause>) {
    for member in &object.members {
        match member {
            Member::Leaf(leaf) => {
                location.push(leaf.key.clone());
                out.push(Clause::Field(FieldClause {
                    location: location.clone(),
                    path: leaf.path.key_vec(),
                    conditions: leaf.conditions.iter().map(|c| c.json.clone()).collect(),
                    not_a_list: false,
                }));
                location.pop();
            }
            Member::Nested(nested) => {
                location.push(nested.key.clone());
                from_model(&nested.object, location, &nested.path.key_vec(), out);
                location.pop();
            }
            Member::Or(group) => {
                location.push("$or".to_string());
                let branches = group
                    .branches
                    .iter()
                    .enumerate()
                    .map(|(index, branch)| {
                        location.push(index.to_string());
                        let mut clauses = Vec::new();
                        from_model(branch, location, path, &mut clauses);
                        location.pop();
                        clauses
                    })
                    .collect();
                out.push(Clause::AnyOf(OrGroup {
                    location: location.clone(),
                    path: path.to_vec(),
                    branches,
                }));
                location.pop();
            }
        }
    }
}

/// The clauses of a JSON value an edit is rewriting (keys as written, not-a-list leaves kept).
fn value_outline(pattern: &Value) -> Vec<Clause> {
    let mut out = Vec::new();
    collect(pattern, &mut Vec::new(), &mut Vec::new(), &mut out);
    out
}

fn collect(
    value: &Value,
    location: &mut Vec<String>,
    path: &mut Vec<String>,
    out: &mut Vec<Clause>,
) {
    let Value::Object(map) = value else { return };
    for (key, child) in map {
        location.push(key.clone());
        match child {
            Value::Array(branches) if key == "$or" && branches.iter().all(Value::is_object) => {
                let branches = branches
                    .iter()
                    .enumerate()
                    .map(|(index, branch)| {
                        location.push(index.to_string());
                        let mut clauses = Vec::new();
                        collect(branch, location, path, &mut clauses);
                        location.pop();
                        clauses
                    })
                    .collect();
                out.push(Clause::AnyOf(OrGroup {
                    location: location.clone(),
                    path: path.clone(),
                    branches,
                }));
            }
            Value::Object(_) => {
                path.push(key.clone());
                collect(child, location, path, out);
                path.pop();
            }
            leaf => {
                path.push(key.clone());
                let (conditions, not_a_list) = match leaf {
                    Value::Array(items) => (items.clone(), false),
                    scalar => (vec![scalar.clone()], true),
                };
                out.push(Clause::Field(FieldClause {
                    location: location.clone(),
                    path: path.clone(),
                    conditions,
                    not_a_list,
                }));
                path.pop();
            }
        }
        location.pop();
    }
}

/// Every field of a JSON value being edited, `$or` branches included, flattened.
pub(crate) fn value_leaves(pattern: &Value) -> Vec<FieldClause> {
    fn flatten(clauses: Vec<Clause>, out: &mut Vec<FieldClause>) {
        for clause in clauses {
            match clause {
                Clause::Field(field) => out.push(field),
                Clause::AnyOf(group) => {
                    for branch in group.branches {
                        flatten(branch, out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    flatten(value_outline(pattern), &mut out);
    out
}

/// The event field a location reads (the location without its `"$or", "<i>"` pairs).
pub fn field_path(location: &[String]) -> Vec<String> {
    let mut path = Vec::with_capacity(location.len());
    let mut segments = location.iter().peekable();
    while let Some(segment) = segments.next() {
        let is_branch = segment == "$or"
            && segments
                .peek()
                .is_some_and(|next| next.parse::<usize>().is_ok());
        if is_branch {
            segments.next();
        } else {
            path.push(segment.clone());
        }
    }
    path
}

/// The exact values in the pattern with their event paths (`$or` branches included), so the
/// event tree and the facets show them pressed.
pub fn picks_in(model: &PatternModel) -> Vec<(Vec<String>, Value)> {
    let mut picks = Vec::new();
    for leaf in model.leaves() {
        let path = leaf.path.key_vec();
        for condition in &leaf.conditions {
            // Plain values only: `{"exactly": …}` is not what a click on a value writes.
            if let eventpen_pattern::model::Operator::Exact(literal) = &condition.operator
                && !condition.json.is_object()
            {
                let pick = (path.clone(), literal.to_json());
                if !picks.contains(&pick) {
                    picks.push(pick);
                }
            }
        }
    }
    picks
}
