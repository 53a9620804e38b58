//! Notices at the top of the page: a broken link, a file refused, a link opened over local work
//! (with the button that brings that work back).
use crate::share::Snapshot;
use crate::state::{Notice, NoticeKind};
use yew::prelude::*;

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The notices, oldest first.
    pub notices: Vec<Notice>,
    /// Hide notice `n`.
    pub on_dismiss: Callback<usize>,
    /// Load an offered workspace.
    pub on_load: Callback<Snapshot>,
}

/// The notice list (empty renders nothing).
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices">
            { for props.notices.iter().enumerate().map(|(i, notice)| {
                let (class, role) = match notice.kind {
                    NoticeKind::Error => ("notice error", "alert"),
                    NoticeKind::Warning => ("notice warn", "status"),
                    NoticeKind::Info => ("notice", "status"),
                };
                let dismiss = props.on_dismiss.reform(move |_: MouseEvent| i);
                let offer = notice.offer.as_ref().map(|(label, snapshot)| {
                    let snapshot = (**snapshot).clone();
                    let on_load = props.on_load.clone();
                    let on_dismiss = props.on_dismiss.clone();
                    let onclick = Callback::from(move |_: MouseEvent| {
                        on_dismiss.emit(i);
                        on_load.emit(snapshot.clone());
                    });
                    html! { <button type="button" {onclick}>{ label.clone() }</button> }
                });
                html! {
                    <div class={class} role={role}>
                        <span>{ notice.text.clone() }</span>
                        { for offer }
                        <button type="button" class="icon" aria-label="Dismiss" onclick={dismiss}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
