//! One component per file. Components get data and `on<verb>` callbacks; they hold only view state.
pub mod builder;
pub mod challenge_panel;
pub mod editor;
pub mod event_list;
pub mod event_tree;
pub mod events_panel;
pub mod export_panel;
pub mod gallery;
pub mod header;
pub mod hints;
pub mod modal;
pub mod notices;
pub mod prose;
pub mod results;
pub mod selected_event;
pub mod share_dialog;
pub mod sql_export;
