//! Per-clause match counts: for each leaf of a pattern (`"eventName": ["RunInstances"]`), how
//! many loaded events satisfy that leaf on its own, so a user sees which clause filters
//! everything out. The editor draws each count after the leaf's list.
use crate::LoadedEvent;
use crate::index::Facets;
use eventpen_pattern::model::{Leaf, Literal, Operator, PatternModel};
use serde_json::Value;
use std::collections::HashSet;
use std::ops::Range;

/// `(byte span of the leaf's list in `text`, events satisfying the leaf)`, in text order.
///
/// Each leaf is checked as a pattern of its own (its keys nested around its list as written),
/// so operators behave exactly as in the whole pattern; a leaf inside `$or` counts on its own
/// too. Leaves whose list cannot stand alone (none today) are left out. With `index` (the
/// events' field index), a list of exact strings on a field that holds one value per event is
/// counted from the index instead of re-reading every event.
pub fn clause_counts<E: LoadedEvent>(
    text: &str,
    model: &PatternModel,
    events: &[E],
    index: Option<&Facets>,
) -> Vec<(Range<usize>, usize)> {
    let mut counts: Vec<(Range<usize>, usize)> = model
        .leaves()
        .iter()
        .filter_map(|leaf| {
            if let Some(count) = index.and_then(|index| count_from_index(leaf, index)) {
                return Some((leaf.span.clone(), count));
            }
            let list = text.get(leaf.span.clone())?;
            let mut alone = list.to_string();
            for key in leaf.path.key_vec().iter().rev() {
                alone = format!("{{{}: {alone}}}", Value::String(key.clone()));
            }
            let pattern = eventpen_pattern::check(&alone).pattern?;
            let count = events.iter().filter(|e| pattern.matches(e.event())).count();
            Some((leaf.span.clone(), count))
        })
        .collect();
    counts.sort_by_key(|(span, _)| span.start);
    counts
}

/// The count of an all-exact-strings leaf from the index, when the index can say it exactly:
/// every event with the field has one value there (so counts of distinct values add up).
fn count_from_index(leaf: &Leaf, index: &Facets) -> Option<usize> {
    let mut wanted = HashSet::new();
    for condition in &leaf.conditions {
        let Operator::Exact(Literal::String(value)) = &condition.operator else {
            return None;
        };
        wanted.insert(value.as_str());
    }
    let path = leaf.path.key_vec();
    let Some(field) = index.field(&path) else {
        // No event has a value here: nothing equals a string (objects and lists never do).
        return Some(0);
    };
    let one_value_each = field.values.iter().map(|v| v.count).sum::<usize>() == field.events;
    if field.truncated || !one_value_each {
        return None;
    }
    Some(
        field
            .values
            .iter()
            .filter(|v| v.value.as_str().is_some_and(|s| wanted.contains(s)))
            .map(|v| v.count)
            .sum(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn counts_each_clause_on_its_own() {
        let events = vec![
            json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances"}}),
            json!({"source": "aws.ec2", "detail": {"eventName": "StopInstances", "errorCode": "AccessDenied"}}),
            json!({"source": "aws.s3", "detail": {"eventName": "GetObject", "tags": ["a", "b"]}}),
            json!({"source": "aws.s3", "detail": {"eventName": "PutObject", "tags": ["b"]}}),
        ];
        let index = Facets::collect(events.iter());
        // (pattern, the text each count follows, count)
        let cases: [(&str, &[(&str, usize)]); 6] = [
            (r#"{"source": ["aws.ec2"]}"#, &[(r#"["aws.ec2"]"#, 2)]),
            (
                r#"{"source": ["aws.ec2", "aws.s3", "aws.ec2"]}"#,
                &[(r#"["aws.ec2", "aws.s3", "aws.ec2"]"#, 4)],
            ),
            (
                r#"{"detail": {"tags": ["a", "b"], "nope": ["x"]}}"#,
                &[(r#"["a", "b"]"#, 2), (r#"["x"]"#, 0)],
            ),
            (
                r#"{"source": ["aws.ec2"], "detail": {"eventName": [{"suffix": "Instances"}], "errorCode": [{"exists": false}]}}"#,
                &[
                    (r#"["aws.ec2"]"#, 2),
                    (r#"[{"suffix": "Instances"}]"#, 2),
                    (r#"[{"exists": false}]"#, 3),
                ],
            ),
            (
                r#"{"detail.eventName": ["GetObject", "Nope"]}"#,
                &[(r#"["GetObject", "Nope"]"#, 1)],
            ),
            (
                r#"{"$or": [{"source": ["aws.s3"]}, {"detail": {"eventName": ["RunInstances"]}}]}"#,
                &[(r#"["aws.s3"]"#, 2), (r#"["RunInstances"]"#, 1)],
            ),
        ];
        for (text, want) in cases {
            let model = eventpen_pattern::check(text).model.expect(text);
            // The same counts with and without the index's shortcut.
            for index in [None, Some(&index)] {
                let got: Vec<(&str, usize)> = clause_counts(text, &model, &events, index)
                    .into_iter()
                    .map(|(span, n)| (&text[span], n))
                    .collect();
                assert_eq!(got, want.to_vec(), "{text} (index: {})", index.is_some());
            }
        }
    }
}
