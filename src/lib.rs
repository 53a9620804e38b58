//! EventPen, the app: a Yew single-page playground for EventBridge event patterns.
//!
//! The logic lives in the pure crates (`eventpen-pattern`, `eventpen-ingest`,
//! `eventpen-export`); this crate reads input and draws output. Its own pure modules (`state`,
//! `share`, `redact`, `lint`, `examples`, `challenge`, …) are tested natively.
#![forbid(unsafe_code)]

pub mod app;
pub mod builder;
pub mod challenge;
pub mod clipboard;
pub mod components;
pub mod derived;
pub mod drop_files;
pub mod examples;
pub mod files;
pub mod gallery;
pub mod hooks;
pub mod lint;
pub mod persist;
pub mod redact;
pub mod rule_settings;
pub mod share;
pub mod startup;
pub mod state;
pub mod text_offsets;
pub mod view_model;

pub use app::App;

/// Render the app into the document body (the bin's entry point).
pub fn start() {
    yew::Renderer::<App>::new().render();
}

/// Render the app into `root`; browser tests mount it inside their own element.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root(root).render()
}
