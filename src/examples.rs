//! The examples gallery: classic EventBridge detections to load, study and solve.
//!
//! Each example is a JSON file in `www/examples/<id>.json` (the data is the source of truth; an
//! instructor edits JSON, not Rust). The files are embedded at compile time, so the gallery works
//! offline and needs no fetch. Parsing happens at run time but can never take the app down: a
//! file that does not parse is reported as an [`ExampleError`] by [`load_all`] and skipped by
//! [`all`], and `tests/examples.rs` fails the build of any such file long before a user sees it.
//!
//! Events in a file are what people paste — full CloudTrail records or EventBridge events — so
//! the app feeds them through the same ingestion as pasted text ([`Example::events_input`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

use crate::challenge::Expectation;

/// Embeds `www/examples/<id>.json` as `(id, text)`; the id and the file name cannot drift apart.
macro_rules! example_file {
    ($id:literal) => {
        (
            $id,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/www/examples/",
                $id,
                ".json"
            )),
        )
    };
}

/// Every example file as `(id, JSON text)`, in the order the gallery shows them: from the
/// walkthrough basics, through the operators, to the security detections.
pub const FILES: &[(&str, &str)] = &[
    example_file!("ec2-run-instances-to-sns"),
    example_file!("ec2-run-instances-sns-alert"),
    example_file!("ec2-run-instances-slack-webhook"),
    example_file!("lambda-function-config-changes"),
    example_file!("ec2-t2-micro-only"),
    example_file!("ec2-large-instance-types"),
    example_file!("s3-object-created-csv"),
    example_file!("successful-deletes-exists-false"),
    example_file!("tags-equals-ignore-case"),
    example_file!("wildcard-break-glass-roles"),
    example_file!("guardduty-or-anything-but-numeric"),
    example_file!("root-console-sign-in"),
    example_file!("console-sign-in-without-mfa"),
    example_file!("console-sign-in-failures"),
    example_file!("sign-in-outside-office-networks"),
    example_file!("iam-access-key-created"),
    example_file!("assume-role-from-outside"),
    example_file!("cloudtrail-stop-logging"),
    example_file!("s3-bucket-policy-public"),
    example_file!("s3-acl-remediation-no-loop"),
    example_file!("sg-opened-to-the-world"),
    example_file!("sg-admin-ports-numeric"),
    example_file!("kms-key-scheduled-for-deletion"),
];

/// One gallery entry, mirroring the JSON file field by field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Stable identifier, equal to the file name without `.json`; used in links.
    pub id: String,
    /// Short title for the gallery list.
    pub title: String,
    /// One line saying what the rule is for.
    pub summary: String,
    /// The point of the example, a few sentences of plain text with `code` in backticks.
    pub lesson: String,
    /// Topics (`ec2`, `security`, operator names…) the gallery can filter on.
    pub tags: Vec<String>,
    /// The events the learner sees, each marked as one the rule must or must not match.
    pub events: Vec<ExampleEvent>,
    /// The pattern text the learner starts from: too broad, too narrow or invalid.
    pub start_pattern: String,
    /// A pattern text that matches exactly the events marked `match`, hidden ones included.
    pub solution: String,
    /// The exercise built on this example, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<Challenge>,
    /// The target input the example opens with, when it is about what the target receives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transformer: Option<ExampleTransformer>,
}

/// An example's input transformer, and the SNS topic it sends to (if any).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleTransformer {
    /// `InputPathsMap`: variable name to JSON path.
    pub paths_map: serde_json::Map<String, Value>,
    /// `InputTemplate`.
    pub template: String,
    /// The SNS topic the rule targets, when the example is about an SNS message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sns_topic: Option<String>,
}

/// An event of an example with the verdict a correct rule gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleEvent {
    /// What this event is, in a few words ("StopInstances: same service, different call").
    pub label: String,
    /// Whether a correct rule matches it.
    pub expect: Expect,
    /// A full CloudTrail record as CloudTrail writes it, or an EventBridge event.
    pub event: Value,
}

