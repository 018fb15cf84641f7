//! The static first view's panels beside its map, as the app's markup (its classes, so they sit
//! where the app draws them): the filter column, the playback bar and the legend, once per
//! language (the stylesheet shows the page's). Their words and counts come from the core
//! (`show::first_view_panels`). The controls are shown unusable until the app is there:
//! form controls `disabled`, buttons `aria-disabled`, the column `aria-busy`; a click says so
//! (`first-view.js`). Everything written is escaped.

use std::fmt::Write;

use youcheng::model::format::dataset::Dataset;
use youcheng::model::i18n::Locale;
use youcheng::model::show::first_view_panels::{
    FilterGroup, filter_panel, legend_items, playback_words,
};
use youcheng::model::show::map_draw::escape;

/// The filter column (a laptop shows it beside the map; a phone keeps it in its closed drawer).
pub fn sidebar(dataset: &Dataset) -> String {
    let mut out = String::from(
        "<aside class=\"sidebar yc-static-sidebar\" aria-busy=\"true\" data-testid=\"static-filters\">",
    );
    for locale in Locale::ALL.iter().copied() {
        let lang = lang_class(locale);
        let panel = filter_panel(dataset, locale);
        let _ = write!(
            out,
            "<div class=\"yc-{lang}\"><div class=\"drawer-head\"><h2 class=\"panel-title\">{}</h2></div><div class=\"filters\">",
            escape(&panel.title)
        );
        for section in &panel.sections {
            let _ = write!(
                out,
                "<section class=\"filter-section\"><h3>{}</h3>",
                escape(&section.heading)
            );
            if let Some((label, placeholder)) = &section.picker {
                let _ = write!(
                    out,
                    "<div class=\"picker search\"><label class=\"field\"><span>{}</span></label><input type=\"text\" disabled placeholder=\"{}\"></div>",
                    escape(label),
                    escape(placeholder)
                );
            }
            for group in &section.groups {
                out.push_str(&check_group(group, lang));
            }
            if let Some(after) = &section.after {
                let _ = write!(
                    out,
                    "<label class=\"check small\"><input type=\"checkbox\" disabled><span>{}</span></label>",
                    escape(after)
                );
            }
            out.push_str("</section>");
        }
        let y = &panel.years;
        let (first, last) = y.span;
        let _ = write!(
            out,
            "<section class=\"filter-section\"><h3>{}</h3><div class=\"year-range\"><label class=\"field inline\"><span>{}</span><input type=\"number\" disabled value=\"{first}\"></label><label class=\"field inline\"><span>{}</span><input type=\"number\" disabled value=\"{last}\"></label><div class=\"year-sliders\"><input type=\"range\" disabled min=\"{first}\" max=\"{last}\" value=\"{first}\"><input type=\"range\" disabled min=\"{first}\" max=\"{last}\" value=\"{last}\"></div></div>",
            escape(&y.heading),
            escape(&y.from),
            escape(&y.to)
        );
        for keep in &y.keep {
            let _ = write!(
                out,
                "<label class=\"check\"><input type=\"checkbox\" disabled checked><span>{}</span></label>",
                escape(keep)
            );
        }
        let _ = write!(
            out,
            "<label class=\"field inline\"><span>{}</span><input type=\"date\" disabled></label></section></div></div>",
            escape(&y.known_by)
        );
    }
    out.push_str("</aside>");
    out
}

/// One group of checkboxes (or radio buttons, the first chosen) with its counts.
fn check_group(group: &FilterGroup, lang: &str) -> String {
    let mut out = format!(
        "<fieldset class=\"check-group\" data-testid=\"{}\"><legend>{}</legend>",
        group.testid,
        escape(&group.legend)
    );
    for (i, value) in group.values.iter().enumerate() {
        let input = if group.radio {
            let checked = if i == 0 { " checked" } else { "" };
            format!(
                "<input type=\"radio\" name=\"yc-static-{}-{lang}\" disabled{checked}>",
                group.testid
            )
        } else {
            "<input type=\"checkbox\" disabled>".to_owned()
        };
        let _ = write!(
            out,
            "<label class=\"check{}\">{input}<span>{}</span>{}</label>",
            if value.empty { " empty" } else { "" },
            escape(&value.label),
            value
                .count
                .as_deref()
                .map(|c| format!("<span class=\"count\">{}</span>", escape(c)))
                .unwrap_or_default()
        );
    }
    out.push_str("</fieldset>");
    out
}

/// The playback bar and the legend over the map's bottom edge (the app's `map-foot`).
pub fn map_foot(dataset: &Dataset) -> String {
    let mut out = String::from("<div class=\"map-foot\">");
    for locale in Locale::ALL.iter().copied() {
        let lang = lang_class(locale);
        let p = playback_words(dataset, locale);
        let (first, last) = p.span;
        let _ = write!(
            out,
            "<div class=\"playback yc-{lang}\" role=\"group\" aria-label=\"{}\"><button type=\"button\" class=\"button small\" aria-pressed=\"false\" aria-disabled=\"true\" tabindex=\"-1\">{}</button><button type=\"button\" class=\"icon-button\" aria-label=\"{back}\" title=\"{back}\" aria-disabled=\"true\" tabindex=\"-1\">‹</button><button type=\"button\" class=\"icon-button\" aria-label=\"{forward}\" title=\"{forward}\" aria-disabled=\"true\" tabindex=\"-1\">›</button><input type=\"range\" disabled min=\"{first}\" max=\"{last}\" value=\"{last}\" aria-label=\"{}\"><output class=\"play-year\">{}</output><label class=\"field inline\"><span class=\"visually-hidden\">{}</span><select disabled><option>1×</option><option>2×</option><option>4×</option></select></label></div>",
            escape(&p.label),
            escape(&p.play),
            escape(&p.year),
            escape(&p.shown),
            escape(&p.speed),
            back = escape(&p.back),
            forward = escape(&p.forward),
        );
    }
    for locale in Locale::ALL.iter().copied() {
        let (items, size) = legend_items(locale);
        let _ = write!(
            out,
            "<div class=\"legend yc-{}\"><h3 class=\"visually-hidden\">{}</h3><ul class=\"legend-items\">",
            lang_class(locale),
            escape(locale.messages().legend)
        );
        for (class, text) in items {
            let _ = write!(
                out,
                "<li><span class=\"{}\" aria-hidden=\"true\"></span>{}</li>",
                escape(&class),
                escape(&text)
            );
        }
        let _ = write!(out, "<li>{}</li></ul></div>", escape(&size));
    }
    out.push_str("</div>");
    out
}

/// The class of a language's copy of a text (`yc-en`, `yc-zh` without the prefix).
pub fn lang_class(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "en",
        Locale::Zh => "zh",
    }
}
