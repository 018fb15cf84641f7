//! The panels the static first view draws beside its map, in words: the filter column (its
//! sections, groups and every value with its count), the legend and the playback bar, for the
//! default view in one language. Worked out by the same functions as the app's panels
//! (`ui::filters`, `ui::map::legend`, `ui::map::playback`: `SetDim`, `KeepFlag`, the facets of
//! `ask::filter::apply`), so the page shows before any wasm runs what the app will show there.

use crate::model::ask::filter::{Filters, KeepFlag, Section, SetDim, apply, year_span};
use crate::model::format::dataset::{Dataset, Kind, ScoStatus};
use crate::model::i18n::{Locale, kind_label, sco_label};
use crate::model::show::describe::playback_label;

/// One value of a filter group: its label, its count as the app writes it (" (597)" /
/// "（597）"; `None` where the app shows none) and whether it would give no pairs.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterValue {
    /// The value's label.
    pub label: String,
    /// Its count in parentheses, as the app writes it.
    pub count: Option<String>,
    /// No pair has it (the app greys it).
    pub empty: bool,
}

/// A group of checkboxes (or radio buttons) with its legend.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterGroup {
    /// The group's legend.
    pub legend: String,
    /// The app's test id of the group.
    pub testid: &'static str,
    /// Radio buttons (one choice) rather than checkboxes.
    pub radio: bool,
    /// The values, in the app's order.
    pub values: Vec<FilterValue>,
}

/// A section of the filter column: its heading, the list picker above its groups (label and
/// placeholder), its groups, and a last lone checkbox (the SCO's time choice).
#[derive(Clone, Debug, PartialEq)]
pub struct FilterSection {
    /// The section's heading.
    pub heading: String,
    /// The picker's label and placeholder.
    pub picker: Option<(String, String)>,
    /// The groups.
    pub groups: Vec<FilterGroup>,
    /// A checkbox after the groups.
    pub after: Option<String>,
}

/// The year section: its heading, the boxes' labels, the span, the keep checkboxes (with the
/// groups' sizes) and the date cut's label.
#[derive(Clone, Debug, PartialEq)]
pub struct YearWords {
    /// The heading.
    pub heading: String,
    /// "From".
    pub from: String,
    /// "To".
    pub to: String,
    /// The first and last year offered.
    pub span: (i32, i32),
    /// The keep checkboxes' words.
    pub keep: Vec<String>,
    /// The date cut's label.
    pub known_by: String,
}

/// The filter column of the default view.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterPanel {
    /// The column's title.
    pub title: String,
    /// The sections, in the app's order.
    pub sections: Vec<FilterSection>,
    /// The year section.
    pub years: YearWords,
}

/// The filter column as the app shows it for an address without filters.
pub fn filter_panel(dataset: &Dataset, locale: Locale) -> FilterPanel {
    let m = locale.messages();
    let filters = Filters::default();
    let facets = apply(dataset, &filters).facets;
    let value = |label: String, n: usize| FilterValue {
        label,
        count: Some(locale.count_in_parentheses(n as u64)),
        empty: n == 0,
    };
    let groups = |section: Section| -> Vec<FilterGroup> {
        SetDim::ALL
            .into_iter()
            .filter(|d| d.section() == section)
            .map(|dim| FilterGroup {
                legend: dim.legend(locale).to_owned(),
                testid: dim.testid(),
                radio: false,
                values: dim
                    .values()
                    .into_iter()
                    .map(|v| value(dim.label(locale, v), dim.count(&facets, v)))
                    .collect(),
            })
            .collect()
    };
    // Belt and Road: the app shows a count only beside a chosen programme, and none is.
    let bri = FilterGroup {
        legend: m.filter_bri.to_owned(),
        testid: "bri-filter",
        radio: true,
        values: [m.bri_any, m.bri_now, m.bri_at_signing]
            .into_iter()
            .map(|l| FilterValue { label: l.to_owned(), count: None, empty: false })
            .collect(),
    };
    let sco = FilterGroup {
        legend: m.filter_sco.to_owned(),
        testid: "sco-filter",
        radio: false,
        values: [ScoStatus::Member, ScoStatus::Observer, ScoStatus::DialoguePartner]
            .into_iter()
            .map(|s| {
                value(sco_label(locale, s).to_owned(), facets.sco.get(&s).copied().unwrap_or(0))
            })
            .collect(),
    };
    let mut partner = groups(Section::Partner);
    partner.extend([bri, sco]);
    let span = year_span(dataset);
    FilterPanel {
        title: m.filters_title.to_owned(),
        sections: vec![
            FilterSection {
                heading: m.filter_home_side.to_owned(),
                picker: Some((m.filter_province.to_owned(), m.choose_province.to_owned())),
                groups: groups(Section::Home),
                after: None,
            },
            FilterSection {
                heading: m.filter_partner_side.to_owned(),
                picker: Some((m.filter_country.to_owned(), m.choose_country.to_owned())),
                groups: partner,
                after: Some(m.sco_at_signing.to_owned()),
            },
            FilterSection {
                heading: m.filter_relationship.to_owned(),
                picker: None,
                groups: groups(Section::Relationship),
                after: None,
            },
        ],
        years: YearWords {
            heading: m.filter_years.to_owned(),
            from: m.year_from.to_owned(),
            to: m.year_to.to_owned(),
            span: (span.first, span.last),
            keep: KeepFlag::ALL.iter().map(|f| f.label(locale, f.count(&facets))).collect(),
            known_by: m.known_by_label.to_owned(),
        },
    }
}

/// The legend's items (the swatch's classes and the words) as the app's legend shows them
/// with links drawn (no shading classes), then the line on marker size.
pub fn legend_items(locale: Locale) -> (Vec<(String, String)>, String) {
    let m = locale.messages();
    let mut items: Vec<(String, String)> = Kind::ALL
        .iter()
        .map(|k| (format!("swatch line {}", k.as_str()), kind_label(locale, *k).to_owned()))
        .collect();
    items.push(("swatch line mixed".to_owned(), m.legend_mixed.to_owned()));
    items.push(("swatch dot home".to_owned(), m.legend_chinese_place.to_owned()));
    items.push(("swatch dot partner".to_owned(), m.legend_partner_place.to_owned()));
    (items, m.legend_marker_size.to_owned())
}

/// The playback bar of the default view: its words and the span its slider covers.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaybackWords {
    /// The group's label.
    pub label: String,
    /// "Play".
    pub play: String,
    /// The step buttons' labels.
    pub back: String,
    /// The step buttons' labels.
    pub forward: String,
    /// The slider's label.
    pub year: String,
    /// What the bar shows as the year ("All years").
    pub shown: String,
    /// The speed's label.
    pub speed: String,
    /// The first and last year.
    pub span: (i32, i32),
}

/// The playback bar as the app shows it for an address without filters or playback year.
pub fn playback_words(dataset: &Dataset, locale: Locale) -> PlaybackWords {
    let m = locale.messages();
    let span = year_span(dataset);
    PlaybackWords {
        label: m.playback.to_owned(),
        play: m.play.to_owned(),
        back: m.step_back.to_owned(),
        forward: m.step_forward.to_owned(),
        year: m.playback_year.to_owned(),
        shown: playback_label(&Filters::default(), None, locale),
        speed: m.speed.to_owned(),
        span: (span.first, span.last),
    }
}