/// The verdict a correct rule gives an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expect {
    /// The rule must match this event.
    Match,
    /// The rule must not match this event (a near-miss).
    NoMatch,
}

impl Expect {
    /// The expectation the scorer checks.
    pub fn expectation(self) -> Expectation {
        Expectation {
            must_match: self == Expect::Match,
        }
    }
}

/// The exercise: a goal, hints revealed one at a time, and events scored only on submit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    /// What the learner's pattern must do, in one or two sentences.
    pub goal: String,
    /// Hints from gentle to explicit.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Events the learner does not see; the caller appends them when the learner submits.
    #[serde(default)]
    pub hidden: Vec<ExampleEvent>,
}

/// Events ready for the app's Events box, and what a correct rule says about each.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventsInput {
    /// One compact JSON value per line, in order: what ingestion reads as one event per line.
    pub text: String,
    /// The expectation for each line, in the same order.
    pub expectations: Vec<Expectation>,
}

impl EventsInput {
    /// Builds the text and expectations for `events`, in order.
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a ExampleEvent>) -> EventsInput {
        let mut input = EventsInput::default();
        for example_event in events {
            // Serializing a `Value` cannot fail (its keys are strings), so this never loses a line.
            let line = serde_json::to_string(&example_event.event).unwrap_or_default();
            input.text.push_str(&line);
            input.text.push('\n');
            input.expectations.push(example_event.expect.expectation());
        }
        input
    }

    /// The expectations as the scorer takes them: `Some(must_match)` for every line.
    pub fn marks(&self) -> Vec<Option<bool>> {
        self.expectations
            .iter()
            .map(|expectation| Some(expectation.must_match))
            .collect()
    }
}

impl Example {
    /// The visible events as Events-box text, with their expectations.
    pub fn events_input(&self) -> EventsInput {
        EventsInput::from_events(&self.events)
    }

    /// The hidden challenge events, to append on submit (empty when there is no challenge).
    pub fn hidden_input(&self) -> EventsInput {
        EventsInput::from_events(self.challenge.iter().flat_map(|c| &c.hidden))
    }

    /// Visible then hidden events: everything the solution is checked against.
    pub fn all_events(&self) -> impl Iterator<Item = &ExampleEvent> {
        self.events
            .iter()
            .chain(self.challenge.iter().flat_map(|c| &c.hidden))
    }
}

/// An example file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleError {
    /// The file's id (its name without `.json`).
    pub id: String,
    /// Where in the file, 1-based, as reported by the JSON reader.
    pub line: usize,
    /// Column on that line, 1-based.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ExampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "www/examples/{}.json:{}:{}: {}",
            self.id, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ExampleError {}

/// Parses one example file; `id` names the file in the error.
pub fn parse(id: &str, text: &str) -> Result<Example, ExampleError> {
    serde_json::from_str(text).map_err(|error| ExampleError {
        id: id.to_owned(),
        line: error.line(),
        column: error.column(),
        message: error.to_string(),
    })
}

/// Every example, in gallery order, or the errors of the files that do not parse.
pub fn load_all() -> Result<Vec<Example>, Vec<ExampleError>> {
    let (examples, errors): (Vec<_>, Vec<_>) = FILES
        .iter()
        .map(|(id, text)| parse(id, text))
        .partition(Result::is_ok);
    if errors.is_empty() {
        Ok(examples.into_iter().filter_map(Result::ok).collect())
    } else {
        Err(errors.into_iter().filter_map(Result::err).collect())
    }
}

/// Every example that parses, in gallery order. Never panics: a broken file is left out (and
/// fails `tests/examples.rs`).
pub fn all() -> Vec<Example> {
    FILES
        .iter()
        .filter_map(|(id, text)| parse(id, text).ok())
        .collect()
}

/// The example with this id, parsing only its own file.
pub fn by_id(id: &str) -> Option<Example> {
    FILES
        .iter()
        .find(|(file_id, _)| *file_id == id)
        .and_then(|(file_id, text)| parse(file_id, text).ok())
}

/// The ids in gallery order, without parsing anything (for menus and link validation).
pub fn ids() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(id, _)| *id)
}
