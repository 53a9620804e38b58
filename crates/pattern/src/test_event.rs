//! What `TestEventPattern` accepts as an event.

use serde_json::Value;

/// The envelope fields `TestEventPattern` requires (AWS-verified).
pub const REQUIRED_ENVELOPE_FIELDS: [&str; 6] =
    ["id", "account", "source", "time", "region", "detail-type"];

/// AWS's message for an event it refuses.
pub const INVALID_EVENT_MESSAGE: &str = "Parameter Event is not valid.";

/// Checks an event as `TestEventPattern` does: it must be a JSON object with `id`,
/// `account`, `source`, `time`, `region` and `detail-type`. Returns the parsed event, or
/// AWS's message (`Parameter Event is not valid.`) followed by what is wrong.
pub fn check_test_event(text: &str) -> Result<Value, String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("{INVALID_EVENT_MESSAGE} The event is not valid JSON: {e}"))?;
    let Value::Object(map) = &value else {
        return Err(format!(
            "{INVALID_EVENT_MESSAGE} The event must be a JSON object."
        ));
    };
    let missing: Vec<&str> = REQUIRED_ENVELOPE_FIELDS
        .iter()
        .copied()
        .filter(|f| !map.contains_key(*f))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "{INVALID_EVENT_MESSAGE} Missing field(s): {}.",
            missing.join(", ")
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::check_test_event;

    #[test]
    fn requires_an_object_with_the_envelope() {
        let ok = r#"{"id": "1", "account": "1", "source": "s", "time": "t", "region": "r", "detail-type": "d"}"#;
        let cases: &[(&str, Option<&str>)] = &[
            (ok, None),
            (
                "plain string",
                Some("Parameter Event is not valid. The event is not valid JSON"),
            ),
            (
                r#"["plain string"]"#,
                Some("Parameter Event is not valid. The event must be a JSON object."),
            ),
            (
                r#"{"testEvent": "value"}"#,
                Some(
                    "Parameter Event is not valid. Missing field(s): id, account, source, time, region, detail-type.",
                ),
            ),
        ];
        for &(text, error) in cases {
            match (check_test_event(text), error) {
                (Ok(_), None) => {}
                (Err(message), Some(start)) => {
                    assert!(message.starts_with(start), "{text}: {message}")
                }
                (result, _) => panic!("{text}: {result:?}"),
            }
        }
    }
}
