//! An EventBridge event pattern as SQL over CloudTrail: Amazon Athena (the CloudTrail table AWS
//! documents), CloudTrail Lake (an event data store) and DuckDB (raw log files), so a rule can
//! be backtested where the logs already are.
//!
//! Same semantics as the matcher, field by field: the envelope comes from CloudTrail columns as
//! `eventpen_ingest` builds it; objects are ANDs, `$or` ORs, a leaf holds when any value of the
//! field satisfies any condition; `exists: false` holds when the field is absent;
//! `anything-but` needs it present. Where a dialect cannot say exactly what EventBridge does
//! (array consistency across an array of objects, Lake's maps of strings, IPv6 `cidr`, the
//! derived `id`), the query keeps more rows, never fewer, and a comment at its top says so.
//!
//! Pure: no I/O, no web dependencies.
//!
//! ```
//! use eventpen_sql::{to_sql, Dialect, Options};
//! let checked = eventpen_pattern::check(r#"{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"]}}"#);
//! let model = checked.model.as_ref().expect("valid");
//! let query = to_sql(model, Dialect::Athena, &Options::default());
//! assert!(query.sql.contains("eventname = 'RunInstances'"));
//! assert!(query.notes.is_empty());
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod duckdb;
mod envelope;
mod tree;
mod trino;
mod value;

use eventpen_pattern::PatternModel;
use trino::Service;

/// Where the query runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Amazon Athena (Trino) over the CloudTrail table.
    Athena,
    /// CloudTrail Lake over an event data store.
    CloudTrailLake,
    /// DuckDB over CloudTrail log files (`read_json`).
    DuckDb,
}

impl Dialect {
    /// The name used on the command line and in the app.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Athena => "athena",
            Dialect::CloudTrailLake => "cloudtrail-lake",
            Dialect::DuckDb => "duckdb",
        }
    }
}

/// What to query and what to return.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The table (Athena), event data store id (Lake) or `read_json` file list (DuckDB);
    /// `None` for each dialect's placeholder.
    pub source: Option<String>,
    /// Columns to return, one row per matching record, instead of counts per day and eventName.
    pub select: Option<String>,
    /// Whether read-only events count (rule state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS);
    /// by default they are left out, as a rule in state ENABLED never receives them.
    pub all_management_events: bool,
}

/// A query and what it cannot express exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The SQL, comments first.
    pub sql: String,
    /// Each place the query returns more rows than the rule would match, and why.
    pub notes: Vec<String>,
}

/// The pattern as a query in `dialect`.
pub fn to_sql(model: &PatternModel, dialect: Dialect, options: &Options) -> Query {
    let mut notes = Vec::new();
    if let Some(prefix) = tree::has_sibling_leaves_under_detail(model) {
        notes.push(format!(
            "fields under {prefix} are tested one by one: where {prefix} holds an array of objects, \
             EventBridge takes them from the same element (array consistency), so this query may \
             keep records EventBridge would not match"
        ));
    }
    let (condition, complete, read_only, source, day, event_name, time) = match dialect {
        Dialect::DuckDb => (
            tree::pattern_condition(model, &duckdb::DuckDb, &mut notes),
            duckdb::complete(),
            "read_only",
            options
                .source
                .clone()
                .unwrap_or_else(|| String::from("'AWSLogs/**/*.json.gz'")),
            "substr(eventtime, 1, 10)",
            "eventname",
            "eventtime",
        ),
        Dialect::Athena => (
            tree::pattern_condition(model, &trino::Trino(Service::Athena), &mut notes),
            trino::complete(Service::Athena),
            "coalesce(readonly = 'true', FALSE)",
            options
                .source
                .clone()
                .unwrap_or_else(|| String::from("cloudtrail_logs")),
            "substr(eventtime, 1, 10)",
            "eventname",
            "eventtime",
        ),
        Dialect::CloudTrailLake => (
            tree::pattern_condition(model, &trino::Trino(Service::Lake), &mut notes),
            trino::complete(Service::Lake),
            "coalesce(readOnly, FALSE)",
            options
                .source
                .clone()
                .unwrap_or_else(|| String::from("EVENT_DATA_STORE_ID")),
            "date_format(eventTime, '%Y-%m-%d')",
            "eventName",
            "eventTime",
        ),
    };
    let mut sql = format!(
        "-- EventBridge pattern as {} SQL (EventPen)\n",
        dialect.name()
    );
    if notes.is_empty() {
        sql.push_str("-- Exact: the rows are the records the rule matches.\n");
    } else {
        sql.push_str("-- MORE ROWS, NEVER FEWER: where this query cannot say exactly what EventBridge does, it keeps the record:\n");
        for note in &notes {
            sql.push_str(&format!("--   {note}\n"));
        }
    }
    let state = if options.all_management_events {
        "-- Rule state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS: read-only events count.\n"
    } else {
        "-- Rule state ENABLED: read-only events (readOnly = true) never reach the rule and are left out.\n"
    };
    sql.push_str(state);
    let prelude = match dialect {
        Dialect::DuckDb => duckdb::prelude(&source),
        Dialect::Athena => trino::prelude(Service::Athena, &source),
        Dialect::CloudTrailLake => trino::prelude(Service::Lake, &source),
    };
    sql.push_str(&prelude);
    sql.push('\n');
    let from = "envelopes";
    let (select, tail) = match &options.select {
        Some(columns) => (columns.clone(), format!("ORDER BY {time}")),
        None => (
            format!("{day} AS day, {event_name} AS eventname, count(*) AS matches"),
            String::from("GROUP BY 1, 2\nORDER BY 1, 2"),
        ),
    };
    let mut filters = vec![complete, condition];
    if !options.all_management_events {
        filters.push(format!("NOT {read_only}"));
    }
    sql.push_str(&format!(
        "SELECT {select}\nFROM {from}\nWHERE {}\n{tail}\n",
        filters.join("\n  AND ")
    ));
    Query { sql, notes }
}
