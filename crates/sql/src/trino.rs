//! Athena (Trino) over the CloudTrail table AWS documents for Athena, and CloudTrail Lake over
//! an event data store. Both are Trino SQL; they differ in columns and types:
//!
//! - Athena: lower-case columns; `requestparameters`, `responseelements`,
//!   `additionaleventdata`, `serviceeventdetails` are JSON strings; `useridentity`,
//!   `tlsdetails` are structs and `resources` an array of structs; `readonly` is a string.
//!   Nested values are read with `json_query(… 'lax $.a.b[*]' WITH ARRAY WRAPPER)`: lax mode
//!   unwraps arrays at each step, as EventBridge flattens them.
//! - CloudTrail Lake: camelCase columns; `requestParameters`, `responseElements` and
//!   `additionalEventData` are maps of strings (one level: deeper paths are not readable, so
//!   they are left out, with a note); `eventTime` is a timestamp; `readOnly` a boolean.

use crate::envelope::{Columns, complete_record, envelope, envelope_columns};
use crate::tree::{Dialect, Field};
use crate::value::{Kind, Notes, ValueSql, quote};

/// Which Trino-based service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// Amazon Athena over the CloudTrail table.
    Athena,
    /// CloudTrail Lake over an event data store.
    Lake,
}

/// Athena's envelope columns.
pub const ATHENA: Columns<'static> = Columns {
    event_source: "eventsource",
    event_type: "eventtype",
    recipient_account: "recipientaccountid",
    caller_account: "useridentity.accountid",
    region: "awsregion",
    time: "eventtime",
    concat: |a, b| format!("concat({a}, {b})"),
};

/// CloudTrail Lake's envelope columns.
pub const LAKE: Columns<'static> = Columns {
    event_source: "eventSource",
    event_type: "eventType",
    recipient_account: "recipientAccountId",
    caller_account: "userIdentity.accountId",
    region: "awsRegion",
    time: "to_iso8601(eventTime)",
    concat: |a, b| format!("concat({a}, {b})"),
};

/// Athena's plain string columns (lower case, as the table names them).
const ATHENA_STRINGS: &[&str] = &[
    "eventversion",
    "eventtime",
    "eventsource",
    "eventname",
    "awsregion",
    "sourceipaddress",
    "useragent",
    "errorcode",
    "errormessage",
    "requestid",
    "eventid",
    "eventtype",
    "apiversion",
    "recipientaccountid",
    "sharedeventid",
    "vpcendpointid",
    "vpcendpointaccountid",
    "eventcategory",
    "sessioncredentialfromconsole",
];
/// Athena's columns holding JSON text.
const ATHENA_JSON_TEXT: &[&str] = &[
    "requestparameters",
    "responseelements",
    "additionaleventdata",
    "serviceeventdetails",
    "edgedevicedetails",
];
/// Athena's struct and array columns.
const ATHENA_STRUCTS: &[&str] = &["useridentity", "resources", "tlsdetails", "addendum"];

/// CloudTrail Lake's plain string columns.
const LAKE_STRINGS: &[&str] = &[
    "eventVersion",
    "eventSource",
    "eventName",
    "awsRegion",
    "sourceIPAddress",
    "userAgent",
    "errorCode",
    "errorMessage",
    "requestID",
    "eventID",
    "eventType",
    "apiVersion",
    "recipientAccountId",
    "sharedEventID",
    "vpcEndpointId",
    "eventCategory",
    "sessionCredentialFromConsole",
];
/// CloudTrail Lake's map columns (values are strings; nested JSON is text).
const LAKE_MAPS: &[&str] = &[
    "requestParameters",
    "responseElements",
    "additionalEventData",
];
/// CloudTrail Lake's struct columns, read with dots.
const LAKE_STRUCTS: &[&str] = &["userIdentity", "tlsDetails"];

/// The Trino dialects.
pub struct Trino(pub Service);

impl Dialect for Trino {
    fn field(&self, keys: &[String], notes: &mut Notes) -> Field {
        let Some((first, rest)) = keys.split_first() else {
            return Field::Absent;
        };
        if first != "detail" {
            return match envelope(first) {
                Some(_) if first == "time" && self.0 == Service::Lake => {
                    Field::Unreadable(String::from(
                        "CloudTrail Lake keeps eventTime as a timestamp, not the text EventBridge matches",
                    ))
                }
                Some(text) if rest.is_empty() => Field::Scalar(typed(Kind::String, text)),
                Some(_) => Field::Absent,
                None if first == "id" => Field::Unreadable(String::from(
                    "the id EventPen derives (UUID v5 of eventID) has no SQL equivalent",
                )),
                None => Field::Absent,
            };
        }
        let Some((column, inner)) = rest.split_first() else {
            return Field::Absent;
        };
        match self.0 {
            Service::Athena => athena_field(column, inner, notes),
            Service::Lake => lake_field(column, inner),
        }
    }
}

