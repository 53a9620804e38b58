//! 10,000 CloudTrail records (~2 KB each, as in a busy log file) must ingest in well under a
//! second natively. Timing in a debug build means little, so this runs with `--release`:
//! `cargo test -p eventpen-ingest --release --test performance -- --ignored --nocapture`.
//!
//! The machine running it may be shared, so besides wall time it reads this thread's CPU time
//! (Linux `/proc/thread-self/schedstat`) and asserts on that when available.

use eventpen_ingest::{Input, fixtures, ingest};
use std::time::{Duration, Instant};

/// A log file of `count` records cycling through a realistic mix (~2.1 KB compact on average),
/// each with a distinct event id.
fn log_file(count: usize, pretty: bool) -> String {
    let mix = [
        fixtures::RUN_INSTANCES,
        fixtures::CREATE_FUNCTION,
        fixtures::GET_OBJECT,
        fixtures::PUT_BUCKET_POLICY,
        fixtures::PUT_METRIC_ALARM,
    ];
    let mix: Vec<serde_json::Value> = mix
        .iter()
        .map(|text| serde_json::from_str(text).unwrap_or_default())
        .collect();
    let records: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            let mut record = mix[i % mix.len()].clone();
            record["eventID"] = serde_json::Value::from(format!("00000000-0000-4000-8000-{i:012}"));
            record
        })
        .collect();
    let file = serde_json::json!({ "Records": records });
    if pretty {
        serde_json::to_string_pretty(&file).unwrap_or_default()
    } else {
        serde_json::to_string(&file).unwrap_or_default()
    }
}

/// This thread's CPU time, when the OS tells us.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// gzip, as CloudTrail delivers log files to S3.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

#[test]
#[ignore = "timing: run with --release -- --ignored"]
fn ten_thousand_records_in_well_under_a_second() {
    for (pretty, gzipped) in [(false, false), (true, false), (false, true)] {
        let text = log_file(10_000, pretty);
        let bytes = if gzipped {
            gzip(text.as_bytes())
        } else {
            text.clone().into_bytes()
        };
        let cpu_before = thread_cpu_time();
        let started = Instant::now();
        let ingested = ingest(&[Input {
            name: "log.json",
            bytes: &bytes,
        }]);
        let wall = started.elapsed();
        let cpu = thread_cpu_time()
            .zip(cpu_before)
            .map(|(after, before)| after - before);
        let form = match (pretty, gzipped) {
            (true, _) => "pretty".to_string(),
            (false, false) => "compact, one line".to_string(),
            (false, true) => format!("gzipped to {:.1} MB", bytes.len() as f64 / 1e6),
        };
        println!(
            "{} records, {:.1} MB ({form}): wall {wall:?}, cpu {cpu:?}",
            ingested.events.len(),
            text.len() as f64 / 1e6,
        );
        assert_eq!(ingested.events.len(), 10_000);
        assert!(ingested.problems.is_empty());
        let spent = cpu.unwrap_or(wall);
        assert!(spent < Duration::from_millis(1000), "{spent:?}");
    }
}
