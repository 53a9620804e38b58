//! DuckDB over raw CloudTrail log files: `read_json` of the `Records` arrays, one JSON value per
//! record, and every field path read from `json_tree` with array indexes removed — exactly how
//! EventBridge flattens an event (a path through arrays has every element's values).

use crate::envelope::{Columns, complete_record, envelope, envelope_columns};
use crate::tree::{Dialect, Field};
use crate::value::{Kind, Notes, ValueSql, quote};

/// The DuckDB dialect.
pub struct DuckDb;

/// Envelope columns of the `events` CTE.
pub const COLUMNS: Columns<'static> = Columns {
    event_source: "eventsource",
    event_type: "eventtype",
    recipient_account: "recipientaccountid",
    caller_account: "calleraccountid",
    region: "awsregion",
    time: "eventtime",
    concat: |a, b| format!("({a} || {b})"),
};

impl Dialect for DuckDb {
    fn field(&self, keys: &[String], _notes: &mut Notes) -> Field {
        let Some((first, rest)) = keys.split_first() else {
            return Field::Absent;
        };
        if first != "detail" {
            return match envelope(first) {
                Some(text) if rest.is_empty() => Field::Scalar(string(text)),
                Some(_) => Field::Absent,
                None if first == "id" => Field::Unreadable(String::from(
                    "the id EventPen derives (UUID v5 of eventID) has no SQL equivalent",
                )),
                None => Field::Absent,
            };
        }
        if rest.is_empty() {
            return Field::Absent;
        }
        let value = ValueSql {
            kind: Kind::Expr(String::from("f.kind")),
            text: String::from("f.text"),
            regex_function: "regexp_matches",
        };
        let template = format!(
            "EXISTS (SELECT 1 FROM flat f WHERE f.record_id = envelopes.record_id AND f.path = {} AND {{cond}})",
            quote(&json_tree_path(rest))
        );
        Field::Set { value, template }
    }
}

fn string(text: String) -> ValueSql {
    ValueSql {
        kind: Kind::String,
        text,
        regex_function: "regexp_matches",
    }
}

/// The path as `json_tree` prints it, without indexes: `$.a."b-c"`.
pub fn json_tree_path(keys: &[String]) -> String {
    let mut out = String::from("$");
    for key in keys {
        let plain = key
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if plain {
            out.push('.');
            out.push_str(key);
        } else {
            out.push_str(&format!(".\"{}\"", key.replace('"', "\\\"")));
        }
    }
    out
}

/// The query's `WITH` part: records, envelope columns, flattened values.
pub fn prelude(files: &str) -> String {
    let field = |path: &str| format!("json_extract_string(record, '{path}')");
    format!(
        "WITH records AS (
  SELECT row_number() OVER () AS record_id, record
  FROM (SELECT unnest(Records) AS record FROM read_json({files}, columns = {{Records: 'JSON[]'}}))
),
events AS (
  SELECT record_id, record,
    {} AS eventtype, {} AS eventsource, {} AS eventname,
    {} AS recipientaccountid, {} AS calleraccountid,
    {} AS awsregion, {} AS eventtime, {} AS eventid,
    coalesce(json_extract_string(record, '$.readOnly') = 'true' AND json_type(record, '$.readOnly') = 'BOOLEAN', FALSE) AS read_only
  FROM records
),
envelopes AS (
  SELECT *,
    {}
  FROM events
),
-- Every leaf value of every record, by field path without array indexes (EventBridge's flattening).
flat AS (
  SELECT e.record_id, regexp_replace(t.fullkey, '\\[[0-9]+\\]', '', 'g') AS path,
    CASE t.type WHEN 'VARCHAR' THEN 'string' WHEN 'BOOLEAN' THEN 'bool' WHEN 'NULL' THEN 'null' ELSE 'number' END AS kind,
    json_extract_string(t.value, '$') AS text
  FROM events e, json_tree(e.record) AS t
  WHERE t.type NOT IN ('OBJECT', 'ARRAY')
)",
        field("$.eventType"),
        field("$.eventSource"),
        field("$.eventName"),
        field("$.recipientAccountId"),
        field("$.userIdentity.accountId"),
        field("$.awsRegion"),
        field("$.eventTime"),
        field("$.eventID"),
        envelope_columns(&COLUMNS),
    )
}

/// Records that become events.
pub fn complete() -> String {
    complete_record(&COLUMNS)
}
