//! EventPen, the app: a Yew single-page playground for EventBridge event patterns.
//!
//! The logic lives in the pure crates (`eventpen-pattern`, `eventpen-ingest`,
//! `eventpen-export`); this crate reads input and draws output.
#![forbid(unsafe_code)]

pub mod app;
pub mod challenge;
pub mod components;
pub mod examples;
pub mod redact;
pub mod share;

pub use app::App;

/// Render the app into the document body (the bin's entry point).
pub fn start() {
    yew::Renderer::<App>::new().render();
}

/// Render the app into `root`; browser tests mount it inside their own element.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root(root).render()
}
