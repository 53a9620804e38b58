//! The `TestEventPattern` operation as the EventBridge service performs it, offline.
//!
//! Both the single call and `--batch` go through [`test_event_pattern`], so one line of a batch
//! answers exactly what the single call would.

use super::aws::ServiceError;

/// Whether the event must carry the envelope `TestEventPattern` requires
/// (`id`, `account`, `source`, `time`, `region`, `detail-type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Envelope {
    /// As AWS: an event without the envelope is a `ValidationException`.
    Required,
    /// Any JSON value is matched as it is (for bare `detail`-style test events).
    Optional,
}

/// AWS's whole message for a rejected event. The engine's message may add which fields are
/// missing (useful in the app); the twin prints exactly what AWS prints.
const INVALID_EVENT: &str = "Parameter Event is not valid.";

/// Match `event_text` against `pattern_text` as `TestEventPattern` does.
///
/// The pattern is checked before the event: both orders are plausible and no AWS-recorded
/// case has both invalid, so the more informative error (the pattern's) comes first.
pub fn test_event_pattern(
    pattern_text: &str,
    event_text: &str,
    envelope: Envelope,
) -> Result<bool, ServiceError> {
    let pattern = eventpen_pattern::compile(pattern_text)
        .map_err(|diagnostic| ServiceError::invalid_pattern(diagnostic.aws_message()))?;
    let event = match envelope {
        Envelope::Required => {
            eventpen_pattern::check_test_event(event_text).map_err(invalid_event)?
        }
        Envelope::Optional => serde_json::from_str(event_text).map_err(invalid_event)?,
    };
    Ok(pattern.matches(&event))
}

/// The `ValidationException` for any rejected event, whatever the reason.
fn invalid_event<Reason>(_: Reason) -> ServiceError {
    ServiceError::validation(String::from(INVALID_EVENT))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENT: &str = r#"{"id":"1","account":"1","source":"s","time":"t","region":"r","detail-type":"d","detail":{"n":5}}"#;

    #[test]
    fn answers_like_the_service() {
        let invalid_pattern = ServiceError::invalid_pattern(
            "Event pattern is not valid. Reason: Filter is not an object".into(),
        );
        let invalid_event = ServiceError::validation("Parameter Event is not valid.".into());
        for (pattern, event, envelope, expected) in [
            (r#"{"source":["s"]}"#, EVENT, Envelope::Required, Ok(true)),
            (r#"{"source":["x"]}"#, EVENT, Envelope::Required, Ok(false)),
            (
                r#"{"detail":{"n":[5]}}"#,
                r#"{"detail":{"n":5}}"#,
                Envelope::Optional,
                Ok(true),
            ),
            (
                r#"{"detail":{"n":[5]}}"#,
                r#"{"detail":{"n":5}}"#,
                Envelope::Required,
                Err(invalid_event.clone()),
            ),
            (
                r#"{"source":["s"]}"#,
                "not json",
                Envelope::Optional,
                Err(invalid_event),
            ),
            (
                r#"["s"]"#,
                EVENT,
                Envelope::Required,
                Err(invalid_pattern.clone()),
            ),
            (
                r#"["s"]"#,
                "not json",
                Envelope::Required,
                Err(invalid_pattern),
            ),
        ] {
            assert_eq!(
                test_event_pattern(pattern, event, envelope),
                expected,
                "{pattern} {event}"
            );
        }
    }
}
