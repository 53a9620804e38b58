//! gzip detection and the caps: input size (also after gunzip), event count, AWS's event size.

use eventpen_ingest::{
    Input, MAX_EVENTS, MAX_INPUT_BYTES, MAX_PROBLEMS_PER_INPUT, Severity, Shape, fixtures, ingest,
    ingest_text,
};
use flate2::{Compression, write::GzEncoder};
use std::io::Write;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder
        .write_all(bytes)
        .expect("writing to a Vec cannot fail");
    encoder.finish().expect("writing to a Vec cannot fail")
}

fn problems(inputs: &[Input]) -> Vec<String> {
    ingest(inputs)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn gzip_is_detected_by_its_magic_bytes_not_its_name() {
    let log = format!(
        "{{\"Records\":[{},{}]}}",
        fixtures::RUN_INSTANCES,
        fixtures::KMS_ROTATE_KEY
    );
    let compressed = gzip(log.as_bytes());
    for name in [
        "111122223333_CloudTrail_eu-west-1_20240501T1200Z_abc.json.gz",
        "download (3)",
        "log.json",
    ] {
        let ingested = ingest(&[Input {
            name,
            bytes: &compressed,
        }]);
        assert_eq!(ingested.problems, [], "{name}");
        let shapes: Vec<Shape> = ingested.events.iter().map(|e| e.shape).collect();
        assert_eq!(
            shapes,
            [Shape::CloudTrailLogFile, Shape::CloudTrailLogFile],
            "{name}"
        );
    }
}

#[test]
fn broken_gzip_is_a_problem() {
    let mut truncated = gzip(fixtures::RUN_INSTANCES.as_bytes());
    truncated.truncate(truncated.len() / 2);
    let cases: &[(&[u8], &str)] = &[
        (
            &truncated,
            "a.gz: this gzip file could not be decompressed: ",
        ),
        (
            &[0x1f, 0x8b, 0, 0],
            "a.gz: this gzip file could not be decompressed: ",
        ),
    ];
    for &(bytes, want) in cases {
        let got = problems(&[Input {
            name: "a.gz",
            bytes,
        }]);
        assert!(got.len() == 1 && got[0].starts_with(want), "{got:?}");
    }
}

#[test]
fn other_compressed_formats_are_named() {
    #[rustfmt::skip]
    let cases: &[(&[u8], &str)] = &[
        (b"PK\x03\x04\x14\x00", "logs.zip: this is a zip archive: EventPen reads JSON text and gzip (.json.gz); extract it and add the files inside"),
        (b"BZh91AY&SY", "logs.zip: this is a bzip2 file: EventPen reads JSON text and gzip (.json.gz); extract it and add the files inside"),
        (b"\x28\xb5\x2f\xfd\x00", "logs.zip: this is a zstd file: EventPen reads JSON text and gzip (.json.gz); extract it and add the files inside"),
    ];
    for &(bytes, want) in cases {
        assert_eq!(
            problems(&[Input {
                name: "logs.zip",
                bytes
            }]),
            [want]
        );
    }
}

#[test]
fn input_size_is_capped_in_total_and_after_gunzip() {
    let big = vec![b' '; MAX_INPUT_BYTES / 2 + 1];
    let record = fixtures::RUN_INSTANCES.as_bytes();
    let ingested = ingest(&[
        Input {
            name: "first",
            bytes: &big,
        },
        Input {
            name: "second",
            bytes: &big,
        },
        Input {
            name: "small",
            bytes: record,
        },
    ]);
    let got: Vec<String> = ingested.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [
            "first: the input is empty".to_string(),
            format!(
                "second: this input is {:.1} MiB and EventPen reads at most {} MiB in total at once; it was not read",
                (MAX_INPUT_BYTES / 2 + 1) as f64 / (1024.0 * 1024.0),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        ]
    );
    assert_eq!(
        ingested.events.len(),
        1,
        "inputs after an oversize one are still read"
    );

    // One gzip member of 1 MiB more than the cap allows: concatenated members are one valid
    // gzip stream.
    let bomb = gzip(&[b' '; 1024 * 1024]).repeat(MAX_INPUT_BYTES / (1024 * 1024) + 1);
    assert!(bomb.len() * 100 < MAX_INPUT_BYTES, "a small file…");
    assert_eq!(
        problems(&[Input {
            name: "bomb.gz",
            bytes: &bomb
        }]),
        [
            // The members within the limit are kept (all spaces here, hence "empty").
            format!(
                "bomb.gz: this gzip file decompresses to more than the {0} MiB left of the input size limit ({0} MiB in total); the part past the limit was not read",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            "bomb.gz: the input is empty".to_string(),
        ]
    );
}

#[test]
fn gzip_members_before_a_bad_one_are_kept() {
    let first = format!("{{\"Records\":[{}]}}", fixtures::RUN_INSTANCES);
    let second = format!("{{\"Records\":[{}]}}", fixtures::KMS_ROTATE_KEY);
    let (a, b) = (gzip(first.as_bytes()), gzip(second.as_bytes()));
    let cut = &b[..b.len() / 2];
    let mut flipped = b.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    #[rustfmt::skip]
    let cases: Vec<(Vec<u8>, usize, &str)> = vec![
        // bytes, events read, the problem (prefix)
        ([a.clone(), b.clone()].concat(), 2, ""),
        ([a.clone(), b.clone(), vec![0; 512]].concat(), 2, ""),
        ([a.clone(), b.clone(), cut.to_vec()].concat(), 2, "t.gz: gzip member 3 (from byte"),
        ([a.clone(), flipped.clone()].concat(), 1, "t.gz: gzip member 2 (from byte"),
        ([a.clone(), b"junk".to_vec()].concat(), 1, "t.gz: the 4 bytes from byte"),
        (cut.to_vec(), 0, "t.gz: this gzip file could not be decompressed"),
    ];
    for (bytes, events, problem) in cases {
        let ingested = ingest(&[Input {
            name: "t.gz",
            bytes: &bytes,
        }]);
        let problems: Vec<String> = ingested.problems.iter().map(ToString::to_string).collect();
        assert_eq!(ingested.events.len(), events, "{problem} {problems:?}");
        match problems.as_slice() {
            [] => assert_eq!(problem, ""),
            [only] => assert!(only.starts_with(problem), "{only}"),
            more => panic!("one problem expected: {more:?}"),
        }
    }
}

#[test]
fn event_count_is_capped() {
    let line = r#"{"version":"0","id":"1","detail-type":"t","source":"s","account":"1","time":"t","region":"r","resources":[],"detail":{}}"#;
    let text = format!("{line}\n").repeat(MAX_EVENTS + 5);
    let ingested = ingest(&[
        Input {
            name: "many.jsonl",
            bytes: text.as_bytes(),
        },
        Input {
            name: "after.json",
            bytes: line.as_bytes(),
        },
    ]);
    assert_eq!(ingested.events.len(), MAX_EVENTS);
    let got: Vec<String> = ingested.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [format!(
            "many.jsonl {}:1: EventPen reads at most {MAX_EVENTS} events at once: the rest of this input, and any inputs after it, were not read",
            MAX_EVENTS + 1
        )]
    );
}

#[test]
fn parsing_stops_past_the_event_cap_and_problems_are_capped_per_input() {
    let text = format!("[{}{{}}]", "{},".repeat(MAX_EVENTS + 5));
    let ingested = ingest_text("objects.json", &text);
    assert_eq!(ingested.events.len(), 0);
    let last = ingested.problems[MAX_PROBLEMS_PER_INPUT..]
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>();
    assert_eq!(ingested.problems.len(), MAX_PROBLEMS_PER_INPUT + 2);
    assert_eq!(
        last,
        [
            format!(
                "objects.json 1:{}: more than {} values: the rest of this input was not read ({} complete items were read before it)",
                2 + 3 * (MAX_EVENTS + 1),
                MAX_EVENTS + 1,
                MAX_EVENTS + 1
            ),
            format!(
                "objects.json: {} more problems in this input were not listed (at most 100 are)",
                MAX_EVENTS + 1 - 100
            ),
        ]
    );
}

#[test]
fn events_over_256_kb_get_a_warning() {
    let event = |size: usize| {
        format!(
            r#"{{"version":"0","id":"1","detail-type":"t","source":"s","account":"1","time":"t","region":"r","resources":[],"detail":{{"blob":"{}"}}}}"#,
            "x".repeat(size)
        )
    };
    let cases = [
        (200 * 1024, vec![]),
        (255 * 1024, vec![]),
        (
            300 * 1024,
            vec![
                "big.json 1:1: warning: this event is 300 KB; EventBridge accepts events up to 256 KB, so AWS would reject or drop it",
            ],
        ),
    ];
    for (size, want) in cases {
        let ingested = ingest_text("big.json", &event(size));
        let got: Vec<String> = ingested.problems.iter().map(ToString::to_string).collect();
        assert_eq!(got, want, "{size}");
        assert_eq!(ingested.events.len(), 1, "still produced");
        assert!(
            ingested
                .problems
                .iter()
                .all(|p| p.severity == Severity::Warning)
        );
    }
}

#[test]
fn inputs_past_the_cap_are_not_read_and_one_error_says_so() {
    use eventpen_ingest::{MAX_INPUTS, ProblemKind};
    let names: Vec<String> = (0..MAX_INPUTS + 5).map(|i| format!("f{i}.json")).collect();
    let event = r#"{"source":"my.app","detail-type":"x","detail":{}}"#;
    let inputs: Vec<Input> = names
        .iter()
        .map(|name| Input {
            name,
            bytes: event.as_bytes(),
        })
        .collect();
    let ingested = ingest(&inputs);
    assert_eq!(
        ingested.events.len(),
        MAX_INPUTS,
        "the inputs before the cap are kept"
    );
    let too_many: Vec<String> = ingested
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::TooManyInputs)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        too_many,
        [format!(
            "f{MAX_INPUTS}.json: EventPen reads at most {MAX_INPUTS} inputs at once: this one and the 4 after it were not read"
        )]
    );
}

