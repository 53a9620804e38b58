//! Every gallery example is sound: it parses, its id is its file name, its solution is a valid
//! pattern that matches exactly the events marked `match` (hidden ones included), its start
//! pattern does not already solve it, and its events look like what AWS really writes.

use eventpen::challenge::score;
use eventpen::examples::{self, Example, Expect};
use eventpen_ingest::ingest_text;
use serde_json::Value;
use std::collections::BTreeSet;
use std::net::IpAddr;

fn all() -> Vec<Example> {
    match examples::load_all() {
        Ok(all) => all,
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("example files do not parse:\n{}", lines.join("\n"));
        }
    }
}

/// The EventBridge events a rule would see for `example`'s visible then hidden events, read by
/// the same ingestion as pasted text.
fn ingested(example: &Example) -> Vec<Value> {
    let mut input = example.events_input();
    let hidden = example.hidden_input();
    input.text.push_str(&hidden.text);
    let result = ingest_text(&example.id, &input.text);
    assert!(
        !result.has_errors(),
        "{}: ingestion problems: {:?}",
        example.id,
        result.problems
    );
    let events: Vec<Value> = result.events.into_iter().map(|e| e.event).collect();
    assert_eq!(
        events.len(),
        input.expectations.len() + hidden.expectations.len(),
        "{}: one event per line",
        example.id
    );
    events
}

fn marks(example: &Example) -> Vec<Option<bool>> {
    example
        .all_events()
        .map(|e| Some(e.expect == Expect::Match))
        .collect()
}

#[test]
fn there_are_enough_examples_and_the_file_list_is_complete() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples");
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let listed: BTreeSet<String> = examples::ids().map(str::to_owned).collect();
    assert_eq!(
        on_disk, listed,
        "www/examples/*.json and examples::FILES differ"
    );
    assert!(listed.len() >= 14, "only {} examples", listed.len());
    assert_eq!(listed.len(), examples::FILES.len(), "an id is listed twice");
}

#[test]
fn ids_are_unique_and_equal_file_names() {
    let all = all();
    let mut seen = BTreeSet::new();
    for (example, (file_id, _)) in all.iter().zip(examples::FILES) {
        assert_eq!(&example.id, file_id, "id inside the file");
        assert!(
            seen.insert(example.id.clone()),
            "duplicate id {}",
            example.id
        );
        assert!(
            example
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}: ids are lowercase-kebab (they appear in links)",
            example.id
        );
        assert_eq!(examples::by_id(file_id).as_ref(), Some(example));
    }
    assert_eq!(examples::by_id("no-such-example"), None);
    assert_eq!(examples::all(), all);
}

#[test]
fn texts_are_present() {
    for example in all() {
        let id = &example.id;
        for (field, text) in [
            ("title", &example.title),
            ("summary", &example.summary),
            ("lesson", &example.lesson),
            ("start_pattern", &example.start_pattern),
            ("solution", &example.solution),
        ] {
            assert!(!text.trim().is_empty(), "{id}: empty {field}");
        }
        assert!(!example.summary.contains('\n'), "{id}: summary is one line");
        assert!(!example.tags.is_empty(), "{id}: no tags");
        assert_eq!(
            example.lesson.matches('`').count() % 2,
            0,
            "{id}: unbalanced backticks in the lesson"
        );
        let expects: BTreeSet<_> = example.events.iter().map(|e| e.expect).collect();
        assert_eq!(expects.len(), 2, "{id}: needs matches and near-misses");
        for event in example.all_events() {
            assert!(!event.label.trim().is_empty(), "{id}: event without label");
        }
        if let Some(challenge) = &example.challenge {
            assert!(!challenge.goal.trim().is_empty(), "{id}: empty goal");
            assert!(challenge.hints.iter().all(|h| !h.trim().is_empty()));
        }
    }
}

#[test]
fn solutions_are_valid_and_match_exactly_the_marked_events() {
    for example in all() {
        let id = &example.id;
        let checked = eventpen_pattern::check(&example.solution);
        assert!(
            checked.errors.is_empty(),
            "{id}: solution has errors: {:?}",
            checked.errors
        );
        let Some(pattern) = checked.pattern else {
            panic!("{id}: solution did not compile");
        };
        let events = ingested(&example);
        for (event, marked) in events.iter().zip(example.all_events()) {
            assert_eq!(
                pattern.matches(event),
                marked.expect == Expect::Match,
                "{id}: solution on \"{}\"",
                marked.label
            );
        }
        let visible = example.events.len();
        let marks = marks(&example);
        assert!(score(&example.solution, &events[..visible], &marks[..visible]).solved);
        assert!(score(&example.solution, &events, &marks).solved);
    }
}

