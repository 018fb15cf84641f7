//! Chart colours from the page's CSS custom properties (`--yc-chart-*`), so a host page and
//! the dark theme restyle the charts.

use leptos::prelude::window;
use plotters::style::RGBColor;

use crate::model::show::charts::ChartStyle;
use crate::model::show::theme::parse_hex;

/// The chart style for `element`'s computed colours, drawn at `scale` (device pixels per CSS
/// pixel); a colour that is not `#rgb`/`#rrggbb` keeps its default.
pub fn chart_style(element: &web_sys::Element, scale: f64) -> ChartStyle {
    let defaults = ChartStyle::default();
    let computed = window().get_computed_style(element).ok().flatten();
    let colour = |name: &str, fallback: RGBColor| {
        computed
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .and_then(|v| parse_hex(&v))
            .map_or(fallback, |(r, g, b)| RGBColor(r, g, b))
    };
    ChartStyle {
        background: colour("--yc-chart-background", defaults.background),
        text: colour("--yc-chart-text", defaults.text),
        grid: colour("--yc-chart-grid", defaults.grid),
        bar: colour("--yc-chart-bar", defaults.bar),
        highlight: colour("--yc-chart-highlight", defaults.highlight),
        font: "sans-serif".to_owned(),
        scale,
    }
}
