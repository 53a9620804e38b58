//! `aws events test-event-pattern` for one event, in the same shells as `put-rule`.

use crate::cli::{AwsCommand, Shell, commands_block, non_ascii_file_warning, pattern_warnings};
use crate::json_text::{one_line, pretty};
use crate::rendered::{Block, Rendered};
use serde_json::Value;

/// Envelope fields `TestEventPattern` requires in the event.
pub const REQUIRED_EVENT_FIELDS: [&str; 7] = [
    "id",
    "account",
    "source",
    "time",
    "region",
    "resources",
    "detail-type",
];

/// `aws events test-event-pattern` for one event, for `shell`.
pub fn render_test_event(shell: Shell, pattern: &Value, event: &Value) -> Rendered {
    let mut rendered = Rendered::default();
    pattern_warnings(pattern, &mut rendered);
    match event.as_object() {
        Some(fields) => {
            let missing: Vec<&str> = REQUIRED_EVENT_FIELDS
                .into_iter()
                .filter(|field| !fields.contains_key(*field))
                .collect();
            if !missing.is_empty() {
                rendered.warn(format!(
                    "TestEventPattern rejects events without {} (\"Parameter Event is not valid\")",
                    missing.join(", ")
                ));
            }
        }
        None => rendered.warn("The event is not a JSON object; TestEventPattern will reject it"),
    }
    let (pattern_arg, event_arg) = if shell == Shell::Portable {
        for (file, value) in [("pattern.json", pattern), ("event.json", event)] {
            let text = pretty(value);
            if !text.is_ascii() {
                non_ascii_file_warning(file, &mut rendered);
            }
            rendered
                .blocks
                .push(Block::file(file, "json", format!("{text}\n")));
        }
        (
            "file://pattern.json".to_owned(),
            "file://event.json".to_owned(),
        )
    } else {
        (one_line(pattern), one_line(event))
    };
    let command = AwsCommand::new(&["events", "test-event-pattern"])
        .option("--event-pattern", pattern_arg)
        .option("--event", event_arg);
    let block = commands_block(shell, &[command], &mut rendered);
    rendered.blocks.push(block);
    rendered
}
