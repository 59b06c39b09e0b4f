//! Screen geometry as pure functions of the terminal size, shared by the
//! renderer and by `update` (which keeps selections visible), so the two
//! never disagree about how many rows a list shows.

/// Below this the app shows "terminal too small" instead of a garbled
/// screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// From this width on, the interview shows its three panels side by side.
pub const WIDE: u16 = 120;

/// Width of the question list (and, on narrow terminals, of the score panel
/// that takes its place).
pub const SIDE_WIDTH: u16 = 30;
/// Width of the score panel on wide terminals.
pub const SCORE_WIDTH: u16 = 38;

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

pub fn is_wide(width: u16) -> bool {
    width >= WIDE
}

/// Rows between the title line and the hint bar.
pub fn body_height(height: u16) -> u16 {
    height.saturating_sub(2)
}

/// Data rows of a bordered table with a header row (vendor list, comparison).
pub fn table_rows(height: u16) -> usize {
    usize::from(body_height(height).saturating_sub(3))
}

/// Rows of the bordered question list.
pub fn question_rows(height: u16) -> usize {
    usize::from(body_height(height).saturating_sub(2))
}

/// The first row to show so that `selected` is visible, moving the view as
/// little as possible from `offset`.
pub fn keep_visible(selected: usize, offset: usize, rows: usize) -> usize {
    let rows = rows.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolls_only_as_far_as_needed() {
        assert_eq!(keep_visible(0, 0, 10), 0);
        assert_eq!(keep_visible(9, 0, 10), 0);
        assert_eq!(keep_visible(10, 0, 10), 1);
        assert_eq!(keep_visible(5, 3, 10), 3);
        assert_eq!(keep_visible(2, 3, 10), 2);
        assert_eq!(keep_visible(7, 0, 0), 7);
    }
}
