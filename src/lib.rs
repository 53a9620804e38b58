//! EventPen, the app: a Yew single-page playground for EventBridge event patterns.
//!
//! The logic lives in the pure crates (`eventpen-pattern`, `eventpen-ingest`,
//! `eventpen-playground`, `eventpen-export`); this crate reads input and draws output. Its own
//! pure modules (`state`, `share`, `examples`, …) are tested natively.
#![forbid(unsafe_code)]

pub mod after_paint;
pub mod app;
pub mod clipboard;
pub mod components;
pub mod derived;
pub mod drop_files;
pub mod examples;
pub mod files;
pub mod gallery;
pub mod handlers;
pub mod hooks;
pub mod persist;
pub mod rule_settings;
pub mod share;
pub mod startup;
pub mod state;
pub mod text_offsets;
pub mod view_model;
pub mod worker;

pub use app::App;
/// The pure logic the app draws, from the evaluation core (re-exported so components name it
/// as part of the app).
pub use eventpen_playground::{builder, challenge, redact};

/// Render the app into the document body (the bin's entry point). In the app's Web Worker,
/// which loads the same module, there is no window and nothing to render: the worker calls
/// [`worker::host::worker_main`] instead.
pub fn start() {
    if web_sys::window().is_some() {
        yew::Renderer::<App>::new().render();
    }
}

/// Render the app into `root`; browser tests mount it inside their own element.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root(root).render()
}
