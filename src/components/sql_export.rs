//! The Export panel's "SQL" tab: the pattern as a query over months of CloudTrail logs, for
//! Athena, CloudTrail Lake and DuckDB — the same text `eventpen sql` prints (`eventpen-sql`).
//! Each query's opening comments say where it keeps more rows than the rule would match.
use crate::clipboard::copy_text;
use eventpen_sql::{Dialect, Options, to_sql};
use std::rc::Rc;
use yew::prelude::*;

/// The id of the SQL tab in the export format list (not an `eventpen-export` format).
pub const SQL_TAB: &str = "sql";

/// Props of [`SqlExport`].
#[derive(Properties, PartialEq)]
pub struct SqlExportProps {
    /// The valid pattern.
    pub pattern: Rc<eventpen_pattern::PatternModel>,
    /// Whether read-only events count (rule state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS).
    pub all_management_events: bool,
}

/// One copyable block per dialect.
#[component]
pub fn SqlExport(props: &SqlExportProps) -> Html {
    let options = Options {
        all_management_events: props.all_management_events,
        ..Options::default()
    };
    let dialects = [
        (Dialect::Athena, "Athena (CloudTrail table)"),
        (Dialect::CloudTrailLake, "CloudTrail Lake"),
        (Dialect::DuckDb, "DuckDB (log files)"),
    ];
    html! {
        <>
            <p class="notice">{ "Backtest the rule where the logs are: counts per day and eventName. Run it locally with eventpen backtest." }</p>
            { for dialects.iter().map(|&(dialect, title)| {
                let query = to_sql(&props.pattern, dialect, &options);
                let text = query.sql.clone();
                let copy = Callback::from(move |_: MouseEvent| copy_text(&text));
                html! {
                    <div class="code-block">
                        <div class="code-head">
                            <span class="mono">{ title }</span>
                            <button type="button" aria-label={format!("Copy {title} SQL")} onclick={copy}>{ "Copy" }</button>
                        </div>
                        <pre tabindex="0" aria-label={format!("{title} SQL")}><code>{ query.sql }</code></pre>
                    </div>
                }
            }) }
        </>
    }
}
