//! Redacting the gallery's examples (read in place from `www/examples`): nothing sensitive is
//! left, redacting twice changes nothing, and match results survive except where a pattern
//! names part of a redacted value.

use eventpen_playground::NamedText;
use eventpen_playground::redact::redact;
use serde_json::Value;

struct Example {
    id: String,
    pattern: String,
    events: Vec<NamedText>,
}

fn gallery() -> Option<Vec<Example>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/examples");
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("skipped: no gallery at {dir}");
        return None;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let examples = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| serde_json::from_str::<Value>(&std::fs::read_to_string(p).ok()?).ok())
        .map(|example| {
            let hidden = example["challenge"]["hidden"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let visible = example["events"].as_array().cloned().unwrap_or_default();
            Example {
                id: example["id"].as_str().unwrap_or_default().to_string(),
                pattern: example["solution"].as_str().unwrap_or_default().to_string(),
                events: visible
                    .iter()
                    .chain(&hidden)
                    .map(|item| NamedText {
                        name: item["label"].as_str().unwrap_or_default().to_string(),
                        text: serde_json::to_string_pretty(&item["event"]).unwrap_or_default(),
                    })
                    .collect(),
            }
        })
        .collect();
    Some(examples)
}

/// Every value under a key that names an account (`account`, `accountId`, `recipientAccountId`…).
fn account_values(value: &Value) -> Vec<String> {
    match value {
        Value::Object(fields) => fields
            .iter()
            .flat_map(|(key, v)| match v {
                Value::String(s) if key.to_ascii_lowercase().contains("account") => vec![s.clone()],
                _ => account_values(v),
            })
            .collect(),
        Value::Array(items) => items.iter().flat_map(account_values).collect(),
        _ => Vec::new(),
    }
}

fn is_placeholder_account(account: &str) -> bool {
    let first = account.as_bytes().first();
    account.len() == 12
        && (account.bytes().all(|b| Some(&b) == first) || account.starts_with("0000000"))
}

/// Which events the pattern matches, after the app's own ingest (CloudTrail → EventBridge).
fn results(events: &[NamedText], pattern: &str) -> Vec<bool> {
    let Ok(pattern) = eventpen_pattern::compile(pattern) else {
        return Vec::new();
    };
    events
        .iter()
        .flat_map(|e| eventpen_ingest::ingest_text(&e.name, &e.text).events)
        .map(|e| pattern.matches(&e.event))
        .collect()
}

#[test]
fn gallery_examples_redact_cleanly() {
    let Some(examples) = gallery() else { return };
    for example in examples {
        let once = redact(&example.events, &example.pattern);
        let twice = redact(&once.events, &once.pattern);
        assert_eq!(twice.events, once.events, "{}", example.id);
        assert_eq!(twice.pattern, once.pattern, "{}", example.id);
        let before = results(&example.events, &example.pattern);
        let after = results(&once.events, &once.pattern);
        assert!(!before.is_empty(), "{}: nothing was matched", example.id);
        assert_eq!(after, before, "{}: redaction changed results", example.id);
        let all: String = once
            .events
            .iter()
            .flat_map(|e| [e.name.as_str(), e.text.as_str()])
            .collect();
        for change in &once.changes {
            assert!(
                !all.contains(&change.original),
                "{}: {} left",
                example.id,
                change.original
            );
        }
        for event in &once.events {
            for value in serde_json::Deserializer::from_str(&event.text).into_iter::<Value>() {
                let value = value.unwrap_or_default();
                for account in account_values(&value) {
                    assert!(
                        is_placeholder_account(&account),
                        "{}: account {account} left",
                        example.id
                    );
                }
            }
        }
        println!(
            "{}: {} values redacted, results kept",
            example.id,
            once.changes.len()
        );
    }
}
