//! The charts above the results: a timeline of loaded events (matched / not matched per time
//! bucket, a selectable time range, what the last edit changed) and a breakdown of the matched
//! events' top values that narrows the rule when clicked. The counts come from the evaluation
//! core (`eventpen_playground::timeline`, `::breakdown`); these components only draw them.
pub mod backtest;
pub mod breakdown;
pub mod panel;
pub mod time_labels;
pub mod timeline;
pub mod timeline_table;
pub mod wiring;
