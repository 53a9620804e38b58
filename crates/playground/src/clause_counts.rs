//! Per-clause match counts: for each leaf of a pattern (`"eventName": ["RunInstances"]`), how
//! many loaded events satisfy that leaf on its own, so a user sees which clause filters
//! everything out. The editor draws each count after the leaf's list.
use crate::LoadedEvent;
use eventpen_pattern::model::PatternModel;
use serde_json::Value;
use std::ops::Range;

/// `(byte span of the leaf's list in `text`, events satisfying the leaf)`, in text order.
///
/// Each leaf is checked as a pattern of its own (its keys nested around its list as written),
/// so operators behave exactly as in the whole pattern; a leaf inside `$or` counts on its own
/// too. Leaves whose list cannot stand alone (none today) are left out.
pub fn clause_counts<E: LoadedEvent>(
    text: &str,
    model: &PatternModel,
    events: &[E],
) -> Vec<(Range<usize>, usize)> {
    let mut counts: Vec<(Range<usize>, usize)> = model
        .leaves()
        .iter()
        .filter_map(|leaf| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn counts_each_clause_on_its_own() {
        let events = vec![
            json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances"}}),
            json!({"source": "aws.ec2", "detail": {"eventName": "StopInstances", "errorCode": "AccessDenied"}}),
            json!({"source": "aws.s3", "detail": {"eventName": "GetObject"}}),
        ];
        // (pattern, the text each count follows, count)
        let cases: [(&str, &[(&str, usize)]); 4] = [
            (r#"{"source": ["aws.ec2"]}"#, &[(r#"["aws.ec2"]"#, 2)]),
            (
                r#"{"source": ["aws.ec2"], "detail": {"eventName": [{"suffix": "Instances"}], "errorCode": [{"exists": false}]}}"#,
                &[
                    (r#"["aws.ec2"]"#, 2),
                    (r#"[{"suffix": "Instances"}]"#, 2),
                    (r#"[{"exists": false}]"#, 2),
                ],
            ),
            (
                r#"{"detail.eventName": ["GetObject", "Nope"]}"#,
                &[(r#"["GetObject", "Nope"]"#, 1)],
            ),
            (
                r#"{"$or": [{"source": ["aws.s3"]}, {"detail": {"eventName": ["RunInstances"]}}]}"#,
                &[(r#"["aws.s3"]"#, 1), (r#"["RunInstances"]"#, 1)],
            ),
        ];
        for (text, want) in cases {
            let model = eventpen_pattern::check(text).model.expect(text);
            let got: Vec<(&str, usize)> = clause_counts(text, &model, &events)
                .into_iter()
                .map(|(span, n)| (&text[span], n))
                .collect();
            assert_eq!(got, want.to_vec(), "{text}");
        }
    }
}
