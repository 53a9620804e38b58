//! Warnings: patterns AWS accepts that are probably not what their author meant.
//!
//! Each lint names the place (span, path) and says what AWS will do instead of what the
//! author likely wanted. Lints never change matching.

use crate::compile::{Compiled, Field};
use crate::diagnostic::{Diagnostic, Severity};
use crate::operators::Matcher;
use crate::operators::anything_but::AnythingBut;
use crate::operators::exact::Exact;

mod engine;

/// Envelope fields that are always strings in EventBridge events.
const STRING_ENVELOPE_FIELDS: &[&str] = &[
    "version",
    "id",
    "detail-type",
    "source",
    "account",
    "time",
    "region",
];

/// CloudTrail record fields, which EventBridge puts under `detail`.
const CLOUDTRAIL_FIELDS: &[&str] = &[
    "eventVersion",
    "userIdentity",
    "eventTime",
    "eventSource",
    "eventName",
    "awsRegion",
    "sourceIPAddress",
    "userAgent",
    "requestParameters",
    "responseElements",
    "additionalEventData",
    "requestID",
    "eventID",
    "readOnly",
    "eventType",
    "apiVersion",
    "managementEvent",
    "recipientAccountId",
    "eventCategory",
    "errorCode",
    "errorMessage",
    "sessionCredentialFromConsole",
    "tlsDetails",
    "vpcEndpointId",
    "sharedEventID",
];

/// Envelope fields people often misspell, with the spelling EventBridge uses.
const ENVELOPE_SPELLINGS: &[(&str, &str)] = &[
    ("detailType", "detail-type"),
    ("detail_type", "detail-type"),
    ("DetailType", "detail-type"),
    ("Detail-Type", "detail-type"),
    ("Source", "source"),
    ("Detail", "detail"),
    ("Account", "account"),
    ("Region", "region"),
    ("Resources", "resources"),
    ("Time", "time"),
];

/// The documented range of numeric matching (event-ruler compares beyond it).
const DOCUMENTED_NUMERIC_LIMIT: f64 = 5.0e9;

/// AWS documents an error above this many `$or` combinations.
const DOCUMENTED_OR_COMBINATIONS: usize = 1000;

struct Linter<'t> {
    text: &'t str,
    out: Vec<Diagnostic>,
}

impl Linter<'_> {
    fn warn(
        &mut self,
        code: &'static str,
        span: std::ops::Range<usize>,
        path: String,
        message: String,
    ) {
        self.out.push(Diagnostic::new(
            self.text,
            Severity::Warning,
            code,
            message,
            span,
            path,
        ));
    }
}

/// Lints a compiled pattern.
pub(crate) fn lint(text: &str, compiled: &Compiled) -> Vec<Diagnostic> {
    let mut linter = Linter {
        text,
        out: Vec::new(),
    };
    replaced_fields(&mut linter, compiled);
    for field in &compiled.fields {
        lint_field(&mut linter, field);
    }
    cloudtrail_resources(&mut linter, compiled);
    if compiled.combinations > DOCUMENTED_OR_COMBINATIONS {
        linter.warn(
            "or-combinations",
            0..text.len(),
            String::new(),
            format!(
                "This pattern has {} $or combinations; the EventBridge documentation says patterns with more than {DOCUMENTED_OR_COMBINATIONS} are rejected (event-ruler accepts them; unverified on AWS)",
                compiled.combinations
            ),
        );
    }
    linter.out.sort_by_key(|d| d.span.start);
    linter.out
}

/// A pattern for CloudTrail API calls that matches the envelope's `resources`, which
/// EventBridge leaves empty for those events.
fn cloudtrail_resources(linter: &mut Linter, compiled: &Compiled) {
    let api_call = compiled.fields.iter().any(|f| {
        f.segments == ["detail-type"]
            && f.matchers.iter().any(|m| {
                matches!(m, Matcher::Exact(Exact::String { text, .. }) if text == "AWS API Call via CloudTrail")
            })
    });
    if !api_call {
        return;
    }
    for field in compiled
        .fields
        .iter()
        .filter(|f| f.segments == ["resources"])
    {
        linter.warn(
            "cloudtrail-resources",
            field.key_span.clone(),
            "resources".to_string(),
            "EventBridge leaves resources empty for \"AWS API Call via CloudTrail\" events: match detail.resources.ARN or a field of detail.requestParameters instead".to_string(),
        );
    }
}

