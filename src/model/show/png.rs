//! PNG metadata: exported chart images carry their title, filters, source and permalink as
//! `iTXt` chunks (UTF-8, so Chinese titles survive), besides drawing them in the image. Image
//! viewers and archives show these fields, and a test can read them.

/// The 8-byte PNG signature.
const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// CRC-32 (ISO 3309, as PNG uses) of `bytes`.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xedb8_8320 & mask);
        }
    }
    !crc
}

/// One `iTXt` chunk: uncompressed UTF-8 text under a Latin-1 keyword (1–79 bytes; others are
/// trimmed or replaced so the chunk stays valid).
fn itxt_chunk(keyword: &str, text: &str) -> Vec<u8> {
    let mut key: String =
        keyword.chars().filter(|c| c.is_ascii_graphic() || *c == ' ').take(79).collect();
    if key.is_empty() {
        key.push_str("Comment");
    }
    let mut data = Vec::with_capacity(key.len() + text.len() + 5);
    data.extend_from_slice(key.as_bytes());
    // Null, compression flag 0, method 0, empty language tag, empty translated keyword.
    data.extend_from_slice(&[0, 0, 0, 0, 0]);
    data.extend_from_slice(text.replace('\0', " ").as_bytes());
    let mut chunk = Vec::with_capacity(data.len() + 12);
    chunk.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut typed = Vec::with_capacity(data.len() + 4);
    typed.extend_from_slice(b"iTXt");
    typed.extend_from_slice(&data);
    chunk.extend_from_slice(&typed);
    chunk.extend_from_slice(&crc32(&typed).to_be_bytes());
    chunk
}

/// `png` with a text chunk per entry inserted after the header chunk. Returns `None` when the
/// bytes are not a PNG starting with its IHDR chunk (the caller then keeps the original).
pub fn with_text(png: &[u8], entries: &[(&str, &str)]) -> Option<Vec<u8>> {
    if png.len() < 33 || png[..8] != SIGNATURE || &png[12..16] != b"IHDR" {
        return None;
    }
    let ihdr_len = u32::from_be_bytes([png[8], png[9], png[10], png[11]]) as usize;
    let ihdr_end = 8 + 12 + ihdr_len;
    if png.len() < ihdr_end {
        return None;
    }
    let mut out = Vec::with_capacity(png.len() + 256);
    out.extend_from_slice(&png[..ihdr_end]);
    for (key, text) in entries {
        out.extend_from_slice(&itxt_chunk(key, text));
    }
    out.extend_from_slice(&png[ihdr_end..]);
    Some(out)
}

/// The `iTXt` entries of a PNG (keyword, text), for tests and for reading exports back.
pub fn text_entries(png: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if png.len() < 8 || png[..8] != SIGNATURE {
        return out;
    }
    let mut at = 8;
    while at + 12 <= png.len() {
        let len = u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]) as usize;
        let Some(end) = (at + 12).checked_add(len).filter(|e| *e <= png.len()) else { break };
        if &png[at + 4..at + 8] == b"iTXt" {
            let data = &png[at + 8..at + 8 + len];
            if let Some(nul) = data.iter().position(|b| *b == 0) {
                let key = String::from_utf8_lossy(&data[..nul]).into_owned();
                // Skip flag, method, then the language tag and translated keyword (each
                // null-terminated).
                let rest = data.get(nul + 3..).unwrap_or_default();
                let mut parts = rest.splitn(3, |b| *b == 0);
                let (_, _, text) = (parts.next(), parts.next(), parts.next().unwrap_or_default());
                out.push((key, String::from_utf8_lossy(text).into_owned()));
            }
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 PNG as a browser writes it.
    fn tiny_png() -> Vec<u8> {
        let mut png = SIGNATURE.to_vec();
        let ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
        for (kind, data) in [
            (&b"IHDR"[..], &ihdr[..]),
            (b"IDAT", &[0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1][..]),
            (b"IEND", &[][..]),
        ] {
            png.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut typed = kind.to_vec();
            typed.extend_from_slice(data);
            png.extend_from_slice(&typed);
            png.extend_from_slice(&crc32(&typed).to_be_bytes());
        }
        png
    }

    #[test]
    fn crc_matches_the_png_specification_example() {
        // The CRC of an IEND chunk's type is fixed by the format: AE 42 60 82.
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
    }

    #[test]
    fn text_is_inserted_after_the_header_and_read_back_in_utf8() {
        let png = tiny_png();
        let out = with_text(&png, &[("Title", "友城 Partner countries"), ("Source", "Data: x")])
            .expect("a png");
        assert_eq!(&out[..33], &png[..33], "signature and IHDR untouched");
        assert_eq!(&out[out.len() - 12..], &png[png.len() - 12..], "IEND still last");
        assert_eq!(
            text_entries(&out),
            vec![
                ("Title".to_owned(), "友城 Partner countries".to_owned()),
                ("Source".to_owned(), "Data: x".to_owned())
            ]
        );
    }

    #[test]
    fn not_a_png_is_refused_rather_than_corrupted() {
        assert_eq!(with_text(b"GIF89a", &[("Title", "x")]), None);
        assert_eq!(with_text(&[], &[]), None);
        assert!(text_entries(b"garbage").is_empty());
    }

    #[test]
    fn keywords_are_kept_valid() {
        let out = with_text(&tiny_png(), &[("", "a"), ("键\0x", "b\0c")]).expect("a png");
        let entries = text_entries(&out);
        assert_eq!(entries[0], ("Comment".to_owned(), "a".to_owned()));
        assert_eq!(entries[1], ("x".to_owned(), "b c".to_owned()));
    }
}
