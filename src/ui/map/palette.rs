//! The map's colours, read from the page's CSS custom properties (`--yc-map-*`, `--yc-arc-*`,
//! one per role the core names: `model::show::map_draw::Ink`), so a host page can theme the map.

use crate::model::show::map_draw::Ink;

/// Colours read from the page's CSS custom properties, in the order of `Ink::ALL`.
#[derive(Clone, Debug)]
pub struct Palette {
    colours: Vec<String>,
}

impl Palette {
    /// Reads the palette from an element's computed style (a role the page leaves unset
    /// takes its default colour).
    pub fn read(element: &web_sys::Element) -> Palette {
        let style = web_sys::window().and_then(|w| w.get_computed_style(element).ok().flatten());
        let colours = Ink::ALL
            .iter()
            .map(|ink| {
                style
                    .as_ref()
                    .and_then(|s| s.get_property_value(&format!("--yc-{}", ink.name())).ok())
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
                    .unwrap_or_else(|| ink.default_colour().to_owned())
            })
            .collect();
        Palette { colours }
    }

    /// The colour of a role.
    pub fn colour(&self, ink: Ink) -> &str {
        self.colours.get(ink.index()).map_or(ink.default_colour(), String::as_str)
    }
}
