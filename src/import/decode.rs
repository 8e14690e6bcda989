//! Bytes to text: the encoding of a file is decided once per file and named in the load report
//! (export-formats.md, section 9.1).
//!
//! Order: a byte-order mark (UTF-16LE, UTF-16BE, UTF-8); strict UTF-8; UTF-16 without a mark
//! (NUL bytes in every other position); then the legacy code page that Excel re-saves in, as
//! `chardetng` (the detector web browsers use) guesses it from the letters: Windows-1252 for
//! Western Europe, Windows-1250 for Polish or Czech, Windows-1251 for Russian, and so on.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// A file's text and the encoding it was read in. Valid UTF-8, the usual case, is borrowed
/// from the file's bytes rather than copied (a posts export can be tens of megabytes).
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    /// Whether undecodable bytes had to be replaced.
    pub lossy: bool,
}

fn with<'a>(enc: &'static Encoding, bytes: &'a [u8], name: &'static str) -> Decoded<'a> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text,
        encoding: name,
        lossy: had_errors,
    }
}

pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return with(UTF_16LE, rest, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return with(UTF_16BE, rest, "UTF-16BE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Decoded {
                text: Cow::Borrowed(s),
                encoding: "UTF-8 with BOM",
                lossy: false,
            },
            Err(_) => Decoded {
                text: String::from_utf8_lossy(rest),
                encoding: "UTF-8 with BOM",
                lossy: true,
            },
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !looks_like_utf16(bytes) {
            return Decoded {
                text: Cow::Borrowed(s),
                encoding: "UTF-8",
                lossy: false,
            };
        }
    }
    if looks_like_utf16(bytes) {
        let le = bytes
            .iter()
            .skip(1)
            .step_by(2)
            .take(4096)
            .filter(|b| **b == 0)
            .count()
            >= bytes
                .iter()
                .step_by(2)
                .take(4096)
                .filter(|b| **b == 0)
                .count();
        return if le {
            with(UTF_16LE, bytes, "UTF-16LE")
        } else {
            with(UTF_16BE, bytes, "UTF-16BE")
        };
    }
    if mostly_utf8(bytes) {
        return Decoded {
            text: String::from_utf8_lossy(bytes),
            encoding: "UTF-8",
            lossy: true,
        };
    }
    let enc = legacy(bytes);
    with(enc, bytes, name_of(enc))
}

/// The legacy code page of a file that is not Unicode, guessed from its first 1 MiB.
fn legacy(bytes: &[u8]) -> &'static Encoding {
    const SAMPLE: usize = 1024 * 1024;
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(SAMPLE)], bytes.len() <= SAMPLE);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// An encoding's name as the load report writes it (`Windows-1250`).
fn name_of(enc: &'static Encoding) -> &'static str {
    const NAMES: &[(&str, &str)] = &[
        ("windows-1250", "Windows-1250"),
        ("windows-1251", "Windows-1251"),
        ("windows-1252", "Windows-1252"),
        ("windows-1253", "Windows-1253"),
        ("windows-1254", "Windows-1254"),
        ("windows-1257", "Windows-1257"),
    ];
    NAMES
        .iter()
        .find(|(n, _)| *n == enc.name())
        .map_or(enc.name(), |(_, shown)| shown)
}

/// A UTF-8 file with a few broken bytes: more valid multi-byte characters than invalid
/// sequences. Its broken bytes become U+FFFD (and a warning), the rest of it stays right.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                rest = &bad[skip.min(bad.len())..];
            }
        }
    }
    valid > invalid
}

/// Text of two-byte units has a NUL in most even or most odd positions.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if head.len() < 4 {
        return false;
    }
    let pairs = head.len() / 2;
    let odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let even = head.iter().step_by(2).filter(|b| **b == 0).count();
    odd * 10 >= pairs * 6 || even * 10 >= pairs * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a,b".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(
            decode(&le),
            Decoded {
                text: "a,b".into(),
                encoding: "UTF-16LE",
                lossy: false
            }
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("a,b".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).text, "a,b");
        assert_eq!(decode(b"\xEF\xBB\xBFx").encoding, "UTF-8 with BOM");
        assert_eq!(decode("Zürich".as_bytes()).encoding, "UTF-8");
    }

    #[test]
    fn utf16_without_a_mark() {
        let le: Vec<u8> = "Date,Primary\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let d = decode(&le);
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("Date,Primary\n", "UTF-16LE")
        );
    }

    #[test]
    fn a_utf8_file_with_one_broken_byte_stays_utf8() {
        let bytes: Vec<u8> = "Zürich, München\n"
            .as_bytes()
            .iter()
            .copied()
            .chain([0xFF, b'\n'])
            .collect();
        let d = decode(&bytes);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.lossy);
        assert!(d.text.starts_with("Zürich, München"));
        assert!(d.text.contains('\u{fffd}'));
    }

    #[test]
    fn windows_code_pages() {
        use encoding_rs::{WINDOWS_1250, WINDOWS_1251, WINDOWS_1252};
        let (pl, _, _) =
            WINDOWS_1250.encode("Data;Obserwujący;Zasięg\n2026-10-01;5;Łódź, Kraków, Gdańsk\n");
        let d = decode(&pl);
        assert_eq!(d.encoding, "Windows-1250");
        assert!(d.text.contains("Łódź, Kraków, Gdańsk"), "{}", d.text);
        let (ru, _, _) = WINDOWS_1251.encode("Дата;Визиты\n2026-10-01;5\nИтого и средние;5\n");
        let d = decode(&ru);
        assert_eq!(d.encoding, "Windows-1251");
        assert!(d.text.starts_with("Дата;Визиты"));
        let (de, _, _) = WINDOWS_1252.encode("Datum;Größe;Straße\nMünchen;1;2\n");
        let d = decode(&de);
        assert_eq!(d.encoding, "Windows-1252");
        assert!(d.text.contains("München"));
    }
}
