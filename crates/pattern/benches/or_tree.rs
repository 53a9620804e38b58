//! The `$or` pattern from the hardening issue: ten sibling fields, each an `$or` of three
//! one-field branches (59,049 combinations, 451 bytes). Measures `check` (read, validate,
//! compile, lint), `matches`, `matches_json` and `explain` per event, on small events that
//! match, miss only in the last `$or`, and miss in the first.
//!
//! `OR_TREE_ARRAYS` puts the same fields under `x` and the event's values in an array of
//! objects, so array consistency decides: `split` has the last field in another element than
//! the others, which no path can satisfy (every one of the 59,049 combinations fails the same
//! way, which the search must notice without trying them all).
//!
//! `OR_TREE_REPLACED` has nine such fields, then `"z":[1]` and a `$or` whose first branch
//! replaces `z`: whether `z=1` counts depends on the path (39,366 combinations); `neither`
//! fails on every path.
//!
//! Run with `CARGO_PROFILE_BENCH_OPT_LEVEL=3 cargo bench -p eventpen-pattern --bench or_tree`.

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use std::hint::black_box;
use std::time::Duration;

/// `{"o0":{"$or":[{"a":[1]},{"b":[1]},{"c":[1]}]}, … "o9": …}`.
fn wide_or_pattern() -> String {
    format!("{{{}}}", wide_or_fields(10))
}

/// `"o0":{"$or":[…]}, …` for `n` fields.
fn wide_or_fields(n: usize) -> String {
    let fields: Vec<String> = (0..n)
        .map(|n| format!(r#""o{n}":{{"$or":[{{"a":[1]}},{{"b":[1]}},{{"c":[1]}}]}}"#))
        .collect();
    fields.join(",")
}

/// Events named by how they meet the pattern.
fn events() -> Vec<(&'static str, Value)> {
    let each = |value: fn(usize) -> Value| {
        Value::Object((0..10).map(|n| (format!("o{n}"), value(n))).collect())
    };
    vec![
        ("matching", each(|n| json!({ ["a", "b", "c"][n % 3]: 1 }))),
        (
            "last-or-misses",
            each(|n| {
                if n == 9 {
                    json!({"d": 1})
                } else {
                    json!({"c": 1})
                }
            }),
        ),
        (
            "first-or-misses",
            each(|n| {
                if n == 0 {
                    json!({"a": 2})
                } else {
                    json!({"a": 1})
                }
            }),
        ),
    ]
}

/// Events for the pattern under `x`: every field in one element, or the last in another.
fn array_events() -> Vec<(&'static str, Value)> {
    let field = |n: usize| (format!("o{n}"), json!({"a": 1, "b": 1, "c": 1}));
    let element = |range: std::ops::Range<usize>| Value::Object(range.map(field).collect());
    vec![
        ("consistent", json!({"x": [element(0..10)]})),
        ("split", json!({"x": [element(0..9), element(9..10)]})),
    ]
}

fn or_tree_arrays(c: &mut Criterion) {
    let text = format!(r#"{{"x":{}}}"#, wide_or_pattern());
    let pattern = match eventpen_pattern::compile(&text) {
        Ok(pattern) => pattern,
        Err(diagnostic) => panic!("the benchmark pattern is invalid: {diagnostic}"),
    };
    let mut group = c.benchmark_group("OR_TREE_ARRAYS");
    for (name, event) in array_events() {
        let matched = pattern.matches(&event);
        assert_eq!(pattern.explain(&event).matched, matched, "{name}");
        assert_eq!(matched, name == "consistent", "{name}");
        group.bench_function(format!("match/{name}"), |b| {
            b.iter(|| pattern.matches(black_box(&event)))
        });
        group.bench_function(format!("explain/{name}"), |b| {
            b.iter(|| pattern.explain(black_box(&event)))
        });
    }
    group.finish();
}

fn or_tree_replaced(c: &mut Criterion) {
    let text = format!(
        r#"{{{},"z":[1],"$or":[{{"z":[2]}},{{"y":[1]}}]}}"#,
        wide_or_fields(9)
    );
    let pattern = match eventpen_pattern::compile(&text) {
        Ok(pattern) => pattern,
        Err(diagnostic) => panic!("the benchmark pattern is invalid: {diagnostic}"),
    };
    let mut group = c.benchmark_group("OR_TREE_REPLACED");
    let with = |z: i64| {
        let mut event: serde_json::Map<String, Value> = (0..9)
            .map(|n| (format!("o{n}"), json!({"a": 1, "b": 1, "c": 1})))
            .collect();
        event.insert("z".to_string(), json!(z));
        event.insert("y".to_string(), json!(1));
        Value::Object(event)
    };
    for (name, event, expected) in [
        ("replaced", with(2), true),
        ("kept", with(1), true),
        ("neither", with(3), false),
    ] {
        assert_eq!(pattern.matches(&event), expected, "{name}");
        assert_eq!(pattern.explain(&event).matched, expected, "{name}");
        group.bench_function(format!("match/{name}"), |b| {
            b.iter(|| pattern.matches(black_box(&event)))
        });
        group.bench_function(format!("explain/{name}"), |b| {
            b.iter(|| pattern.explain(black_box(&event)))
        });
    }
    group.finish();
}

fn or_tree(c: &mut Criterion) {
    let text = wide_or_pattern();
    println!("pattern: {} bytes", text.len());
    let mut group = c.benchmark_group("OR_TREE");
    group.bench_function("check", |b| {
        b.iter(|| eventpen_pattern::check(black_box(&text)))
    });
    let pattern = match eventpen_pattern::compile(&text) {
        Ok(pattern) => pattern,
        Err(diagnostic) => panic!("the benchmark pattern is invalid: {diagnostic}"),
    };
    for (name, event) in events() {
        let bytes = event.to_string().into_bytes();
        let matched = pattern.matches(&event);
        assert_eq!(pattern.explain(&event).matched, matched, "{name}");
        assert_eq!(pattern.matches_json(&bytes).ok(), Some(matched), "{name}");
        assert_eq!(matched, name == "matching", "{name}");
        group.bench_function(format!("match/{name}"), |b| {
            b.iter(|| pattern.matches(black_box(&event)))
        });
        group.bench_function(format!("matches_json/{name}"), |b| {
            b.iter(|| pattern.matches_json(black_box(&bytes)))
        });
        group.bench_function(format!("explain/{name}"), |b| {
            b.iter(|| pattern.explain(black_box(&event)))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = or_tree, or_tree_arrays, or_tree_replaced
}
criterion_main!(benches);
