//! Re-matching 100,000 generated CloudTrail-shaped events (`eventpen-gen`): by column over
//! the [`EventStore`] versus per event (`Pattern::matches` over parsed `Value`s, and
//! `Pattern::matches_json` over each event's bytes), for a few rule shapes; an edit of one
//! clause (the other clauses come from the cache); typing that changes nothing the cache
//! lacks; and building the store (100,000 pushes). Before measuring it prints the store's
//! memory against the input's size. Run with `cargo bench -p eventpen-playground --bench
//! columns` (a few minutes on 2 cores); numbers in README.md beside this file.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use eventpen_pattern::Pattern;
use eventpen_playground::Facets;
use eventpen_playground::breakdown::Breakdown;
use eventpen_playground::columns::ColumnMatcher;
use eventpen_playground::store::{EventMeta, EventStore};
use serde_json::Value;
use std::hint::black_box;
use std::time::Duration;

/// Events loaded, as in the issue's target.
const EVENTS: usize = 100_000;

/// The rule shapes measured: (name, pattern).
const PATTERNS: &[(&str, &str)] = &[
    (
        "exact",
        r#"{"source": ["aws.ec2"], "detail": {"eventSource": ["ec2.amazonaws.com"], "eventName": ["RunInstances"]}}"#,
    ),
    (
        "prefix",
        r#"{"detail": {"eventName": [{"prefix": "Describe"}]}}"#,
    ),
    (
        "anything-but",
        r#"{"detail": {"awsRegion": [{"anything-but": ["us-east-1", "eu-west-1"]}], "readOnly": [false]}}"#,
    ),
    (
        "numeric",
        r#"{"detail": {"requestParameters": {"instancesSet": {"items": {"maxCount": [{"numeric": [">=", 2]}]}}}}}"#,
    ),
    (
        "or",
        r#"{"$or": [{"detail": {"errorCode": [{"exists": true}]}}, {"detail": {"eventName": ["DeleteBucket", "PutBucketPolicy"], "userIdentity": {"type": ["Root", "IAMUser"]}}}]}"#,
    ),
    (
        "array-consistency",
        r#"{"detail": {"requestParameters": {"ipPermissions": {"items": {"ipProtocol": ["tcp"], "ipRanges": {"items": {"cidrIp": ["0.0.0.0/0"]}}}}}}}"#,
    ),
];

/// The `exact` rule with its eventName clause edited (the other two clauses unchanged).
const EDITED: &str = r#"{"source": ["aws.ec2"], "detail": {"eventSource": ["ec2.amazonaws.com"], "eventName": ["TerminateInstances"]}}"#;

fn compiled(text: &str) -> Pattern {
    eventpen_playground::check(text)
        .pattern
        .unwrap_or_else(|| panic!("invalid bench pattern {text}"))
}

