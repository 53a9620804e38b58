//! Criterion benchmarks of the matcher (filled in by the benchmark work).
use criterion::{Criterion, criterion_group, criterion_main};

fn placeholder(c: &mut Criterion) {
    c.bench_function("line_column", |b| {
        b.iter(|| eventpen_pattern::position::LineColumn::of("{\n\"a\":1}", 5))
    });
}

criterion_group!(benches, placeholder);
criterion_main!(benches);
