//! Golden tests of `eventpen match`: the built binary on fixture files; exit code, stdout and
//! stderr compared exactly with `tests/fixtures/pattern/match/<case>.golden`.
//! `EVENTPEN_UPDATE_GOLDEN=1 cargo test -p eventpen-cli --test match_cmd` rewrites the golden files.

mod common;

use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pattern");

/// Run `eventpen match ARGS` in the fixture directory and render what it did as one text:
/// `exit: N`, then stdout and stderr under their own headers.
fn run(args: &[&str], stdin: &str) -> String {
    let outcome = common::run_in(Path::new(FIXTURES), "match", args, stdin.as_bytes());
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        outcome.code, outcome.stdout, outcome.stderr
    )
}

#[test]
fn match_output_is_golden() {
    let jsonl =
        std::fs::read_to_string(Path::new(FIXTURES).join("mixed.events.jsonl")).expect("fixture");
    #[rustfmt::skip]
    let cases: &[(&str, &[&str], &str)] = &[
        ("one-matched-one-not", &["-p", "run-instances.pattern.json", "run-instances.event.json", "terminate-instances.event.json"], ""),
        ("several-inputs", &["-p", "run-instances.pattern.json", "mixed.events.jsonl", "two.events.json"], ""),
        ("quiet", &["--quiet", "-p", "run-instances.pattern.json", "mixed.events.jsonl", "two.events.json"], ""),
        ("none-matched", &["-p", "run-instances.pattern.json", "terminate-instances.event.json"], ""),
        ("quiet-none-matched", &["-q", "-p", "run-instances.pattern.json", "terminate-instances.event.json"], ""),
        ("stdin-events", &["-p", "run-instances.pattern.json"], &jsonl),
        ("stdin-dash", &["-p", "run-instances.pattern.json", "-"], &jsonl),
        ("or-branches", &["-p", "or.pattern.json", "mixed.events.jsonl", "two.events.json"], ""),
        ("bare-events-are-matched-as-given", &["-p", "run-instances.pattern.json", "bare-detail.event.json"], ""),
        ("warnings-go-to-stderr", &["-p", "cloudtrail-at-top.pattern.json", "run-instances.event.json"], ""),
        ("syntax-error-in-pattern", &["-p", "truncated.pattern.json", "run-instances.event.json"], ""),
        ("invalid-pattern", &["-p", "scalar-leaf.pattern.json", "run-instances.event.json"], ""),
        ("broken-events", &["-p", "run-instances.pattern.json", "run-instances.event.json", "broken.events.jsonl"], ""),
        ("missing-events-file", &["-p", "run-instances.pattern.json", "no-such.json"], ""),
        ("stdin-twice", &["-p", "-", "-"], ""),
        ("pattern-from-stdin", &["-p", "-", "run-instances.event.json"], r#"{"detail": {"eventName": ["RunInstances"]}}"#),
    ];
    let bless = std::env::var_os("EVENTPEN_UPDATE_GOLDEN").is_some();
    let mut differing = Vec::new();
    for (name, args, stdin) in cases {
        let actual = run(args, stdin);
        let golden = Path::new(FIXTURES)
            .join("match")
            .join(format!("{name}.golden"));
        if bless {
            std::fs::create_dir_all(golden.parent().expect("golden has a directory"))
                .expect("writable");
            std::fs::write(&golden, &actual).expect("golden file is writable");
        } else if std::fs::read_to_string(&golden).unwrap_or_default() != actual {
            differing.push(format!("{name}:\n{actual}"));
        }
    }
    assert!(
        differing.is_empty(),
        "differs from golden (EVENTPEN_UPDATE_GOLDEN=1 rewrites):\n{}",
        differing.join("\n")
    );
}
