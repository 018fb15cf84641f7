//! The filter panel (every control shows how many pairs each value would give) and the chips
//! of active filters. The checkbox groups are drawn from the core's list of set dimensions
//! (`SetDim`), so a new one appears without a change here.

mod check_group;
mod chips;
mod drawer;
mod panel;
mod programmes;
mod years;

pub use self::chips::FilterChips;
pub use self::drawer::FilterDrawer;
