//! Work the page does just after a frame is painted, not in the task that asked for it: what
//! follows a worker answer but is not the results (the target-input preview, the panels that
//! follow the pattern text) would otherwise hold the results' frame back, and the parts of a
//! load's first answer drawn in stages ([`crate::components::staged`]) would make its first
//! render one long task.
use gloo::render::{AnimationFrame, request_animation_frame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use std::thread::LocalKey;

/// Held work: the frame it waits for, then the timer that runs it after that frame's paint.
/// Dropping it cancels the work; a newer request in the same holder replaces an older one whose
/// frame has not come yet.
#[derive(Default)]
pub struct Held {
    frame: Option<AnimationFrame>,
    timer: Option<Timeout>,
}

/// Run `work` in a task of its own once `frames` frames have been painted, held in `held`. A
/// frame callback runs just before the browser styles and lays out that frame, so work done
/// there would add to it; a timer alone can fire before the frame. Hence the frame, then a timer.
pub fn after_frames(frames: u32, held: Rc<RefCell<Held>>, work: impl FnOnce() + 'static) {
    let slot = held.clone();
    let frame = request_animation_frame(move |_| {
        // The frame running now stays held until it is replaced (dropping it is safe then).
        if frames > 1 {
            after_frames(frames - 1, slot, work);
        } else {
            let timer = Timeout::new(0, work);
            slot.borrow_mut().timer = Some(timer);
        }
    });
    held.borrow_mut().frame = Some(frame);
}

/// Run `work` just after the next frame is painted, in place of the work still waiting in the
/// thread's holder `slot` (one per kind of work).
pub fn after_paint(slot: &'static LocalKey<Rc<RefCell<Held>>>, work: impl FnOnce() + 'static) {
    slot.with(|held| after_frames(1, held.clone(), work));
}
