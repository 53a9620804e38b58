//! Why an event did not match, in words: the one wording the app and the CLI both show.

use eventpen_pattern::{Clause, Explanation, Pattern};
use serde_json::Value;

/// What is said when every field passes on its own but not from one array element.
pub const CONSISTENCY_REASON: &str =
    "Every field passes on its own, but not from the same array element.";

/// One failed clause; inside `$or` prefixed by its branch, 1-based like event numbers
/// (`($or branch 2.1) detail.x is …`), so alternatives that failed differently can be told apart.
pub fn clause_reason(clause: &Clause) -> String {
    if clause.or_branch.is_empty() {
        return clause.to_string();
    }
    let branch: Vec<String> = clause
        .or_branch
        .iter()
        .map(|b| (b + 1).to_string())
        .collect();
    format!("($or branch {}) {clause}", branch.join("."))
}

/// The failed clauses of an explanation, in words (empty when it matched).
pub fn explanation_reasons(explanation: &Explanation) -> Vec<String> {
    if explanation.matched {
        return Vec::new();
    }
    let reasons: Vec<String> = explanation
        .clauses
        .iter()
        .filter(|c| !c.passed)
        .map(clause_reason)
        .collect();
    if reasons.is_empty() {
        vec![CONSISTENCY_REASON.to_string()]
    } else {
        reasons
    }
}

/// Why `event` does not match `pattern` (empty when it does).
pub fn failed_reasons(pattern: &Pattern, event: &Value) -> Vec<String> {
    explanation_reasons(&pattern.explain(event))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reasons_name_the_field_the_value_and_the_branch() {
        let pattern = eventpen_pattern::compile(
            r#"{"source": ["aws.ec2"], "$or": [{"detail": {"a": [1]}}, {"detail": {"b": [{"exists": true}]}}]}"#,
        )
        .unwrap();
        // (event, reasons)
        let cases = [
            (json!({"source": "aws.ec2", "detail": {"a": 1}}), vec![]),
            (
                json!({"source": "aws.s3", "detail": {"a": 1}}),
                vec![
                    r#"source is "aws.s3"; pattern wants "aws.ec2""#,
                    "($or branch 2) detail.b is missing; pattern wants to exist",
                ],
            ),
            (
                json!({"source": "aws.ec2", "detail": {"a": 2}}),
                vec![
                    "($or branch 1) detail.a is 2; pattern wants 1",
                    "($or branch 2) detail.b is missing; pattern wants to exist",
                ],
            ),
        ];
        for (event, want) in cases {
            assert_eq!(failed_reasons(&pattern, &event), want, "{event}");
        }
    }
}
