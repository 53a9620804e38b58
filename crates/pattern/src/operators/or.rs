//! `$or`: `{"$or": [{…}, {…}]}` — the pattern matches when any branch (together with the
//! fields around the `$or`) does. event-ruler forks the sub-rules built so far for each
//! branch, so `{"a": […], "$or": [B1, B2]}` becomes the sub-rules `a ∧ B1` and `a ∧ B2`;
//! here a `$or` is one [`crate::tree::Node::Any`] node and the sub-rules are only counted
//! (each branch starts from the count before the `$or`, and the branches' counts add up).
//!
//! event-ruler's JSON compiler (the one AWS reports errors from) requires the value of `$or`
//! to be an array of at least two objects, and reserves operator names as field names inside
//! a branch.

use crate::compile::{Compiler, Ctx, MAX_SUB_RULES, Stop, path_text};
use crate::reader::{Json, Member};
use crate::tree::{BranchMerge, Sequence};

/// The key that introduces alternatives.
pub(crate) const KEYWORD: &str = "$or";

/// Field names event-ruler refuses inside a `$or` branch.
pub(crate) const RESERVED: &[&str] = &[
    "exactly",
    "equals-ignore-case",
    "prefix",
    "suffix",
    "anything-but",
    "exists",
    "wildcard",
    "numeric",
    "cidr",
    "=",
    "<",
    "<=",
    ">",
    ">=",
    "regex",
    "not-wildcard",
    "not-equals-ignore-case",
    "date-after",
    "date-on-or-after",
    "date-before",
    "date-on-or-before",
    "in-date-range",
    "ip-address-in-range",
    "ip-address-not-in-range",
];

/// Reads a `$or` member into an alternative of `sequence`, one branch per object.
pub(crate) fn parse(
    compiler: &mut Compiler,
    ctx: &mut Ctx,
    member: &Member,
    segments: &mut Vec<String>,
    sequence: &mut Sequence,
    origin: &[usize],
) -> Result<(), Stop> {
    let node = &member.value;
    let path = if segments.is_empty() {
        KEYWORD.to_string()
    } else {
        format!("{}.{KEYWORD}", path_text(segments))
    };
    let items = match &node.json {
        Json::Array(items) => items,
        Json::Incomplete => return Err(Stop::Syntax),
        _ => {
            return Err(ctx.problem(
                node.span.clone(),
                node.span.start,
                "or-not-array",
                "It must be an Array followed with $or.",
                path,
            ));
        }
    };
    // event-ruler's count of sub-rules before, and (summed over branches so far) after.
    let before = sequence.combinations;
    let mut after: usize = 0;
    let mut branches = Vec::with_capacity(items.len());
    let mut merge = BranchMerge::default();
    for (branch, item) in items.iter().enumerate() {
        match &item.json {
            Json::Object(_) => {
                let mut forked = Sequence {
                    items: Vec::new(),
                    combinations: before.max(1),
                };
                let mut branch_origin = origin.to_vec();
                branch_origin.push(branch);
                let mark = compiler.tree.start_branch();
                compiler.object(ctx, item, segments, &mut forked, &branch_origin, true)?;
                after = after.saturating_add(forked.combinations);
                branches.push(compiler.tree.end_branch(mark, forked, &mut merge));
                if after > MAX_SUB_RULES {
                    return Err(ctx.problem(
                        node.span.clone(),
                        item.span.start,
                        "too-many-combinations",
                        format!(
                            "The $or combinations of this pattern exceed {MAX_SUB_RULES}; EventPen stops here (AWS documents a limit of 1000)"
                        ),
                        path,
                    ));
                }
            }
            Json::Incomplete => return Err(Stop::Syntax),
            _ => {
                return Err(ctx.problem(
                    item.span.clone(),
                    item.span.start,
                    "or-not-object",
                    "Only JSON object is allowed in array of $or relationship.",
                    format!("{path}[{branch}]"),
                ));
            }
        }
    }
    if !node.closed {
        return Err(Stop::Syntax);
    }
    if items.len() < 2 {
        return Err(ctx.at_close(
            node,
            "or-too-few",
            "There must have at least 2 Objects in $or relationship.",
            path,
        ));
    }
    sequence.combinations = after;
    compiler.tree.end_or(sequence, branches, merge);
    Ok(())
}
