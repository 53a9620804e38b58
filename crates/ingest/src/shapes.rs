//! Which shape is this JSON value? Detection and unwrapping, recursively: arrays and containers
//! (`Records`, `Events`, `Messages`, `Entries`, `QueryResultRows`) are walked, JSON held in
//! strings (`CloudTrailEvent`, SQS `Body`, SNS `Message`) is parsed and read again.

use crate::cloudtrail::{Completeness, is_cloudtrail_record};
use crate::ingest::Reader;
use crate::json_reader::{Document, ItemSpans, from_serde};
use crate::limits::MAX_UNWRAP_DEPTH;
use crate::model::{ProblemKind, Shape};
use crate::put_events::is_put_events_entry;
use crate::record_fields::RecordFields;
use eventpen_pattern::position::LineColumn;
use serde_json::{Map, Value};
use std::ops::Range;

/// Where a value sits, and what wraps it.
#[derive(Debug, Clone)]
pub(crate) struct At<'a> {
    /// JSON path inside the input (`Records[3]`, `Messages[0].Body`); empty at a document.
    pub path: String,
    /// Byte offset in the input text of the value, or of the nearest enclosing value that has one.
    pub offset: Option<usize>,
    /// The value's own text (a slice of the input, or the string it was unwrapped from).
    pub original: Option<&'a str>,
    /// The outermost meaningful wrapper (SQS message, lookup-events output, …).
    pub wrapper: Option<Shape>,
    /// The shape for CloudTrail records found here (a log file's `Records`).
    pub record_shape: Option<Shape>,
    /// How many strings were unwrapped to get here.
    pub depth: usize,
    /// Spans of array items, only for the top level of a document.
    pub item_spans: Option<&'a ItemSpans>,
}

impl<'a> At<'a> {
    /// A child of this value at `segment` (`[3]` or `.Body`-style key), without its own text.
    pub(crate) fn child(&self, segment: &str) -> At<'a> {
        At {
            path: join(&self.path, segment),
            original: None,
            item_spans: None,
            ..self.clone()
        }
    }

    pub(crate) fn spans_of(&self, key: Option<&str>) -> Option<&'a [Range<usize>]> {
        self.item_spans?
            .iter()
            .find(|(k, _)| k.as_deref() == key)
            .map(|(_, spans)| spans.as_slice())
    }

    fn wrapped_in(mut self, shape: Shape) -> Self {
        self.wrapper = self.wrapper.or(Some(shape));
        self
    }
}

fn join(path: &str, segment: &str) -> String {
    if path.is_empty() {
        segment.trim_start_matches('.').to_string()
    } else {
        format!("{path}{segment}")
    }
}

