//! The map's colours, read from the page's CSS custom properties (`--yc-map-*`, `--yc-arc-*`),
//! so a host page can theme the map.

use crate::model::format::dataset::Kind;

/// Colours read from the page's CSS custom properties.
#[derive(Clone, Debug)]
pub struct Palette {
    pub(super) sea: String,
    pub(super) land: String,
    pub(super) home: String,
    pub(super) border: String,
    pub(super) graticule: String,
    pub(super) province: String,
    pub(super) dash: String,
    pub(super) sister: String,
    pub(super) friendly: String,
    pub(super) intent: String,
    pub(super) unknown: String,
    pub(super) mixed: String,
    pub(super) home_marker: String,
    pub(super) partner_marker: String,
    pub(super) marker_stroke: String,
    pub(super) label: String,
    pub(super) label_halo: String,
    pub(super) focus: String,
    pub(super) classes: [String; 7],
}

impl Palette {
    /// Reads the palette from an element's computed style.
    pub fn read(element: &web_sys::Element) -> Palette {
        let style = web_sys::window().and_then(|w| w.get_computed_style(element).ok().flatten());
        let get = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_owned())
        };
        Palette {
            sea: get("--yc-map-sea", "#dfe9f2"),
            land: get("--yc-map-land", "#f4f1ea"),
            home: get("--yc-map-home", "#f6dcd6"),
            border: get("--yc-map-border", "#a9a29a"),
            graticule: get("--yc-map-graticule", "#c9d6e3"),
            province: get("--yc-map-province", "#c99d94"),
            dash: get("--yc-map-dash", "#6b2a22"),
            sister: get("--yc-arc-sister", "#d55e00"),
            friendly: get("--yc-arc-friendly", "#0072b2"),
            intent: get("--yc-arc-intent", "#009e73"),
            unknown: get("--yc-arc-unknown", "#5b6b7d"),
            mixed: get("--yc-arc-mixed", "#7b4f9d"),
            home_marker: get("--yc-marker-home", "#b3261e"),
            partner_marker: get("--yc-marker-partner", "#1f4e79"),
            marker_stroke: get("--yc-marker-stroke", "#ffffff"),
            label: get("--yc-map-label", "#1b1f24"),
            label_halo: get("--yc-map-label-halo", "#ffffff"),
            focus: get("--yc-focus", "#0b57d0"),
            classes: [
                get("--yc-class-1", "#ffffcc"),
                get("--yc-class-2", "#c7e9b4"),
                get("--yc-class-3", "#7fcdbb"),
                get("--yc-class-4", "#41b6c4"),
                get("--yc-class-5", "#1d91c0"),
                get("--yc-class-6", "#225ea8"),
                get("--yc-class-7", "#0c2c84"),
            ],
        }
    }

    /// The colour of an arc type.
    pub fn arc(&self, kind: Option<Kind>) -> &str {
        match kind {
            Some(Kind::Sister) => &self.sister,
            Some(Kind::Friendly) => &self.friendly,
            Some(Kind::Intent) => &self.intent,
            Some(Kind::Unknown) => &self.unknown,
            None => &self.mixed,
        }
    }

    /// The fill of a choropleth class (1..=7).
    pub fn class(&self, class: u8) -> &str {
        &self.classes[(class.clamp(1, 7) - 1) as usize]
    }
}
