//! The arithmetic of a virtualised list, apart from the DOM so it can be tested natively:
//! where row `i` starts (every row is assumed to have the estimated height until it has been
//! drawn and measured), which rows a scroll position shows, and which rows to draw and to ask
//! the worker for around them.
use std::collections::BTreeMap;
use std::ops::Range;

/// Rows drawn beyond the visible ones on each side, so a short scroll never shows a gap.
pub const OVERSCAN: usize = 4;
/// Rows asked for beyond the drawn ones on each side, so scrolling asks the worker again only
/// every couple of screens, not every frame.
pub const PREFETCH: usize = 24;

/// The tallest a scroll box's contents may be: browsers cap an element's height (Chromium at
/// 2^24 px, which 100,000 result rows pass), so a taller list scrolls a box this tall and maps
/// its scroll position onto the list's.
pub const MAX_SCROLL_PX: f64 = 8_000_000.0;

/// The height a list `list_px` tall takes in its scroll box.
pub fn box_px(list_px: f64) -> f64 {
    list_px.min(MAX_SCROLL_PX)
}

/// The list position shown at the box's scroll position `scroll_top` (the same unless the list
/// is taller than [`MAX_SCROLL_PX`]; then the box's ends map onto the list's ends).
pub fn list_top(scroll_top: f64, view_px: f64, list_px: f64) -> f64 {
    let (list_range, box_range) = (list_px - view_px, box_px(list_px) - view_px);
    if box_range <= 0.0 || list_px <= MAX_SCROLL_PX {
        return scroll_top;
    }
    scroll_top * list_range / box_range
}

/// The box's scroll position that shows list position `top` (the inverse of [`list_top`]).
pub fn box_top(top: f64, view_px: f64, list_px: f64) -> f64 {
    let (list_range, box_range) = (list_px - view_px, box_px(list_px) - view_px);
    if list_range <= 0.0 || list_px <= MAX_SCROLL_PX {
        return top;
    }
    top * box_range / list_range
}

/// Row heights: each row drawn so far at its measured height, every other row at the average
/// of those (or at a first guess before any was measured), so the total tracks the real one.
#[derive(Debug, Clone, PartialEq)]
pub struct RowHeights {
    guess: f64,
    measured: BTreeMap<usize, f64>,
    measured_sum: f64,
}

impl RowHeights {
    /// Every row `guess` pixels high until rows are measured.
    pub fn new(guess: f64) -> RowHeights {
        RowHeights {
            guess,
            measured: BTreeMap::new(),
            measured_sum: 0.0,
        }
    }

    /// Record row `index`'s drawn height; whether it differed from what was assumed.
    pub fn measure(&mut self, index: usize, height: f64) -> bool {
        if (self.height(index) - height).abs() < 0.5 {
            return false;
        }
        let before = self.measured.insert(index, height).unwrap_or(0.0);
        self.measured_sum += height - before;
        true
    }

    /// Forget every measurement (the rows' contents changed wholesale).
    pub fn clear(&mut self) {
        self.measured.clear();
        self.measured_sum = 0.0;
    }

    /// The height assumed for a row not measured yet.
    pub fn estimate(&self) -> f64 {
        match self.measured.len() {
            0 => self.guess,
            n => self.measured_sum / n as f64,
        }
    }

    /// Row `index`'s height, measured or estimated.
    pub fn height(&self, index: usize) -> f64 {
        self.measured
            .get(&index)
            .copied()
            .unwrap_or_else(|| self.estimate())
    }

    /// Where row `index` starts (the height of the rows before it).
    pub fn top(&self, index: usize) -> f64 {
        let estimate = self.estimate();
        let corrections: f64 = self
            .measured
            .range(..index)
            .map(|(_, height)| height - estimate)
            .sum();
        index as f64 * estimate + corrections
    }

