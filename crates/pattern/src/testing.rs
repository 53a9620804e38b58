//! Helpers for the table tests beside each operator.

use crate::check;

/// Whether `pattern` (which must be valid) matches `event`; also checks that `explain`
/// agrees.
pub(crate) fn matching(pattern: &str, event: &str) -> bool {
    let checked = check(pattern);
    let Some(compiled) = checked.pattern else {
        panic!("{pattern} is invalid: {:?}", checked.errors);
    };
    let event: serde_json::Value =
        serde_json::from_str(event).unwrap_or_else(|e| panic!("{event}: {e}"));
    let matched = compiled.matches(&event);
    assert_eq!(
        compiled.explain(&event).matched,
        matched,
        "explain disagrees on {pattern}"
    );
    matched
}

/// The first error of an invalid `pattern`: its message and the byte offset it points at.
pub(crate) fn invalid(pattern: &str) -> (String, usize) {
    let checked = check(pattern);
    match checked.errors.first() {
        Some(error) => (error.message.clone(), error.span.start),
        None => panic!("{pattern} is valid"),
    }
}
