//! `eventpen sql --dialect athena|cloudtrail-lake|duckdb -p p.json`: the pattern as a query over
//! CloudTrail where the logs already are. Comments at the top of the query say where it keeps
//! more rows than the rule would match (never fewer).

use clap::ValueEnum;
use eventpen_sql::{Dialect, Options, to_sql};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `eventpen sql`.
#[derive(clap::Args)]
pub struct Args {
    /// The event pattern file.
    #[arg(long, short = 'p', value_name = "FILE")]
    pattern: PathBuf,
    /// Where the query runs.
    #[arg(long, value_enum)]
    dialect: DialectArg,
    /// The Athena table, CloudTrail Lake event data store id, or DuckDB `read_json` file list
    /// (an SQL expression such as `'AWSLogs/**/*.json.gz'`).
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// Return these columns, one row per matching record, instead of counts per day and
    /// eventName (e.g. `eventtime, eventname, eventid`).
    #[arg(long, value_name = "COLUMNS")]
    select: Option<String>,
    /// The rule's state: in state ENABLED (the default) read-only events are left out.
    #[arg(long, value_enum, default_value_t = StateArg::Enabled)]
    state: StateArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DialectArg {
    /// Amazon Athena over the CloudTrail table.
    Athena,
    /// CloudTrail Lake over an event data store.
    CloudtrailLake,
    /// DuckDB over log files.
    Duckdb,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StateArg {
    #[value(name = "ENABLED")]
    Enabled,
    #[value(name = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS")]
    EnabledWithAllCloudTrailManagementEvents,
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let text = match std::fs::read_to_string(&args.pattern) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("eventpen sql: {}: {error}", args.pattern.display());
            return ExitCode::from(2);
        }
    };
    let name = args.pattern.display().to_string();
    if let Err(message) = crate::match_cmd::compile_or_report(&name, &text) {
        eprintln!("eventpen sql: {message}");
        return ExitCode::from(2);
    }
    let Some(model) = eventpen_pattern::check(&text).model else {
        eprintln!("eventpen sql: {name}: the pattern is not valid");
        return ExitCode::from(2);
    };
    let dialect = match args.dialect {
        DialectArg::Athena => Dialect::Athena,
        DialectArg::CloudtrailLake => Dialect::CloudTrailLake,
        DialectArg::Duckdb => Dialect::DuckDb,
    };
    let options = Options {
        source: args.source,
        select: args.select,
        all_management_events: args.state == StateArg::EnabledWithAllCloudTrailManagementEvents,
    };
    print!("{}", to_sql(&model, dialect, &options).sql);
    ExitCode::SUCCESS
}