    /// The row at height `y` of a list of `total` rows (the last row below its end).
    pub fn row_at(&self, y: f64, total: usize) -> usize {
        // The first row that ends below `y`: tops only grow, so a binary search finds it.
        let (mut low, mut high) = (0, total);
        while low < high {
            let middle = (low + high) / 2;
            if self.top(middle + 1) <= y {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low.min(total.saturating_sub(1))
    }

    /// The rows to draw for a view of `height` pixels scrolled to `scroll_top`: those visible
    /// and [`OVERSCAN`] more on each side.
    pub fn drawn(&self, scroll_top: f64, height: f64, total: usize) -> Range<usize> {
        if total == 0 {
            return 0..0;
        }
        let first = self.row_at(scroll_top.max(0.0), total);
        let last = self.row_at(scroll_top.max(0.0) + height.max(0.0), total);
        first.saturating_sub(OVERSCAN)..(last + 1 + OVERSCAN).min(total)
    }
}

/// The window to ask for so `drawn` is covered with [`PREFETCH`] rows to spare on each side,
/// as (offset, count); `None` when `loaded` or the window already asked for (`asked`, both as
/// (offset, count)) covers `drawn`.
pub fn window_to_ask(
    drawn: &Range<usize>,
    total: usize,
    loaded: (usize, usize),
    asked: (usize, usize),
) -> Option<(usize, usize)> {
    let covers = |(offset, count): (usize, usize)| {
        drawn.is_empty() || (offset <= drawn.start && drawn.end <= offset + count)
    };
    if covers(loaded) || covers(asked) {
        return None;
    }
    let start = drawn.start.saturating_sub(PREFETCH);
    let end = (drawn.end + PREFETCH).min(total);
    Some((start, end - start))
}

/// The row a navigation key moves to from `from`, in a list of `total` rows showing about
/// `page` rows at once; `None` for other keys.
pub fn row_after_key(key: &str, from: usize, total: usize, page: usize) -> Option<usize> {
    let last = total.checked_sub(1)?;
    let page = page.max(1);
    let to = match key {
        "ArrowDown" => from + 1,
        "ArrowUp" => from.saturating_sub(1),
        "PageDown" => from + page,
        "PageUp" => from.saturating_sub(page),
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    Some(to.min(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows measured: (index, height) each.
    type Measured = &'static [(usize, f64)];
    /// (offset, count).
    type Window = (usize, usize);
    /// (rows drawn, total, loaded, asked, window to ask).
    type AskCase = (Range<usize>, usize, Window, Window, Option<Window>);

    fn heights(measured: &[(usize, f64)]) -> RowHeights {
        let mut heights = RowHeights::new(10.0);
        for &(index, height) in measured {
            heights.measure(index, height);
        }
        heights
    }

    #[test]
    fn tops_add_measured_heights_and_the_average_for_the_rest() {
        let cases: &[(Measured, usize, f64)] = &[
            (&[], 0, 0.0),
            (&[], 7, 70.0),
            (&[(2, 30.0)], 2, 60.0),
            (&[(2, 30.0), (4, 10.0)], 2, 40.0),
            (&[(2, 30.0), (4, 10.0)], 3, 70.0),
            (&[(2, 30.0), (4, 10.0)], 5, 100.0),
            (&[(2, 30.0), (4, 10.0), (4, 50.0)], 5, 200.0),
            (&[(2, 30.0), (4, 10.0)], 200_000, 4_000_000.0),
        ];
        for (measured, index, top) in cases {
            assert_eq!(
                heights(measured).top(*index),
                *top,
                "{measured:?} row {index}"
            );
        }
    }

    #[test]
    fn the_row_at_a_height_is_the_one_covering_it() {
        let cases: &[(Measured, f64, usize, usize)] = &[
            (&[], 0.0, 100, 0),
            (&[], 9.9, 100, 0),
            (&[], 10.0, 100, 1),
            (&[], 5_000.0, 100, 99),
            (&[(0, 50.0), (1, 10.0)], 49.0, 100, 0),
            (&[(0, 50.0), (1, 10.0)], 50.0, 100, 1),
            (&[(0, 50.0), (1, 10.0)], 60.0, 100, 2),
            (&[(0, 50.0), (1, 10.0)], 90.0, 100, 3),
            (&[], 0.0, 0, 0),
        ];
        for (measured, y, total, row) in cases {
            assert_eq!(
                heights(measured).row_at(*y, *total),
                *row,
                "{measured:?} at {y}"
            );
        }
    }

    #[test]
    fn drawn_rows_are_the_visible_ones_and_the_overscan() {
        let cases: &[(f64, f64, usize, Range<usize>)] = &[
            (0.0, 100.0, 0, 0..0),
            (0.0, 100.0, 3, 0..3),
            (0.0, 100.0, 200_000, 0..15),
            (1_000.0, 100.0, 200_000, 96..115),
            (1_999_950.0, 100.0, 200_000, 199_991..200_000),
        ];
        for (scroll_top, height, total, drawn) in cases {
            assert_eq!(
                RowHeights::new(10.0).drawn(*scroll_top, *height, *total),
                *drawn
            );
        }
    }

    #[test]
    fn a_window_is_asked_for_only_when_nothing_covers_the_drawn_rows() {
        let cases: &[AskCase] = &[
            (0..15, 1000, (0, 60), (0, 60), None),
            (50..65, 1000, (0, 60), (0, 60), Some((26, 63))),
            (50..65, 1000, (0, 60), (26, 63), None),
            (50..65, 1000, (26, 63), (0, 60), None),
            (990..1000, 1000, (0, 60), (0, 60), Some((966, 34))),
            (0..0, 0, (0, 0), (0, 0), None),
        ];
        for (drawn, total, loaded, asked, window) in cases {
            assert_eq!(
                window_to_ask(drawn, *total, *loaded, *asked),
                *window,
                "{drawn:?}"
            );
        }
    }

    #[test]
    fn lists_taller_than_a_box_may_be_map_its_ends_onto_the_box() {
        let cases: &[(f64, f64, f64, f64)] = &[
            // (box scroll top, view height, list height, list position shown)
            (0.0, 500.0, 10_000.0, 0.0),
            (9_500.0, 500.0, 10_000.0, 9_500.0),
            (0.0, 500.0, 16_000_500.0, 0.0),
            (7_999_500.0, 500.0, 16_000_500.0, 16_000_000.0),
            (3_999_750.0, 500.0, 16_000_500.0, 8_000_000.0),
        ];
        for &(scroll_top, view, list, top) in cases {
            assert_eq!(
                list_top(scroll_top, view, list),
                top,
                "{scroll_top} of {list}"
            );
            assert_eq!(box_top(top, view, list), scroll_top, "{top} of {list}");
        }
    }

    #[test]
    fn keys_move_through_all_rows() {
        let cases: &[(&str, usize, usize, Option<usize>)] = &[
            ("ArrowDown", 0, 100_000, Some(1)),
            ("ArrowDown", 99_999, 100_000, Some(99_999)),
            ("ArrowUp", 0, 100_000, Some(0)),
            ("PageDown", 10, 100_000, Some(30)),
            ("PageUp", 10, 100_000, Some(0)),
            ("Home", 500, 100_000, Some(0)),
            ("End", 0, 100_000, Some(99_999)),
            ("End", 0, 0, None),
            ("a", 0, 10, None),
        ];
        for (key, from, total, to) in cases {
            assert_eq!(
                row_after_key(key, *from, *total, 20),
                *to,
                "{key} from {from}"
            );
        }
    }
}
