//! Content drawn a few frames after it first appears, so one answer does not become one long
//! task. The first answer after a load mounts most of the page at once: the lists, the facets,
//! the timeline and the breakdown. Built, styled and laid out together that took up to 58 ms of
//! the main thread at 1,000 events (the issue allows 50). Drawn in stages, each part is built in
//! a task of its own after the previous part was painted: the lists and counts first, the charts
//! one and two frames later (a user sees them appear within about 30 ms).
//!
//! Only the first mount waits: once drawn, the content updates with every answer in the same
//! render as the rest (typing over loaded events is never staged).
use crate::after_paint::{Held, after_frames};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Staged`].
#[derive(Properties, PartialEq)]
pub struct StagedProps {
    /// How many painted frames to wait before drawing the children (1 = after the next paint).
    #[prop_or(1)]
    pub frames: u32,
    /// The content.
    pub children: Html,
}

/// Draws `children` once `frames` frames have been painted since it was mounted.
#[component]
pub fn Staged(props: &StagedProps) -> Html {
    let shown = use_state(|| false);
    {
        let (shown, frames) = (shown.clone(), props.frames);
        use_effect_with((), move |_| {
            let held = Rc::new(RefCell::new(Held::default()));
            after_frames(frames, held.clone(), move || shown.set(true));
            // Unmounted first: the wait is cancelled.
            move || drop(held.take())
        });
    }
    if *shown {
        props.children.clone()
    } else {
        Html::default()
    }
}
