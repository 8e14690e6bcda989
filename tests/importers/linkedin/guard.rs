//! The guard around calamine: sizes, counts and crafted structures are refused with a sentence.

use super::build::{self, C};
use super::load;
use smm_audit::import::workbook;

fn refused(name: &str, bytes: Vec<u8>) -> String {
    load(name, bytes).expect_err("refused").to_string()
}

#[test]
fn the_guard_refuses_large_crafted_and_broken_workbooks() {
    let name = "acme_followers_1.xlsx";
    // Over 50 MiB.
    let mut big = b"PK\x03\x04".to_vec();
    big.resize(51 * 1024 * 1024, 0);
    assert_eq!(
        refused(name, big),
        "acme_followers_1.xlsx: is a workbook of 51 MiB, more than the 50 MiB a workbook may be"
    );
    // A part declaring 300 MiB unpacked (a zip bomb's shape).
    let bomb = build::zip(
        &[("xl/worksheets/sheet1.xml", b"<x/>".to_vec())],
        Some(("xl/worksheets/sheet1.xml", 300 << 20)),
    );
    assert!(refused(name, bomb).ends_with(
        "is a workbook that unpacks to 300 MiB, more than the 256 MiB a workbook may hold"
    ));
    // A shared-strings table claiming a trillion strings (calamine would reserve room for them).
    let sst = br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount = "1000000000000"><si><t>x</t></si></sst>"#;
    let bytes = build::xlsx(
        &[("New followers", vec![vec![C::T("Date")]])],
        vec![("xl/sharedStrings.xml", sst.to_vec())],
    );
    assert!(refused(name, bytes).contains("declares 1000000000000 shared strings"));
    // Cells spanning more than a million (A1 and Z50000).
    let mut rows: Vec<Vec<C>> = vec![vec![C::T("Date")]];
    rows.resize_with(50_000, Vec::new);
    rows.push((0..26).map(|_| C::N(1.0)).collect());
    let bytes = build::xlsx(&[("New followers", rows)], Vec::new());
    assert!(refused(name, bytes)
        .ends_with("is a workbook of more than 1000000 cells, more than a workbook may have"));
    // 51 sheets.
    let sheets: Vec<(String, Vec<Vec<C>>)> = (0..51)
        .map(|i| (format!("S{i}"), vec![vec![C::T("Date")]]))
        .collect();
    assert!(refused(name, build::xlsx(&sheets, Vec::new()))
        .ends_with("is a workbook of 51 sheets, more than the 50 a workbook may have"));
    // Garbage behind the magic numbers: one sentence, no panic.
    let mut garbage = b"PK\x03\x04".to_vec();
    garbage.extend((0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    assert!(refused(name, garbage.clone())
        .starts_with("acme_followers_1.xlsx: cannot be opened as a workbook"));
    let mut ole_garbage = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole_garbage.extend_from_slice(&garbage);
    assert!(refused("acme_updates_1.xls", ole_garbage)
        .starts_with("acme_updates_1.xls: cannot be opened as a workbook"));
    // Without a LinkedIn name, garbage is not a LinkedIn file at all.
    assert!(!crate::support::format("linkedin/page-analytics").claims_bytes(&garbage, "notes.zip"));
}

#[test]
fn the_guard_refuses_crafted_xls_structures() {
    let rows = vec![
        vec![C::T("Date"), C::T("Total followers")],
        vec![C::T("03/01/2025"), C::N(3.0)],
    ];
    let good = build::ole(&build::biff("New followers", &rows, None), None);
    assert!(workbook::open(&good).is_ok());
    // A DIMENSIONS record claiming four billion rows (calamine reserves room for them).
    let claims = build::ole(
        &build::biff("New followers", &rows, Some((0, 0xFFFF_FFF0, 0, 2))),
        None,
    );
    assert_eq!(
        workbook::open(&claims).unwrap_err(),
        "is a workbook of more than 1000000 cells, more than a workbook may have"
    );
    // A directory chain that loops on itself (calamine would follow it for ever).
    let looped = build::ole(&build::biff("New followers", &rows, None), Some((1, 1)));
    assert!(workbook::open(&looped)
        .unwrap_err()
        .starts_with("cannot be opened as a workbook"));
    // A workbook stream chain that runs past the file.
    let past = build::ole(&build::biff("New followers", &rows, None), Some((3, 9_999)));
    assert!(workbook::open(&past)
        .unwrap_err()
        .starts_with("cannot be opened as a workbook"));
}

#[test]
fn a_part_that_unpacks_to_more_than_it_declares_is_refused() {
    use std::io::Write;
    // 3 MiB of one letter, deflated, then declared as 10 bytes (a zip bomb that lies).
    let mut bytes = Vec::new();
    {
        let mut zip = ::zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let opts = ::zip::write::SimpleFileOptions::default()
            .compression_method(::zip::CompressionMethod::Deflated);
        zip.start_file("xl/sharedStrings.xml", opts).unwrap();
        zip.write_all(&vec![b'x'; 3 << 20]).unwrap();
        zip.finish().unwrap();
    }
    let find = |bytes: &[u8], magic: &[u8]| bytes.windows(4).position(|w| w == magic).unwrap();
    let local = find(&bytes, b"PK\x03\x04");
    bytes[local + 22..local + 26].copy_from_slice(&10u32.to_le_bytes());
    let central = find(&bytes, b"PK\x01\x02");
    bytes[central + 24..central + 28].copy_from_slice(&10u32.to_le_bytes());
    // The zip reader stops at the declared size and calls the rest damage, whatever the limit.
    for limit in [1 << 20, 4 << 20] {
        assert_eq!(
            workbook::check_zip_within(&bytes, 1_000_000, limit).unwrap_err(),
            "cannot be opened as a workbook (its zip directory is damaged)"
        );
    }
}

#[test]
fn shared_strings_are_counted_as_they_are_not_only_as_they_are_declared() {
    let si = "<si><t>x</t></si>".repeat(1_001);
    let sst = format!(
        r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">{si}</sst>"#
    );
    let bytes = build::xlsx(
        &[("New followers", vec![vec![C::T("Date")]])],
        vec![("xl/sharedStrings.xml", sst.into_bytes())],
    );
    assert_eq!(
        workbook::check_zip_within(&bytes, 1_000, 1 << 20).unwrap_err(),
        "is a workbook that declares 1001 shared strings, more than the 1000 cells a workbook may have"
    );
    assert!(workbook::check_zip_within(&bytes, 1_001, 1 << 20).is_ok());
}

#[test]
fn workbooks_are_claimed_by_name_and_container_zips_are_not() {
    let mut garbage = b"PK\x03\x04".to_vec();
    garbage.resize(600, 7);
    assert!(crate::support::format("linkedin/page-analytics")
        .claims_bytes(&garbage, "Acme_followers_1712345678901.xlsx"));
    assert!(crate::support::format("linkedin/page-analytics")
        .claims_bytes(&garbage, "agency-report.xlsx"));
    assert!(!crate::support::format("linkedin/page-analytics")
        .claims_bytes(&garbage, "Basic_LinkedInDataExport_03-01-2025.zip"));
    assert!(!crate::support::format("linkedin/page-analytics")
        .claims_bytes(&garbage, "acme_followers_1.zip"));
}

#[test]
fn a_workbook_without_a_linkedin_sheet_is_set_aside_with_a_sentence() {
    let book = build::xlsx(
        &[("Budget", vec![vec![C::T("Month"), C::T("Fee")]])],
        Vec::new(),
    );
    let e = load("agency-report.xlsx", book).expect_err("set aside");
    assert!(
        e.to_string().starts_with(
            "agency-report.xlsx: has no LinkedIn followers, visitors, content or posts sheet"
        ),
        "{e}"
    );
}
