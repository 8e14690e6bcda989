//! Checks on a workbook made before calamine opens it, so that a damaged or crafted file is
//! refused with a sentence instead of exhausting memory or time. The containers are read with
//! the `zip` and `cfb` crates; what is checked here is only what no crate checks:
//! - `.xlsx`: at most 10,000 parts, unpacking to at most 256 MiB — as the directory declares
//!   and as the parts really unpack (a part may lie about its size) — and a shared-strings table
//!   that does not declare more strings than the workbook may have cells (calamine reserves room
//!   for them);
//! - `.xls`: the sheets of the workbook stream and the cells each one spans, by its DIMENSIONS
//!   record and by its cell records (calamine reserves room for what DIMENSIONS claims).

use std::io::{Cursor, Read};

/// The most a workbook's parts may unpack to.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
const MAX_PARTS: usize = 10_000;
const DAMAGED_ZIP: &str = "cannot be opened as a workbook (its zip directory is damaged)";
const DAMAGED_OLE: &str = "cannot be opened as a workbook (its compound-file structure is damaged)";

fn unpacks_to(bytes: u64, limit: u64) -> String {
    format!(
        "is a workbook that unpacks to {} MiB, more than the {} MiB a workbook may hold",
        bytes / (1024 * 1024),
        limit / (1024 * 1024)
    )
}

/// Refuse a zipped workbook that is damaged, unpacks to too much, or declares more shared
/// strings than `max_cells`. The error is the rest of a sentence that begins with the file name.
pub fn check_zip(bytes: &[u8], max_cells: u64) -> Result<(), String> {
    check_zip_within(bytes, max_cells, MAX_UNPACKED)
}

/// `check_zip` with the most the parts may unpack to.
pub fn check_zip_within(bytes: &[u8], max_cells: u64, max_unpacked: u64) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| DAMAGED_ZIP)?;
    if archive.len() > MAX_PARTS {
        return Err(format!(
            "is a workbook of {} parts, more than the {MAX_PARTS} a workbook may have",
            archive.len()
        ));
    }
    let mut declared = 0u64;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|_| DAMAGED_ZIP)?;
        declared = declared.saturating_add(part.size());
    }
    if declared > max_unpacked {
        return Err(unpacks_to(declared, max_unpacked));
    }
    let mut left = max_unpacked;
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(|_| DAMAGED_ZIP)?;
        let shared_strings = part
            .name()
            .map_err(|_| DAMAGED_ZIP)?
            .replace('\\', "/")
            .to_ascii_lowercase()
            .ends_with("sharedstrings.xml");
        let mut limited = (&mut part).take(left + 1);
        let (unpacked, strings) = if shared_strings {
            read_shared_strings(&mut limited).map_err(|_| DAMAGED_ZIP)?
        } else {
            let n = std::io::copy(&mut limited, &mut std::io::sink()).map_err(|_| DAMAGED_ZIP)?;
            (n, 0)
        };
        if strings > max_cells {
            return Err(format!(
                "is a workbook that declares {strings} shared strings, more than the \
                 {max_cells} cells a workbook may have"
            ));
        }
        if unpacked > left {
            return Err(format!(
                "is a workbook that unpacks to more than the {} MiB a workbook may hold",
                max_unpacked / (1024 * 1024)
            ));
        }
        left -= unpacked;
    }
    Ok(())
}

/// A shared-strings part's unpacked size and its number of strings: the larger of what its
/// opening tag declares (`uniqueCount`) and the `<si>` elements it holds.
fn read_shared_strings(part: &mut impl Read) -> std::io::Result<(u64, u64)> {
    let mut buf = vec![0u8; 64 * 1024];
    let (mut total, mut elements, mut declared) = (0u64, 0u64, 0u64);
    // The last bytes of the previous chunk, so that a tag split between two chunks is counted.
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let n = part.read(&mut buf)?;
        if n == 0 {
            return Ok((total, elements.max(declared)));
        }
        if total == 0 {
            declared = largest_unique_count(&buf[..n]);
        }
        total += n as u64;
        carry.extend_from_slice(&buf[..n]);
        elements += carry
            .windows(4)
            .filter(|w| {
                matches!(
                    w,
                    [b'<' | b':', b's', b'i', b'>' | b' ' | b'\t' | b'\n' | b'\r']
                )
            })
            .count() as u64;
        let keep = carry.len().min(3);
        carry.drain(..carry.len() - keep);
    }
}

/// The largest `uniqueCount="N"` in an XML text (`u64::MAX` for one too long to read).
fn largest_unique_count(xml: &[u8]) -> u64 {
    const KEY: &[u8] = b"uniqueCount";
    let text = String::from_utf8_lossy(xml);
    let mut best = 0u64;
    for (at, _) in text.match_indices("uniqueCount") {
        let after = text[at + KEY.len()..].trim_start();
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let Some(quoted) = value.strip_prefix(['"', '\'']) else {
            continue;
        };
        let quoted = quoted.strip_prefix('+').unwrap_or(quoted);
        let digits: &str = &quoted[..quoted
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(quoted.len())];
        if !digits.is_empty() {
            best = best.max(digits.parse::<u64>().unwrap_or(u64::MAX));
        }
    }
    best
}

