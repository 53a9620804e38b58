//! Fixes for the errors people make most, attached to AWS's own error as a suggestion.
//!
//! AWS says "Unrecognized match type instanceType" for `"items": [{"instanceType": ["t2.micro"]}]`:
//! true (an object in a field's list is read as an operator) but no help. The usual intent is
//! to reach into an array of objects, which a pattern writes without the `[ ]`: a field matches
//! an array when any element matches. So the fix writes the object in place of the list.

use crate::diagnostic::{Diagnostic, Suggestion};
use crate::kind::Kind;
use crate::reader::{Json, Node};

/// Adds what is known about fixing `error` (AWS's message stays as it is).
pub(crate) fn explain_error(text: &str, root: Option<&Node>, error: Diagnostic) -> Diagnostic {
    if error.kind != Kind::UnknownOperator {
        return error;
    }
    let Some((list, object)) = root.and_then(|root| list_holding_key(root, error.span.start))
    else {
        return error;
    };
    let Json::Object(members) = &object.json else {
        return error;
    };
    let operator = members.first().map(|m| m.key.clone()).unwrap_or_default();
    let error = error.with_operator(operator.clone());
    // Only objects that read like fields (every value an object or a list) are a field
    // written inside `[ ]`; `{"prefx": "a"}` is a misspelt operator instead.
    let fields_inside = members
        .iter()
        .all(|m| matches!(m.value.json, Json::Object(_) | Json::Array(_)));
    let Json::Array(items) = &list.json else {
        return error;
    };
    if !fields_inside || items.len() != 1 || !list.closed || !object.closed {
        return error;
    }
    let Some(object_text) = text.get(object.span.clone()) else {
        return error;
    };
    let title = format!(
        "`{operator}` is read as an operator because it is inside [ ]. To match a field of the objects in an array, name the array's fields directly, without [ ] around the object: a field matches an array when any element matches"
    );
    error.with_suggestion(Suggestion::replace(title, list.span.clone(), object_text))
}

/// The leaf list and the object in it whose first key starts at `key_start`.
fn list_holding_key(node: &Node, key_start: usize) -> Option<(&Node, &Node)> {
    match &node.json {
        Json::Object(members) => members
            .iter()
            .find_map(|m| list_holding_key(&m.value, key_start)),
        Json::Array(items) => {
            for item in items {
                if let Json::Object(members) = &item.json
                    && members
                        .first()
                        .is_some_and(|m| m.key_span.start == key_start)
                {
                    return Some((node, item));
                }
                if let Some(found) = list_holding_key(item, key_start) {
                    return Some(found);
                }
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::{Kind, check};

    #[test]
    fn an_object_inside_a_leaf_list_gets_the_fix() {
        // (pattern, fixed pattern or None when no fix is offered)
        let cases = [
            (
                r#"{"detail": {"items": [{"instanceType": ["t2.micro"]}]}}"#,
                Some(r#"{"detail": {"items": {"instanceType": ["t2.micro"]}}}"#),
            ),
            (
                r#"{"a": [{"b": {"c": ["x"]}, "d": [1]}]}"#,
                Some(r#"{"a": {"b": {"c": ["x"]}, "d": [1]}}"#),
            ),
            (r#"{"a": [{"prefx": "x"}]}"#, None),
            (r#"{"a": [{"b": ["x"]}, {"c": ["y"]}]}"#, None),
        ];
        for (pattern, fixed) in cases {
            let checked = check(pattern);
            let error = &checked.errors[0];
            assert_eq!(error.kind, Kind::UnknownOperator, "{pattern}");
            let applied = error.suggestion.as_ref().and_then(|s| s.apply(pattern));
            assert_eq!(applied.as_deref(), fixed, "{pattern}");
            if let Some(fixed) = fixed {
                assert!(check(fixed).errors.is_empty(), "{fixed}");
            }
        }
    }
}
