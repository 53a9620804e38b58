//! Mounts the EventPen app on the page's body.
fn main() {
    eventpen::start();
}