#[test]
fn start_patterns_do_not_already_solve_them() {
    // These start from a pattern AWS rejects, on purpose: the walkthrough's object-in-array, and
    // the `anything-but` + `cidr` everyone tries first.
    let invalid_on_purpose = ["ec2-t2-micro-only", "sign-in-outside-office-networks"];
    for example in all() {
        let id = example.id.as_str();
        let events = ingested(&example);
        let start = score(&example.start_pattern, &events, &marks(&example));
        assert!(!start.solved, "{id}: the start pattern already solves it");
        assert_eq!(
            start.valid_pattern,
            !invalid_on_purpose.contains(&id),
            "{id}: start pattern validity"
        );
    }
}

#[test]
fn events_input_is_one_event_per_line_in_order() {
    for example in all() {
        let input = example.events_input();
        assert_eq!(input.text.lines().count(), example.events.len());
        assert_eq!(input.expectations.len(), example.events.len());
        for ((line, event), expectation) in input
            .text
            .lines()
            .zip(&example.events)
            .zip(&input.expectations)
        {
            let parsed: Value = serde_json::from_str(line).unwrap_or(Value::Null);
            assert_eq!(parsed, event.event, "{}: line round-trips", example.id);
            assert_eq!(expectation.must_match, event.expect == Expect::Match);
        }
        assert_eq!(input.marks().len(), example.events.len());
        let hidden = example.challenge.as_ref().map_or(0, |c| c.hidden.len());
        assert_eq!(example.hidden_input().expectations.len(), hidden);
    }
}

/// Walks every `(key, value)` pair of a JSON value.
fn walk<'a>(value: &'a Value, visit: &mut dyn FnMut(&'a str, &'a Value)) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                visit(key, child);
                walk(child, visit);
            }
        }
        Value::Array(items) => items.iter().for_each(|child| walk(child, visit)),
        _ => {}
    }
}

fn is_documentation_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => matches!(
            v4.octets(),
            [192, 0, 2, _] | [198, 51, 100, _] | [203, 0, 113, _]
        ),
        IpAddr::V6(v6) => v6.segments()[..2] == [0x2001, 0x0db8],
    }
}

#[test]
fn events_look_like_real_records_with_documentation_values() {
    let accounts = ["111122223333", "444455556666"];
    for example in all() {
        let id = &example.id;
        for marked in example.all_events() {
            let event = &marked.event;
            let record = event
                .get("detail")
                .filter(|_| event.get("detail-type").is_some());
            let record = record.unwrap_or(event);
            if let Some(version) = record.get("eventVersion") {
                assert!(
                    matches!(version.as_str(), Some("1.08" | "1.09")),
                    "{id}: eventVersion {version}"
                );
                for field in [
                    "eventID",
                    "eventType",
                    "recipientAccountId",
                    "eventCategory",
                ] {
                    assert!(record.get(field).is_some(), "{id}: {field} missing");
                }
                let event_id = record["eventID"].as_str().unwrap_or("");
                assert_eq!(event_id.len(), 36, "{id}: eventID {event_id} is a UUID");
            }
            walk(event, &mut |key, value| {
                let Some(text) = value.as_str() else { return };
                if matches!(
                    key,
                    "accountId" | "account" | "recipientAccountId" | "ownerId"
                ) {
                    assert!(accounts.contains(&text), "{id}: {key} {text}");
                }
                if let ("sourceIPAddress", Ok(ip)) = (key, text.parse::<IpAddr>()) {
                    assert!(is_documentation_ip(ip), "{id}: {key} {text}");
                }
            });
        }
    }
}

/// The input-transformer examples deliver what their summaries promise, on every `match` event.
#[test]
fn transformer_examples_deliver_the_promised_text() {
    use eventpen_transform::{RuleContext, TargetInput};
    let cases = [
        (
            "ec2-run-instances-sns-alert",
            0,
            "alice launched 2× t2.micro in eu-west-1",
        ),
        (
            "ec2-run-instances-sns-alert",
            1,
            "bob launched 1× t3.small in eu-west-1",
        ),
        (
            "ec2-run-instances-slack-webhook",
            0,
            "{\n  \"text\": \":rocket: alice launched 2× t2.micro in eu-west-1\",\n  \"username\": \"EventBridge rule my-rule\"\n}",
        ),
    ];
    for (id, event, want) in cases {
        let example = examples::by_id(id).unwrap();
        let transformer = example.transformer.clone().unwrap();
        let input = TargetInput::Transformer {
            paths_map: serde_json::to_string(&transformer.paths_map).unwrap(),
            template: transformer.template,
        };
        assert!(input.check().is_empty(), "{id}");
        let rule = RuleContext {
            rule_name: "my-rule".into(),
            rule_arn: String::new(),
        };
        let delivered = input.deliver(&ingested(&example)[event], &rule).unwrap();
        assert_eq!(delivered.text, want, "{id}");
        if want.starts_with('{') {
            serde_json::from_str::<Value>(&delivered.text).expect("the Slack body is JSON");
        }
    }
}
