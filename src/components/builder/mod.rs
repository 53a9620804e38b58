//! The visual builder's components: the pattern tree beside the JSON, the facet panel, the
//! condition menu for a value picked in an event, and the App's wiring (hooks). They turn clicks
//! into calls to the pure `crate::builder` and emit the new pattern text.
pub mod add_field;
pub mod condition_editor;
pub mod condition_menu;
pub mod facet_field;
pub mod facets;
pub mod pattern_tree;
pub mod quick_start;
pub mod wiring;
