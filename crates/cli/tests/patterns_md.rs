//! Every example in PATTERNS.md, run through the engine: the document cannot drift from the code.
//!
//! The layout PATTERNS.md keeps (see its "How to read the examples"):
//!
//! ````text
//! Pattern:
//! ```json
//! { … }
//! ```
//! Event:
//! ```json
//! { … }
//! ```
//! Result: match            (or no-match; several Event/Result pairs may follow one pattern)
//!
//! Pattern:
//! ```json
//! { … }
//! ```
//! Result: invalid: `<the reason AWS gives>`      (or warning: `<EventPen's warning code>`)
//! ````
//!
//! A ```json block without a `Pattern:` or `Event:` label before it is an error, so no example
//! escapes the check.

use serde_json::Value;

const DOCUMENT: &str = include_str!("../../../PATTERNS.md");

/// One checked claim of the document.
#[derive(Debug)]
struct Example {
    line: usize,
    pattern: String,
    event: Option<String>,
    expected: Expected,
}

#[derive(Debug, PartialEq)]
enum Expected {
    Match,
    NoMatch,
    Invalid(String),
    /// Valid, and `check` warns with this code.
    Warning(String),
}

/// The examples, or the first layout error (with its line number).
fn examples(document: &str) -> Result<Vec<Example>, String> {
    let lines: Vec<&str> = document.lines().collect();
    let mut examples = Vec::new();
    let mut label: Option<&str> = None;
    let mut pattern: Option<String> = None;
    let mut event: Option<String> = None;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim_end();
        let number = index + 1;
        if line.starts_with("```json") {
            let end = (index + 1..lines.len())
                .find(|&i| lines[i].trim_end() == "```")
                .ok_or(format!("line {number}: unclosed ```json block"))?;
            let body = lines[index + 1..end].join("\n");
            match label.take() {
                Some("Pattern:") => {
                    pattern = Some(body);
                    event = None;
                }
                Some("Event:") if pattern.is_some() => event = Some(body),
                _ => {
                    return Err(format!(
                        "line {number}: ```json block without a Pattern:/Event: label"
                    ));
                }
            }
            index = end + 1;
            continue;
        }
        if line == "Pattern:" || line == "Event:" {
            label = Some(if line == "Pattern:" {
                "Pattern:"
            } else {
                "Event:"
            });
        } else if let Some(result) = line.strip_prefix("Result: ") {
            let pattern_text = pattern
                .clone()
                .ok_or(format!("line {number}: Result: without a pattern"))?;
            let expected =
                parse_result(result).ok_or(format!("line {number}: unknown result {result:?}"))?;
            let event_text = event.take();
            let needs_event = matches!(expected, Expected::Match | Expected::NoMatch);
            if event_text.is_some() != needs_event {
                return Err(format!(
                    "line {number}: match results need an Event:, invalid ones none"
                ));
            }
            examples.push(Example {
                line: number,
                pattern: pattern_text,
                event: event_text,
                expected,
            });
        } else if !line.is_empty() {
            label = None;
        }
        index += 1;
    }
    Ok(examples)
}

fn parse_result(text: &str) -> Option<Expected> {
    match text.trim_end_matches('.') {
        "match" => Some(Expected::Match),
        "no-match" => Some(Expected::NoMatch),
        other => {
            let (kind, quoted) = other.split_once(": ")?;
            let text = quoted.strip_prefix('`')?.strip_suffix('`')?.to_owned();
            match kind {
                "invalid" => Some(Expected::Invalid(text)),
                "warning" => Some(Expected::Warning(text)),
                _ => None,
            }
        }
    }
}