/// Refuse an `.xls` workbook that is damaged, has more than `max_sheets` sheets, or whose sheets
/// span more than `max_cells` cells. The error is the rest of a sentence after the file name.
pub fn check_ole(bytes: &[u8], max_sheets: usize, max_cells: u64) -> Result<(), String> {
    let stream = workbook_stream(bytes).ok_or(DAMAGED_OLE)?;
    let mut sheets = Vec::new();
    for rec in records(&stream, 0) {
        match rec.ok_or(DAMAGED_OLE)? {
            (0x0085, data) => sheets.push(u32_at(data, 0).ok_or(DAMAGED_OLE)? as usize),
            (0x000A, _) => break,
            _ => {}
        }
    }
    if sheets.len() > max_sheets {
        return Err(format!(
            "is a workbook of {} sheets, more than the {max_sheets} a workbook may have",
            sheets.len()
        ));
    }
    let mut total = 0u64;
    for pos in sheets {
        if pos > stream.len() {
            return Err(DAMAGED_OLE.into());
        }
        total += sheet_span(&stream, pos).ok_or(DAMAGED_OLE)?;
        if total > max_cells {
            return Err(format!(
                "is a workbook of more than {max_cells} cells, more than a workbook may have"
            ));
        }
    }
    Ok(())
}

/// The `Workbook` (or `Book`) stream, as calamine finds it, read through the `cfb` crate (which
/// validates the sector chains) and never longer than the file.
fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let read = || {
        let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
        let name = ["/Workbook", "/Book"]
            .into_iter()
            .find(|n| file.is_stream(n))?;
        let mut stream = file.open_stream(name).ok()?;
        let mut out = Vec::new();
        (&mut stream)
            .take(bytes.len() as u64)
            .read_to_end(&mut out)
            .ok()?;
        Some(out)
    };
    std::panic::catch_unwind(read).ok().flatten()
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at.checked_add(2)?)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at.checked_add(4)?)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// BIFF records from `from`: (type, data), `None` at a truncated record.
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = Option<(u16, &[u8])>> {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= stream.len() {
            return None;
        }
        let rec = (|| {
            let typ = u16_at(stream, pos)?;
            let len = u16_at(stream, pos + 2)? as usize;
            let data = stream.get(pos + 4..pos + 4 + len)?;
            Some((typ, data, pos + 4 + len))
        })();
        match rec {
            Some((typ, data, next)) => {
                pos = next;
                Some(Some((typ, data)))
            }
            None => {
                pos = stream.len();
                Some(None)
            }
        }
    })
}

/// A DIMENSIONS record's claim: (first row, last row + 1, first column, last column + 1).
fn dimensions(data: &[u8]) -> Option<(u32, u32, u32, u32)> {
    match data.len() {
        10 => Some((
            u32::from(u16_at(data, 0)?),
            u32::from(u16_at(data, 2)?),
            u32::from(u16_at(data, 4)?),
            u32::from(u16_at(data, 6)?),
        )),
        14 | 16 => Some((
            u32_at(data, 0)?,
            u32_at(data, 4)?,
            u32::from(u16_at(data, 8)?),
            u32::from(u16_at(data, 10)?),
        )),
        _ => None,
    }
}

/// The cells one sheet substream spans: the larger of its DIMENSIONS claim and the box its cell
/// records cover (what calamine reserves and then fills).
fn sheet_span(stream: &[u8], pos: usize) -> Option<u64> {
    let mut depth = 0usize;
    let mut seen_bof = false;
    let mut claimed = 0u64;
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    let mut cover = |row: u32, first: u32, last: u32| {
        let b = bounds.get_or_insert((row, row, first, last));
        *b = (b.0.min(row), b.1.max(row), b.2.min(first), b.3.max(last));
    };
    for rec in records(stream, pos) {
        let (typ, data) = rec?;
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let row = u16_at(data, 0).map(u32::from);
        let col = u16_at(data, 2).map(u32::from);
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => {
                let Some((rf, rl, cf, cl)) = dimensions(data) else {
                    continue;
                };
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                if rl >= 1 && cl >= 1 {
                    let (rows, cols) = ((rl - 1).checked_sub(rf)?, (cl - 1).checked_sub(cf)?);
                    claimed = claimed.max((u64::from(rows) + 1) * (u64::from(cols) + 1));
                }
            }
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(r), Some(c)) = (row, col) {
                    cover(r, c, c);
                }
            }
            0x00BD => {
                if let (Some(r), Some(first), Some(last)) = (
                    row,
                    col,
                    data.len().checked_sub(2).and_then(|at| u16_at(data, at)),
                ) {
                    cover(r, first, u32::from(last).max(first));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    let spanned = bounds.map_or(0, |(r0, r1, c0, c1)| {
        u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
    });
    Some(claimed.max(spanned))
}

#[cfg(test)]
mod tests {
    use super::largest_unique_count;

    #[test]
    fn the_shared_strings_count_is_read_from_the_opening_tag() {
        let xml = br#"<sst count="3" uniqueCount = '+12'><si><t>uniqueCount</t></si>"#;
        assert_eq!(largest_unique_count(xml), 12);
        assert_eq!(
            largest_unique_count(br#"<sst uniqueCount="99999999999999999999999">"#),
            u64::MAX
        );
        assert_eq!(largest_unique_count(b"<sst>"), 0);
    }
}
