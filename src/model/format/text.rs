//! Folding names for matching and search: case, Latin accents and punctuation are ignored, so
//! "Cegléd", "cegled" and "CEGLED" match, and "Xi'an" matches "xian". Other scripts (Chinese,
//! Cyrillic, Hangul) are kept as written.
//!
//! ```
//! use youcheng::model::format::text::fold;
//! assert_eq!(fold("Xi'an"), "xian");
//! assert_eq!(fold("São Tomé"), "saotome");
//! assert_eq!(fold("西安市"), "西安市");
//! ```

/// Folds a name for matching: lower case ASCII letters and digits only, Latin diacritics
/// removed ("Cegléd" and "Cegled" fold alike). Other scripts are kept as they are.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let base = strip_diacritic(c);
        let piece: String = if base.is_empty() { c.to_string() } else { base.to_owned() };
        for b in piece.chars().flat_map(char::to_lowercase) {
            if b.is_ascii_alphanumeric() || (!b.is_ascii() && b.is_alphanumeric()) {
                out.push(b);
            }
        }
    }
    out
}

fn strip_diacritic(c: char) -> &'static str {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăą", "a"),
        ("ÀÁÂÃÄÅĀĂĄ", "A"),
        ("çćĉċč", "c"),
        ("ÇĆĈĊČ", "C"),
        ("ďđ", "d"),
        ("ĎĐ", "D"),
        ("èéêëēĕėęě", "e"),
        ("ÈÉÊËĒĔĖĘĚ", "E"),
        ("ĝğġģ", "g"),
        ("ĜĞĠĢ", "G"),
        ("ĥħ", "h"),
        ("ĤĦ", "H"),
        ("ìíîïĩīĭįı", "i"),
        ("ÌÍÎÏĨĪĬĮİ", "I"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ĹĻĽĿŁ", "L"),
        ("ñńņňŉ", "n"),
        ("ÑŃŅŇ", "N"),
        ("òóôõöøōŏő", "o"),
        ("ÒÓÔÕÖØŌŎŐ", "O"),
        ("ŕŗř", "r"),
        ("ŔŖŘ", "R"),
        ("śŝşšș", "s"),
        ("ŚŜŞŠȘ", "S"),
        ("ţťŧț", "t"),
        ("ŢŤŦȚ", "T"),
        ("ùúûüũūŭůűų", "u"),
        ("ÙÚÛÜŨŪŬŮŰŲ", "U"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("ÝŸŶ", "Y"),
        ("źżž", "z"),
        ("ŹŻŽ", "Z"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("Æ", "AE"),
        ("œ", "oe"),
        ("Œ", "OE"),
        ("þ", "th"),
        ("ð", "d"),
    ];
    // Every accented letter of the table is in U+00C0..U+021B: anything else (ASCII, Chinese,
    // Cyrillic...) is answered without scanning it.
    if !('\u{c0}'..='\u{21b}').contains(&c) {
        return "";
    }
    for (chars, base) in TABLE {
        if chars.contains(c) {
            return base;
        }
    }
    // Not in the table: the caller keeps the character itself.
    ""
}

/// A URL- and id-friendly slug: ASCII letters and digits joined by hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    for c in name.chars() {
        let base = strip_diacritic(c);
        let piece: String = if base.is_empty() { c.to_string() } else { base.to_owned() };
        for b in piece.chars().flat_map(char::to_lowercase) {
            if b.is_ascii_alphanumeric() {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push(b);
            } else if b != '\'' && b != '’' {
                pending_hyphen = true;
            }
        }
    }
    out
}

/// True when `text` has the form of a place id: lower-case ASCII letters, digits, `-` and
/// `_`, 1 to 80 characters (what the URL accepts for `in=`, `sel=` and `prov=`).
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 80
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// True when `text` has the form of a partnership id: ASCII letters, digits, `-` and `_`, 1 to
/// 40 characters (what the URL accepts for `pair=` and `only=`).
pub fn is_pair_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 40
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_slugs_names() {
        assert_eq!(fold("Cegléd"), "cegled");
        assert_eq!(fold("Xi'an"), "xian");
        assert_eq!(fold("São Tomé"), "saotome");
        assert_eq!(fold("Ürümqi"), "urumqi");
        assert_eq!(fold("Kansas City, Missouri"), "kansascitymissouri");
        assert_eq!(slug("Kansas City, Missouri"), "kansas-city-missouri");
        assert_eq!(slug("Xi'an"), "xian");
        assert_eq!(slug("Bălți"), "balti");
        assert_eq!(slug("Ōita"), "oita");
        assert_eq!(slug("Budapest XV. District"), "budapest-xv-district");
    }
}
