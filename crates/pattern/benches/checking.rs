//! How long `check` takes on wildcard patterns, where event-ruler's complexity score is
//! computed: the app checks the pattern on every keystroke, so no input may freeze the tab.
//!
//! - `stars-2kb`: `*a` repeated over 2 KB, which must be refused ("Rule is too complex")
//!   well under 10 ms: the score's search stops as soon as it reaches AWS's limit;
//! - `long-one-star`: a 2 KB pattern with one star, accepted, whose search is linear;
//! - `aws-accepted` / `aws-refused`: the two rules AWS decided (scores 7 and 11).
//!
//! Run with `cargo bench -p eventpen-pattern --bench checking`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn wildcard_pattern(value: &str) -> String {
    format!(r#"{{"detail": {{"key": [{{"wildcard": "{value}"}}]}}}}"#)
}

fn checking(c: &mut Criterion) {
    let cases = [
        ("stars-2kb", wildcard_pattern(&"*a".repeat(1000)), false),
        (
            "long-one-star",
            wildcard_pattern(&format!("{}*", "abcdefgh".repeat(250))),
            true,
        ),
        (
            "aws-accepted",
            wildcard_pattern("/Users/*/dir/dir/dir/dir/dir/doc.txt"),
            true,
        ),
        (
            "aws-refused",
            wildcard_pattern("*:*:*:*:*:event-bus/*"),
            false,
        ),
    ];
    let mut group = c.benchmark_group("CHECK");
    for (name, pattern, valid) in &cases {
        assert_eq!(
            eventpen_pattern::check(pattern).pattern.is_some(),
            *valid,
            "{name}"
        );
        group.bench_function(*name, |b| {
            b.iter(|| eventpen_pattern::check(black_box(pattern)).errors.len())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = checking
}
criterion_main!(benches);
