//! A modal dialog: a backdrop, a labelled `role="dialog"` with its heading and a Close button,
//! Escape to close, and focus moved into it when it opens (so keyboard users land inside).
use yew::prelude::*;

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
            if let Some(element) = dialog.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
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
