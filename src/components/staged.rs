//! Content drawn a few frames after it first appears, so one answer does not become one long
//! task. The first answer after a load mounts most of the page at once: the lists, the facets,
//! the timeline and the breakdown. Built, styled and laid out together that took up to 58 ms of
//! the main thread at 1,000 events (the issue allows 50). Drawn in stages, each part is built in
//! a task of its own after the previous part was painted: the lists and counts first, the charts
//! one and two frames later (a user sees them appear within about 30 ms).
//!
//! Only the first mount waits: once drawn, the content updates with every answer in the same
//! render as the rest (typing over loaded events is never staged).
use gloo::render::{AnimationFrame, request_animation_frame};
use gloo::timers::callback::Timeout;
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

/// What a waiting [`Staged`] holds: never read, only dropped (on unmount), which cancels the
/// pending frame or task.
#[allow(dead_code)]
enum Wait {
    Frame(AnimationFrame),
    Task(Timeout),
}

/// Draws `children` once `frames` frames have been painted since it was mounted.
#[component]
pub fn Staged(props: &StagedProps) -> Html {
    let shown = use_state(|| false);
    {
        let (shown, frames) = (shown.clone(), props.frames);
        use_effect_with((), move |_| {
            let wait = Rc::new(RefCell::new(None));
            after_frames(frames, wait.clone(), move || shown.set(true));
            move || drop(wait.borrow_mut().take())
        });
    }
    if *shown {
        props.children.clone()
    } else {
        Html::default()
    }
}

/// Calls `then` in a task of its own once `frames` animation frames have run (and so been
/// painted), keeping the pending frame or task in `wait`. A frame callback runs just before the
/// browser styles and lays out that frame: drawing there would add to that frame's work, so the
/// drawing is posted as a task that runs after it.
fn after_frames(frames: u32, wait: Rc<RefCell<Option<Wait>>>, then: impl FnOnce() + 'static) {
    let slot = wait.clone();
    let frame = request_animation_frame(move |_| {
        if frames > 1 {
            after_frames(frames - 1, slot, then);
        } else {
            let task = Timeout::new(0, then);
            slot.borrow_mut().replace(Wait::Task(task));
        }
    });
    wait.borrow_mut().replace(Wait::Frame(frame));
}
