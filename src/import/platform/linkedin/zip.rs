//! Checks on a zipped workbook (`.xlsx`) made before calamine opens it, so that a damaged or
//! crafted file is refused with a sentence instead of exhausting memory: one end-of-directory
//! record, no zip64, at most 10,000 entries, at most 256 MiB unpacked as the directory declares
//! (the zip reader stops at the declared size), and a shared-strings table that does not
//! declare more strings than the workbook may have cells (calamine reserves room for them).

use super::le::{u16_at, u32_at};

/// The most a workbook's parts may unpack to, as the zip directory declares.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
const MAX_ENTRIES: usize = 10_000;
const DAMAGED: &str = "cannot be opened as a workbook (its zip directory is damaged or uses zip64)";

/// One entry of the central directory.
struct Entry {
    name: String,
    method: u16,
    compressed: u32,
    uncompressed: u32,
    local_offset: u32,
}

/// The central directory's entries, refusing what the zip reader could read differently.
fn entries(bytes: &[u8]) -> Option<Vec<Entry>> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let from = bytes.len().saturating_sub(22 + 65_535 + 4);
    let found: Vec<usize> = (from..bytes.len().saturating_sub(3))
        .filter(|&i| &bytes[i..i + 4] == EOCD)
        .collect();
    let [eocd] = found[..] else { return None };
    let (disk, cd_disk) = (u16_at(bytes, eocd + 4)?, u16_at(bytes, eocd + 6)?);
    let (on_disk, total) = (u16_at(bytes, eocd + 8)?, u16_at(bytes, eocd + 10)?);
    let (cd_size, cd_offset) = (
        u32_at(bytes, eocd + 12)? as usize,
        u32_at(bytes, eocd + 16)? as usize,
    );
    let comment = u16_at(bytes, eocd + 20)? as usize;
    let zip64_locator = eocd >= 20 && &bytes[eocd - 20..eocd - 16] == b"PK\x06\x07";
    if eocd + 22 + comment != bytes.len()
        || disk != 0
        || cd_disk != 0
        || on_disk != total
        || total == u16::MAX
        || zip64_locator
        || cd_offset.checked_add(cd_size)? != eocd
        || total as usize > MAX_ENTRIES
    {
        return None;
    }
    let mut out = Vec::with_capacity(total as usize);
    let mut pos = cd_offset;
    for _ in 0..total {
        if bytes.get(pos..pos + 4)? != b"PK\x01\x02" {
            return None;
        }
        let (n, e, c) = (
            u16_at(bytes, pos + 28)? as usize,
            u16_at(bytes, pos + 30)? as usize,
            u16_at(bytes, pos + 32)? as usize,
        );
        let entry = Entry {
            method: u16_at(bytes, pos + 10)?,
            compressed: u32_at(bytes, pos + 20)?,
            uncompressed: u32_at(bytes, pos + 24)?,
            local_offset: u32_at(bytes, pos + 42)?,
            name: String::from_utf8_lossy(bytes.get(pos + 46..pos + 46 + n)?).into_owned(),
        };
        if [entry.compressed, entry.uncompressed, entry.local_offset].contains(&u32::MAX) {
            return None;
        }
        out.push(entry);
        pos += 46 + n + e + c;
        if pos > eocd {
            return None;
        }
    }
    Some(out)
}

/// The unpacked bytes of one entry (stored or deflated), at most its declared size.
fn unpack(bytes: &[u8], e: &Entry) -> Option<Vec<u8>> {
    let at = e.local_offset as usize;
    if bytes.get(at..at + 4)? != b"PK\x03\x04" {
        return None;
    }
    let start = at + 30 + u16_at(bytes, at + 26)? as usize + u16_at(bytes, at + 28)? as usize;
    let data = bytes.get(start..start.checked_add(e.compressed as usize)?)?;
    match e.method {
        0 => Some(data[..data.len().min(e.uncompressed as usize)].to_vec()),
        8 => inflate(data, e.uncompressed as usize),
        _ => None,
    }
}

/// The largest `uniqueCount="N"` in an XML text (`u64::MAX` for one too long to read).
fn largest_unique_count(xml: &[u8]) -> u64 {
    const KEY: &[u8] = b"uniqueCount";
    let mut best = 0u64;
    let mut i = 0;
    while let Some(found) = xml[i..].windows(KEY.len()).position(|w| w == KEY) {
        let mut j = i + found + KEY.len();
        let skip_ws = |j: &mut usize| {
            while xml.get(*j).is_some_and(|c| c.is_ascii_whitespace()) {
                *j += 1;
            }
        };
        skip_ws(&mut j);
        if xml.get(j) == Some(&b'=') {
            j += 1;
            skip_ws(&mut j);
            if matches!(xml.get(j), Some(b'"' | b'\'')) {
                j += 1;
                if xml.get(j) == Some(&b'+') {
                    j += 1;
                }
                let digits: Vec<u8> = xml[j..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .copied()
                    .collect();
                let value = std::str::from_utf8(&digits)
                    .ok()
                    .and_then(|s| s.parse::<u64>().ok());
                best = best.max(value.unwrap_or(if digits.is_empty() { 0 } else { u64::MAX }));
            }
        }
        i = j.max(i + found + 1);
    }
    best
}

/// Refuse a zipped workbook that is damaged, unpacks to too much, or declares more shared
/// strings than `max_cells`. The error is the rest of a sentence that begins with the file name.
pub fn check(bytes: &[u8], max_cells: u64) -> Result<(), String> {
    let entries = entries(bytes).ok_or(DAMAGED)?;
    let unpacked: u64 = entries.iter().map(|e| u64::from(e.uncompressed)).sum();
    if unpacked > MAX_UNPACKED {
        return Err(format!(
            "is a workbook that unpacks to {} MiB, more than the {} MiB a workbook may hold",
            unpacked / (1024 * 1024),
            MAX_UNPACKED / (1024 * 1024)
        ));
    }
    for e in &entries {
        if !e
            .name
            .replace('\\', "/")
            .to_ascii_lowercase()
            .ends_with("sharedstrings.xml")
        {
            continue;
        }
        let xml = unpack(bytes, e).ok_or(DAMAGED)?;
        let declared = largest_unique_count(&xml);
        if declared > max_cells {
            return Err(format!(
                "is a workbook that declares {declared} shared strings, more than the {max_cells} \
                 cells a workbook may have"
            ));
        }
    }
    Ok(())
}

/// Reads bits of a deflate stream, least significant first.
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u64,
    n: u32,
}

