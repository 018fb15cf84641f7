//! Layout state: whether the screen is narrow (filters in a drawer, the selection in a bottom
//! sheet), the drawer and the sheet, and requests to fit the map to a new selection.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Below this width the filters are a drawer and the selection a bottom sheet (as in CSS).
pub const NARROW_QUERY: &str = "(max-width: 860px)";
/// Width of the selection sheet on wide screens, in px (as in CSS).
pub const SHEET_WIDTH_PX: f64 = 380.0;
/// Height of the selection sheet on narrow screens, as a share of the window (as in CSS).
pub const SHEET_HEIGHT_SHARE: f64 = 0.46;
/// Its share on a short narrow screen (at most [`SHORT_SCREEN_PX`] tall, as in CSS), so the map
/// above it still shows a choice (at 360 × 740 the sheet left 77 px of map).
pub const SHEET_HEIGHT_SHARE_SHORT: f64 = 0.40;
/// The tallest screen that counts as short, in px (as in CSS).
pub const SHORT_SCREEN_PX: f64 = 760.0;

/// The selection sheet's height as a share of a narrow window `height` px tall (as in CSS).
pub fn sheet_height_share(height: f64) -> f64 {
    if height <= SHORT_SCREEN_PX { SHEET_HEIGHT_SHARE_SHORT } else { SHEET_HEIGHT_SHARE }
}

/// The layout's signals. `Copy`.
#[derive(Clone, Copy)]
pub struct LayoutState {
    /// True on narrow screens.
    pub narrow: ReadSignal<bool>,
    /// The filter drawer is open (narrow screens).
    pub filters_open: RwSignal<bool>,
    /// The bottom sheet is expanded to most of the screen (narrow screens).
    pub sheet_expanded: RwSignal<bool>,
    /// Bumped when the user chooses a place, pair or country: the map fits it.
    pub fit_request: RwSignal<u32>,
    /// True while the page is laid out for print (what only paper shows is built then).
    pub printing: Memo<bool>,
}

impl LayoutState {
    /// Builds the layout state, following the window's width.
    pub fn new() -> LayoutState {
        LayoutState {
            narrow: media_query(NARROW_QUERY),
            filters_open: RwSignal::new(false),
            sheet_expanded: RwSignal::new(false),
            fit_request: RwSignal::new(0),
            printing: printing(),
        }
    }
}

impl Default for LayoutState {
    fn default() -> Self {
        LayoutState::new()
    }
}

/// True while printing: the print media query, and the window's `beforeprint`/`afterprint`
/// events (a bridge from the browser).
fn printing() -> Memo<bool> {
    let media = media_query("print");
    let (asked, set_asked) = signal(false);
    let before = window_event_listener(leptos::ev::beforeprint, move |_| set_asked.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| set_asked.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    Memo::new(move |_| media.get() || asked.get())
}

/// True when the user asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// A media query list and its `change` listener.
type Listener = (web_sys::MediaQueryList, Closure<dyn FnMut(web_sys::MediaQueryListEvent)>);

/// Whether a media query matches, kept current by its `change` event (a bridge from the
/// browser; the listener is removed with the owner).
fn media_query(query: &str) -> ReadSignal<bool> {
    let list = window().match_media(query).ok().flatten();
    let (matches, set_matches) = signal(list.as_ref().is_some_and(|l| l.matches()));
    let Some(list) = list else { return matches };
    let callback = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
        move |ev: web_sys::MediaQueryListEvent| {
            let _ = set_matches.try_set(ev.matches());
        },
    );
    let _ = list.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
    let kept: StoredValue<Option<Listener>, LocalStorage> =
        StoredValue::new_local(Some((list, callback)));
    on_cleanup(move || {
        if let Some(Some((list, callback))) = kept.try_update_value(Option::take) {
            let _ = list
                .remove_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
        }
    });
    matches
}
