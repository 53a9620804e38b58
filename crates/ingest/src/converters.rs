//! Turning a detected shape into an event: CloudTrail records (complete or Lake rows),
//! EventBridge events as they are, PutEvents entries. Detection lives in `shapes`.

use crate::cloudtrail::{Completeness, convert_record};
use crate::delivery::notes_for_record;
use crate::ingest::{Emitted, Reader};
use crate::lake::record_from_row;
use crate::model::{ProblemKind, Shape};
use crate::put_events::convert_entry;
use crate::shapes::At;
use serde_json::{Map, Value};

impl<'t> Reader<'_, 't> {
    /// A CloudTrail record (or a Lake row made into one) → its event, or a problem saying why not.
    pub(crate) fn record<'a>(
        &mut self,
        record: Map<String, Value>,
        at: At<'a>,
        completeness: Completeness,
    ) where
        't: 'a,
    {
        let shape = at
            .wrapper
            .or(at.record_shape)
            .unwrap_or(Shape::CloudTrailRecord);
        let fallback = original_of(&record, at.original.is_none());
        match convert_record(record, completeness) {
            Ok(converted) => {
                if !converted.missing.is_empty() {
                    let message = partial_row_message(&converted.missing);
                    self.problem(&at, ProblemKind::PartialRecord, message);
                }
                let emitted = Emitted {
                    event: converted.event,
                    shape,
                    notes: converted.notes,
                    derived: converted.derived,
                };
                self.emit(emitted, &at, || fallback);
            }
            Err(message) => self.problem(&at, ProblemKind::IncompleteRecord, message),
        }
    }

    /// CloudTrail Lake `QueryResultRows`: each row a partial record.
    pub(crate) fn lake_rows<'a>(&mut self, rows: Vec<Value>, at: At<'a>)
    where
        't: 'a,
    {
        let spans = at.spans_of(Some("QueryResultRows"));
        let text: &'t str = self.text;
        for (i, row) in rows.into_iter().enumerate() {
            if self.stopped() {
                return;
            }
            let mut child = at.child(&format!(".QueryResultRows[{i}]"));
            child.wrapper = child.wrapper.or(Some(Shape::CloudTrailLake));
            if let Some(span) = spans.and_then(|spans| spans.get(i)) {
                child.offset = Some(span.start);
                child.original = text.get(span.clone());
            }
            let fallback = if child.original.is_none() {
                serde_json::to_string_pretty(&row).unwrap_or_default()
            } else {
                String::new()
            };
            match record_from_row(row) {
                Ok(record) => {
                    let child = At {
                        original: child.original.or(Some(&fallback)),
                        ..child
                    };
                    self.record(record, child, Completeness::BestEffort);
                }
                Err(message) => self.problem(&child, ProblemKind::NotAnEvent, message),
            }
        }
    }

    /// An EventBridge event, as it is; CloudTrail-delivered ones get the delivery notes too.
    pub(crate) fn eventbridge_event<'a>(&mut self, event: Map<String, Value>, at: At<'a>)
    where
        't: 'a,
    {
        // The engine's list is the one AWS verified (`resources` is not required).
        let missing: Vec<&str> = eventpen_pattern::REQUIRED_ENVELOPE_FIELDS
            .iter()
            .copied()
            .filter(|key| !event.contains_key(*key))
            .collect();
        if !missing.is_empty() {
            let message = format!(
                "this EventBridge event has no {}: AWS's test-event-pattern would reject it",
                missing.join(", ")
            );
            self.problem(&at, ProblemKind::IncompleteEnvelope, message);
        }
        let delivered_via_cloudtrail = event
            .get("detail-type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.ends_with("via CloudTrail"));
        let notes = match event.get("detail") {
            Some(Value::Object(detail)) if delivered_via_cloudtrail => notes_for_record(detail),
            _ => Vec::new(),
        };
        let fallback = original_of(&event, at.original.is_none());
        let emitted = Emitted {
            event: Value::Object(event),
            shape: at.wrapper.unwrap_or(Shape::EventBridgeEvent),
            notes,
            derived: Vec::new(),
        };
        self.emit(emitted, &at, || fallback);
    }

    /// A PutEvents entry → the event EventBridge would deliver.
    pub(crate) fn put_events_entry<'a>(&mut self, entry: Map<String, Value>, at: At<'a>)
    where
        't: 'a,
    {
        match convert_entry(&entry) {
            Ok(converted) => {
                for warning in converted.warnings {
                    self.problem(&at, ProblemKind::EntryCaveat, warning);
                }
                let fallback = original_of(&entry, at.original.is_none());
                let emitted = Emitted {
                    event: converted.event,
                    shape: at.wrapper.unwrap_or(Shape::PutEventsEntry),
                    notes: Vec::new(),
                    derived: converted.derived,
                };
                self.emit(emitted, &at, || fallback);
            }
            Err(message) => self.problem(&at, ProblemKind::InvalidEntry, message),
        }
    }
}

/// The object as pretty JSON, computed only when it has no text of its own.
fn original_of(map: &Map<String, Value>, needed: bool) -> String {
    if needed {
        serde_json::to_string_pretty(map).unwrap_or_default()
    } else {
        String::new()
    }
}

/// What a partial (Lake) record lacks, in terms of the event: which envelope fields are absent
/// and what was assumed.
fn partial_row_message(missing: &[&str]) -> String {
    let absent: Vec<&str> = missing
        .iter()
        .filter_map(|column| match *column {
            "eventSource" => Some("source"),
            "recipientAccountId" => Some("account"),
            "eventTime" => Some("time"),
            "awsRegion" => Some("region"),
            _ => None,
        })
        .collect();
    let mut consequences = Vec::new();
    if !absent.is_empty() {
        consequences.push(format!("the event has no {}", absent.join(", ")));
    }
    if missing.contains(&"eventType") {
        consequences.push("its detail-type assumes an API call".to_string());
    }
    format!(
        "a CloudTrail Lake row holds only the selected columns; this one lacks {}, so {} \
         (select them, or SELECT *, for complete events)",
        missing.join(", "),
        consequences.join(" and ")
    )
}
