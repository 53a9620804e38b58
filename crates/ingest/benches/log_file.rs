//! How fast a CloudTrail log file becomes EventBridge events: the fast reader (records kept as
//! text, envelope spliced in front) against the tree-building stream reader, on the same
//! generated 20,000-record file (about 25 MB, minified as CloudTrail writes it).
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventpen_ingest::{RawItem, Streamed, read_log_file, stream_input};
use std::hint::black_box;
use std::ops::ControlFlow;

fn log_file() -> String {
    let trail = eventpen_gen::Trail::new(eventpen_gen::DEFAULT_SEED, 20_000);
    let records: Vec<serde_json::Value> = (0..trail.len()).map(|i| trail.record(i)).collect();
    serde_json::json!({ "Records": records }).to_string()
}

fn bench(c: &mut Criterion) {
    let text = log_file();
    let mut group = c.benchmark_group("log_file_20k");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("read_log_file (text events)", |b| {
        b.iter(|| {
            let mut bytes = 0;
            read_log_file("log.json", &text, &mut |item| {
                if let RawItem::Event(e) = item {
                    bytes += e.head.len() + e.body.len() + 1;
                }
                ControlFlow::Continue(())
            });
            black_box(bytes)
        })
    });
    group.bench_function("stream_input (Value events)", |b| {
        b.iter(|| {
            let mut events = 0;
            stream_input("log.json", text.as_bytes(), &mut |item| {
                if let Streamed::Event(e) = item {
                    events += black_box(&e.event).is_object() as usize;
                }
                ControlFlow::Continue(())
            });
            events
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
