//! Runs one `versus_quamina` workload's parse+match in a loop, for a profiler: instruction
//! counts under `valgrind --tool=callgrind` are repeatable where wall-clock times on a shared
//! machine are not.
//!
//! `cargo build --profile bench -p eventpen-pattern --example byte_path`, then
//! `valgrind --tool=callgrind target/release/examples/byte_path PREFIX validating 10`
//! (the way is `validating`, `prevalidated` or `quamina`).

#[path = "../benches/citylots/mod.rs"]
mod citylots;
#[path = "../benches/cloudtrail/mod.rs"]
mod cloudtrail;

use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("PREFIX", String::as_str);
    let way = args.get(2).map_or("validating", String::as_str);
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(10);
    let events: Vec<Vec<u8>>;
    let text = if let Some((_, text)) = citylots::PATTERNS.iter().find(|(n, _)| *n == name) {
        events = citylots::features(1000)
            .into_iter()
            .map(String::into_bytes)
            .collect();
        *text
    } else if let Some((_, text)) = cloudtrail::WORKLOADS.iter().find(|(n, _)| *n == name) {
        events = eventpen_gen::Trail::new(eventpen_gen::DEFAULT_SEED, 1000)
            .eventbridge_events(0..1000)
            .iter()
            .map(|event| serde_json::to_vec(event).unwrap_or_default())
            .collect();
        *text
    } else {
        eprintln!("unknown workload {name}");
        std::process::exit(2);
    };
    let Ok(pattern) = eventpen_pattern::compile(text) else {
        eprintln!("{name}: invalid pattern");
        std::process::exit(2);
    };
    let mut quamina = quamina::Quamina::<usize>::new();
    if quamina.add_pattern(0, text).is_err() {
        eprintln!("{name}: quamina refuses the pattern");
    }
    let mut matched = 0;
    for _ in 0..rounds {
        for event in &events {
            let verdict = match way {
                "prevalidated" => pattern.matches_json_prevalidated(black_box(event)),
                "quamina" => Ok(matches!(quamina.has_matches(black_box(event)), Ok(true))),
                _ => pattern.matches_json(black_box(event)),
            };
            matched += usize::from(matches!(verdict, Ok(true)));
        }
    }
    println!("{name} {way}: {matched} matches over {rounds} rounds");
}
