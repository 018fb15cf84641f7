//! The year filter: first and last year (boxes and sliders), whether pairs of unknown year
//! and disputed pairs are kept, and the date cut (ties in force on a day).

use leptos::prelude::*;

use crate::model::ask::filter::KeepFlag;
use crate::model::format::date::PartialDate;
use crate::ui::state::{use_app_state, use_explore};

/// The year section of the filter panel.
#[component]
pub fn YearFilter() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let span = explore.span;
    let filters = state.query.filters;
    let from = move || filters.with(|f| f.years.map(|r| r.from())).unwrap_or(span.first);
    let to = move || filters.with(|f| f.years.map(|r| r.to())).unwrap_or(span.last);
    // Boxes change on commit (a history entry); sliders while dragging (the entry updated).
    let set_years = move |a: i32, b: i32, push: bool| {
        let range = span.range(a, b);
        let change = move |u: &mut crate::model::ask::query::UrlState| u.filters.years = range;
        if push { state.navigate(change) } else { state.replace(change) }
    };
    let parse = |ev: &leptos::ev::Event| event_target_value(ev).parse::<i32>().ok();
    // The cut reads its date's last day, so a month or year cut shows as that day.
    let by_value = move || {
        filters.with(|f| f.known_by.map(|d| d.latest_day().to_string())).unwrap_or_default()
    };
    let set_by = move |ev: leptos::ev::Event| {
        let day = event_target_value(&ev).parse::<PartialDate>().ok();
        state.set_filters(move |f| f.known_by = day);
    };
    let apart = move || {
        let locale = state.locale.get();
        let on_date = explore.selection.with(|s| s.facets.on_date);
        let n = (on_date.straddling + on_date.end_unknown) as u64;
        let cut = filters.with(|f| f.known_by.is_some());
        (cut && n > 0).then(|| locale.messages().on_date_apart.format(locale, n))
    };
    view! {
        <section class="filter-section" aria-labelledby="filter-time">
            <h3 id="filter-time">{move || state.messages().filter_years}</h3>
            <div class="year-range" data-testid="year-range">
                <label class="field inline">
                    <span>{move || state.messages().year_from}</span>
                    <input type="number" min=span.first max=span.last prop:value=move || from().to_string()
                        on:change=move |ev| if let Some(y) = parse(&ev) { set_years(y, to(), true) }
                        data-testid="year-from" />
                </label>
                <label class="field inline">
                    <span>{move || state.messages().year_to}</span>
                    <input type="number" min=span.first max=span.last prop:value=move || to().to_string()
                        on:change=move |ev| if let Some(y) = parse(&ev) { set_years(from(), y, true) }
                        data-testid="year-to" />
                </label>
                <div class="year-sliders">
                    <input type="range" min=span.first max=span.last aria-label=move || state.messages().year_from
                        prop:value=move || from().to_string()
                        on:input=move |ev| if let Some(y) = parse(&ev) { set_years(y.min(to()), to(), false) } />
                    <input type="range" min=span.first max=span.last aria-label=move || state.messages().year_to
                        prop:value=move || to().to_string()
                        on:input=move |ev| if let Some(y) = parse(&ev) { set_years(from(), y.max(from()), false) } />
                </div>
            </div>
            {KeepFlag::ALL.into_iter().map(|flag| view! { <KeepCheck flag /> }).collect_view()}
            <label class="field inline">
                <span>{move || state.messages().known_by_label}</span>
                <input type="date" prop:value=by_value on:change=set_by data-testid="known-by" />
            </label>
            {move || apart().map(|t| view! { <p class="muted" data-testid="known-by-apart">{t}</p> })}
        </section>
    }
}

/// One checkbox that keeps or hides a group of pairs, with the group's size.
#[component]
fn KeepCheck(
    /// The group.
    flag: KeepFlag,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let filters = state.query.filters;
    let text = move || {
        let n = explore.selection.with(|s| flag.count(&s.facets));
        flag.label(state.locale.get(), n)
    };
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || filters.with(|f| flag.is_kept(f))
                on:change=move |_| state.set_filters(move |f| flag.toggle(f))
                data-testid=flag.testid() />
            <span>{text}</span>
        </label>
    }
}