/// What the engine says about one example, in the document's terms.
fn engine_answer(example: &Example) -> Result<Expected, String> {
    if let Expected::Warning(code) = &example.expected {
        let checked = eventpen_pattern::check(&example.pattern);
        if let Some(error) = checked.errors.first() {
            return Ok(Expected::Invalid(error.message.clone()));
        }
        let codes: Vec<&str> = checked.warnings.iter().map(|w| w.code()).collect();
        let found = codes
            .iter()
            .find(|c| *c == code)
            .map_or(codes.join(", "), |c| c.to_string());
        return Ok(Expected::Warning(found));
    }
    let pattern = match eventpen_pattern::compile(&example.pattern) {
        Ok(pattern) => pattern,
        Err(diagnostic) => return Ok(Expected::Invalid(diagnostic.message)),
    };
    let Some(event_text) = &example.event else {
        return Ok(Expected::Match);
    };
    // The verdict reads the event as event-ruler does (rule E1: repeated keys, text after
    // the event); where serde_json reads it too, `explain` must agree with `matches`.
    let matched = pattern
        .matches_json(event_text.as_bytes())
        .map_err(|e| format!("event is not readable: {e}"))?;
    if let Ok(event) = serde_json::from_str::<Value>(event_text)
        && pattern.explain(&event).matched != pattern.matches(&event)
    {
        return Err(String::from("explain disagrees with matches"));
    }
    Ok(if matched {
        Expected::Match
    } else {
        Expected::NoMatch
    })
}

#[test]
fn every_example_in_patterns_md_holds() {
    let examples = match examples(DOCUMENT) {
        Ok(examples) => examples,
        Err(layout) => panic!("PATTERNS.md layout: {layout}"),
    };
    assert!(
        examples.len() >= 40,
        "only {} examples found",
        examples.len()
    );
    let wrong: Vec<String> = examples
        .iter()
        .filter_map(|example| match engine_answer(example) {
            Ok(answer) if answer == example.expected => None,
            Ok(answer) => Some(format!(
                "line {}: says {:?}, engine {:?}",
                example.line, example.expected, answer
            )),
            Err(problem) => Some(format!("line {}: {problem}", example.line)),
        })
        .collect();
    println!("PATTERNS.md: {} examples checked", examples.len());
    assert!(
        wrong.is_empty(),
        "PATTERNS.md disagrees with the engine:\n{}",
        wrong.join("\n")
    );
}

/// GitHub's heading anchor: lower case; letters, digits, `-` and `_` kept; spaces become `-`.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Rules are cited by link (`[A3](#a3-…)`); a renamed heading must not leave a dead link.
#[test]
fn every_internal_link_reaches_a_heading() {
    let anchors: Vec<String> = DOCUMENT
        .lines()
        .filter_map(|line| {
            line.strip_prefix("## ")
                .or_else(|| line.strip_prefix("### "))
        })
        .map(anchor)
        .collect();
    let dead: Vec<&str> = DOCUMENT
        .split("](#")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|target| !anchors.iter().any(|a| a == target))
        .collect();
    assert!(dead.is_empty(), "dead links in PATTERNS.md: {dead:?}");
}

/// L4: the 4096-character limit, too long to show as an example.
#[test]
fn the_length_limit_of_rule_l4() {
    let pattern_of = |length: usize| format!(r#"{{"source":["{}"]}}"#, "s".repeat(length - 15));
    assert!(eventpen_pattern::compile(&pattern_of(4096)).is_ok());
    let too_long = eventpen_pattern::compile(&pattern_of(4097)).err();
    assert_eq!(too_long.map(|d| d.code()), Some("too-long"));
    assert!(DOCUMENT.contains("### L4. Patterns MUST be at most 4096 characters"));
}

#[test]
fn the_layout_reader_rejects_unlabelled_blocks() {
    #[rustfmt::skip]
    let cases = [
        ("```json\n{}\n```\n", false),
        ("Pattern:\n```json\n{\"a\": [1]}\n```\nEvent:\n```json\n{\"a\": 1}\n```\nResult: match\n", true),
        ("Pattern:\n```json\n[]\n```\nResult: invalid: `Filter is not an object`\n", true),
        ("Pattern:\n```json\n{}\n```\nResult: match\n", false),
        ("Pattern:\n```json\n{}\n```\nResult: maybe\n", false),
        ("Pattern:\n```json\n{}\n```\nResult: warning: `x`\n", true),
        ("Pattern:\n```json\n{}\n```\nEvent:\n```json\n{}\n```\nResult: warning: `x`\n", false),
    ];
    for (text, ok) in cases {
        assert_eq!(examples(text).is_ok(), ok, "{text}");
    }
}
