//! A selected place: its names, where it is, and its partners among the pairs on show.

use leptos::prelude::*;

use crate::model::ask::query::ProfileRef;
use crate::model::format::dataset::PlaceIdx;
use crate::model::show::rows::{
    PartnerRow, date_pieces, name_class, partner_rows, place_counts, place_heading,
};
use crate::ui::sources::SourceRefs;
use crate::ui::state::{use_app_state, use_explore};

/// A place and its partners.
#[component]
pub fn PlaceDetails(
    /// The selected place.
    place: PlaceIdx,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let rows = Memo::new(move |_| {
        let (shown, locale) = (explore.shown.get(), state.locale.get());
        explore.with_data(|d| partner_rows(d, place, &shown, locale))
    });
    // Its counts, each with what it counts (its own ties, with the places under it; the
    // filters' kinds and years).
    let counts = Memo::new(move |_| {
        let (shown, locale, play) =
            (explore.shown.get(), state.locale.get(), state.query.play_year.get());
        state
            .query
            .filters
            .with(|f| explore.with_data(|d| place_counts(d, place, &shown, f, play, locale)))
    });
    let heading = Memo::new(move |_| {
        let locale = state.locale.get();
        explore.with_data(|d| place_heading(d, place, locale))
    });
    let id = explore.with_data(|d| d.place(place).id.clone());
    let (id_filter, id_profile) = (id.clone(), id);
    view! {
        <div class="details" data-testid="place-panel">
            <div class="details-head">
                <h2 id="sheet-title" tabindex="-1" data-testid="place-name">{move || heading.with(|h| h.name.clone())}</h2>
                <button
                    type="button"
                    class="icon-button"
                    aria-label=move || state.messages().close
                    title=move || state.messages().close
                    on:click=move |_| state.navigate(|u| u.selected = None)
                >
                    "×"
                </button>
            </div>
            <p class="other-names">
                {move || heading.with(|h| h.other.clone())}
                {move || heading.with(|h| h.local.clone()).map(|l| view! { <span lang="">" · " {l}</span> })}
            </p>
            <p class="muted">{move || heading.with(|h| h.facts.clone())}</p>
            <ul class="counts" data-testid="place-counts">
                {move || counts.get().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ul>
            <div class="button-row">
                <button type="button" class="button small" on:click=move |_| {
                    let id = id_filter.clone();
                    state.set_filters(move |f| f.place = Some(id));
                }>
                    {move || state.messages().filter_to_place}
                </button>
                <button type="button" class="button small" on:click=move |_| state.open_profile(Some(ProfileRef::Place(id_profile.clone())))>
                    {move || state.messages().open_profile}
                </button>
            </div>
            <PartnerTable rows />
        </div>
    }
}

/// The partners as a table: partner and country, date and type, sources.
#[component]
fn PartnerTable(
    /// The rows.
    rows: Memo<Vec<PartnerRow>>,
) -> impl IntoView {
    let state = use_app_state();
    let row = move |r: PartnerRow| {
        let pair_id = r.pair_id;
        view! {
            <tr>
                <td>
                    <button type="button" class="link-button" on:click=move |_| {
                        let id = pair_id.clone();
                        state.navigate(move |u| u.pair = Some(id));
                        state.request_fit();
                    }>
                        <span class=name_class(&r.other)>{r.other.clone()}</span>
                    </button>
                    {r.country.map(|c| view! { <span class="muted">" · " <span class=name_class(&c)>{c.clone()}</span></span> })}
                </td>
                <td>
                    {date_pieces(&r.date)
                        .into_iter()
                        .map(|piece| view! { <span class="nowrap">{piece.to_owned()}</span> })
                        .collect_view()}
                    <br />
                    <span class=format!("muted {}", name_class(r.kind))>{r.kind}</span>
                </td>
                <td class="sources-cell">
                    <SourceRefs sources=r.sources />
                </td>
            </tr>
        }
    };
    view! {
        <table class="partner-table" data-testid="partner-list">
            <caption class="visually-hidden">{move || state.messages().partners_caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || state.messages().col_partner}</th>
                    <th scope="col">
                        {move || state.messages().col_established} " · " {move || state.messages().col_type}
                    </th>
                    <th scope="col">{move || state.messages().col_sources}</th>
                </tr>
            </thead>
            <tbody>{move || rows.get().into_iter().map(row).collect_view()}</tbody>
        </table>
    }
}
