//! Loading a CloudTrail log file into a session, as the worker does, and its parts: reading
//! the records (`read_log_file`), storing each event's text (`EventStore::push_json`), and the
//! whole `Session::add_text` (duplicate check, store, derived data), and the worker's way:
//! 4 MB chunks into a `ChunkedLoad`. Throughput is per byte
//! of the input file, so the figures compare with the in-browser benchmark's MB/s; beside
//! `push_json`, the way it went before (parse a `Value`, then `push`). Run with
//! `cargo bench -p eventpen-playground --bench load`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventpen_ingest::{LogFileChunks, RawItem, read_log_file};
use eventpen_playground::session::{ChunkedLoad, Session};
use eventpen_playground::store::{EventMeta, EventStore};
use std::hint::black_box;
use std::ops::ControlFlow;
use std::time::Duration;

/// Events in the log file: about 25 MB, large enough that per-load costs do not dominate.
const EVENTS: usize = 20_000;

/// The log file as CloudTrail writes it (compact), and each event's text as the reader
/// yields it.
fn log_file() -> (String, Vec<String>) {
    let trail = eventpen_gen::Trail::new(eventpen_gen::DEFAULT_SEED, EVENTS);
    let records: Vec<String> = (0..EVENTS).map(|i| trail.record(i).to_string()).collect();
    let text = format!("{{\"Records\":[{}]}}", records.join(","));
    let mut events = Vec::with_capacity(EVENTS);
    read_log_file("trail.json", &text, &mut |item| {
        if let RawItem::Event(event) = item {
            events.push(event.json());
        }
        ControlFlow::Continue(())
    });
    (text, events)
}

fn bench(c: &mut Criterion) {
    let (text, events) = log_file();
    let mut group = c.benchmark_group("load_20k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("read_log_file", |b| {
        b.iter(|| {
            let mut count = 0usize;
            read_log_file("trail.json", &text, &mut |item| {
                if let RawItem::Event(event) = item {
                    count += black_box(event.json()).len();
                }
                ControlFlow::Continue(())
            });
            count
        })
    });
    // The same records read as the worker reads them: 4 MB chunks, each record's end found
    // by a byte scanner instead of serde_json's RawValue.
    group.bench_function("log_file_chunks", |b| {
        b.iter(|| {
            let mut count = 0usize;
            let mut chunks = LogFileChunks::new("trail.json");
            let mut sink = |item: RawItem<'_>| {
                if let RawItem::Event(event) = item {
                    count += black_box(event.json()).len();
                }
                ControlFlow::Continue(())
            };
            for chunk in text.as_bytes().chunks(4 << 20) {
                let _ = chunks.feed(chunk, &mut sink);
            }
            let _ = chunks.finish(&mut sink);
            count
        })
    });
    group.bench_function("store_push_json", |b| {
        b.iter(|| {
            let mut store = EventStore::new();
            for event in &events {
                let _ = store.push_json(event.as_bytes(), EventMeta::default());
            }
            store.len()
        })
    });
    // What push_json did before it read the text itself: a `Value` per event, then push.
    group.bench_function("store_parse_then_push", |b| {
        b.iter(|| {
            let mut store = EventStore::new();
            for event in &events {
                if let Ok(tree) = serde_json::from_str::<serde_json::Value>(event) {
                    store.push(&tree, EventMeta::default());
                }
            }
            store.len()
        })
    });
    group.bench_function("session_add_text", |b| {
        b.iter(|| {
            let mut session = Session::default();
            session.add_text(1, "trail.json", text.as_bytes(), false);
            session.event_count()
        })
    });
    // What the worker does with a File: 4 MB chunks into a ChunkedLoad (the log file is
    // converted as the chunks arrive, the text never held whole).
    group.bench_function("chunked_load_4mb", |b| {
        b.iter(|| {
            let mut session = Session::default();
            let mut load = ChunkedLoad::new(1, "trail.json", text.len(), false);
            for chunk in text.as_bytes().chunks(4 << 20) {
                load.push(chunk);
            }
            load.finish(&mut session);
            session.event_count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