fn athena_field(column: &str, inner: &[String], _notes: &mut Notes) -> Field {
    let lower = column.to_ascii_lowercase();
    if lower == "readonly" && inner.is_empty() {
        return Field::Scalar(typed(Kind::Bool, String::from("readonly")));
    }
    if ATHENA_STRINGS.contains(&lower.as_str()) {
        return if inner.is_empty() {
            Field::Scalar(typed(Kind::String, lower))
        } else {
            Field::Absent
        };
    }
    let document = if ATHENA_JSON_TEXT.contains(&lower.as_str()) {
        lower.clone()
    } else if ATHENA_STRUCTS.contains(&lower.as_str()) {
        format!("json_format(CAST({lower} AS JSON))")
    } else {
        return Field::Unreadable(format!(
            "{column} is not a column of the Athena CloudTrail table"
        ));
    };
    // Struct fields are lower case in the table; JSON text keeps the record's spelling.
    let path_keys: Vec<String> = if ATHENA_STRUCTS.contains(&lower.as_str()) {
        inner.iter().map(|k| k.to_ascii_lowercase()).collect()
    } else {
        inner.to_vec()
    };
    Field::Set {
        value: json_value("v"),
        template: format!(
            "coalesce(any_match(CAST(json_parse(json_query({document}, {} WITH ARRAY WRAPPER)) AS ARRAY(JSON)), v -> {{cond}}), FALSE)",
            quote(&lax_path(&path_keys))
        ),
    }
}

fn lake_field(column: &str, inner: &[String]) -> Field {
    if column == "readOnly" && inner.is_empty() {
        return Field::Scalar(typed(Kind::Bool, String::from("CAST(readOnly AS varchar)")));
    }
    if LAKE_STRINGS.contains(&column) {
        return if inner.is_empty() {
            Field::Scalar(typed(Kind::String, column.to_string()))
        } else {
            Field::Absent
        };
    }
    if LAKE_MAPS.contains(&column) {
        return match inner {
            [key] => Field::Scalar(typed(
                Kind::AnyText,
                format!("element_at({column}, {})", quote(key)),
            )),
            _ => Field::Unreadable(format!(
                "CloudTrail Lake keeps {column} as a map of strings: values below its first level are JSON text, not fields"
            )),
        };
    }
    if LAKE_STRUCTS.contains(&column) && !inner.is_empty() {
        return Field::Scalar(typed(Kind::String, format!("{column}.{}", inner.join("."))));
    }
    Field::Unreadable(format!(
        "{column} is not a column CloudTrail Lake can compare as EventBridge does"
    ))
}

fn typed(kind: Kind, text: String) -> ValueSql {
    ValueSql {
        kind,
        text,
        regex_function: "regexp_like",
    }
}

/// A JSON value `v` from `any_match`, by kind and text.
fn json_value(v: &str) -> ValueSql {
    let json = format!("json_format({v})");
    ValueSql {
        kind: Kind::Expr(format!(
            "(CASE WHEN {json} = 'null' THEN 'null' WHEN {json} IN ('true', 'false') THEN 'bool' WHEN substr({json}, 1, 1) = '\"' THEN 'string' ELSE 'number' END)"
        )),
        text: format!("coalesce(json_extract_scalar({v}, '$'), {json})"),
        regex_function: "regexp_like",
    }
}

/// `lax $.a."b-c"[*]`: every value at the path, arrays unwrapped.
fn lax_path(keys: &[String]) -> String {
    let mut out = String::from("lax $");
    for key in keys {
        out.push_str(&format!(".\"{}\"", key.replace('"', "\\\"")));
    }
    out.push_str("[*]");
    out
}

/// The `WITH` part: the table with the envelope columns.
pub fn prelude(service: Service, table: &str) -> String {
    let columns = match service {
        Service::Athena => &ATHENA,
        Service::Lake => &LAKE,
    };
    format!(
        "WITH envelopes AS (\n  SELECT *,\n    {}\n  FROM {table}\n)",
        envelope_columns(columns)
    )
}

/// Records that become events.
pub fn complete(service: Service) -> String {
    match service {
        Service::Athena => complete_record(&ATHENA),
        Service::Lake => complete_record(&LAKE),
    }
}
