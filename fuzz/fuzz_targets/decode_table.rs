//! Bytes → text → table: the encoding sniffer and the CSV/TSV reader with its preamble,
//! `sep=` line and delimiter sniffing.
//!
//! Checks: `import::decode::decode` never panics and gives valid text (a `String`, so UTF-8 by
//! construction), and `import::table::parse_text` returns `Ok` or `Err` on any text without
//! panicking; a table's rows are no wider than their parse allows (no index out of bounds
//! when the header is looked up).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smm_audit::import::{decode, table};

fuzz_target!(|data: &[u8]| {
    let decoded = decode::decode(data);
    assert!(!decoded.encoding.is_empty());
    if let Ok(t) = table::parse_text(&decoded.text) {
        // Look every header name up again, as the importers do.
        for h in &t.headers {
            let _ = t.column(h);
        }
        let names: Vec<&str> = t.headers.iter().map(String::as_str).collect();
        let _ = t.has_all(&names);
    }
});
