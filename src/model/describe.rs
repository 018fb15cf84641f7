//! Filters as words, for export footers and link previews ("Shaanxi; Japan; 1974–2018").

use super::dataset::Dataset;
use super::filter::{Filters, ProgrammeTime};
use super::i18n::{
    Locale, continent_label, country_name, fill, kind_label, level_label, place_name, sco_label,
    status_label,
};

/// One label per active filter value, in the order the filter panel lists them.
pub fn filter_labels(dataset: &Dataset, filters: &Filters, locale: Locale) -> Vec<String> {
    let m = locale.messages();
    let place = |id: &str| {
        dataset
            .place_by_id(id)
            .map(|p| place_name(locale, dataset.place(p)).to_owned())
            .unwrap_or(id.to_owned())
    };
    let mut out = Vec::new();
    out.extend(filters.provinces.iter().map(|id| place(id)));
    if let Some(id) = &filters.place {
        let name = place(id);
        out.push(if filters.place_with_children {
            fill(m.chip_place_and_below, &[("place", &name)])
        } else {
            name
        });
    }
    out.extend(filters.levels.iter().map(|l| level_label(locale, *l).to_owned()));
    out.extend(filters.countries.iter().map(|iso| {
        dataset
            .country_by_iso(iso)
            .map(|c| country_name(locale, dataset.country(c)).to_owned())
            .unwrap_or(iso.clone())
    }));
    out.extend(filters.continents.iter().map(|c| continent_label(locale, *c).to_owned()));
    if let Some(t) = filters.bri {
        out.push(
            match t {
                ProgrammeTime::Now => m.bri_now,
                ProgrammeTime::AtSigning => m.bri_at_signing,
            }
            .to_owned(),
        );
    }
    out.extend(filters.sco.iter().map(|s| sco_label(locale, *s).to_owned()));
    out.extend(filters.kinds.iter().map(|k| kind_label(locale, *k).to_owned()));
    out.extend(filters.statuses.iter().map(|s| status_label(locale, *s).to_owned()));
    if let Some(r) = filters.years {
        out.push(fill(
            m.chip_years,
            &[("from", &r.from().to_string()), ("to", &r.to().to_string())],
        ));
        if !filters.include_undated {
            out.push(m.chip_no_undated.to_owned());
        }
    }
    out
}

/// The filters as one line: "Filters: Shaanxi; Japan" or "Filters: none".
pub fn filter_line(dataset: &Dataset, filters: &Filters, locale: Locale) -> String {
    let m = locale.messages();
    let labels = filter_labels(dataset, filters, locale);
    let separator = if locale == Locale::Zh { "；" } else { "; " };
    let list = if labels.is_empty() { m.no_filters.to_owned() } else { labels.join(separator) };
    fill(m.filters_line, &[("filters", &list)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filter::YearRange;
    use crate::model::load::load;

    #[test]
    fn describes_filters_in_both_languages() {
        let d = load(include_str!("../../tests/fixtures/small.json")).unwrap().dataset;
        let mut f = Filters::default();
        assert_eq!(filter_line(&d, &f, Locale::En), "Filters: none");
        f.provinces.insert("cn-shaanxi".into());
        f.countries.insert("JP".into());
        f.years = YearRange::new(1974, 2018);
        assert_eq!(filter_line(&d, &f, Locale::En), "Filters: Shaanxi; Japan; 1974–2018");
        assert_eq!(filter_line(&d, &f, Locale::Zh), "筛选条件：陕西；日本；1974—2018年");
    }
}
