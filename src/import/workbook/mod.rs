//! Opening a workbook with calamine behind a guard: at most 50 MiB, 50 sheets and 1,000,000
//! cells, checked before calamine allocates (`guard.rs`) and while the cells of an `.xlsx` are
//! streamed; a workbook calamine cannot open, or on which it fails, is one sentence.

mod guard;

pub use guard::check_zip_within;

use calamine::{Cell, Data, DataRef, Range, Reader, Xls, Xlsx, XlsxError};
use std::io::Cursor;

pub const MAX_BYTES: usize = 50 * 1024 * 1024;
pub const MAX_SHEETS: usize = 50;
pub const MAX_CELLS: u64 = 1_000_000;

/// A workbook's container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// `.xlsx`: a zip (`PK\x03\x04`).
    Zip,
    /// `.xls`: an OLE compound file (`D0 CF 11 E0`).
    Ole,
}

pub fn container(bytes: &[u8]) -> Option<Container> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(Container::Zip)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some(Container::Ole)
    } else {
        None
    }
}

/// The sheets of a workbook by name, in workbook order. The error is the rest of a sentence
/// that begins with the file's name.
pub fn open(bytes: &[u8]) -> Result<Vec<(String, Range<Data>)>, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "is a workbook of {} MiB, more than the {} MiB a workbook may be",
            bytes.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let kind = container(bytes).ok_or("is not an Excel workbook")?;
    match kind {
        Container::Zip => guard::check_zip(bytes, MAX_CELLS)?,
        Container::Ole => guard::check_ole(bytes, MAX_SHEETS, MAX_CELLS)?,
    }
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match kind {
        Container::Zip => read_xlsx(bytes),
        Container::Ole => read_xls(bytes),
    }));
    read.unwrap_or_else(|_| Err("cannot be opened as a workbook (the reader failed on it)".into()))
}

fn cannot_open(e: impl std::fmt::Display) -> String {
    let why = crate::import::cells::shorten(&e.to_string());
    format!("cannot be opened as a workbook ({why})")
}

fn too_many_sheets(n: usize) -> Result<(), String> {
    if n > MAX_SHEETS {
        return Err(format!(
            "is a workbook of {n} sheets, more than the {MAX_SHEETS} a workbook may have"
        ));
    }
    Ok(())
}

fn too_many_cells() -> String {
    format!("is a workbook of more than {MAX_CELLS} cells, more than a workbook may have")
}

/// An `.xlsx` read cell by cell, so that a sheet spanning too many cells is refused before its
/// range is allocated (calamine's `worksheet_range` sizes the range by the sheet's claim).
fn read_xlsx(bytes: &[u8]) -> Result<Vec<(String, Range<Data>)>, String> {
    let mut wb = Xlsx::new(Cursor::new(bytes)).map_err(cannot_open)?;
    let names = wb.sheet_names();
    too_many_sheets(names.len())?;
    let mut total = 0u64;
    let mut out = Vec::new();
    for name in names {
        let mut reader = match wb.worksheet_cells_reader(&name) {
            Ok(r) => r,
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(cannot_open(e)),
        };
        let mut cells = Vec::new();
        let mut bounds: Option<(u32, u32, u32, u32)> = None;
        while let Some(cell) = reader.next_cell().map_err(cannot_open)? {
            let (row, col) = cell.get_position();
            let value = cell.get_value().clone();
            if matches!(value, DataRef::Empty) {
                continue;
            }
            let b = bounds.get_or_insert((row, row, col, col));
            *b = (b.0.min(row), b.1.max(row), b.2.min(col), b.3.max(col));
            let area = u64::from(b.1 - b.0 + 1) * u64::from(b.3 - b.2 + 1);
            if total + area > MAX_CELLS {
                return Err(too_many_cells());
            }
            cells.push(Cell::new((row, col), Data::from(value)));
        }
        total += bounds.map_or(0, |b| u64::from(b.1 - b.0 + 1) * u64::from(b.3 - b.2 + 1));
        out.push((name, Range::from_sparse(cells)));
    }
    Ok(out)
}

fn read_xls(bytes: &[u8]) -> Result<Vec<(String, Range<Data>)>, String> {
    let mut wb = Xls::new(Cursor::new(bytes)).map_err(cannot_open)?;
    let names = wb.sheet_names();
    too_many_sheets(names.len())?;
    let mut total = 0u64;
    let mut out = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(cannot_open)?;
        let (h, w) = range.get_size();
        total += (h as u64) * (w as u64);
        if total > MAX_CELLS {
            return Err(too_many_cells());
        }
        out.push((name, range));
    }
    Ok(out)
}
