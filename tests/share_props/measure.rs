//! How long links are: the table recorded in `src/share/codec.rs`, and the gallery's
//! examples as users will share them.

use super::realistic::playground;
use eventpen::share::{SharedChallenge, SharedInput, Snapshot, decode, encode, pattern_only};
use serde_json::Value;

/// Prints the table recorded in `src/share/codec.rs` (run with `--nocapture`) and pins the
/// promises that depend on it.
#[test]
fn measure_fragment_lengths() {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    println!("| content | none | lz-string | deflate |");
    let cases = [
        ("pattern only", pattern_only(&playground(1))),
        ("1 event", playground(1)),
        ("10 events", playground(10)),
        ("100 events", playground(100)),
    ];
    for (label, snapshot) in cases {
        let json = serde_json::to_string(&snapshot).unwrap_or_default();
        let none = format!("#v1.{}", b64.encode(json.as_bytes())).len();
        let lz = format!(
            "#v1.{}",
            lz_str::compress_to_encoded_uri_component(json.as_str())
        )
        .len();
        let deflate = encode(&snapshot).len();
        println!("| {label} | {none} | {lz} | {deflate} |");
        assert!(
            deflate <= lz.min(none) + 8,
            "{label}: deflate should be the best choice"
        );
    }
    assert!(encode(&pattern_only(&playground(1))).len() < 1024);
}

/// The gallery's examples (read in place from `www/examples`) as a user would share them:
/// solution pattern, visible events, challenge. `None`, with a notice, when there is none.
fn gallery() -> Option<Vec<Snapshot>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples");
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("skipped: no gallery at {dir}");
        return None;
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let texts = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok());
    Some(texts.filter_map(|t| example_snapshot(&t)).collect())
}

fn example_snapshot(text: &str) -> Option<Snapshot> {
    let example: Value = serde_json::from_str(text).ok()?;
    let items = |list: &Value| list.as_array().cloned().unwrap_or_default();
    let inputs = |list: &Value| -> Vec<SharedInput> {
        items(list)
            .iter()
            .map(|item| SharedInput {
                name: item["label"].as_str().unwrap_or_default().to_string(),
                text: serde_json::to_string_pretty(&item["event"]).unwrap_or_default(),
            })
            .collect()
    };
    let challenge = &example["challenge"];
    Some(Snapshot {
        pattern: example["solution"].as_str()?.to_string(),
        events: inputs(&example["events"]),
        example: example["id"].as_str().map(String::from),
        challenge: challenge.is_object().then(|| SharedChallenge {
            goal: challenge["goal"].as_str().unwrap_or_default().to_string(),
            hints: items(&challenge["hints"])
                .iter()
                .filter_map(|h| h.as_str().map(String::from))
                .collect(),
            expectations: items(&example["events"])
                .iter()
                .map(|e| e["expect"].as_str().map(|x| x == "match"))
                .collect(),
            hidden: inputs(&challenge["hidden"]),
        }),
        ..Snapshot::default()
    })
}

#[test]
fn gallery_examples_round_trip_and_their_pattern_links_stay_short() {
    let Some(examples) = gallery() else { return };
    println!("| example | events | whole link (lz-string) | pattern only (lz-string) |");
    let lz = |s: &Snapshot| {
        let json = serde_json::to_string(s).unwrap_or_default();
        4 + lz_str::compress_to_encoded_uri_component(json.as_str()).len()
    };
    for snapshot in examples {
        let whole = encode(&snapshot);
        let short = encode(&pattern_only(&snapshot));
        let id = snapshot.example.clone().unwrap_or_default();
        println!(
            "| {id} | {} | {} ({}) | {} ({}) |",
            snapshot.events.len(),
            whole.len(),
            lz(&snapshot),
            short.len(),
            lz(&pattern_only(&snapshot))
        );
        assert_eq!(decode(&whole), Ok(snapshot), "{id}");
        assert!(
            short.len() < 1024,
            "{id}: pattern-only link of {} bytes",
            short.len()
        );
    }
}

/// How many times its compressed size each realistic link expands to: the margin under
/// `MAX_INFLATION_RATIO` (run with `--nocapture` for the table).
#[test]
fn realistic_links_expand_far_less_than_the_inflation_cap() {
    use eventpen::share::MAX_INFLATION_RATIO;
    let mut cases: Vec<(String, Snapshot)> = [1, 10, 100]
        .into_iter()
        .map(|n| (format!("{n} generated events"), playground(n)))
        .collect();
    for example in gallery().unwrap_or_default() {
        cases.push((example.example.clone().unwrap_or_default(), example));
    }
    let mut highest = 0.0f64;
    for (label, snapshot) in &cases {
        let json = serde_json::to_vec(snapshot).unwrap_or_default();
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
        let ratio = json.len() as f64 / compressed.len() as f64;
        println!(
            "| {label} | {} | {} | {ratio:.1} |",
            json.len(),
            compressed.len()
        );
        highest = highest.max(ratio);
    }
    println!("highest ratio {highest:.1}");
    assert!(
        highest * 4.0 < MAX_INFLATION_RATIO as f64,
        "highest {highest:.1}"
    );
}
