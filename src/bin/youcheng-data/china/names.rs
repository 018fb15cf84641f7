//! Chinese place names: the name without its administrative suffix, an English name for a
//! division the reviewed table does not have, and pinyin chosen to match the English name.

use pinyin::ToPinyinMulti;

use crate::util::fold;

/// Words after a Chinese place's pinyin name that say its kind.
pub const CN_KIND_WORDS: &[&str] =
    &[" District", " County", " Prefecture", " Banner", " League", " City", " New Area"];

const ZH_SUFFIXES: &[&str] = &[
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "新区",
    "街道",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
];

/// The Chinese name without its administrative suffix ("西安市" → "西安"), keeping at least
/// two characters.
pub fn short_zh(zh: &str) -> &str {
    // Ethnic autonomous names: keep the place name before the ethnic part.
    let first_marker = [
        "朝鲜族",
        "布依族",
        "白族",
        "傣族",
        "藏族",
        "回族",
        "蒙古族",
        "土家族",
        "苗族",
        "彝族",
        "哈尼族",
        "侗族",
        "瑶族",
        "壮族",
        "满族",
        "畲族",
        "黎族",
        "羌族",
        "仡佬族",
        "纳西族",
        "拉祜族",
        "佤族",
        "傈僳族",
        "景颇族",
        "撒拉族",
        "东乡族",
        "保安族",
        "裕固族",
        "哈萨克族",
        "柯尔克孜族",
        "塔吉克族",
        "锡伯族",
        "达斡尔族",
        "鄂温克族",
        "鄂伦春族",
        "水族",
        "毛南族",
        "仫佬族",
        "普米族",
        "怒族",
        "独龙族",
        "土族",
    ]
    .iter()
    .filter_map(|m| zh.find(m))
    .filter(|pos| zh[..*pos].chars().count() >= 2)
    .min();
    if let Some(pos) = first_marker {
        return &zh[..pos];
    }
    for suffix in ZH_SUFFIXES {
        if let Some(stem) = zh.strip_suffix(suffix)
            && stem.chars().count() >= 2
        {
            return stem;
        }
    }
    zh
}

/// The English name of a division that the reviewed table does not have: the pinyin of its
/// name without the suffix, capitalised, with the English word for its kind.
pub fn english_name(zh: &str) -> String {
    let stem = short_zh(zh);
    let pinyin = pinyin_for(zh, "").unwrap_or_default();
    let mut chars = pinyin.chars();
    let capitalised = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
        None => stem.to_owned(),
    };
    let kind = if zh.ends_with("自治州") || zh.ends_with("地区") {
        " Prefecture"
    } else if zh.ends_with("自治县") || zh.ends_with('县') {
        " County"
    } else if zh.ends_with('区') {
        " District"
    } else if zh.ends_with('旗') {
        " Banner"
    } else if zh.ends_with('盟') {
        " League"
    } else {
        ""
    };
    format!("{capitalised}{kind}")
}

/// Pinyin of a Chinese name, chosen among the readings of its characters so that it matches
/// the English name when the English name is pinyin ("长宁" → "changning", not "zhangning");
/// exonyms such as Harbin fall back to the first readings.
pub fn pinyin_for(zh: &str, en: &str) -> Option<String> {
    let stem = short_zh(zh);
    let readings: Vec<Vec<&'static str>> = stem
        .to_pinyin_multi()
        .map(|m| m.map(|m| m.into_iter().map(|p| p.plain()).collect()).unwrap_or_default())
        .collect();
    if readings.iter().any(Vec::is_empty) {
        return None;
    }
    let english = fold(
        en.trim_end_matches(" District")
            .trim_end_matches(" County")
            .trim_end_matches(" New Area")
            .trim_end_matches(" City"),
    );
    // Depth-first search for a reading sequence that spells the English name.
    fn search(readings: &[Vec<&'static str>], target: &str, acc: &mut String) -> bool {
        let Some((first, rest)) = readings.split_first() else { return acc == target };
        for r in first {
            let len = acc.len();
            acc.push_str(r);
            if target.starts_with(acc.as_str()) && search(rest, target, acc) {
                return true;
            }
            acc.truncate(len);
        }
        false
    }
    let mut acc = String::new();
    if search(&readings, &english, &mut acc) {
        return Some(acc);
    }
    Some(
        stem.chars()
            .zip(&readings)
            .map(|(c, r)| {
                PLACE_READINGS.iter().find(|(h, _)| *h == c).map_or(r[0], |(_, reading)| reading)
            })
            .collect(),
    )
}

/// Readings that place names use where the dictionary's first reading is another one
/// (长清 Changqing, not Zhangqing; 六安 Lu'an; 蚌埠 Bengbu).
const PLACE_READINGS: &[(char, &str)] =
    &[('长', "chang"), ('重', "chong"), ('厦', "xia"), ('六', "lu"), ('蚌', "beng"), ('乐', "le")];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_follows_the_english_name_among_the_readings() {
        assert_eq!(pinyin_for("长宁区", "Changning District").as_deref(), Some("changning"));
        assert_eq!(pinyin_for("重庆市", "Chongqing").as_deref(), Some("chongqing"));
        assert_eq!(pinyin_for("厦门市", "Xiamen").as_deref(), Some("xiamen"));
        assert_eq!(pinyin_for("西安市", "Xi'an").as_deref(), Some("xian"));
        assert_eq!(pinyin_for("绥芬河市", "Suifenhe").as_deref(), Some("suifenhe"));
        // An exonym: no reading spells "harbin", so the first readings are used.
        assert_eq!(pinyin_for("哈尔滨市", "Harbin").as_deref(), Some("haerbin"));
    }

    #[test]
    fn short_names_drop_the_administrative_suffix() {
        assert_eq!(short_zh("西安市"), "西安");
        assert_eq!(short_zh("长宁区"), "长宁");
        assert_eq!(short_zh("广西壮族自治区"), "广西");
        assert_eq!(short_zh("延边朝鲜族自治州"), "延边");
        assert_eq!(short_zh("唐县"), "唐县");
        assert_eq!(short_zh("浦东新区"), "浦东");
    }

    #[test]
    fn new_divisions_get_place_name_readings_and_their_kind() {
        assert_eq!(english_name("长清区"), "Changqing District");
        assert_eq!(english_name("芷江侗族自治县"), "Zhijiang County");
        assert_eq!(english_name("临夏回族自治州"), "Linxia Prefecture");
    }
}
