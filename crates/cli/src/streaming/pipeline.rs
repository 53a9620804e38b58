//! An ordered parallel map: one thread produces work items (reads and splits the inputs), rayon's
//! pool turns each into a result, and the calling thread consumes the results in the order the
//! items were produced (writes them).
//!
//! Memory stays bounded whatever the input size: at most [`in_flight`] items exist at once
//! (produced but not yet consumed); the producer waits for the consumer to catch up.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::mpsc::{channel, sync_channel};

/// How many items may be between the producer and the consumer: enough to keep every core busy
/// while one slow item holds up the ordered output, few enough to keep memory small.
pub fn in_flight() -> usize {
    rayon::current_num_threads() * 4 + 2
}

/// [`ordered_parallel`] whose consumer writes each result: the first write error stops the
/// pipeline and is returned (the caller then finishes its writer, or reports the error).
pub fn write_in_order<I, O>(
    produce: impl FnOnce(&mut dyn FnMut(I) -> bool) + Send,
    work: impl Fn(I) -> O + Sync,
    mut write: impl FnMut(O) -> std::io::Result<()>,
) -> std::io::Result<()>
where
    I: Send,
    O: Send,
{
    match ordered_parallel(produce, work, |output| match write(output) {
        Ok(()) => ControlFlow::Continue(()),
        Err(error) => ControlFlow::Break(error),
    }) {
        ControlFlow::Break(error) => Err(error),
        ControlFlow::Continue(()) => Ok(()),
    }
}

/// Runs `produce` on its own thread, `work` on the rayon pool, and `consume` on this thread in
/// production order. `produce` gets a `send` that returns `false` once the consumer stopped (it
/// returned `Break`): the producer should then stop too. Returns the consumer's `Break`, if any.
pub fn ordered_parallel<I, O, E>(
    produce: impl FnOnce(&mut dyn FnMut(I) -> bool) + Send,
    work: impl Fn(I) -> O + Sync,
    mut consume: impl FnMut(O) -> ControlFlow<E>,
) -> ControlFlow<E>
where
    I: Send,
    O: Send,
{
    // A token per item in flight: the producer sends one before each item (and blocks when
    // `in_flight` are out), the consumer takes one back after writing each result.
    let (token_sender, token_receiver) = sync_channel::<()>(in_flight());
    let (result_sender, result_receiver) = channel::<(u64, O)>();
    let work = &work;
    std::thread::scope(|threads| {
        threads.spawn(move || {
            rayon::in_place_scope(|pool| {
                let mut sequence = 0u64;
                let mut send = |item: I| {
                    if token_sender.send(()).is_err() {
                        return false;
                    }
                    let results = result_sender.clone();
                    let number = sequence;
                    sequence += 1;
                    pool.spawn(move |_| {
                        // The consumer may have stopped: its results are no longer wanted.
                        let _ = results.send((number, work(item)));
                    });
                    true
                };
                produce(&mut send);
            });
            drop(result_sender);
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0u64;
        for (number, result) in &result_receiver {
            waiting.insert(number, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if let ControlFlow::Break(stop) = consume(result) {
                    // Dropping the tokens makes the producer's next `send` fail.
                    drop(token_receiver);
                    return ControlFlow::Break(stop);
                }
                let _ = token_receiver.recv();
            }
        }
        ControlFlow::Continue(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_production_order_and_a_stop_stops_the_producer() {
        #[rustfmt::skip]
        let cases: &[(u64, Option<u64>, u64)] = &[
            // items produced, consumer stops after, items consumed
            (0, None, 0),
            (1, None, 1),
            (10_000, None, 10_000),
            (10_000, Some(5), 5),
        ];
        for &(count, stop_after, expected) in cases {
            let mut seen = Vec::new();
            let flow = ordered_parallel(
                |send| {
                    for item in 0..count {
                        if !send(item) {
                            return;
                        }
                    }
                },
                // Uneven work, so results finish out of order.
                |item| {
                    if item % 7 == 0 {
                        std::thread::yield_now();
                    }
                    item * 2
                },
                |result| {
                    seen.push(result);
                    match stop_after {
                        Some(limit) if seen.len() as u64 >= limit => ControlFlow::Break(()),
                        _ => ControlFlow::Continue(()),
                    }
                },
            );
            let want: Vec<u64> = (0..expected).map(|i| i * 2).collect();
            assert_eq!(seen, want, "{count} items, stop after {stop_after:?}");
            assert_eq!(flow.is_break(), stop_after.is_some());
        }
    }
}
