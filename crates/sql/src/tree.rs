//! The pattern model as one SQL boolean: objects are ANDs, `$or` groups ORs, a leaf an OR of
//! its conditions over the field's values. Each dialect says where a field's values are.

use crate::value::{Notes, ValueSql, and, condition, or};
use eventpen_pattern::model::{Leaf, Member, Object, Operator, PatternModel};

/// Where a field's values are, in one dialect.
pub enum Field {
    /// One value per record (a column); absent when the text is NULL.
    Scalar(ValueSql),
    /// Any number of values: `template` with `{cond}` replaced by a condition on `value` is
    /// true when some value satisfies it.
    Set {
        /// One value (in terms of the template's variable).
        value: ValueSql,
        /// E.g. `EXISTS (SELECT 1 FROM flat f WHERE … AND {cond})`.
        template: String,
    },
    /// The dialect cannot read this field: the leaf is taken as true (more rows) and the note
    /// says why.
    Unreadable(String),
    /// The field never exists in a CloudTrail-delivered event.
    Absent,
}

/// What a dialect provides: a field's values from its path (`detail`, `eventName`, …).
pub trait Dialect {
    /// The values at `keys` (the leaf's field path).
    fn field(&self, keys: &[String], notes: &mut Notes) -> Field;
}

/// The pattern as an SQL condition.
pub fn pattern_condition(model: &PatternModel, dialect: &dyn Dialect, notes: &mut Notes) -> String {
    object(&model.root, dialect, notes)
}

fn object(object: &Object, dialect: &dyn Dialect, notes: &mut Notes) -> String {
    let parts = object
        .members
        .iter()
        .map(|member| match member {
            Member::Nested(nested) => self::object(&nested.object, dialect, notes),
            Member::Leaf(leaf) => self::leaf(leaf, dialect, notes),
            Member::Or(group) => or(group
                .branches
                .iter()
                .map(|branch| self::object(branch, dialect, notes))
                .collect()),
        })
        .collect();
    and(parts)
}

fn leaf(leaf: &Leaf, dialect: &dyn Dialect, notes: &mut Notes) -> String {
    let keys: Vec<String> = leaf.path.keys().map(str::to_string).collect();
    let name = keys.join(".");
    let accepts_absence = leaf.accepts_absence();
    let value_conditions: Vec<&Operator> = leaf
        .conditions
        .iter()
        .map(|c| &c.operator)
        .filter(|op| !matches!(op, Operator::Exists(false)))
        .collect();
    match dialect.field(&keys, notes) {
        Field::Absent => if accepts_absence { "TRUE" } else { "FALSE" }.to_string(),
        Field::Unreadable(why) => {
            notes.push(format!(
                "{name}: {why}; this condition is left out (more rows)"
            ));
            String::from("TRUE")
        }
        Field::Scalar(value) => {
            let present = format!("{} IS NOT NULL", value.text);
            let any = or(value_conditions
                .iter()
                .map(|op| condition(op, &value, &name, notes))
                .collect());
            let mut parts = vec![and(vec![present.clone(), any])];
            if accepts_absence {
                parts.push(format!("{} IS NULL", value.text));
            }
            or(parts)
        }
        Field::Set { value, template } => {
            let mut parts = Vec::new();
            if !value_conditions.is_empty() {
                let any = or(value_conditions
                    .iter()
                    .map(|op| condition(op, &value, &name, notes))
                    .collect());
                if any != "FALSE" {
                    parts.push(template.replace("{cond}", &any));
                }
            }
            if accepts_absence {
                parts.push(format!("NOT {}", template.replace("{cond}", "TRUE")));
            }
            or(parts)
        }
    }
}

/// Whether some object under `detail` holds two or more leaves: if it is an array of objects,
/// EventBridge takes their values from one element (array consistency), which SQL here does not.
pub fn has_sibling_leaves_under_detail(model: &PatternModel) -> Option<String> {
    let leaves = model.leaves();
    for (i, a) in leaves.iter().enumerate() {
        for b in leaves.iter().skip(i + 1) {
            let a_keys: Vec<&str> = a.path.keys().collect();
            let b_keys: Vec<&str> = b.path.keys().collect();
            let shared = a_keys
                .iter()
                .zip(&b_keys)
                .take_while(|(x, y)| x == y)
                .count();
            if a_keys.first() == Some(&"detail")
                && shared >= 2
                && shared < a_keys.len().min(b_keys.len())
            {
                return Some(a_keys[..shared].join("."));
            }
        }
    }
    None
}