/// Fields given twice (repeated keys, or `{"a.b": …}` next to `{"a": {"b": …}}`, or a
/// `$or` branch naming a field of the enclosing object): AWS keeps only the last.
fn replaced_fields(linter: &mut Linter, compiled: &Compiled) {
    for &(earlier, later) in &compiled.replaced {
        let (old, new) = (&compiled.fields[earlier], &compiled.fields[later]);
        let at = crate::LineColumn::of(linter.text, new.key_span.start);
        linter.warn(
            "duplicate-key",
            old.key_span.clone(),
            old.segments.join("."),
            format!(
                "{} is given again at {at}; AWS keeps only the last one",
                new.segments.join(".")
            ),
        );
    }
}

fn lint_field(linter: &mut Linter, field: &Field) {
    let path = field.segments.join(".");
    let top = field.segments.len() == 1;
    let first = field
        .segments
        .first()
        .map(String::as_str)
        .unwrap_or_default();
    if top && CLOUDTRAIL_FIELDS.contains(&first) {
        linter.warn(
            "cloudtrail-field-at-top",
            field.key_span.clone(),
            path.clone(),
            format!(
                "{first} is a CloudTrail field; in EventBridge events it is under detail, so write {{\"detail\": {{\"{first}\": …}}}}"
            ),
        );
    }
    if let Some((_, right)) = ENVELOPE_SPELLINGS.iter().find(|(wrong, _)| *wrong == first) {
        linter.warn(
            "envelope-field-spelling",
            field.key_span.clone(),
            path.clone(),
            format!("EventBridge events have no \"{first}\" field; did you mean \"{right}\"?"),
        );
    }
    if field.segments == ["detail", "resources"] {
        linter.warn(
            "detail-resources",
            field.key_span.clone(),
            path.clone(),
            "In CloudTrail events detail.resources is a list of objects (ARN, accountId, type): match detail.resources.ARN, or the envelope's top-level resources".to_string(),
        );
    }
    let string_field = top && STRING_ENVELOPE_FIELDS.contains(&first);
    let has_exists = |b: bool| field.matchers.contains(&Matcher::Exists(b));
    if has_exists(true) && has_exists(false) {
        linter.warn(
            "always-matches",
            field.span.clone(),
            path.clone(),
            "exists: true or exists: false: this list matches every event".to_string(),
        );
    }
    if top && first == "detail" && has_exists(true) {
        linter.warn(
            "never-matches",
            field.span.clone(),
            path.clone(),
            "detail is an object, and exists only looks at leaf values: this never matches; name a field inside detail".to_string(),
        );
    }
    engine::wildcard_complexity(linter, field, &path);
    for (matcher, span) in field.matchers.iter().zip(&field.item_spans) {
        if let Matcher::Cidr(range) = matcher {
            engine::cidr_other_family(linter, range, span.clone(), &path);
        }
        lint_matcher(linter, field, matcher, span.clone(), &path, string_field);
    }
}

