//! Differential test: the column verdicts over an [`EventStore`] equal `Pattern::matches` on
//! every event — on a table of hand-picked cases, on generated patterns (every operator,
//! `$or`, duplicate and dotted names, `exists`) over generated events (arrays of objects,
//! nested arrays, null, empty strings, numbers, missing fields, dotted keys), and on the
//! shared conformance corpus (read in place).
#![cfg(not(target_arch = "wasm32"))]

mod generated;
#[path = "../../pattern/tests/shared/mod.rs"]
mod shared;

use std::collections::BTreeMap;

use eventpen_pattern::Pattern;
use eventpen_playground::check;
use eventpen_playground::columns::ColumnMatcher;
use eventpen_playground::store::EventStore;
use generated::{KEYS, event_object};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

/// Column verdicts and per-event verdicts for `pattern` over `store`'s events; `Err` names
/// the first event where they differ.
fn agree(
    matcher: &mut ColumnMatcher,
    store: &EventStore,
    pattern: &Pattern,
    events: &[Value],
) -> Result<(), String> {
    let verdicts = matcher.verdicts(store, pattern);
    for (i, event) in events.iter().enumerate() {
        let expected = pattern.matches(event);
        if verdicts.matched.get(i) != expected {
            return Err(format!("event {i} {event}: expected {expected}"));
        }
    }
    Ok(())
}

fn compiled(text: &str) -> Pattern {
    check(text)
        .pattern
        .unwrap_or_else(|| panic!("invalid: {text}"))
}

#[test]
fn table_of_cases() {
    let events = vec![
        json!({"a": {"b": "x"}, "d": [{"n": "x", "s": "on"}]}),
        json!({"a.b": "x", "d": [{"n": "x"}, {"s": "on"}]}),
        json!({"a": [{"b": ["x", "y"]}], "n": 5, "e": ""}),
        json!({"a": {"b": null}, "n": 5.0, "ip": "10.0.0.7"}),
        json!({"n": [300, "300"], "d": [[{"n": "x", "s": "off"}]], "e": [[""]]}),
        json!({"d": [{"n": "z"}], "t": "y"}),
        json!({}),
    ];
    let store = EventStore::of(&events);
    let cases = [
        r#"{"a": {"b": ["x"]}}"#,
        r#"{"a.b": ["x", null]}"#,
        r#"{"a": {"b": [{"exists": false}]}}"#,
        r#"{"d": {"n": ["x"], "s": ["on"]}}"#,
        r#"{"d": {"n": ["x"], "s": [{"exists": false}]}}"#,
        r#"{"d": {"n": ["x"]}, "$or": [{"d": {"s": ["on"]}}, {"t": ["y"]}]}"#,
        r#"{"d": {"n": ["x"]}, "$or": [{"d": {"n": ["z"]}}, {"d": {"s": ["on"]}}]}"#,
        r#"{"a": [1], "$or": [{"a": [2]}, {"b": [3]}]}"#,
        r#"{"n": [{"numeric": [">", 4, "<=", 300]}]}"#,
        r#"{"n": [{"anything-but": [5]}]}"#,
        r#"{"e": [""], "n": [{"exists": true}]}"#,
        r#"{"e": [{"anything-but": {"prefix": "q"}}]}"#,
        r#"{"ip": [{"cidr": "10.0.0.0/24"}]}"#,
        r#"{"a": {"b": [{"wildcard": "*"}]}}"#,
        r#"{"a": {"b": [{"equals-ignore-case": "X"}]}, "b.": ["x"]}"#,
        r#"{"$or": [{"n": [5]}, {"d": {"n": [{"suffix": "z"}]}}]}"#,
    ];
    let mut matcher = ColumnMatcher::new();
    for text in cases {
        let result = agree(&mut matcher, &store, &compiled(text), &events);
        assert_eq!(result, Ok(()), "{text}");
    }
}

#[test]
fn editing_one_clause_recomputes_only_that_clause() {
    let events: Vec<Value> = (0..50)
        .map(|i| json!({"source": format!("aws.s{}", i % 3), "detail": {"eventName": format!("E{}", i % 7)}}))
        .collect();
    let store = EventStore::of(&events);
    let mut matcher = ColumnMatcher::new();
    let cases: &[(&str, usize, usize)] = &[
        (
            r#"{"source": ["aws.s1"], "detail": {"eventName": ["E1"]}}"#,
            2,
            3,
        ),
        (
            r#"{"source": ["aws.s1"], "detail": {"eventName": ["E2"]}}"#,
            1,
            2,
        ),
        (
            r#"{"source": ["aws.s1"], "detail": {"eventName": ["E1"]}}"#,
            0,
            3,
        ),
        (
            r#"{"detail": {"eventName": ["E2"]}, "source": ["aws.s2"]}"#,
            1,
            3,
        ),
    ];
    for &(text, computed, matched) in cases {
        let verdicts = matcher.verdicts(&store, &compiled(text));
        let counts = (verdicts.leaves_computed, verdicts.matched.count());
        assert_eq!(counts, (computed, matched), "{text}");
        assert_eq!(
            agree(&mut matcher, &store, &compiled(text), &events),
            Ok(())
        );
    }
    let mut more = EventStore::of(&events);
    more.push(&events[1], Default::default());
    let verdicts = matcher.verdicts(&more, &compiled(cases[0].0));
    assert_eq!((verdicts.leaves_computed, verdicts.matched.count()), (2, 4));
}

