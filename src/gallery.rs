//! Gallery glue: an example becomes a workspace (events, starting pattern, challenge), and every
//! example has a short link `#ex=<id>` an instructor can put on a slide.
use crate::examples::Example;
use crate::share::{SharedChallenge, SharedInput, SharedRule, Snapshot};
use crate::state::PASTED;

/// The fragment prefix of example links.
pub const EXAMPLE_PREFIX: &str = "ex=";

/// The fragment that opens example `id`.
pub fn example_fragment(id: &str) -> String {
    format!("{EXAMPLE_PREFIX}{id}")
}

/// The example id a fragment names, if it is an example link.
pub fn example_id(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .strip_prefix(EXAMPLE_PREFIX)
        .filter(|id| !id.is_empty())
}

/// The workspace an example opens: its visible events with their marks, its starting pattern,
/// its goal and hints and hidden events. Never its solution.
pub fn example_snapshot(example: &Example) -> Snapshot {
    let visible = example.events_input();
    let marks = visible.marks();
    let hidden = example.hidden_input();
    let goal = example
        .challenge
        .as_ref()
        .map_or_else(|| example.summary.clone(), |c| c.goal.clone());
    Snapshot {
        pattern: example.start_pattern.clone(),
        events: vec![SharedInput {
            name: PASTED.to_string(),
            text: visible.text,
        }],
        challenge: Some(SharedChallenge {
            goal,
            hints: example
                .challenge
                .as_ref()
                .map(|c| c.hints.clone())
                .unwrap_or_default(),
            expectations: marks,
            hidden: if hidden.text.is_empty() {
                Vec::new()
            } else {
                vec![SharedInput {
                    name: "hidden test events".to_string(),
                    text: hidden.text,
                }]
            },
        }),
        example: Some(example.id.clone()),
        rule: example
            .transformer
            .as_ref()
            .map_or_else(SharedRule::default, |transformer| SharedRule {
                input_kind: "transformer".into(),
                paths_map: serde_json::to_string_pretty(&transformer.paths_map).unwrap_or_default(),
                template: transformer.template.clone(),
                sns_topic: transformer.sns_topic.clone().unwrap_or_default(),
                ..SharedRule::default()
            }),
        ..Snapshot::default()
    }
}

/// The marks of an example's hidden events (empty for authored challenges, which have none).
pub fn hidden_marks(example_id: Option<&str>) -> Vec<Option<bool>> {
    example_id
        .and_then(crate::examples::by_id)
        .map(|e| e.hidden_input().marks())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_links() {
        let cases = [
            ("ex=root-console-sign-in", Some("root-console-sign-in")),
            ("#ex=a", Some("a")),
            ("ex=", None),
            ("v1.abc", None),
        ];
        for (fragment, id) in cases {
            assert_eq!(example_id(fragment), id, "{fragment}");
        }
        assert_eq!(example_id(&example_fragment("x")), Some("x"));
    }

    #[test]
    fn every_example_opens_without_its_solution() {
        for example in crate::examples::all() {
            let snapshot = example_snapshot(&example);
            assert_eq!(snapshot.pattern, example.start_pattern, "{}", example.id);
            let challenge = snapshot.challenge.expect("a challenge");
            assert_eq!(challenge.expectations.len(), example.events.len());
            assert!(!challenge.goal.is_empty());
            let text = serde_json::to_string(&challenge).unwrap_or_default();
            if example.solution != example.start_pattern {
                assert!(
                    !text.contains(&example.solution),
                    "{} leaks its solution",
                    example.id
                );
            }
            assert_eq!(
                hidden_marks(Some(&example.id)).len(),
                example.hidden_input().expectations.len()
            );
        }
    }
}
