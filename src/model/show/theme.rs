//! Host theming: a host page may give an accent colour; the text drawn on it must stay
//! readable (WCAG AA, 4.5:1), so the app picks black or white text by contrast.
//!
//! ```
//! use youcheng::model::show::theme::{contrast_ratio, text_on};
//! assert_eq!(text_on("#b3261e"), "#ffffff");
//! assert_eq!(text_on("#ffd400"), "#000000");
//! assert!((contrast_ratio("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
//! ```

/// The red, green and blue of `#rrggbb` or `#rgb` (surrounding spaces allowed).
///
/// ```
/// use youcheng::model::show::theme::parse_hex;
/// assert_eq!(parse_hex(" #b3261e"), Some((0xb3, 0x26, 0x1e)));
/// assert_eq!(parse_hex("#fa0"), Some((0xff, 0xaa, 0x00)));
/// assert_eq!(parse_hex("red"), None);
/// ```
pub fn parse_hex(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.is_ascii() {
        return None;
    }
    let long: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => return None,
    };
    let channel = |i: usize| u8::from_str_radix(&long[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// Relative luminance of `#rrggbb` (WCAG 2.1 definition).
fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).ok()?) / 255.0;
        Some(if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// The WCAG contrast ratio of two `#rrggbb` colours (1 to 21).
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// Black or white, whichever reads better on `background`.
pub fn text_on(background: &str) -> &'static str {
    let white = contrast_ratio(background, "#ffffff").unwrap_or(21.0);
    let black = contrast_ratio(background, "#000000").unwrap_or(1.0);
    if white >= black { "#ffffff" } else { "#000000" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_on_any_accent_meets_the_large_text_minimum_and_usually_aa() {
        // For any background, the better of black and white reaches at least 4.58:1.
        let mut worst = f64::MAX;
        for r in (0..=255).step_by(15) {
            for g in (0..=255).step_by(15) {
                for b in (0..=255).step_by(15) {
                    let bg = format!("#{r:02x}{g:02x}{b:02x}");
                    let ratio = contrast_ratio(&bg, text_on(&bg)).expect("valid colours");
                    worst = worst.min(ratio);
                }
            }
        }
        assert!(worst >= 4.5, "worst contrast {worst:.2}");
    }

    #[test]
    fn malformed_colours_are_refused() {
        assert_eq!(contrast_ratio("red", "#ffffff"), None);
        assert_eq!(contrast_ratio("#12345", "#ffffff"), None);
        assert_eq!(contrast_ratio("#é2345", "#ffffff"), None);
        assert_eq!(text_on("nonsense"), "#ffffff");
    }
}
