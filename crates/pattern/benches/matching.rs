//! Matching throughput on citylots-like events (~900-byte GeoJSON features), in events/s.
//!
//! One group per operator family, each measured two ways:
//! - `parse+match`: `Pattern::matches_json` on the event's bytes, what a service sees;
//! - `match-only`: `Pattern::matches` on events parsed beforehand, the matcher alone.
//!
//! A `PARSE` group measures serde_json alone, the floor under every `parse+match` figure, and
//! `EXACT/explain` the on-demand explanation the app computes for the rows it shows.
//!
//! Run with `cargo bench -p eventpen-pattern` (a few minutes on 2 cores); see README.md.

mod citylots;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventpen_pattern::Pattern;
use serde_json::Value;
use std::hint::black_box;
use std::time::Duration;

/// Events per measured iteration: enough to average over the generated variety.
const EVENTS: usize = 1000;

fn compile(name: &str, text: &str) -> Pattern {
    match eventpen_pattern::compile(text) {
        Ok(pattern) => pattern,
        Err(diagnostic) => panic!("benchmark pattern {name} is invalid: {diagnostic}"),
    }
}

fn matching(c: &mut Criterion) {
    let texts = citylots::features(EVENTS);
    let bytes: Vec<&[u8]> = texts.iter().map(|t| t.as_bytes()).collect();
    let parsed: Vec<Value> = texts
        .iter()
        .map(|t| serde_json::from_str(t).expect("generated events are JSON"))
        .collect();
    let average = texts.iter().map(String::len).sum::<usize>() / texts.len();
    println!("{EVENTS} citylots-like events, {average} bytes on average");
    // The floor under every `parse+match` figure: serde_json building the `Value` alone.
    let mut baseline = c.benchmark_group("PARSE");
    baseline.throughput(Throughput::Elements(EVENTS as u64));
    baseline.bench_function("serde_json-only", |b| {
        b.iter(|| {
            bytes
                .iter()
                .filter(|event| serde_json::from_slice::<Value>(black_box(event)).is_ok())
                .count()
        })
    });
    baseline.finish();
    for (name, text) in citylots::PATTERNS {
        let pattern = compile(name, text);
        let matched = parsed.iter().filter(|event| pattern.matches(event)).count();
        let matched_from_bytes = bytes
            .iter()
            .filter(|event| matches!(pattern.matches_json(event), Ok(true)))
            .count();
        // Both paths are timed below; a faster one must not be a different answer.
        assert_eq!(
            matched, matched_from_bytes,
            "{name}: matches_json disagrees with matches"
        );
        println!("{name}: {matched} of {EVENTS} events match");
        let mut group = c.benchmark_group(*name);
        group.throughput(Throughput::Elements(EVENTS as u64));
        group.bench_function("parse+match", |b| {
            b.iter(|| {
                bytes
                    .iter()
                    .filter(|event| matches!(pattern.matches_json(black_box(event)), Ok(true)))
                    .count()
            })
        });
        group.bench_function("match-only", |b| {
            b.iter(|| {
                parsed
                    .iter()
                    .filter(|event| pattern.matches(black_box(event)))
                    .count()
            })
        });
        // The app explains only the rows it shows; one group is enough to size that cost.
        if *name == "EXACT" {
            group.bench_function("explain", |b| {
                b.iter(|| {
                    parsed
                        .iter()
                        .filter(|event| pattern.explain(black_box(event)).matched)
                        .count()
                })
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = matching
}
criterion_main!(benches);