fn lint_matcher(
    linter: &mut Linter,
    field: &Field,
    matcher: &Matcher,
    span: std::ops::Range<usize>,
    path: &str,
    string_field: bool,
) {
    match matcher {
        Matcher::Exact(Exact::String { text, .. }) => {
            if !string_field && looks_like_number(text) && !usually_numeric_text(field) {
                linter.warn(
                    "number-as-string",
                    span.clone(),
                    path.to_string(),
                    format!(
                        "\"{text}\" is a string: it never matches the number {text}; write {text} without quotes if the event has a number"
                    ),
                );
                // The value, so a caller that knows the events can drop the warning when
                // they do carry this string.
                if let Some(warning) = linter.out.last_mut() {
                    warning.value = Some(text.clone());
                }
            }
            spaces(linter, text, span.clone(), path);
            let excluded = field.matchers.iter().any(|m| {
                matches!(m, Matcher::AnythingBut(AnythingBut::Strings(set)) if set.contains(text))
            });
            if excluded {
                linter.warn(
                    "always-matches",
                    span,
                    path.to_string(),
                    format!("\"{text}\" or anything but \"{text}\": this list matches any value"),
                );
            }
        }
        Matcher::Exact(exact @ (Exact::Number { .. } | Exact::Bool(_) | Exact::Null))
            if string_field =>
        {
            linter.warn(
                "never-matches",
                span,
                path.to_string(),
                format!(
                    "{path} is always a string in EventBridge events: {} never matches it; write it in quotes",
                    exact.describe()
                ),
            );
        }
        Matcher::Numeric(range) => {
            if string_field {
                linter.warn(
                    "never-matches",
                    span.clone(),
                    path.to_string(),
                    format!(
                        "{path} is always a string in EventBridge events: numeric never matches it"
                    ),
                );
            }
            let bounds = [range.lower, range.upper];
            if bounds
                .iter()
                .flatten()
                .any(|(b, _)| b.abs() > DOCUMENTED_NUMERIC_LIMIT)
            {
                linter.warn(
                    "numeric-range-limit",
                    span,
                    path.to_string(),
                    "The EventBridge documentation limits numeric matching to -5.0e9 … 5.0e9; beyond that AWS's behaviour is unverified".to_string(),
                );
            }
        }
        Matcher::EqualsIgnoreCase(m) if !m.text.chars().any(char::is_alphabetic) => {
            linter.warn(
                "ignore-case-without-letters",
                span,
                path.to_string(),
                format!(
                    "\"{}\" has no letters: equals-ignore-case is the same as an exact match here",
                    m.text
                ),
            );
        }
        Matcher::EqualsIgnoreCase(m) => spaces(linter, &m.text, span, path),
        Matcher::Prefix(p) if p.text.is_empty() => {
            linter.warn(
                "always-matches",
                span,
                path.to_string(),
                "An empty prefix matches every string".to_string(),
            );
        }
        Matcher::Prefix(p) => spaces(linter, &p.text, span, path),
        Matcher::Suffix(s) if s.text.is_empty() => {
            linter.warn(
                "always-matches",
                span,
                path.to_string(),
                "An empty suffix matches every string".to_string(),
            );
        }
        Matcher::Suffix(s) => spaces(linter, &s.text, span, path),
        Matcher::Wildcard(w) if w.pieces.len() == 1 => {
            linter.warn(
                "wildcard-without-star",
                span,
                path.to_string(),
                format!("\"{}\" has no *: this wildcard is an exact match", w.text),
            );
        }
        Matcher::AnythingBut(AnythingBut::Strings(set)) => {
            for value in set {
                spaces(linter, value, span.clone(), path);
            }
        }
        _ => {}
    }
}

/// Fields whose numbers are written as strings by design: DynamoDB's `N`/`NS` attributes
/// and identifiers (`id`, `accountId`, `instanceID`, …).
fn usually_numeric_text(field: &Field) -> bool {
    let last = field
        .segments
        .last()
        .map(String::as_str)
        .unwrap_or_default();
    matches!(last, "N" | "NS")
        || last.eq_ignore_ascii_case("id")
        || last.ends_with("Id")
        || last.ends_with("ID")
}

fn looks_like_number(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.parse::<f64>().is_ok()
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
}

fn spaces(linter: &mut Linter, text: &str, span: std::ops::Range<usize>, path: &str) {
    if text != text.trim() {
        linter.warn(
            "surrounding-space",
            span,
            path.to_string(),
            format!(
                "\"{text}\" has a leading or trailing space, which must then be in the event too"
            ),
        );
    }
}

#[cfg(test)]
mod tests;
