//! The mapping step: each column of a user's list with what it is read as (one choice per
//! column) above its first rows. Shown whenever a list of rows is loaded or refused; a choice
//! reads the list again (`ui::import::choose_role`).

use leptos::prelude::*;

use crate::model::i18n::{Locale, column_role_label, fill};
use crate::model::read::import_csv::{COLUMNS, Columns};
use crate::ui::import::choose_role;
use crate::ui::state::{AppState, use_app_state};

/// The mapping card, when the data shown or refused is a list of rows.
#[component]
pub fn ColumnMapping() -> impl IntoView {
    let state = use_app_state();
    move || {
        let columns = state.data.columns.get()?;
        let name = state.data.sheet.with(|s| s.as_ref().map(|s| s.name.clone()))?;
        Some(view! { <ColumnsCard state columns name /> })
    }
}

fn roles_text(locale: Locale, roles: &[&str]) -> String {
    let sep = if locale == Locale::Zh { "、" } else { ", " };
    roles.iter().map(|r| column_role_label(locale, r)).collect::<Vec<_>>().join(sep)
}

#[component]
fn ColumnsCard(state: AppState, columns: Columns, name: String) -> impl IntoView {
    let Columns { header, roles, preview, missing, doubtful } = columns;
    let l = move || state.locale.get();
    let heads = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let role = roles.get(i).copied().flatten();
            view! { <th scope="col"><RoleChoice state column=i header=h.clone() role /></th> }
        })
        .collect_view();
    let rows = preview
        .into_iter()
        .map(|row| view! { <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="columns-title" data-testid="column-mapping">
            <h2 id="columns-title">{move || state.messages().columns_title}</h2>
            <p>{move || fill(state.messages().columns_help, &[("name", &name)])}</p>
            {(!missing.is_empty()).then(|| view! {
                <p class="notice warning" role="alert" data-testid="columns-missing">
                    {move || fill(state.messages().columns_missing, &[("roles", &roles_text(l(), &missing))])}
                </p>
            })}
            {(!doubtful.is_empty()).then(|| view! {
                <p class="notice" data-testid="columns-doubtful">
                    {move || fill(state.messages().columns_doubtful, &[("roles", &roles_text(l(), &doubtful))])}
                </p>
            })}
            <div class="table-scroll">
                <table class="mapping">
                    <thead><tr>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// One column's header and its choice of role.
#[component]
fn RoleChoice(
    state: AppState,
    column: usize,
    header: String,
    role: Option<&'static str>,
) -> impl IntoView {
    let label = {
        let header = header.clone();
        move || {
            let n = (column + 1).to_string();
            fill(state.messages().column_choice, &[("n", &n), ("header", &header)])
        }
    };
    let change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = COLUMNS.iter().map(|(n, _)| *n).find(|n| *n == value);
        choose_role(state, column, chosen);
    };
    let options = move || {
        let l = state.locale.get();
        let unused = view! {
            <option value="-" selected=role.is_none()>{state.messages().column_unused}</option>
        };
        let roles = COLUMNS
            .iter()
            .map(|(n, _)| {
                view! { <option value=*n selected=role == Some(*n)>{column_role_label(l, n)}</option> }
            })
            .collect_view();
        (unused, roles)
    };
    view! {
        <span class="column-header">{header}</span>
        <select aria-label=label on:change=change>{options}</select>
    }
}