#[test]
fn clause_counts_are_per_leaf() {
    let events = vec![
        json!({"a": "x", "b": 1}),
        json!({"a": "y", "b": 2}),
        json!({"a": "x"}),
    ];
    let store = EventStore::of(&events);
    let text = r#"{"a": ["x"], "b": [{"exists": false}, 2]}"#;
    let verdicts = ColumnMatcher::new().verdicts(&store, &compiled(text));
    let counts: Vec<(&str, usize, &str)> = verdicts
        .clause_counts
        .iter()
        .map(|c| (c.name.as_str(), c.events, &text[c.span.clone()]))
        .collect();
    assert_eq!(
        counts,
        vec![("a", 2, r#"["x"]"#), ("b", 2, r#"[{"exists": false}, 2]"#)]
    );
}

const CONDITIONS: &[&str] = &[
    r#""x""#,
    r#""""#,
    "1",
    "1.0",
    "-2",
    "300",
    "null",
    "true",
    r#"{"prefix": "x"}"#,
    r#"{"suffix": "y"}"#,
    r#"{"equals-ignore-case": "XY"}"#,
    r#"{"anything-but": ["x", "y"]}"#,
    r#"{"anything-but": 1}"#,
    r#"{"anything-but": {"prefix": "x"}}"#,
    r#"{"numeric": [">", 0, "<", 301]}"#,
    r#"{"numeric": ["=", -2]}"#,
    r#"{"exists": true}"#,
    r#"{"exists": false}"#,
    r#"{"cidr": "10.0.0.0/8"}"#,
    r#"{"wildcard": "x*"}"#,
];

/// A pattern object as text: leaves, nested objects and `$or`s over a few keys.
fn pattern_object(depth: u32) -> BoxedStrategy<String> {
    let leaf = proptest::collection::vec(select(CONDITIONS), 1..3)
        .prop_map(|items| format!("[{}]", items.join(", ")));
    let member = if depth == 0 {
        (select(KEYS), leaf)
            .prop_map(|(k, v)| format!("\"{k}\": {v}"))
            .boxed()
    } else {
        prop_oneof![
            4 => (select(KEYS), leaf).prop_map(|(k, v)| format!("\"{k}\": {v}")),
            2 => (select(KEYS), pattern_object(depth - 1)).prop_map(|(k, v)| format!("\"{k}\": {v}")),
            1 => proptest::collection::vec(pattern_object(depth - 1), 2..4)
                .prop_map(|branches| format!("\"$or\": [{}]", branches.join(", "))),
        ]
        .boxed()
    };
    proptest::collection::vec(member, 1..4)
        .prop_map(|members| format!("{{{}}}", members.join(", ")))
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn column_verdicts_equal_per_event_matching(
        patterns in proptest::collection::vec(pattern_object(2), 1..4),
        events in proptest::collection::vec(event_object(), 1..12),
    ) {
        let store = EventStore::of(&events);
        let mut matcher = ColumnMatcher::new();
        for text in &patterns {
            if let Some(pattern) = check(text).pattern {
                prop_assert_eq!(agree(&mut matcher, &store, &pattern, &events), Ok(()), "{}", text);
            }
        }
    }
}

#[test]
fn conformance_corpus_verdicts_agree() {
    let Some(dir) = shared::corpus_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let mut compared = 0;
    for (file, _) in shared::FILES {
        // Events grouped by pattern, so columns hold several events.
        let mut by_pattern: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for line in shared::read_lines(&dir, file) {
            let event: Option<Value> = serde_json::from_str(&shared::text_of(&line["event"])).ok();
            if let Some(event) = event.filter(Value::is_object) {
                let pattern = shared::text_of(&line["pattern"]);
                by_pattern.entry(pattern).or_default().push(event);
            }
        }
        for (text, events) in by_pattern {
            let Some(pattern) = check(&text).pattern else {
                continue;
            };
            let store = EventStore::of(&events);
            let result = agree(&mut ColumnMatcher::new(), &store, &pattern, &events);
            assert_eq!(result, Ok(()), "{file}: {text}");
            compared += events.len();
        }
    }
    assert!(compared > 5000, "only {compared} events compared");
}
