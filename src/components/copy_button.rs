//! A Copy button that says "Copied" for two seconds after a click (announced to screen readers),
//! so the user knows the text is on the clipboard.
use crate::clipboard::copy_text;
use yew::prelude::*;

/// How long "Copied" stays, in milliseconds.
const COPIED_FOR_MS: u32 = 2000;

/// Props of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The text to copy.
    pub text: AttrValue,
    /// The accessible name ("Copy pattern.json").
    pub label: AttrValue,
}

/// "Copy", then "Copied".
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let (text, copied) = (props.text.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            copy_text(&text);
            copied.set(true);
            let copied = copied.clone();
            gloo::timers::callback::Timeout::new(COPIED_FOR_MS, move || copied.set(false)).forget();
        })
    };
    html! {
        <button type="button" class={classes!("copy", (*copied).then_some("copied"))}
            aria-label={props.label.clone()} {onclick}>
            <span aria-live="polite">{ if *copied { "Copied" } else { "Copy" } }</span>
        </button>
    }
}
