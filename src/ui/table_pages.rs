//! The partnership table's rows, a page at a time (fast at 100,000 rows): sortable headers
//! (each a button filling its header cell), a pager that reaches every page (First, Previous,
//! Next, Last, each by keyboard too), and a row's button that selects the pair on the map. On a
//! phone a row shows three columns (Chinese place, partner with its country, established) and
//! the rest on tap; a menu sorts by any column there.

use leptos::prelude::*;

use super::sources::SourceRefs;
use super::state::{use_app_state, use_explore};
use crate::model::ask::query::{SortColumn, Tab};
use crate::model::format::dataset::PairIdx;
use crate::model::i18n::fill;
use crate::model::i18n::messages::Messages;
use crate::model::show::rows::{beside, date_pieces, name_class, table_row};

const PAGE_SIZE: usize = 50;

/// A sort column's header label.
fn column_label(m: &Messages, column: SortColumn) -> &'static str {
    match column {
        SortColumn::Home => m.col_chinese_place,
        SortColumn::Province => m.filter_province,
        SortColumn::Partner => m.col_partner,
        SortColumn::Country => m.col_country,
        SortColumn::Kind => m.col_type,
        SortColumn::Status => m.col_status,
        SortColumn::Established => m.col_established,
    }
}

/// The columns a phone shows (the others are in a row's details).
fn on_phone(column: SortColumn) -> bool {
    matches!(column, SortColumn::Home | SortColumn::Partner | SortColumn::Established)
}

/// A column header that sorts by its column (again: the other way).
fn header(column: SortColumn) -> impl IntoView {
    let state = use_app_state();
    let sort = state.query.sort;
    let aria_sort = move || match sort.get() {
        (c, false) if c == column => "ascending",
        (c, true) if c == column => "descending",
        _ => "none",
    };
    let mark = move || match aria_sort() {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "",
    };
    let on_click = move |_| {
        let next = match sort.get_untracked() {
            (c, false) if c == column => (column, true),
            _ => (column, false),
        };
        state.navigate(move |u| u.sort = Some(next));
    };
    view! {
        <th scope="col" aria-sort=aria_sort class:col-extra=!on_phone(column)>
            <button type="button" class="sort-button" on:click=on_click>
                {move || column_label(state.messages(), column)}
                <span aria-hidden="true" class="sort-mark">{mark}</span>
            </button>
        </th>
    }
}

/// On a phone: one menu to sort by any column, either way.
#[component]
fn SortMenu() -> impl IntoView {
    let state = use_app_state();
    let sort = state.query.sort;
    let options = move || {
        let m = state.messages();
        let current = sort.get();
        SortColumn::ALL
            .into_iter()
            .flat_map(|c| [(c, false), (c, true)])
            .map(|(c, descending)| {
                let arrow = if descending { "▼" } else { "▲" };
                let value = format!("{}:{}", c.as_str(), if descending { "desc" } else { "asc" });
                let selected = current == (c, descending);
                view! { <option value=value selected=selected>{format!("{} {arrow}", column_label(m, c))}</option> }
            })
            .collect_view()
    };
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        let Some((column, order)) = value.split_once(':') else { return };
        if let Some(c) = SortColumn::parse(column) {
            let descending = order == "desc";
            state.navigate(move |u| u.sort = Some((c, descending)));
        }
    };
    view! {
        <label class="table-sort">
            {move || state.messages().sort_by} " "
            <select on:change=on_change>{options}</select>
        </label>
    }
}

