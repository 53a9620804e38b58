//! The page header: the product name, what it does in one line, and the global actions.
use yew::prelude::*;

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
