//! A seeded generator of synthetic partnership data for benchmarks: plausible places (real
//! coordinates jittered, invented names marked as such) and dates. The header says
//! `"synthetic": true` and the file is written under target/, never shipped as data.

use youcheng::model::format::schema::{
    WireFile, WireHeader, WirePair, WirePlace, WireSource, WireText, format_version,
};

/// SplitMix64: a tiny, well-mixed, seedable generator.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Generates `n_pairs` synthetic partnerships around the real places of `template` (the
/// China dataset): home places near Chinese places, partners near foreign ones.
pub fn generate(template: &WireFile, n_pairs: usize, seed: u64) -> WireFile {
    let mut rng = Rng::new(seed);
    let located: Vec<&WirePlace> = template.places.iter().filter(|p| p.lat.is_some()).collect();
    let homes: Vec<&WirePlace> = located.iter().copied().filter(|p| p.country == "CN").collect();
    let foreign: Vec<&WirePlace> = located.iter().copied().filter(|p| p.country != "CN").collect();
    let n_home = (n_pairs / 20).max(10);
    let n_partner = (n_pairs / 3).max(10);
    let mut places = Vec::with_capacity(n_home + n_partner);
    let jitter = |rng: &mut Rng, x: f64, span: f64| x + (rng.unit() - 0.5) * span;
    for i in 0..n_home {
        let base = homes[rng.below(homes.len())];
        places.push(WirePlace {
            id: format!("syn-h{i}"),
            en: format!("Synthetic {} {i}", base.en),
            zh: base.zh.as_ref().map(|z| format!("合成{z}{i}")),
            local: None,
            py: base.py.as_ref().map(|p| format!("{p}{i}")),
            level: base.level.clone(),
            parent: None,
            country: "CN".to_owned(),
            lat: base.lat.map(|v| (jitter(&mut rng, v, 1.0) * 1e4).round() / 1e4),
            lon: base.lon.map(|v| (jitter(&mut rng, v, 1.0) * 1e4).round() / 1e4),
            code: None,
            wikidata: None,
        });
    }
    for i in 0..n_partner {
        let base = foreign[rng.below(foreign.len())];
        places.push(WirePlace {
            id: format!("syn-p{i}"),
            en: format!("Synthetic {} {i}", base.en),
            zh: None,
            local: None,
            py: None,
            level: base.level.clone(),
            parent: None,
            country: base.country.clone(),
            lat: base
                .lat
                .map(|v| (jitter(&mut rng, v, 2.0).clamp(-89.0, 89.0) * 1e4).round() / 1e4),
            lon: base
                .lon
                .map(|v| (jitter(&mut rng, v, 2.0).clamp(-179.9, 179.9) * 1e4).round() / 1e4),
            code: None,
            wikidata: None,
        });
    }
    let mut seen = std::collections::HashSet::new();
    let mut pairs = Vec::with_capacity(n_pairs);
    let kinds =
        ["sister", "sister", "sister", "friendly", "friendly", "intent", "unknown", "unknown"];
    while pairs.len() < n_pairs {
        let h = rng.below(n_home);
        let p = rng.below(n_partner);
        if !seen.insert((h, p)) {
            continue;
        }
        let year = 1973 + rng.below(53) as i32;
        let est = match rng.below(10) {
            0 | 1 => None,
            2 | 3 => Some(format!("{year}")),
            4 => Some(format!("{year}-{:02}", 1 + rng.below(12))),
            _ => Some(format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))),
        };
        let kind = kinds[rng.below(kinds.len())];
        pairs.push(WirePair {
            id: format!("syn{}", pairs.len()),
            home: format!("syn-h{h}"),
            partner: format!("syn-p{p}"),
            kind: kind.to_owned(),
            status: if kind == "intent" { "pending" } else { "active" }.to_owned(),
            est,
            est_basis: None,
            ended: None,
            src: vec!["synthetic".to_owned()],
            note: None,
            history: Vec::new(),
            alt: Vec::new(),
            disputed: None,
        });
    }
    let used: std::collections::BTreeSet<&str> =
        places.iter().map(|p| p.country.as_str()).collect();
    WireFile {
        format: youcheng::model::format::load::FORMAT_NAME.to_owned(),
        version: format_version(),
        dataset: WireHeader {
            id: format!("synthetic-{n_pairs}-{seed}"),
            version: "synthetic".to_owned(),
            date: None,
            title: WireText {
                en: format!(
                    "SYNTHETIC benchmark data: {n_pairs} invented partnerships (seed {seed})"
                ),
                zh: Some(format!("合成的基准测试数据：{n_pairs}对虚构关系")),
            },
            focus: Some("CN".to_owned()),
            licence: None,
            attribution: vec![WireText {
                en: "Generated by youcheng-data synthetic; not real data".to_owned(),
                zh: Some("由youcheng-data synthetic生成，并非真实数据".to_owned()),
            }],
            synthetic: true,
            sources_file: None,
        },
        sources: vec![WireSource {
            id: "synthetic".to_owned(),
            title: "Generated for benchmarks; not a real source".to_owned(),
            url: None,
            document: None,
            licence: None,
            note: None,
        }],
        countries: template
            .countries
            .iter()
            .filter(|c| used.contains(c.iso.as_str()))
            .cloned()
            .collect(),
        places,
        partnerships: pairs,
        reported: Vec::new(),
    }
}