/// One row, and on a phone its details below it when opened.
#[component]
fn Row(
    /// The partnership.
    pair: PairIdx,
) -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let open = RwSignal::new(false);
    let locale = state.locale.get_untracked();
    let r = explore.with_data(|d| table_row(d, pair, locale));
    let title = format!("{} – {}", r.home, r.partner);
    let m = locale.messages();
    let (label, more) =
        (fill(m.show_on_map, &[("pair", &title)]), fill(m.row_more_about, &[("pair", &title)]));
    let details_id = format!("row-{}", r.id);
    let id = r.id.clone();
    let show = move |_| {
        let id = id.clone();
        state.navigate(move |u| {
            u.pair = Some(id);
            u.selected = None;
            u.tab = Tab::Map;
        });
        state.request_fit();
    };
    let details = {
        let (id, r) = (details_id.clone(), r.clone());
        move || {
            let r = r.clone();
            open.get().then(|| view! {
                <tr class="row-details" id=id.clone()>
                    <td colspan="9">
                        <dl class="row-facts">
                            <dt>{m.filter_province}</dt><dd>{r.province}</dd>
                            <dt>{m.col_type}</dt><dd>{r.kind}</dd>
                            <dt>{m.col_status}</dt><dd>{r.status}</dd>
                            <dt>{m.col_sources}</dt><dd class="sources-cell"><SourceRefs sources=r.sources /></dd>
                        </dl>
                    </td>
                </tr>
            })
        }
    };
    view! {
        <tr class:open=open>
            <td><button type="button" class="link-button" aria-label=label on:click=show><span class=name_class(&r.home)>{r.home.clone()}</span></button></td>
            <td class="col-extra"><span class=name_class(&r.province)>{r.province.clone()}</span></td>
            <td>
                <span class=name_class(&r.partner)>{r.partner.clone()}</span>
                {r.disputed.then(|| view! { " " <span class="tag disputed" data-testid="disputed-mark">{m.pair_disputed}</span> })}
                {beside(&r.partner, &r.country).map(|c| view! { <span class="phone-only muted">" · " <span class=name_class(&c)>{c.clone()}</span></span> })}
            </td>
            <td class="col-extra"><span class=name_class(&r.country)>{r.country.clone()}</span></td>
            <td class="col-extra"><span class=name_class(r.kind)>{r.kind}</span></td>
            <td class="col-extra"><span class=name_class(r.status)>{r.status}</span></td>
            <td class="date-cell">
                {date_pieces(&r.date)
                    .into_iter()
                    .map(|piece| view! { <span class="nowrap">{piece.to_owned()}</span> })
                    .collect_view()}
            </td>
            <td class="sources-cell col-extra"><SourceRefs sources=r.sources.clone() /></td>
            <td class="col-more">
                <button
                    type="button"
                    class="button small"
                    aria-label=more
                    aria-expanded=move || open.get().to_string()
                    aria-controls=details_id
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {m.row_more}
                </button>
            </td>
        </tr>
        {details}
    }
}

/// The rows, a page at a time, with the pager.
#[component]
pub fn Pages(
    /// All rows, in order.
    rows: Vec<PairIdx>,
) -> impl IntoView {
    let state = use_app_state();
    let page = RwSignal::new(0usize);
    let pages = rows.len().div_ceil(PAGE_SIZE).max(1);
    let last = pages - 1;
    let body = move || {
        let start = page.get() * PAGE_SIZE;
        // The rows follow the language (they are rebuilt with it).
        state.locale.track();
        rows.iter().skip(start).take(PAGE_SIZE).map(|p| view! { <Row pair=*p /> }).collect_view()
    };
    let go = move |to: usize| page.set(to.min(last));
    view! {
        <SortMenu />
        <div class="table-scroll">
            <table class="data-table partnerships" data-testid="partnership-table">
                <caption class="visually-hidden">{move || state.messages().table_caption}</caption>
                <thead>
                    <tr>
                        {SortColumn::ALL.into_iter().map(header).collect_view()}
                        <th scope="col" class="col-extra">{move || state.messages().col_sources}</th>
                        <th scope="col" class="col-more"><span class="visually-hidden">{move || state.messages().row_more}</span></th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <nav class="pager" aria-label=move || state.messages().pages>
            <button type="button" class="button small" disabled=move || { page.get() == 0 } on:click=move |_| go(0)>
                {move || state.messages().first_page}
            </button>
            <button type="button" class="button small" disabled=move || { page.get() == 0 } on:click=move |_| go(page.get_untracked().saturating_sub(1))>
                {move || state.messages().previous_page}
            </button>
            <span data-testid="page-indicator" aria-live="polite">
                {move || fill(state.messages().page_of, &[("page", &(page.get() + 1).to_string()), ("pages", &pages.to_string())])}
            </span>
            <button type="button" class="button small" disabled=move || { page.get() >= last } on:click=move |_| go(page.get_untracked() + 1)>
                {move || state.messages().next_page}
            </button>
            <button type="button" class="button small" disabled=move || { page.get() >= last } on:click=move |_| go(last)>
                {move || state.messages().last_page}
            </button>
        </nav>
    }
}
