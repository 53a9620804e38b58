//! The worker's side of a keystroke at 100,000 events: set the pattern (re-match by column)
//! and evaluate what the page shows, with the charts (timeline, change marks, breakdown) off
//! and on. The in-browser benchmark (`make bench-app`) measures the whole keystroke; this
//! isolates the evaluation core's share of it, natively.
use criterion::{Criterion, criterion_group, criterion_main};
use eventpen_playground::session::{ListFilter, Session};
use std::hint::black_box;
use std::time::Duration;

const EVENTS: usize = 100_000;

/// The two patterns the in-browser benchmark alternates (different match counts).
const PATTERNS: [&str; 2] = [
    r#"{"detail": {"eventName": ["Decrypt"]}}"#,
    r#"{"detail": {"eventName": ["Decrypt", "AssumeRole"]}}"#,
];

fn loaded() -> Session {
    let trail = eventpen_gen::Trail::new(eventpen_gen::DEFAULT_SEED, EVENTS);
    let records: Vec<String> = (0..EVENTS).map(|i| trail.record(i).to_string()).collect();
    let text = format!("{{\"Records\":[{}]}}", records.join(","));
    let mut session = Session::default();
    session.add_text(1, "trail.json", text.as_bytes(), false);
    assert_eq!(session.event_count(), EVENTS);
    session
}

fn bench(c: &mut Criterion) {
    let mut session = loaded();
    let mut group = c.benchmark_group("keystroke_100k");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(4));
    for charts in [false, true] {
        let name = if charts { "charts-on" } else { "charts-off" };
        let mut round = 0usize;
        group.bench_function(format!("set_pattern+evaluate/{name}"), |b| {
            b.iter(|| {
                round += 1;
                session.set_pattern(PATTERNS[round % 2]);
                black_box((session.evaluate(None), charts.then(|| session.charts(None))))
            })
        });
    }
    session.set_pattern(PATTERNS[0]);
    group.bench_function("evaluate-only/charts-on", |b| {
        b.iter(|| black_box((session.evaluate(None), session.charts(None))))
    });
    // The rest of an answer: the results list's window on screen (non-matching rows explained)
    // and the JSON the worker posts.
    group.bench_function("results-window-30", |b| {
        b.iter(|| black_box(session.rows(ListFilter::All, None, 0, 30)))
    });
    group.bench_function("answer-json/charts-on", |b| {
        b.iter(|| {
            let evaluation = session.evaluate(None);
            let rows = session.rows(ListFilter::All, None, 0, 30);
            let charts = session.charts(None);
            black_box(serde_json::to_string(&(evaluation, rows, charts)).map(|t| t.len()))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
