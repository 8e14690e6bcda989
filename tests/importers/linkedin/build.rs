//! Small workbooks written byte by byte for the tests (no writer crate is a dependency): a
//! stored (uncompressed) zip holding an `.xlsx`, and an OLE compound file holding a BIFF8 `.xls`.

pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip of stored entries; `declared` overrides an entry's declared unpacked size.
pub fn zip(files: &[(&str, Vec<u8>)], declared: Option<(&str, u32)>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let unpacked = match declared {
            Some((n, s)) if n == *name => s,
            _ => size,
        };
        out.extend_from_slice(b"PK\x03\x04");
        for v in [20u16, 0, 0, 0, 0] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, unpacked] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02");
        for v in [20u16, 20, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, unpacked] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    for v in [0u16, 0, files.len() as u16, files.len() as u16] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A cell: text, or a number.
pub enum C {
    T(&'static str),
    N(f64),
}

/// An `.xlsx` of named sheets of rows (row 1 first); `extra` adds or replaces parts.
pub fn xlsx(
    sheets: &[(impl AsRef<str>, Vec<Vec<C>>)],
    extra: Vec<(&'static str, Vec<u8>)>,
) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_vec(),
        ),
        (
            "_rels/.rels".into(),
            format!(r#"<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes(),
        ),
    ];
    let mut list = String::new();
    let mut rels = String::new();
    for (i, (name, rows)) in sheets.iter().enumerate() {
        let n = i + 1;
        list.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            esc(name.as_ref())
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
        let mut data = String::new();
        for (r, row) in rows.iter().enumerate() {
            data.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, cell) in row.iter().enumerate() {
                let at = format!("{}{}", (b'A' + c as u8) as char, r + 1);
                match cell {
                    C::T(t) => data.push_str(&format!(
                        r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
                        esc(t)
                    )),
                    C::N(v) => data.push_str(&format!(r#"<c r="{at}"><v>{v}</v></c>"#)),
                }
            }
            data.push_str("</row>");
        }
        files.push((
            format!("xl/worksheets/sheet{n}.xml"),
            format!(r#"<worksheet xmlns="{MAIN}"><sheetData>{data}</sheetData></worksheet>"#)
                .into_bytes(),
        ));
    }
    files.push((
        "xl/workbook.xml".into(),
        format!(r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{list}</sheets></workbook>"#)
            .into_bytes(),
    ));
    files.push((
        "xl/_rels/workbook.xml.rels".into(),
        format!(r#"<Relationships xmlns="{PKG}">{rels}</Relationships>"#).into_bytes(),
    ));
    for (name, data) in extra {
        files.retain(|(n, _)| n != name);
        files.push((name.to_string(), data));
    }
    let refs: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    zip(&refs, None)
}

fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut r = typ.to_le_bytes().to_vec();
    r.extend_from_slice(&(data.len() as u16).to_le_bytes());
    r.extend_from_slice(data);
    r
}

/// A BIFF8 workbook stream of one sheet; `dims` overrides its DIMENSIONS (first row, last row
/// + 1, first column, last column + 1).
pub fn biff(sheet: &str, rows: &[Vec<C>], dims: Option<(u32, u32, u16, u16)>) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut d = 0x0600u16.to_le_bytes().to_vec();
        d.extend_from_slice(&dt.to_le_bytes());
        d.resize(16, 0);
        record(0x0809, &d)
    };
    let mut bound = vec![0u8; 4];
    bound.extend_from_slice(&[0, 0, sheet.len() as u8, 0]);
    bound.extend_from_slice(sheet.as_bytes());
    let globals_len = bof(5).len() + record(0x0085, &bound).len() + 4;
    bound[..4].copy_from_slice(&(globals_len as u32).to_le_bytes());
    let mut out = bof(5);
    out.extend(record(0x0085, &bound));
    out.extend(record(0x000A, &[]));
    out.extend(bof(0x10));
    let width = rows.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let (rf, rl, cf, cl) = dims.unwrap_or((0, rows.len() as u32, 0, width));
    let mut d = rf.to_le_bytes().to_vec();
    d.extend_from_slice(&rl.to_le_bytes());
    d.extend_from_slice(&cf.to_le_bytes());
    d.extend_from_slice(&cl.to_le_bytes());
    d.extend_from_slice(&[0, 0]);
    out.extend(record(0x0200, &d));
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let mut d = (r as u16).to_le_bytes().to_vec();
            d.extend_from_slice(&(c as u16).to_le_bytes());
            d.extend_from_slice(&[0, 0]);
            match cell {
                C::T(t) => {
                    d.extend_from_slice(&(t.len() as u16).to_le_bytes());
                    d.push(0);
                    d.extend_from_slice(t.as_bytes());
                    out.extend(record(0x0204, &d));
                }
                C::N(v) => {
                    d.extend_from_slice(&v.to_le_bytes());
                    out.extend(record(0x0203, &d));
                }
            }
        }
    }
    out.extend(record(0x000A, &[]));
    out
}

/// An OLE compound file (512-byte sectors) holding `stream` as `Workbook`; `fat_patch` sets one
/// FAT entry (to make a chain loop).
pub fn ole(stream: &[u8], fat_patch: Option<(usize, u32)>) -> Vec<u8> {
    let mut stream = stream.to_vec();
    stream.resize(stream.len().max(4096).div_ceil(512) * 512, 0);
    let n = stream.len() / 512;
    let mut header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    header.resize(24, 0);
    for v in [0x3Eu16, 3, 0xFFFE, 9, 6, 0, 0, 0] {
        header.extend_from_slice(&v.to_le_bytes());
    }
    for v in [0u32, 1, 1, 0, 4096, 0xFFFF_FFFE, 0, 0xFFFF_FFFE, 0, 0] {
        header.extend_from_slice(&v.to_le_bytes());
    }
    header.truncate(80);
    header.resize(512, 0xFF);
    let mut fat = vec![0xFFFF_FFFDu32, 0xFFFF_FFFE];
    fat.extend((0..n).map(|k| {
        if k + 1 == n {
            0xFFFF_FFFE
        } else {
            (k + 3) as u32
        }
    }));
    fat.resize(128, 0xFFFF_FFFF);
    if let Some((i, v)) = fat_patch {
        fat[i] = v;
    }
    let mut dir = Vec::new();
    // The root's child is the workbook stream (entry 1).
    for (name, typ, child, start, size) in [
        ("Root Entry", 5u8, 1u32, 0xFFFF_FFFEu32, 0u32),
        ("Workbook", 2, 0xFFFF_FFFF, 2, stream.len() as u32),
    ] {
        let mut e: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        e.resize(64, 0);
        e.extend_from_slice(&((name.len() as u16 + 1) * 2).to_le_bytes());
        e.extend_from_slice(&[typ, 1]);
        for link in [0xFFFF_FFFF, 0xFFFF_FFFF, child] {
            e.extend_from_slice(&link.to_le_bytes());
        }
        e.resize(116, 0);
        e.extend_from_slice(&start.to_le_bytes());
        e.extend_from_slice(&size.to_le_bytes());
        e.resize(128, 0);
        dir.extend(e);
    }
    dir.resize(512, 0);
    let mut out = header;
    out.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    out.extend(dir);
    out.extend(stream);
    out
}
