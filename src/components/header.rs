//! The page header: skip links (the pattern editor is one Tab and Enter from the top, however
//! many events and facet values come before it), the product name, what it does in one line,
//! and the global actions.
use yew::prelude::*;

/// A link that moves focus to the element with id `target` (an editor's editable element is
/// not an anchor target that browsers focus by themselves).
fn skip_link(target: &'static str, text: &'static str) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(target))
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok());
        if let Some(element) = element {
            e.prevent_default();
            // A heading is not focusable by itself: make it so (not a Tab stop).
            if !element.has_attribute("tabindex") && !element.is_content_editable() {
                let _ = element.set_attribute("tabindex", "-1");
            }
            element.scroll_into_view();
            let _ = element.focus();
        }
    });
    html! { <a class="skip-link" href={format!("#{target}")} {onclick}>{ text }</a> }
}

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Open the share dialog.
    pub on_share: Callback<()>,
    /// Open the examples gallery.
    pub on_gallery: Callback<()>,
    /// Start writing a challenge.
    pub on_author: Callback<()>,
    /// Toggle presenter view.
    pub on_presenter: Callback<()>,
    /// Whether presenter view is on.
    pub presenter: bool,
    /// Whether there is something to undo.
    pub can_undo: bool,
    /// Whether there is something to redo.
    pub can_redo: bool,
    /// Undo (false) or redo (true) a pattern edit.
    pub on_history: Callback<bool>,
}

/// The site header.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let undo = props.on_history.reform(|_: MouseEvent| false);
    let redo = props.on_history.reform(|_: MouseEvent| true);
    let share = props.on_share.reform(|_: MouseEvent| ());
    let gallery = props.on_gallery.reform(|_: MouseEvent| ());
    let author = props.on_author.reform(|_: MouseEvent| ());
    let presenter = props.on_presenter.reform(|_: MouseEvent| ());
    html! {
        <header class="site-header">
            <nav class="skip-links" aria-label="Skip links">
                { skip_link("pattern-text", "Skip to the event pattern") }
                { skip_link("results-heading", "Skip to the results") }
            </nav>
            <h1>{ "EventPen" }</h1>
            <p class="tagline">{ "Test Amazon EventBridge event patterns against your own CloudTrail events." }</p>
            <nav class="header-actions" aria-label="Actions">
                <button type="button" onclick={gallery}>{ "Examples" }</button>
                <button type="button" onclick={author} title="Mark events as must match / must not match and share a challenge">{ "Create challenge" }</button>
                <button type="button" onclick={presenter} aria-pressed={props.presenter.to_string()} title="Large type and high contrast for a room">{ "Presenter view" }</button>
                <button type="button" onclick={undo} disabled={!props.can_undo} title="Undo (Ctrl+Z)">{ "Undo" }</button>
                <button type="button" onclick={redo} disabled={!props.can_redo} title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
                <button type="button" class="primary" onclick={share}>{ "Share" }</button>
            </nav>
        </header>
    }
}
