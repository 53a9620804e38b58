//! Work the page does just after the next frame is painted, not in the task that asked for it:
//! what follows a worker answer but is not the results (the target-input preview, the panels
//! that follow the pattern text) would otherwise hold the results' frame back.
use gloo::render::{AnimationFrame, request_animation_frame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::thread::LocalKey;

/// One kind of held work: the frame it waits for, then the timer that runs it after the paint.
/// A newer request of the same kind replaces an older one whose frame has not come yet.
#[derive(Default)]
pub struct Slot {
    frame: Option<AnimationFrame>,
    timer: Option<Timeout>,
}

/// Run `work` just after the next frame is painted (its animation frame, then a timer: a timer
/// alone can fire before the frame), in place of the work still waiting in `slot`.
pub fn after_paint(slot: &'static LocalKey<RefCell<Slot>>, work: impl FnOnce() + 'static) {
    let frame = request_animation_frame(move |_| {
        let timer = Timeout::new(0, work);
        // The frame running now stays in the slot (it is dropped with the next request).
        slot.with_borrow_mut(|held| held.timer = Some(timer));
    });
    slot.with_borrow_mut(|held| held.frame = Some(frame));
}
