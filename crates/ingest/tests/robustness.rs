//! Whatever the input, ingestion returns (never panics), and what it returns is consistent:
//! every position is inside the text, every event has an envelope. Deterministic: prefixes of a
//! real log file, and bytes replaced by JSON's own punctuation at pseudo-random places.

use eventpen_ingest::{Input, Severity, fixtures, ingest};

fn log_file() -> String {
    format!(
        "{{\"Records\":[{},\n{}]}}\n{}",
        fixtures::CONSOLE_LOGIN_FAILURE,
        fixtures::KMS_ROTATE_KEY,
        r#"{"Messages":[{"Body":"{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"A\",\"source\":\"s\",\"account\":\"1\",\"time\":\"t\",\"region\":\"r\",\"resources\":[],\"detail\":{}}"}]}"#
    )
}

/// Ingests `bytes` and checks what comes back is consistent.
fn check(bytes: &[u8], lines: usize) {
    let ingested = ingest(&[Input { name: "f", bytes }]);
    for problem in &ingested.problems {
        if let Some(position) = problem.position {
            assert!(
                position.line >= 1 && position.line <= lines + 1,
                "{problem}"
            );
            assert!(position.column >= 1, "{problem}");
        }
        assert!(!problem.message.is_empty());
    }
    for event in &ingested.events {
        assert!(event.event.get("detail-type").is_some() || event.event.get("source").is_some());
        assert!(!event.original.is_empty());
    }
    if ingested.events.is_empty() {
        assert!(!ingested.problems.is_empty(), "nothing read must say why");
    }
    assert!(ingested.events.len() <= 3);
}

#[test]
fn every_prefix_of_a_log_file() {
    let text = log_file();
    let lines = text.lines().count();
    for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
        check(&text.as_bytes()[..end], lines);
    }
}

#[test]
fn punctuation_dropped_in_at_random_places() {
    let text = log_file();
    let lines = text.lines().count();
    let noise = b"{}[],:\"\\ x0\n\xff\x1f\x8b";
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let mut bytes = text.clone().into_bytes();
        for _ in 0..1 + next() % 3 {
            let at = (next() % bytes.len() as u64) as usize;
            bytes[at] = noise[(next() % noise.len() as u64) as usize];
        }
        check(&bytes, lines + 3);
    }
}

#[test]
fn a_good_record_after_a_bad_line_still_loads() {
    let record = fixtures::ASSUME_ROLE.replace('\n', "");
    let text = format!("{{oops\n{record}\n");
    let ingested = ingest(&[Input {
        name: "f",
        bytes: text.as_bytes(),
    }]);
    assert_eq!(ingested.events.len(), 1);
    assert!(
        ingested
            .problems
            .iter()
            .all(|p| p.severity == Severity::Error && p.position.is_some_and(|p| p.line == 1))
    );
}
