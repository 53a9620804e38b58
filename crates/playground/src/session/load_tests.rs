//! A log file loaded chunk by chunk (never held whole) reads like the same text added at
//! once; its originals come from the store; removing an input keeps the others' events.

use super::*;
use serde_json::Value;

/// A generated log file of `events` records (compact, as CloudTrail writes it), and the
/// records.
fn log_file(seed: u64, events: usize) -> (String, Vec<Value>) {
    let trail = eventpen_gen::Trail::new(seed, events);
    let records: Vec<Value> = (0..events).map(|i| trail.record(i)).collect();
    (
        serde_json::json!({ "Records": records }).to_string(),
        records,
    )
}

fn load_in_chunks(
    session: &mut Session,
    id: u32,
    name: &str,
    text: &str,
    piece: usize,
) -> AddOutcome {
    let mut load = ChunkedLoad::new(id, name, text.len(), false);
    for part in text.as_bytes().chunks(piece) {
        load.push(part);
    }
    load.finish(session)
}

/// Every event of a session as (event, original as JSON, origin).
fn contents(session: &Session) -> Vec<(Value, Value, String)> {
    (0..session.event_count())
        .filter_map(|i| session.event(i))
        .map(|e| {
            let original = serde_json::from_str(&e.original).unwrap_or(Value::Null);
            (e.event, original, e.origin)
        })
        .collect()
}

#[test]
fn a_log_file_in_chunks_reads_as_the_whole_text() {
    // 1,200 records: about 1.5 MB, past the size whose text is kept.
    let (text, records) = log_file(5, 1200);
    assert!(text.len() > inputs::KEPT_TEXT_BYTES);
    let mut whole = Session::default();
    whole.add_text(1, "trail.json", text.as_bytes(), false);
    for piece in [997, 64 * 1024, text.len()] {
        let mut chunked = Session::default();
        let outcome = load_in_chunks(&mut chunked, 1, "trail.json", &text, piece);
        assert!(
            matches!(outcome, AddOutcome::Added(ref s) if s.events == 1200),
            "{piece}"
        );
        assert_eq!(contents(&chunked), contents(&whole), "{piece}");
        // The input's text is not kept: originals are the records, from the store.
        assert_eq!(chunked.inputs[0].bytes.len(), 0);
        assert_eq!(contents(&chunked)[17].1, records[17]);
        // The same file again is noticed however it came in.
        let again = load_in_chunks(&mut chunked, 2, "trail.json", &text, 4096);
        assert!(matches!(again, AddOutcome::Duplicate { .. }), "{piece}");
    }
}

#[test]
fn inputs_appended_then_removed_keep_the_others_events_and_originals() {
    let (first, _) = log_file(1, 900);
    let (second, second_records) = log_file(2, 1000);
    let small = r#"{"source":"aws.s3","detail-type":"X","detail":{"eventName":"PutObject"}}"#;
    let mut session = Session::default();
    load_in_chunks(&mut session, 1, "first.json", &first, 50_000);
    load_in_chunks(&mut session, 2, "second.json", &second, 50_000);
    session.add_text(3, "small.json", small.as_bytes(), false);
    assert_eq!(session.event_count(), 1901);
    assert!(session.retain_inputs(&[2, 3]));
    let mut alone = Session::default();
    load_in_chunks(&mut alone, 2, "second.json", &second, 1 << 20);
    alone.add_text(3, "small.json", small.as_bytes(), false);
    assert_eq!(contents(&session), contents(&alone));
    assert_eq!(contents(&session)[999].1, second_records[999]);
    assert_eq!(
        session.event(1000).map(|e| e.original),
        Some(small.to_string())
    );
    let counts: Vec<usize> = session.inputs().iter().map(|i| i.events).collect();
    assert_eq!(counts, [1000, 1]);
}

/// [`load_in_chunks`] with each chunk written in place ([`ChunkedLoad::push_with`]).
fn load_filled_in_place(session: &mut Session, text: &str, piece: usize) -> AddOutcome {
    let mut load = ChunkedLoad::new(1, "input.json", text.len(), false);
    for part in text.as_bytes().chunks(piece) {
        load.push_with(part.len(), |room| room.copy_from_slice(part));
    }
    load.finish(session)
}

#[test]
fn chunks_written_in_place_read_as_chunks_given() {
    let (small, _) = log_file(7, 200);
    let (large, _) = log_file(8, 1000);
    let cut = &large[..large.len() / 2];
    let lines = r#"{"source":"aws.s3","detail-type":"X","detail":{}}
{"source":"aws.ec2","detail-type":"Y","detail":{"a":1}}"#;
    // (text, chunk size): a kept small log, a large one, one cut short (a problem with its
    // line:column), an input that is not a log file (collected whole).
    let cases = [
        (small.as_str(), 997),
        (large.as_str(), 64 * 1024),
        (cut, 4096),
        (lines, 7),
    ];
    for (text, piece) in cases {
        let mut given = Session::default();
        let given_outcome = load_in_chunks(&mut given, 1, "input.json", text, piece);
        let mut filled = Session::default();
        let filled_outcome = load_filled_in_place(&mut filled, text, piece);
        assert_eq!(filled_outcome, given_outcome, "{piece}");
        assert_eq!(contents(&filled), contents(&given), "{piece}");
        assert!(filled.event_count() > 0, "{piece}");
    }
}