impl Bits<'_> {
    fn take(&mut self, n: u32) -> Option<u32> {
        while self.n < n {
            self.buf |= u64::from(*self.data.get(self.pos)?) << self.n;
            self.pos += 1;
            self.n += 8;
        }
        let v = (self.buf & ((1u64 << n) - 1)) as u32;
        self.buf >>= n;
        self.n -= n;
        Some(v)
    }
}

/// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
    count: [u16; 16],
    symbol: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Option<Huffman> {
        let mut count = [0u16; 16];
        for &l in lengths {
            count[l as usize] += 1;
        }
        let mut left: i32 = 1;
        for c in &count[1..] {
            left = (left << 1) - i32::from(*c);
            if left < 0 {
                return None;
            }
        }
        let mut offs = [0u16; 16];
        for len in 1..15 {
            offs[len + 1] = offs[len] + count[len];
        }
        let mut symbol = vec![0u16; lengths.len()];
        for (s, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbol[offs[l as usize] as usize] = s as u16;
                offs[l as usize] += 1;
            }
        }
        Some(Huffman { count, symbol })
    }

    fn decode(&self, bits: &mut Bits) -> Option<u16> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= bits.take(1)? as i32;
            let count = i32::from(self.count[len]);
            if code - count < first {
                return self.symbol.get((index + code - first) as usize).copied();
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        None
    }
}

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

/// Raw deflate (RFC 1951), stopping with `None` past `limit` bytes or at any damage.
pub fn inflate(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut bits = Bits {
        data,
        pos: 0,
        buf: 0,
        n: 0,
    };
    let mut out: Vec<u8> = Vec::new();
    loop {
        let last = bits.take(1)?;
        match bits.take(2)? {
            0 => {
                (bits.buf, bits.n) = (0, 0);
                let len = u16_at(data, bits.pos)? as usize;
                let block = data.get(bits.pos + 4..bits.pos + 4 + len)?;
                if out.len() + len > limit {
                    return None;
                }
                out.extend_from_slice(block);
                bits.pos += 4 + len;
            }
            1 => {
                let mut lengths = [8u8; 288];
                lengths[144..256].fill(9);
                lengths[256..280].fill(7);
                codes(
                    &mut bits,
                    &mut out,
                    &Huffman::new(&lengths)?,
                    &Huffman::new(&[5; 30])?,
                    limit,
                )?;
            }
            2 => {
                let (lit, dist) = dynamic(&mut bits)?;
                codes(&mut bits, &mut out, &lit, &dist, limit)?;
            }
            _ => return None,
        }
        if last == 1 {
            return Some(out);
        }
    }
}

fn dynamic(bits: &mut Bits) -> Option<(Huffman, Huffman)> {
    const ORDER: [usize; 19] = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ];
    let nlen = bits.take(5)? as usize + 257;
    let ndist = bits.take(5)? as usize + 1;
    let ncode = bits.take(4)? as usize + 4;
    let mut code_lengths = [0u8; 19];
    for &i in &ORDER[..ncode] {
        code_lengths[i] = bits.take(3)? as u8;
    }
    let lencode = Huffman::new(&code_lengths)?;
    let mut lengths = vec![0u8; nlen + ndist];
    let mut i = 0;
    while i < nlen + ndist {
        let sym = lencode.decode(bits)?;
        let (value, repeat) = match sym {
            0..=15 => (sym as u8, 1),
            16 => (*lengths.get(i.checked_sub(1)?)?, 3 + bits.take(2)? as usize),
            17 => (0, 3 + bits.take(3)? as usize),
            _ => (0, 11 + bits.take(7)? as usize),
        };
        lengths.get_mut(i..i + repeat)?.fill(value);
        i += repeat;
    }
    Some((
        Huffman::new(&lengths[..nlen])?,
        Huffman::new(&lengths[nlen..])?,
    ))
}

fn codes(
    bits: &mut Bits,
    out: &mut Vec<u8>,
    lit: &Huffman,
    dist: &Huffman,
    limit: usize,
) -> Option<()> {
    loop {
        let sym = lit.decode(bits)? as usize;
        if sym < 256 {
            if out.len() >= limit {
                return None;
            }
            out.push(sym as u8);
            continue;
        }
        if sym == 256 {
            return Some(());
        }
        let s = sym - 257;
        let len = *LEN_BASE.get(s)? as usize + bits.take(u32::from(LEN_EXTRA[s]))? as usize;
        let d = dist.decode(bits)? as usize;
        let back = *DIST_BASE.get(d)? as usize + bits.take(u32::from(DIST_EXTRA[d]))? as usize;
        if back > out.len() || out.len() + len > limit {
            return None;
        }
        let from = out.len() - back;
        for k in 0..len {
            out.push(out[from + k]);
        }
    }
}