#[test]
fn problems_across_inputs_stop_at_the_cap_with_one_summary() {
    use eventpen_ingest::{MAX_PROBLEMS, ProblemKind};
    #[rustfmt::skip]
    let cases: &[(usize, usize, usize)] = &[
        // empty inputs, problems listed, problems counted in the summary
        (3, 3, 0),
        (MAX_PROBLEMS, MAX_PROBLEMS, 0),
        (MAX_PROBLEMS + 1, MAX_PROBLEMS, 1),
        (900, MAX_PROBLEMS, 400),
    ];
    for &(empty, listed, unlisted) in cases {
        let names: Vec<String> = (0..empty).map(|i| format!("e{i}")).collect();
        let inputs: Vec<Input> = names
            .iter()
            .map(|name| Input { name, bytes: b" " })
            .collect();
        let problems = ingest(&inputs).problems;
        let empties = problems
            .iter()
            .filter(|p| p.kind == ProblemKind::EmptyInput)
            .count();
        let summary: Vec<String> = problems
            .iter()
            .filter(|p| p.kind == ProblemKind::UnlistedProblems)
            .map(ToString::to_string)
            .collect();
        assert_eq!(empties, listed, "{empty} empty inputs");
        let expected: Vec<String> = (unlisted > 0)
            .then(|| format!("e{MAX_PROBLEMS}: {unlisted} more problems, from this input on, were not listed (EventPen lists at most {MAX_PROBLEMS} at once)"))
            .into_iter()
            .collect();
        assert_eq!(summary, expected, "{empty} empty inputs");
    }
}

#[test]
fn one_input_with_many_bad_lines_counts_toward_the_global_cap_once_full() {
    use eventpen_ingest::{MAX_PROBLEMS, MAX_PROBLEMS_PER_INPUT};
    let bad_lines = "1\n".repeat(MAX_PROBLEMS_PER_INPUT * 2);
    let names: Vec<String> = (0..10).map(|i| format!("bad{i}")).collect();
    let inputs: Vec<Input> = names
        .iter()
        .map(|name| Input {
            name,
            bytes: bad_lines.as_bytes(),
        })
        .collect();
    let problems = ingest(&inputs).problems;
    assert!(
        problems.len() <= MAX_PROBLEMS + 10,
        "{} problems",
        problems.len()
    );
    let last = problems.last().map(ToString::to_string).unwrap_or_default();
    assert!(last.contains("were not listed"), "{last}");
}
