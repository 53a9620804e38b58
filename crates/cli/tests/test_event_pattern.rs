//! Golden tests of `eventpen test-event-pattern`: the built binary on fixture files, output
//! compared exactly with what the AWS CLI prints; and the whole conformance corpus through
//! `--batch` in one process.

mod common;
#[path = "../../pattern/tests/shared/mod.rs"]
mod shared;

use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pattern");

use common::Outcome;

/// Run `eventpen test-event-pattern ARGS` in the fixture directory, feeding `stdin`.
fn run(args: &[&str], stdin: &str) -> Outcome {
    common::run_in(
        Path::new(FIXTURES),
        "test-event-pattern",
        args,
        stdin.as_bytes(),
    )
}

const MATCHED: &str = "{\n    \"Result\": true\n}\n";
const NOT_MATCHED: &str = "{\n    \"Result\": false\n}\n";
const PREFIX: &str = "\nAn error occurred (InvalidEventPatternException) when calling the TestEventPattern operation: Event pattern is not valid. Reason: ";
const BAD_EVENT: &str = "\nAn error occurred (ValidationException) when calling the TestEventPattern operation: Parameter Event is not valid.\n";

#[test]
fn single_calls_print_what_the_aws_cli_prints() {
    let inline_event =
        r#"{"id":"1","account":"1","source":"aws.ec2","time":"t","region":"r","detail-type":"d"}"#;
    #[rustfmt::skip]
    let cases: &[(&[&str], i32, &str, &str)] = &[
        (&["--event-pattern", "file://run-instances.pattern.json", "--event", "file://run-instances.event.json"], 0, MATCHED, ""),
        (&["--event-pattern", "file://run-instances.pattern.json", "--event", "file://terminate-instances.event.json"], 0, NOT_MATCHED, ""),
        (&["--event-pattern", r#"{"source":["aws.ec2"]}"#, "--event", inline_event], 0, MATCHED, ""),
        (&["--event-pattern", r#"{"source":["aws.s3"]}"#, "--event", inline_event], 0, NOT_MATCHED, ""),
        (&["--event-pattern", "file://run-instances.pattern.json", "--event", "file://bare-detail.event.json"], 254, "", BAD_EVENT),
        (&["--event-pattern", r#"{"source":["aws.ec2"]}"#, "--event", "[1, 2]"], 254, "", BAD_EVENT),
        (&["--event-pattern", r#"{"source":["aws.ec2"]}"#, "--event", "not json"], 254, "", BAD_EVENT),
        (&["--event-pattern", r#"{"source":["aws.ec2"]}"#, "--event", inline_event, "--query", "Result", "--output", "text"], 0, "True\n", ""),
        (&["--event-pattern", r#"{"source":["aws.s3"]}"#, "--event", inline_event, "--output", "yaml"], 0, "Result: false\n", ""),
        (&["--region", "eu-west-1", "--profile", "dev", "--no-cli-pager", "--event-pattern", r#"{"source":["aws.ec2"]}"#, "--event", inline_event], 0, MATCHED, ""),
        (&["--event-pattern", r#"{"source":["aws.ec2"]}"#, "--event", inline_event, "--query", "Result == `true`"], 252, "", "\neventpen: --query \"Result == `true`\" is not supported offline; use --query Result\n"),
        (&["--event-pattern", "file://missing.json", "--event", inline_event], 252, "", "\nError parsing parameter '--event-pattern': Unable to load paramfile file://missing.json: [Errno 2] No such file or directory: 'missing.json'\n"),
        (&["--event-pattern", r#"{"source":["aws.ec2"]}"#, "--event", "file://nope/event.json"], 252, "", "\nError parsing parameter '--event': Unable to load paramfile file://nope/event.json: [Errno 2] No such file or directory: 'nope/event.json'\n"),
    ];
    for (args, code, stdout, stderr) in cases {
        let expected = Outcome {
            code: *code,
            stdout: stdout.to_string(),
            stderr: stderr.to_string(),
        };
        assert_eq!(run(args, ""), expected, "{args:?}");
    }
}

#[test]
fn invalid_patterns_give_aws_reason_and_exit_254() {
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        ("file://scalar-leaf.pattern.json", "\"source\" must be an object or an array"),
        ("file://not-an-object.pattern.json", "Filter is not an object"),
        (r#"{"detail":{"state":[{"prefix":123}]}}"#, "prefix match pattern must be a string"),
        (r#"{"detail":{"state":[{"EXISTS":true}]}}"#, "Unrecognized match type EXISTS"),
        (r#"{"resources":[]}"#, "Empty arrays are not allowed"),
    ];
    for (pattern, reason) in cases {
        let outcome = run(
            &[
                "--event-pattern",
                pattern,
                "--event",
                "file://run-instances.event.json",
            ],
            "",
        );
        let expected = Outcome {
            code: 254,
            stdout: String::new(),
            stderr: format!("{PREFIX}{reason}\n"),
        };
        assert_eq!(outcome, expected, "{pattern}");
    }
    let truncated = run(
        &[
            "--event-pattern",
            "file://truncated.pattern.json",
            "--event",
            "file://run-instances.event.json",
        ],
        "",
    );
    assert_eq!((truncated.code, truncated.stdout.as_str()), (254, ""));
    assert!(truncated.stderr.starts_with(PREFIX), "{}", truncated.stderr);
}

/// Over 4096 characters, AWS's input validation answers before the pattern is read.
#[test]
fn patterns_over_4096_characters_are_a_validation_exception() {
    let pattern = format!(r#"{{"source":["{}"]}}"#, "s".repeat(4096 - 14));
    let event = "file://run-instances.event.json";
    let outcome = run(&["--event-pattern", &pattern, "--event", event], "");
    let stderr = "\nAn error occurred (ValidationException) when calling the TestEventPattern \
                  operation: 1 validation error detected: Value at 'eventPattern' failed to \
                  satisfy constraint: Member must have length less than or equal to 4096\n";
    let expected = Outcome {
        code: 254,
        stdout: String::new(),
        stderr: stderr.to_owned(),
    };
    assert_eq!(outcome, expected);
}

#[test]
fn batch_answers_each_line_in_order() {
    let input = std::fs::read_to_string(Path::new(FIXTURES).join("batch.jsonl")).expect("fixture");
    let golden = Path::new(FIXTURES).join("batch.expected.jsonl");
    let from_file = run(&["--batch", "batch.jsonl"], "");
    let from_stdin = run(&["--batch", "-"], &input);
    assert_eq!((from_file.code, from_file.stderr.as_str()), (0, ""));
    assert_eq!(from_file, from_stdin);
    assert_eq!(input.lines().count(), from_file.stdout.lines().count());
    assert_golden(&golden, &from_file.stdout);
}

/// A program can keep `--batch -` running and read each answer before sending the next line.
#[test]
fn batch_answers_each_line_before_stdin_closes() {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_eventpen"))
        .args(["test-event-pattern", "--batch", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the eventpen binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let stdout = child.stdout.take().expect("stdout is piped");
    let (answers, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let _ = answers.send(line.unwrap_or_default());
        }
    });
    #[rustfmt::skip]
    let conversation = [
        (r#"{"pattern": {"a": ["x"]}, "event": {"a": "x"}, "require_envelope": false}"#, r#"{"Result": true}"#),
        (r#"{"pattern": {"a": ["x"]}, "event": {"a": "y"}, "require_envelope": false}"#, r#"{"Result": false}"#),
    ];
    for (request, expected) in conversation {
        writeln!(stdin, "{request}").expect("the batch reads stdin");
        let answer = received.recv_timeout(std::time::Duration::from_secs(20));
        assert_eq!(answer.as_deref(), Ok(expected), "{request}");
    }
    drop(stdin);
    assert!(child.wait().is_ok_and(|status| status.success()));
}

#[test]
fn batch_cannot_be_mixed_with_a_single_call() {
    let outcome = run(&["--batch", "-", "--event", "{}"], "");
    assert_eq!(outcome.code, 2, "{outcome:?}");
    assert_eq!(run(&["--batch", "no-such.jsonl"], "").code, 252);
}

/// Compare with a golden file; `EVENTPEN_UPDATE_GOLDEN=1` rewrites it instead (review the diff!).
fn assert_golden(path: &PathBuf, actual: &str) {
    if std::env::var_os("EVENTPEN_UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).expect("golden file is writable");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        actual,
        expected,
        "golden {} differs (EVENTPEN_UPDATE_GOLDEN=1 rewrites it)",
        path.display()
    );
}

/// One corpus line, as a batch request and what the answer must be.
struct CorpusCase {
    id: String,
    request: Value,
    expect: String,
    /// For invalid patterns: the service's code and message (first line) when known.
    aws_code: Option<String>,
    aws_message: Option<String>,
}

fn corpus_cases(dir: &Path, file: &str) -> Vec<CorpusCase> {
    let aws_verified = file == "aws-verified.jsonl";
    shared::read_lines(dir, file)
        .into_iter()
        .map(|line| {
            let text = |key: &str| line.get(key).and_then(Value::as_str).map(String::from);
            // AWS's own cases carry AWS's message; event-ruler's carry the engine's, which
            // AWS prints after its prefix.
            let aws_message = if aws_verified {
                text("aws_error")
            } else {
                text("engine_error").map(|m| format!("{}{m}", shared::REASON_PREFIX))
            };
            CorpusCase {
                id: text("id").unwrap_or_default(),
                // Envelope validation is TestEventPattern's: only AWS's own cases went through it.
                request: json!({"pattern": line["pattern"], "event": line["event"], "require_envelope": aws_verified}),
                expect: text("expect").unwrap_or_default(),
                aws_code: text("aws_error_code"),
                aws_message,
            }
        })
        .collect()
}

/// Every line of the conformance corpus through `--batch`, in one process, with the same
/// exceptions list as the engine's conformance test.
#[test]
fn conformance_corpus_through_batch() {
    let Some(dir) = shared::corpus_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let mut failures = Vec::new();
    for (file, _) in shared::FILES {
        let cases = corpus_cases(&dir, file);
        let input: String = cases.iter().map(|c| format!("{}\n", c.request)).collect();
        let outcome = run(&["--batch", "-"], &input);
        assert_eq!((outcome.code, outcome.stderr.as_str()), (0, ""), "{file}");
        let answers: Vec<&str> = outcome.stdout.lines().collect();
        assert_eq!(answers.len(), cases.len(), "{file}: one answer per line");
        let mut tally = shared::Tally::default();
        for (case, answer) in cases.iter().zip(answers) {
            tally.record(file, &case.id, agreement(case, answer));
        }
        println!(
            "{file}: {} agree, {} listed exceptions, {} disagree",
            tally.agreed,
            tally.excepted,
            tally.failures.len()
        );
        failures.extend(tally.failures);
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `Err` says how `answer` disagrees with the case.
fn agreement(case: &CorpusCase, answer: &str) -> Result<(), String> {
    let Ok(answer) = serde_json::from_str::<Value>(answer) else {
        return Err(format!("answer is not JSON: {answer}"));
    };
    let result = answer.get("Result").and_then(Value::as_bool);
    let error = answer.get("Error");
    let code = error.and_then(|e| e.get("Code")).and_then(Value::as_str);
    let message = error.and_then(|e| e.get("Message")).and_then(Value::as_str);
    let first_line = message.map(|m| m.lines().next().unwrap_or_default());
    let ok = match (case.expect.as_str(), result) {
        ("match", Some(true)) | ("no-match", Some(false)) => true,
        ("invalid-event", None) => code == Some("ValidationException"),
        ("invalid", None) => {
            case.aws_code.as_deref().is_none_or(|c| Some(c) == code)
                && case
                    .aws_message
                    .as_deref()
                    .is_none_or(|m| Some(m) == first_line)
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "expected {} {:?}, got {answer}",
            case.expect, case.aws_message
        ))
    }
}
