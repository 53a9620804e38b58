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
    let pattern = eventpen_pattern::compile(pattern_text).map_err(|d| pattern_error(*d))?;
    if envelope == Envelope::Required {
        eventpen_pattern::check_test_event(event_text).map_err(invalid_event)?;
    }
    // The verdict reads the event as event-ruler does (every repeated key, lone surrogate
    // escapes, nothing after the closing brace), not as serde_json would.
    pattern
        .matches_json(event_text.as_bytes())
        .map_err(invalid_event)
}

/// A rejected pattern as the service reports it. The length limit is checked by the API's
/// input validation, before the pattern is read, so it is a `ValidationException` in the
/// service's standard wording rather than an `InvalidEventPatternException`.
fn pattern_error(diagnostic: eventpen_pattern::Diagnostic) -> ServiceError {
    if diagnostic.kind == eventpen_pattern::Kind::TooLong {
        let constraint = match diagnostic.message.find(" (") {
            Some(end) => &diagnostic.message[..end],
            None => &diagnostic.message,
        };
        return ServiceError::validation(format!("1 validation error detected: {constraint}"));
    }
    ServiceError::invalid_pattern(diagnostic.aws_message())
}

/// The `ValidationException` for any rejected event, whatever the reason.
fn invalid_event<Reason>(_: Reason) -> ServiceError {
    ServiceError::validation(String::from(INVALID_EVENT))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENT: &str = r#"{"id":"1","account":"1","source":"s","time":"t","region":"r","detail-type":"d","detail":{"n":5}}"#;
    const BARE: &str = r#"{"detail":{"n":5}}"#;

    #[test]
    fn answers_like_the_service() {
        let not_an_object = Err(ServiceError::invalid_pattern(
            "Event pattern is not valid. Reason: Filter is not an object".into(),
        ));
        let invalid_event = Err(ServiceError::validation(
            "Parameter Event is not valid.".into(),
        ));
        let too_long = Err(ServiceError::validation(
            "1 validation error detected: Value at 'eventPattern' failed to satisfy constraint: \
             Member must have length less than or equal to 4096"
                .into(),
        ));
        let longest = format!(r#"{{"source":["{}"]}}"#, "s".repeat(4096 - 15));
        let one_more = format!(r#"{{"source":["{}"]}}"#, "s".repeat(4096 - 14));
        #[rustfmt::skip]
        let cases = [
            (r#"{"source":["s"]}"#, EVENT, Envelope::Required, Ok(true)),
            (r#"{"source":["x"]}"#, EVENT, Envelope::Required, Ok(false)),
            (r#"{"detail":{"n":[5]}}"#, BARE, Envelope::Optional, Ok(true)),
            (r#"{"detail":{"n":[5]}}"#, BARE, Envelope::Required, invalid_event.clone()),
            (r#"{"source":["s"]}"#, "not json", Envelope::Optional, invalid_event),
            (r#"["s"]"#, EVENT, Envelope::Required, not_an_object.clone()),
            (r#"["s"]"#, "not json", Envelope::Required, not_an_object),
            (&longest, EVENT, Envelope::Required, Ok(false)),
            (&one_more, EVENT, Envelope::Required, too_long),
        ];
        for (pattern, event, envelope, expected) in cases {
            let answer = test_event_pattern(pattern, event, envelope);
            let shown = &pattern[..pattern.len().min(40)];
            assert_eq!(
                answer,
                expected,
                "{shown} ({} chars) {event}",
                pattern.len()
            );
        }
    }
}
