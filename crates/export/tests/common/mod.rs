//! Patterns shared by the export tests: hand-written tricky ones, one per operator, and the
//! conformance corpus read in place (see `crates/pattern/tests/shared`).
#![allow(dead_code)]

#[path = "../../../pattern/tests/shared/mod.rs"]
mod shared;

use eventpen_export::{Format, Rendered, RuleSettings, RuleState, SnsTarget};
use serde_json::Value;

/// Hand-written patterns whose values stress quoting: one line each, as JSON text so number
/// text is kept.
pub const TRICKY: [(&str, &str); 16] = [
    (
        "simple",
        r##"{"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}"##,
    ),
    (
        "single quote",
        r##"{"detail": {"name": ["it's", "'", "''"]}}"##,
    ),
    (
        "double quote",
        r##"{"detail": {"name": ["say \"hi\"", "\"", "a\"b\"c\""]}}"##,
    ),
    (
        "dollar and backtick",
        r##"{"detail": {"cmd": ["$HOME", "${x}", "$(id)", "`id`", "%{ if }"]}}"##,
    ),
    (
        "backslashes",
        r##"{"detail": {"path": ["C:\\dir\\", "\\\"", "\\\\\"x", "end\\"]}}"##,
    ),
    (
        "bang and percent",
        r##"{"detail": {"text": ["wow!", "!!", "100%", "%PATH%", "^caret", "a&b|c<d>e", "(x)"]}}"##,
    ),
    (
        "newlines and tabs",
        r##"{"detail": {"text": ["line1\nline2", "tab\there", "cr\r", "\u0007bell"]}}"##,
    ),
    (
        "non-ascii",
        r##"{"detail": {"text": ["é", "日本語", "🚀", "smart ‘quotes’ and “double”", "\u2028sep"]}}"##,
    ),
    (
        "yaml specials",
        r##"{"detail": {"v": ["yes", "No", "on", "OFF", "y", "n", "null", "~", "true", "1.0", "0x1", "0o7", "1e3", "*", ":", "- dash", "? q", "# hash", " lead", "trail ", "", "2024-01-01", "1:30", "@at", "&amp", "!tag", "|", ">", "[", "{"]}}"##,
    ),
    (
        "numbers",
        r##"{"detail": {"n": [300, 300.0, -0.5, 1e5, 2E-3, 12345678901234567890, 0]}}"##,
    ),
    ("scalars", r##"{"detail": {"b": [true, false, null]}}"##),
    (
        "keys",
        r##"{"detail": {"yes": ["k"], "a b": ["k"], "a.b": ["k"], "it's": ["k"], "$or-not": ["k"], "null": ["k"], "1": ["k"], "é": ["k"], "Ref": ["x"]}}"##,
    ),
    (
        "operators",
        r##"{"source": [{"prefix": "aws."}], "detail": {"a": [{"suffix": ".png"}], "b": [{"equals-ignore-case": "X"}], "c": [{"anything-but": ["x", "y"]}], "d": [{"numeric": [">", 0, "<=", 9.5]}], "e": [{"exists": true}], "f": [{"cidr": "10.0.0.0/24"}], "g": [{"wildcard": "a*b"}]}}"##,
    ),
    (
        "anything-but forms",
        r##"{"detail": {"a": [{"anything-but": {"prefix": "x"}}], "b": [{"anything-but": {"suffix": ["y"]}}], "c": [{"anything-but": {"equals-ignore-case": ["z"]}}], "d": [{"anything-but": {"wildcard": "*w"}}], "e": [{"anything-but": 5}]}}"##,
    ),
    (
        "or",
        r##"{"source": ["aws.ec2"], "$or": [{"detail": {"a": [1]}}, {"detail": {"b": [{"exists": false}]}}]}"##,
    ),
    (
        "deep",
        r##"{"detail": {"a": {"b": {"c": {"d": [{"prefix": {"equals-ignore-case": "P"}}, {"suffix": {"equals-ignore-case": "S"}}]}}}}}"##,
    ),
];

/// The tricky patterns, parsed.
pub fn tricky() -> Vec<(&'static str, Value)> {
    TRICKY
        .iter()
        .map(|(name, text)| {
            (
                *name,
                serde_json::from_str(text).expect("test pattern is JSON"),
            )
        })
        .collect()
}

/// Object patterns from the shared conformance corpus (its three hand-made files), read in
/// place. A missing corpus fails, unless `EVENTPEN_SKIP_SHARED` is set (then this is empty):
/// the same rule and location as the engine's conformance test.
pub fn conformance() -> Vec<(String, Value)> {
    let Some(dir) = shared::corpus_dir(env!("CARGO_MANIFEST_DIR")) else {
        return Vec::new();
    };
    let mut patterns = Vec::new();
    for file in ["aws-verified.jsonl", "event-ruler.jsonl", "docs.jsonl"] {
        for case in shared::read_lines(&dir, file) {
            if case["expect"] == "invalid" {
                continue;
            }
            if let (Some(id), Some(pattern)) = (case["id"].as_str(), case.get("pattern"))
                && pattern.is_object()
            {
                patterns.push((id.to_owned(), pattern.clone()));
            }
        }
    }
    patterns
}

/// All patterns the round-trip tests use.
pub fn all_patterns() -> Vec<(String, Value)> {
    let mut all: Vec<(String, Value)> = tricky()
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect();
    all.extend(conformance());
    all
}

/// `value` with every number replaced by its f64 value, for comparing with parsers that do
/// not keep number text (YAML, HCL). Text is checked separately where it is kept.
pub fn numbers_by_value(value: &Value) -> Value {
    match value {
        Value::Number(number) => number
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        Value::Array(items) => Value::Array(items.iter().map(numbers_by_value).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| (key.clone(), numbers_by_value(value)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The last block of an export: its commands.
pub fn commands(rendered: &Rendered) -> &str {
    &rendered.blocks.last().expect("a commands block").text
}

/// The value after option `name` in an argv.
pub fn option<'a>(argv: &'a [String], name: &str) -> &'a str {
    let at = argv
        .iter()
        .position(|arg| arg == name)
        .unwrap_or_else(|| panic!("{name} in {argv:?}"));
    &argv[at + 1]
}

/// Settings the template tests run with: defaults; a custom bus ARN, the CloudTrail state, a
/// description to escape and a new topic; a disabled rule with an existing topic.
pub fn settings_variants() -> Vec<RuleSettings> {
    vec![
        RuleSettings::default(),
        RuleSettings {
            name: "orders.created_v2".into(),
            event_bus: "arn:aws:events:eu-west-1:111122223333:event-bus/orders".into(),
            state: RuleState::EnabledWithAllCloudTrailManagementEvents,
            description: Some("yes: it's \"quoted\" ${x}".into()),
            sns: Some(SnsTarget {
                topic: "alerts".into(),
                account: None,
                region: None,
            }),
            ..RuleSettings::default()
        },
        RuleSettings {
            state: RuleState::Disabled,
            sns: Some(SnsTarget {
                topic: "arn:aws:sns:us-east-1:111122223333:existing".into(),
                account: None,
                region: None,
            }),
            ..RuleSettings::default()
        },
    ]
}

/// The pattern model of a pattern written as a JSON value (tests write patterns with `json!`).
pub fn model(pattern: &Value) -> eventpen_pattern::PatternModel {
    let checked = eventpen_pattern::check(&pattern.to_string());
    checked
        .model
        .unwrap_or_else(|| panic!("{pattern}: {:?}", checked.errors))
}

/// [`eventpen_export::render`] of a pattern written as a JSON value.
pub fn render(
    format: Format,
    pattern: &Value,
    settings: &RuleSettings,
) -> eventpen_export::Rendered {
    eventpen_export::render(format, &model(pattern), settings)
}

/// The first block of `format` for `pattern`.
pub fn only_block(format: Format, pattern: &Value, settings: &RuleSettings) -> String {
    let rendered = render(format, pattern, settings);
    rendered.blocks[0].text.clone()
}
