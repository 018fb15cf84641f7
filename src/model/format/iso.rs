//! The ISO 3166-1 alpha-2 country codes (from the i18n-iso-countries package, MIT), used to
//! tell a mistyped code from a real country the file forgot to list.

const CODES: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

/// True when `code` is an ISO 3166-1 alpha-2 code (upper case), or XK (Kosovo, user-assigned
/// but universal).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && CODES.as_bytes().chunks(2).any(|c| c == code.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_real_codes_and_refuses_others() {
        for code in ["CN", "JP", "US", "ZW", "AD", "XK", "TW", "HK"] {
            assert!(is_country_code(code), "{code}");
        }
        for code in ["", "C", "cn", "ZZ", "XX", "CHN", "C1", "中国", "UK"] {
            assert!(!is_country_code(code), "{code}");
        }
    }
}
