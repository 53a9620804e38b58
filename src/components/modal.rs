//! A modal dialog: a backdrop, a labelled `role="dialog"` with its heading and a Close button,
//! Escape to close, focus moved into it when it opens (so keyboard users land inside), kept
//! inside while it is open (Tab and Shift+Tab wrap around), and given back to the control that
//! opened it when it closes.
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// What can take focus inside the dialog.
const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), \
    textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"]), [contenteditable=\"true\"]";

/// The focusable elements inside `root`, in document order, that are shown.
fn focusable(root: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some())
        .collect()
}

/// Tab on the last control goes to the first; Shift+Tab on the first (or the dialog) to the last.
fn keep_focus_inside(dialog: &HtmlElement, e: &KeyboardEvent) {
    let items = focusable(dialog);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        e.prevent_default();
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = |el: &HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    };
    let on_dialog = active
        .as_ref()
        .is_some_and(|a| a == dialog.unchecked_ref::<web_sys::Element>());
    if e.shift_key() && (at(first) || on_dialog) {
        e.prevent_default();
        let _ = last.focus();
    } else if !e.shift_key() && at(last) {
        e.prevent_default();
        let _ = first.focus();
    }
}

/// Props of [`Modal`].
#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// The heading's id (the dialog is labelled by it).
    pub heading_id: AttrValue,
    /// The heading text.
    pub heading: AttrValue,
    /// Extra class on the dialog box (its width, say).
    #[prop_or_default]
    pub class: Classes,
    /// Close the dialog.
    pub on_close: Callback<()>,
    /// The content.
    #[prop_or_default]
    pub children: Html,
}

/// The dialog frame.
#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let opener = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(element) = dialog.cast::<HtmlElement>() {
                let _ = element.focus();
            }
            move || {
                if let Some(opener) = opener.filter(|o| o.is_connected()) {
                    let _ = opener.focus();
                }
            }
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = {
        let on_close = props.on_close.clone();
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(());
            } else if e.key() == "Tab"
                && let Some(dialog) = dialog.cast::<HtmlElement>()
            {
                keep_focus_inside(&dialog, &e);
            }
        })
    };
    html! {
        <div class="dialog-backdrop">
            <div class={classes!("dialog", props.class.clone())} role="dialog" aria-modal="true"
                aria-labelledby={props.heading_id.clone()} tabindex="-1" ref={dialog} {onkeydown}>
                <div class="pane-head">
                    <h2 id={props.heading_id.clone()}>{ props.heading.clone() }</h2>
                    <button type="button" onclick={close}>{ "Close" }</button>
                </div>
                { props.children.clone() }
            </div>
        </div>
    }
}
