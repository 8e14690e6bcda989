//! Checks on an Excel 97–2003 workbook (`.xls`, an OLE compound file) made before calamine opens
//! it. calamine parses every sheet at once and trusts the file: it follows sector chains that
//! may loop, reserves room for the cells a sheet's DIMENSIONS record claims, and reads each sheet
//! from an offset the file gives. Here the compound file is walked with every chain bounded and
//! acyclic, and the workbook stream's records are read to count the sheets and the cells each
//! sheet spans, so that a crafted file is refused with a sentence.

use super::le::{u16_at, u32_at};

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const DIFSECT: u32 = 0xFFFF_FFFC;
const RESERVED: u32 = 0xFFFF_FFFA;
const DAMAGED: &str = "cannot be opened as a workbook (its compound-file structure is damaged)";

fn words(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

struct Compound<'a> {
    bytes: &'a [u8],
    size: usize,
    sectors: usize,
    fat: Vec<u32>,
}

impl<'a> Compound<'a> {
    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let id = id as usize;
        if id >= self.sectors {
            return None;
        }
        self.bytes.get(self.size * (id + 1)..self.size * (id + 2))
    }

    /// The bytes of a chain of `unit`-sized pieces, at most `len`, each id visited once.
    fn chain(
        &self,
        start: u32,
        table: &[u32],
        len: usize,
        piece: impl Fn(u32) -> Option<&'a [u8]>,
    ) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut seen = vec![false; table.len()];
        let mut id = start;
        while id != ENDOFCHAIN && out.len() < len {
            let slot = seen.get_mut(id as usize)?;
            if *slot {
                return None;
            }
            *slot = true;
            let p = piece(id)?;
            out.extend_from_slice(&p[..p.len().min(len - out.len())]);
            id = table[id as usize];
        }
        Some(out)
    }
}

/// The `Workbook` (or `Book`) stream, found as calamine finds it.
fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.len() < 512 || bytes[..8] != *b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" {
        return None;
    }
    let size = match u16_at(bytes, 30)? {
        9 => 512,
        12 => 4096,
        _ => return None,
    };
    if u16_at(bytes, 32)? != 6 {
        return None;
    }
    let sectors = (bytes.len() / size).saturating_sub(1);
    let mut cf = Compound {
        bytes,
        size,
        sectors,
        fat: Vec::new(),
    };
    let mut difat: Vec<u32> = words(&bytes[76..512]).collect();
    let mut next = u32_at(bytes, 68)?;
    let mut steps = 0;
    while next < RESERVED {
        steps += 1;
        if steps > sectors {
            return None;
        }
        difat.extend(words(cf.sector(next)?));
        next = difat.pop()?;
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        fat.extend(words(cf.sector(id)?));
    }
    cf.fat = fat;
    let dirs = cf.chain(u32_at(bytes, 48)?, &cf.fat, usize::MAX, |id| cf.sector(id))?;
    let entries: Vec<&[u8]> = dirs.chunks_exact(128).collect();
    let root = entries.first()?;
    let len_of = |e: &[u8]| -> Option<usize> {
        if size == 512 {
            Some(u32_at(e, 120)? as usize)
        } else {
            usize::try_from(u64::from(u32_at(e, 120)?) | (u64::from(u32_at(e, 124)?) << 32)).ok()
        }
    };
    let name_of = |e: &[u8]| {
        let units: Vec<u16> = e[..64]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        let name = String::from_utf16_lossy(&units);
        name.split('\0').next().unwrap_or("").to_string()
    };
    let find = |wanted: &str| {
        entries
            .iter()
            .find(|e| name_of(e).eq_ignore_ascii_case(wanted))
    };
    let stream = find("Workbook").or_else(|| find("Book"))?;
    let (start, len) = (u32_at(stream, 116)?, len_of(stream)?);
    if len > bytes.len() {
        return None;
    }
    if len >= 4096 {
        return cf.chain(start, &cf.fat, len, |id| cf.sector(id));
    }
    let mini_fat_len = u32_at(bytes, 64)? as usize;
    let ministream = cf.chain(
        u32_at(root, 116)?,
        &cf.fat,
        len_of(root)?.min(bytes.len()),
        |id| cf.sector(id),
    )?;
    let minifat_bytes = cf.chain(
        u32_at(bytes, 60)?,
        &cf.fat,
        mini_fat_len.checked_mul(size)?,
        |id| cf.sector(id),
    )?;
    let minifat: Vec<u32> = words(&minifat_bytes).collect();
    cf.chain(start, &minifat, len, |id| {
        let at = id as usize * 64;
        ministream.get(at..at + 64)
    })
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
                let (rf, rl, cf, cl) = match data.len() {
                    10 => (
                        row?,
                        col?,
                        u32::from(u16_at(data, 4)?),
                        u32::from(u16_at(data, 6)?),
                    ),
                    14 | 16 => (
                        u32_at(data, 0)?,
                        u32_at(data, 4)?,
                        u32::from(u16_at(data, 8)?),
                        u32::from(u16_at(data, 10)?),
                    ),
                    _ => continue,
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

/// Refuse an `.xls` workbook that is damaged, has more than `max_sheets` sheets, or whose sheets
/// span more than `max_cells` cells. The error is the rest of a sentence after the file name.
pub fn check(bytes: &[u8], max_sheets: usize, max_cells: u64) -> Result<(), String> {
    let stream = workbook_stream(bytes).ok_or(DAMAGED)?;
    let mut sheets = Vec::new();
    for rec in records(&stream, 0) {
        match rec.ok_or(DAMAGED)? {
            (0x0085, data) => sheets.push(u32_at(data, 0).ok_or(DAMAGED)? as usize),
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
            return Err(DAMAGED.into());
        }
        total += sheet_span(&stream, pos).ok_or(DAMAGED)?;
        if total > max_cells {
            return Err(format!(
                "is a workbook of more than {max_cells} cells, more than a workbook may have"
            ));
        }
    }
    Ok(())
}