impl<'t> Reader<'_, 't> {
    /// Reads one top-level document.
    pub(crate) fn document(&mut self, document: Document) {
        let Document {
            value,
            span,
            item_spans,
        } = document;
        let text: &'t str = self.text;
        let at = At {
            path: String::new(),
            offset: Some(span.start),
            original: text.get(span),
            wrapper: None,
            record_shape: None,
            depth: 0,
            item_spans: Some(&item_spans),
        };
        self.value(value, at);
    }

    fn value<'a>(&mut self, value: Value, at: At<'a>)
    where
        't: 'a,
    {
        match value {
            Value::Object(map) => self.object(map, at),
            Value::Array(items) => self.array(None, items, at),
            Value::String(text) => self.embedded(&text, at, None, None),
            other => {
                let found = match other {
                    Value::Null => "null",
                    Value::Bool(_) => "a boolean",
                    _ => "a number",
                };
                let message = format!(
                    "expected a JSON object (a CloudTrail record, an EventBridge event, …), found {found}"
                );
                self.problem(&at, ProblemKind::NotAnEvent, message);
            }
        }
    }

    /// The items of an array: the top-level array (`key` None) or the member `key` of an object.
    fn array<'a>(&mut self, key: Option<&str>, items: Vec<Value>, at: At<'a>)
    where
        't: 'a,
    {
        let spans = at.spans_of(key);
        let text: &'t str = self.text;
        for (i, item) in items.into_iter().enumerate() {
            if self.stopped() {
                return;
            }
            let segment = match key {
                Some(key) => format!(".{key}[{i}]"),
                None => format!("[{i}]"),
            };
            let mut child = at.child(&segment);
            if let Some(span) = spans.and_then(|spans| spans.get(i)) {
                child.offset = Some(span.start);
                child.original = text.get(span.clone());
            }
            self.value(item, child);
        }
    }

    fn object<'a>(&mut self, mut map: Map<String, Value>, at: At<'a>)
    where
        't: 'a,
    {
        // An envelope first: a CloudTrail record never has `detail-type` or `detail`, while a
        // hand-written test event may carry CloudTrail-looking keys at the top.
        if is_eventbridge_event(&map) {
            return self.eventbridge_event(map, at);
        }
        if is_cloudtrail_record(&map) {
            return self.record(map, at, Completeness::Required);
        }
        for (key, record_shape, wrapper) in CONTAINERS {
            if let Some(Value::Array(_)) = map.get(*key)
                && let Some(Value::Array(items)) = map.remove(*key)
            {
                let mut at = at;
                at.record_shape = at.record_shape.or(*record_shape);
                at.wrapper = at.wrapper.or(*wrapper);
                if *key == "QueryResultRows" {
                    return self.lake_rows(items, at);
                }
                return self.array(Some(key), items, at);
            }
        }
        if let Some(event) = map.get("CloudTrailEvent") {
            let at = at.wrapped_in(Shape::LookupEvents);
            return match event {
                Value::String(text) => self.embedded(text, at, Some("CloudTrailEvent"), None),
                _ => self.problem(
                    &at,
                    ProblemKind::InvalidEmbeddedJson,
                    "CloudTrailEvent must be a string".into(),
                ),
            };
        }
        if let Some(Value::String(message)) = map.get("message")
            && ["logStreamName", "ingestionTime", "timestamp", "eventId"]
                .iter()
                .any(|key| map.contains_key(*key))
        {
            let wrapper = Some(Shape::CloudWatchLogsEvent);
            return self.embedded(message, at, Some("message"), wrapper);
        }
        if let Some(Value::String(body)) = map.get("Body").or_else(|| map.get("body")) {
            return self.embedded(body, at, Some(sqs_body_key(&map)), Some(Shape::SqsMessage));
        }
        if let Some(Value::String(message)) = map.get("Message")
            && (map.get("Type").and_then(Value::as_str) == Some("Notification")
                || map.contains_key("TopicArn"))
        {
            return self.embedded(message, at, Some("Message"), Some(Shape::SnsNotification));
        }
        if let Some(Value::Object(_)) = map.get("Sns")
            && let Some(Value::Object(sns)) = map.remove("Sns")
        {
            let child = at.child(".Sns");
            return self.object(sns, child);
        }
        if is_put_events_entry(&map) {
            return self.put_events_entry(map, at);
        }
        let message = unrecognised(&map);
        let kind = if map.contains_key("digestStartTime") {
            ProblemKind::DigestFile
        } else {
            ProblemKind::NotAnEvent
        };
        self.problem(&at, kind, message);
    }

    /// JSON held in a string: parse it and read it again, with the string as the original.
    fn embedded<'a>(&mut self, text: &str, at: At<'a>, field: Option<&str>, wrapper: Option<Shape>)
    where
        't: 'a,
    {
        let mut at = match field {
            Some(field) => at.child(&format!(".{field}")),
            None => at,
        };
        if let Some(wrapper) = wrapper {
            at = at.wrapped_in(wrapper);
        }
        if at.depth >= MAX_UNWRAP_DEPTH {
            let message =
                format!("JSON nested in strings more than {MAX_UNWRAP_DEPTH} levels deep");
            return self.problem(&at, ProblemKind::NestedTooDeep, message);
        }
        match serde_json::from_str::<Value>(text) {
            Ok(value) => {
                let inner = At {
                    original: Some(text),
                    depth: at.depth + 1,
                    item_spans: None,
                    ..at
                };
                self.value(value, inner);
            }
            Err(error) => {
                let message = if text.trim_start().starts_with(['{', '[']) {
                    let json = from_serde(text, 0, &error);
                    let position = LineColumn::of(text, json.offset);
                    format!(
                        "the JSON in this string is not valid: {} (at {position} of the string)",
                        json.message
                    )
                } else {
                    "this string is not JSON, so it holds no event".to_string()
                };
                self.problem(&at, ProblemKind::InvalidEmbeddedJson, message);
            }
        }
    }
}

/// Containers of events, tried in this order: key, shape for CloudTrail records inside, wrapper.
const CONTAINERS: &[(&str, Option<Shape>, Option<Shape>)] = &[
    ("Records", Some(Shape::CloudTrailLogFile), None),
    // Their items set their own shape (a lookup-events item, a Lake row), so a homemade
    // `{"Events": [event, …]}` keeps calling its items EventBridge events.
    ("Events", None, None),
    ("QueryResultRows", None, None),
    ("Messages", None, None),
    ("Entries", None, None),
    // `aws logs get-log-events` / `filter-log-events`: a rule's CloudWatch Logs target, or a
    // trail delivering to CloudWatch Logs, writes each event as a log event's `message`.
    ("events", None, None),
];

/// Whether an object is an EventBridge event (envelope + detail).
pub(crate) fn is_eventbridge_event<R: RecordFields + ?Sized>(map: &R) -> bool {
    let has = |key: &str| map.field(key).is_some();
    has("detail-type") || (has("source") && has("detail"))
}

/// SQS `receive-message` says `Body`; a Lambda SQS event record says `body`.
fn sqs_body_key(map: &Map<String, Value>) -> &'static str {
    if map.contains_key("Body") {
        "Body"
    } else {
        "body"
    }
}

/// Why an object was not read, naming what it looks like when we can tell.
fn unrecognised(map: &Map<String, Value>) -> String {
    let text = |key: &str| map.get(key).and_then(Value::as_str);
    if map.contains_key("digestStartTime") {
        return "a CloudTrail digest file holds no events; skipped".to_string();
    }
    if map.contains_key("EventId") && map.contains_key("EventName") {
        return "a lookup-events item without its CloudTrailEvent string, which holds the record: \
                was it left out by --query or a jq filter?"
            .to_string();
    }
    if text("eventSource") == Some("aws:s3") {
        return "an S3 event notification, not an EventBridge event: S3 sends \"Object Created\" \
                events to EventBridge only when EventBridge notifications are on for the bucket"
            .to_string();
    }
    let keys: Vec<&str> = map.keys().take(6).map(String::as_str).collect();
    let more = if map.len() > keys.len() { ", …" } else { "" };
    format!(
        "not a shape EventPen reads (a CloudTrail record or log file, lookup-events, Lake or \
         CloudWatch Logs output, an EventBridge event, a PutEvents entry, an SQS or SNS message); \
         keys: {}{more}",
        if keys.is_empty() {
            "none".to_string()
        } else {
            keys.join(", ")
        }
    )
}
