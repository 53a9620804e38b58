//! The visual pattern builder's pure core: every edit a click can make, as a function from one
//! pattern `Value` to the next.
//!
//! Why pure: the builder rewrites the user's pattern, so each rewrite must be exactly right and
//! tested in tables natively (tests/builder.rs) — the Yew components in
//! `components::builder` only turn clicks into calls here and the result into
//! `Action::ReplacePattern(pretty(&next))`.
//!
//! Addressing: a *path* is the field's segments in the event (`["detail", "eventName"]`,
//! array indexes skipped, as patterns see arrays flattened). A *location* is where a leaf sits in
//! the pattern: the same segments, plus `"$or", "<branch index>"` pairs where it sits inside an
//! `$or` group (`["$or", "1", "detail", "eventName"]`). Every event path is also a location.
//!
//! ```
//! use eventpen_playground::builder::{pretty, toggle_exact};
//! use serde_json::json;
//! let path = ["detail".to_string(), "eventName".to_string()];
//! let pattern = toggle_exact(&json!({"source": ["aws.ec2"]}), &path, &json!("RunInstances"));
//! assert_eq!(pattern, json!({"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"]}}));
//! assert!(pretty(&pattern).contains(r#""eventName": ["RunInstances"]"#));
//! ```
mod conditions;
mod edit;
mod form;
mod narrow;
mod outline;

mod quick_start;

pub use crate::index::{FacetField, FacetHit, FacetValue, Facets};
pub use conditions::{conditions_for, describe};
pub use edit::{
    BuildError, add_condition, remove_condition, remove_location, replace_condition, toggle_exact,
    wrap_in_or,
};
pub use eventpen_pattern::pretty::pretty;
pub use form::{FormError, Operator, build_condition, split_condition};
pub use narrow::{NarrowError, exclude, keep_only};
pub use outline::{Clause, FieldClause, OrGroup, field_path, outline, picks_in};
pub use quick_start::quick_start;

/// A field path or a pattern location as dotted text, for people (never parsed back as a path
/// except through [`parse_path`], which prefers the known paths).
pub fn dotted(path: &[String]) -> String {
    path.join(".")
}

/// The segments a person meant by typing `text`: a known path whose dotted form equals it
/// (so a key containing a dot stays one segment), else the text split on dots.
pub fn parse_path(text: &str, known: &[Vec<String>]) -> Vec<String> {
    let text = text.trim();
    if let Some(path) = known.iter().find(|p| dotted(p) == text) {
        return path.clone();
    }
    text.split('.')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
