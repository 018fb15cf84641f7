//! Small bridges to the DOM that several components share: an element's size, kept current
//! by a ResizeObserver that is disconnected (and its callback freed) with its owner.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// A ResizeObserver watching one element, with the callback it calls. Dropping it disconnects
/// the observer and frees the callback, so nothing leaks when its component goes.
pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl ResizeWatch {
    /// Calls `on_resize` whenever `element` changes size (and once when it is first laid out).
    pub fn new(
        element: &web_sys::Element,
        on_resize: impl FnMut() + 'static,
    ) -> Option<ResizeWatch> {
        let callback = Closure::<dyn FnMut()>::new(on_resize);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(ResizeWatch { observer, _callback: callback })
    }
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Width and height in CSS px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The size of the element behind `node`, once it is in the page and laid out. A hidden
/// element (zero wide, as on another tab) keeps its last size.
pub fn element_size<E>(node: NodeRef<E>) -> ReadSignal<Option<Size>>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let (size, set_size) = signal(None::<Size>);
    let watch: StoredValue<Option<ResizeWatch>, LocalStorage> = StoredValue::new_local(None);
    // Bridges the element's layout into a signal: measured now and on every resize.
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        let element: web_sys::Element = element.unchecked_into();
        let measure = {
            let element = element.clone();
            move || {
                let rect = element.get_bounding_client_rect();
                if rect.width() < 1.0 {
                    return;
                }
                // The content box: what a canvas filling the element covers (a border would
                // otherwise stretch the drawing and shift the pointer by its width).
                let (bx, by) = (f64::from(element.client_left()), f64::from(element.client_top()));
                let next =
                    Size { width: rect.width() - 2.0 * bx, height: rect.height() - 2.0 * by };
                if size.try_get_untracked().flatten() != Some(next) {
                    // After the owner is gone this does nothing.
                    let _ = set_size.try_set(Some(next));
                }
            }
        };
        measure();
        watch.set_value(ResizeWatch::new(&element, measure));
    });
    on_cleanup(move || _ = watch.try_update_value(Option::take));
    size
}

/// Resolves after the browser has had the chance to paint (the next animation frame, then a
/// task), so a status set before a long step is on screen while it runs. A hidden page gets no
/// frames: there it only yields a task.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let hidden = window.document().is_some_and(|d| d.hidden());
        let later = resolve.clone();
        let then_task = Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(later.unchecked_ref());
            }
        });
        let asked = if hidden {
            window.set_timeout_with_callback(resolve.unchecked_ref()).map(drop)
        } else {
            window.request_animation_frame(then_task.unchecked_ref()).map(drop)
        };
        if asked.is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
