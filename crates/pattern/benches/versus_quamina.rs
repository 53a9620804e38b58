//! The engine's parse+match beside the `quamina` crate, on the same event bytes, in one run.
//!
//! For every workload both engines accept, three criterion functions in one group:
//! - `eventpen`: `Pattern::matches_json` on each event's bytes (read, check, match);
//! - `eventpen-prevalidated`: `Pattern::matches_json_prevalidated`, the early path (for bytes
//!   a serialiser wrote: what the pattern does not read is stepped over unchecked, and reading
//!   stops once the verdict is known);
//! - `quamina`: `Quamina::has_matches` with the same pattern as its only pattern.
//!
//! Before timing, both engines' verdicts are compared and the number of events where they
//! differ is printed; a workload quamina refuses is reported and timed for eventpen only.
//!
//! Run with `cargo bench -p eventpen-pattern --bench versus_quamina` (see README.md).

mod citylots;
mod cloudtrail;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventpen_pattern::Pattern;
use quamina::Quamina;
use std::hint::black_box;
use std::time::Duration;

/// Events per measured iteration.
const EVENTS: usize = 1000;

/// Both engines on one workload, or why it is left out.
fn workload(c: &mut Criterion, name: &str, pattern_text: &str, events: &[Vec<u8>]) {
    let pattern: Pattern = match eventpen_pattern::compile(pattern_text) {
        Ok(pattern) => pattern,
        Err(diagnostic) => panic!("benchmark pattern {name} is invalid: {diagnostic}"),
    };
    let mut quamina = Quamina::<usize>::new();
    if let Err(error) = quamina.add_pattern(0, pattern_text) {
        println!("{name}: quamina refuses the pattern ({error}); eventpen only");
    }
    let ours: Vec<bool> = events
        .iter()
        .map(|event| matches!(pattern.matches_json(event), Ok(true)))
        .collect();
    let theirs: Vec<bool> = events
        .iter()
        .map(|event| matches!(quamina.has_matches(event), Ok(true)))
        .collect();
    let prevalidated = events
        .iter()
        .filter(|event| {
            pattern.matches_json_prevalidated(event).ok() != pattern.matches_json(event).ok()
        })
        .count();
    assert_eq!(
        prevalidated, 0,
        "{name}: matches_json_prevalidated disagrees"
    );
    let both_run = !quamina.is_empty();
    let disagreements = ours.iter().zip(&theirs).filter(|(a, b)| a != b).count();
    let matched = ours.iter().filter(|&&m| m).count();
    println!(
        "{name}: {matched} of {} events match; quamina disagrees on {disagreements}",
        events.len()
    );
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(events.len() as u64));
    group.bench_function("eventpen", |b| {
        b.iter(|| {
            events
                .iter()
                .filter(|event| matches!(pattern.matches_json(black_box(event)), Ok(true)))
                .count()
        })
    });
    group.bench_function("eventpen-prevalidated", |b| {
        b.iter(|| {
            events
                .iter()
                .filter(|event| {
                    matches!(
                        pattern.matches_json_prevalidated(black_box(event)),
                        Ok(true)
                    )
                })
                .count()
        })
    });
    // Timed even where verdicts differ (event-ruler compares numbers by value only when a
    // double holds them exactly, quamina always): both still read the same bytes.
    if both_run {
        group.bench_function("quamina", |b| {
            b.iter(|| {
                events
                    .iter()
                    .filter(|event| matches!(quamina.has_matches(black_box(event)), Ok(true)))
                    .count()
            })
        });
    }
    group.finish();
}

fn versus_quamina(c: &mut Criterion) {
    let citylots: Vec<Vec<u8>> = citylots::features(EVENTS)
        .into_iter()
        .map(String::into_bytes)
        .collect();
    for (name, text) in citylots::PATTERNS {
        workload(c, name, text, &citylots);
    }
    let cloudtrail: Vec<Vec<u8>> = eventpen_gen::Trail::new(eventpen_gen::DEFAULT_SEED, EVENTS)
        .eventbridge_events(0..EVENTS)
        .iter()
        .map(|event| serde_json::to_vec(event).unwrap_or_default())
        .collect();
    let average = cloudtrail.iter().map(Vec::len).sum::<usize>() / EVENTS;
    println!("{EVENTS} CloudTrail-shaped EventBridge events, {average} bytes on average");
    for (name, text) in cloudtrail::WORKLOADS {
        workload(c, name, text, &cloudtrail);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = versus_quamina
}
criterion_main!(benches);