/// The process's resident memory in bytes (Linux), to cross-check `heap_bytes`.
fn resident_bytes() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn bench(c: &mut Criterion) {
    let trail = eventpen_gen::Trail::new(eventpen_gen::DEFAULT_SEED, EVENTS);
    // First the store alone, built as a worker would (a batch at a time, nothing else kept),
    // so the resident memory it adds can be compared with `heap_bytes`. The input a user
    // loads is the CloudTrail log file (compact, as CloudTrail writes it).
    let before = resident_bytes();
    let mut store = EventStore::new();
    let mut input_bytes = "{\"Records\":[]}".len();
    for start in (0..EVENTS).step_by(1_000) {
        let range = start..(start + 1_000).min(EVENTS);
        for i in range.clone() {
            input_bytes += trail.record(i).to_string().len() + usize::from(i > 0);
        }
        for event in trail.eventbridge_events(range) {
            store.push(&event, EventMeta::default());
        }
    }
    let after = resident_bytes();
    let mb = |n: usize| n as f64 / 1e6;
    let resident = match (before, after) {
        (Some(b), Some(a)) => format!("{:.1} MB", mb(a.saturating_sub(b))),
        _ => "unknown".to_string(),
    };
    eprintln!(
        "store: {EVENTS} events; input {:.1} MB (CloudTrail file); events' JSON {:.1} MB; \
         heap_bytes {:.1} MB = {:.2}x input (resident growth while building: {resident})",
        mb(input_bytes),
        mb(store.event_bytes()),
        mb(store.heap_bytes()),
        store.heap_bytes() as f64 / input_bytes as f64,
    );
    eprintln!("store memory by part: {:?}", store.memory());
    let events = trail.eventbridge_events(0..EVENTS);
    let bytes: Vec<Vec<u8>> = events
        .iter()
        .map(|e| serde_json::to_vec(e).unwrap_or_default())
        .collect();

    let mut group = c.benchmark_group("rematch_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Elements(EVENTS as u64));
    for &(name, text) in PATTERNS {
        let pattern = compiled(text);
        let check = ColumnMatcher::new().verdicts(&store, &pattern);
        let expected: Vec<bool> = events.iter().map(|e| pattern.matches(e)).collect();
        assert_eq!(check.matched.to_vec(), expected, "{name}");
        eprintln!(
            "{name}: {} matched; {} decided from facts, {} matched per event",
            check.matched.count(),
            check.decided_from_facts,
            check.matched_per_event
        );
        group.bench_function(format!("{name}/columns"), |b| {
            b.iter(|| ColumnMatcher::new().verdicts(&store, black_box(&pattern)))
        });
        group.bench_function(format!("{name}/matches(Value)"), |b| {
            b.iter(|| events.iter().filter(|e| pattern.matches(e)).count())
        });
        group.bench_function(format!("{name}/matches_json(bytes)"), |b| {
            b.iter(|| {
                bytes
                    .iter()
                    .filter(|e| pattern.matches_json(e).unwrap_or(false))
                    .count()
            })
        });
    }
    let (original, edited) = (compiled(PATTERNS[0].1), compiled(EDITED));
    let mut warm = ColumnMatcher::new();
    warm.verdicts(&store, &original);
    group.bench_function("edit-one-clause/columns", |b| {
        b.iter_batched(
            || warm.clone(),
            |mut matcher| matcher.verdicts(&store, &edited),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("unchanged-clauses/columns", |b| {
        b.iter(|| warm.verdicts(&store, &original))
    });
    group.finish();

    let mut derived = c.benchmark_group("derived_100k");
    derived.sample_size(10);
    let prefix = ColumnMatcher::new()
        .verdicts(&store, &compiled(PATTERNS[1].1))
        .matched;
    let everything = eventpen_playground::columns::Bitset::ones(EVENTS);
    derived.bench_function("facets/of_store", |b| b.iter(|| Facets::of_store(&store)));
    derived.bench_function("facets/collect(Value)", |b| {
        b.iter(|| Facets::collect(&events))
    });
    for (name, matched) in [("prefix-matches", &prefix), ("all", &everything)] {
        derived.bench_function(format!("breakdown/of_store/{name}"), |b| {
            b.iter(|| Breakdown::of_store(&store, matched, 5))
        });
        let chosen: Vec<&Value> = matched.ones_iter().map(|i| &events[i]).collect();
        derived.bench_function(format!("breakdown/collect(Value)/{name}"), |b| {
            b.iter(|| Breakdown::collect(chosen.iter().copied(), 5))
        });
        derived.bench_function(format!("matched_facts_in/{name}"), |b| {
            b.iter(|| eventpen_playground::matched_facts_in(&store, matched))
        });
    }
    derived.finish();

    let mut build = c.benchmark_group("store_100k");
    build.sample_size(10);
    build.measurement_time(Duration::from_secs(10));
    build.throughput(Throughput::Bytes(input_bytes as u64));
    build.bench_function("push", |b| {
        b.iter(|| {
            let mut store = EventStore::new();
            for event in &events {
                store.push(event, EventMeta::default());
            }
            store.len()
        })
    });
    build.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
