//! Text from exports is untrusted: this is the one step that makes it safe to draw or print
//! (reliability.md, section 2.5).
//!
//! What could change a terminal is made visible and inert rather than deleted, so the owner
//! sees that something was there: C0 controls become Control Pictures (`␛` for ESC, `␀` for
//! NUL, `␈` for backspace), DEL becomes `␡`, C1 controls become `�`. What only hides or
//! reorders text is removed: bidirectional overrides, isolates and marks, zero-width and other
//! invisible characters, Unicode tag characters (except inside an emoji flag such as England's)
//! and the supplementary variation selectors. Line breaks of every kind become `\n` (a lone
//! carriage return is a line break, never an overwrite); a tab becomes a space. Combining marks
//! are capped at [`MAX_MARKS`] in a row, so a "Zalgo" caption cannot stall drawing.

use unicode_width::UnicodeWidthChar;

/// Zero-width characters kept in a row (combining marks, joiners, variation selectors).
pub const MAX_MARKS: usize = 8;

/// The marker a single-line cell shows for a line break.
pub const LINE_BREAK: char = '⏎';

/// Make text from an export safe: see the module documentation. Idempotent.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut marks = 0;
    while let Some(c) = chars.next() {
        let zero_width = !c.is_ascii() && c.width() == Some(0);
        if !zero_width {
            marks = 0;
        }
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            '\u{200b}' => out.push(' '),
            '\u{1f3f4}' => {
                out.push(c);
                // A black flag followed by tag letters and a cancel tag is a subdivision flag.
                let mut look = chars.clone();
                let mut n = 0;
                while look
                    .next_if(|t| ('\u{e0020}'..='\u{e007e}').contains(t))
                    .is_some()
                {
                    n += 1;
                }
                if n > 0 && look.next_if_eq(&'\u{e007f}').is_some() {
                    for _ in 0..=n {
                        out.extend(chars.next());
                    }
                }
            }
            c if is_hidden(c) => {}
            c if zero_width => {
                marks += 1;
                if marks <= MAX_MARKS {
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// `sanitize` where it changes something, without a new string where it does not (most text
/// is clean: its bytes are looked at first, its characters only when a byte is suspect).
pub fn sanitize_in_place(s: &mut String) {
    if !is_clean(s) {
        *s = sanitize(s);
    }
}

/// Whether `sanitize` would leave `s` as it is.
fn is_clean(s: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut marks = 0;
    while i < bytes.len() {
        // Eight printable ASCII bytes at a time: no byte at or above 0x7F, none below 0x20.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let below_space = w.wrapping_sub(0x20 * ONES) & !w & HIGH;
            let del_or_high = (w.wrapping_add(ONES) | w) & HIGH;
            if below_space | del_or_high == 0 {
                marks = 0;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            if (b < 0x20 && b != b'\n') || b == 0x7f {
                return false;
            }
            marks = 0;
            i += 1;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        i += c.len_utf8();
        // Lead bytes of the characters `sanitize` may change: C1 and the soft hyphen (0xC2),
        // combining and bidi marks of the two-byte scripts (0xCC–0xCD, 0xD2, 0xD6–0xDF), and
        // the three- and four-byte blocks other than CJK ideographs and Hangul.
        if !matches!(b, 0xc2 | 0xcc | 0xcd | 0xd2 | 0xd6..=0xdf | 0xe0..=0xe3 | 0xea | 0xee | 0xef | 0xf0..=0xf4)
        {
            marks = 0;
            continue;
        }
        if c.is_control()
            || matches!(c, '\u{200b}' | '\u{2028}' | '\u{2029}' | '\u{1f3f4}')
            || is_hidden(c)
        {
            return false;
        }
        if c.width() == Some(0) {
            marks += 1;
            if marks > MAX_MARKS {
                return false;
            }
        } else {
            marks = 0;
        }
    }
    true
}

/// Characters removed: bidirectional controls and invisible ones.
fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{200e}' | '\u{200f}' | '\u{061c}'   // LRM, RLM, ALM
        | '\u{202a}'..='\u{202e}'              // bidi embeddings and overrides
        | '\u{2066}'..='\u{2069}'              // bidi isolates
        | '\u{2060}'..='\u{2064}'              // word joiner, invisible operators
        | '\u{206a}'..='\u{206f}'              // deprecated format characters
        | '\u{feff}' | '\u{00ad}' | '\u{180e}'  // BOM, soft hyphen, Mongolian vowel separator
        | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' // Hangul fillers
        | '\u{e0000}'..='\u{e007f}'            // tags outside an emoji flag
        | '\u{e0100}'..='\u{e01ef}' // variation selectors supplement
    )
}

/// How many bidirectional controls `s` holds (what `sanitize` removes to keep text from
/// being shown in another order than it is read; in a caption, a sign of disguised text).
pub fn bidi_controls(s: &str) -> usize {
    // Counted on the bytes: in UTF-8 every bidi control but U+061C (D8 9C) is E2 80 or E2 81
    // and one more byte, and 0xE2 only ever starts a character, so arrows and sparkles
    // (E2 86 92, E2 9C A8) are passed over without decoding the caption.
    let b = s.as_bytes();
    let three = memchr::memchr_iter(0xe2, b)
        .filter(|&i| {
            matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x8e | 0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            )
        })
        .count();
    three + memchr::memmem::find_iter(b, "\u{061c}".as_bytes()).count()
}

/// Characters that must never reach a terminal cell: every C0 control (line breaks and tabs
/// included: a cell is one line), DEL, C1 controls, and whatever `sanitize` removes.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() || c == '\u{200b}' || is_hidden(c)
}

/// Whether `s` holds a forbidden character, tag characters of an emoji flag excepted.
pub fn has_forbidden(s: &str) -> bool {
    let mut in_flag = false;
    for c in s.chars() {
        match c {
            '\u{1f3f4}' => in_flag = true,
            '\u{e0020}'..='\u{e007f}' if in_flag => in_flag = c != '\u{e007f}',
            c if is_forbidden(c) => return true,
            _ => in_flag = false,
        }
    }
    false
}

/// `s` (one line, already safe) in at most `width` columns: cut with `…` when longer, never
/// between a character and the combining marks that follow it.
pub fn fit(s: &str, width: usize) -> String {
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` (one line, already safe) in at most `width` columns, cut only between words, with `…`
/// when cut: a number is left out whole rather than cut in the middle.
pub fn fit_words(s: &str, width: usize) -> String {
    if s.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for word in s.split(' ') {
        let w: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
        let gap = usize::from(!out.is_empty());
        // Room for the word and the ellipsis after it.
        if used + gap + w + 1 > width {
            break;
        }
        if gap == 1 {
            out.push(' ');
        }
        out.push_str(word);
        used += gap + w;
    }
    let out = out.trim_end_matches([',', ';', ':', ' ']).to_string();
    if width == 0 {
        return out;
    }
    format!("{out}…")
}

/// Text for a one-line cell: sanitised, each line break shown as `⏎`.
pub fn one_line(s: &str) -> String {
    let mut t = sanitize(s);
    if t.contains('\n') {
        t = t.replace('\n', &LINE_BREAK.to_string());
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_never_cut() {
        assert_eq!(
            fit_words("growth of 4,018 followers", 100),
            "growth of 4,018 followers"
        );
        assert_eq!(fit_words("growth of 4,018 followers", 14), "growth of…");
        assert_eq!(
            fit_words("growth of 4,018 followers", 16),
            "growth of 4,018…"
        );
    }

    #[test]
    fn in_place_matches_the_copy() {
        for s in [
            "plain",
            "Zürich ☕",
            "a\u{1b}[31mb",
            "x\ty",
            "\u{202e}z",
            "l1\r\nl2",
            "Привет",
            "日本語",
            "e\u{301}",
            "eight ok\x7fnine",
            "twelve bytes\x1bz",
            "ascii only, long enough for words",
            "tab\tin the middle of a long line",
            "a\u{85}b",
            "Z\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
        ] {
            let mut t = s.to_string();
            sanitize_in_place(&mut t);
            assert_eq!(t, sanitize(s));
        }
    }

    #[test]
    fn controls_are_shown_not_obeyed() {
        // T01, T02, T07, T08, T09, T24.
        assert_eq!(sanitize("A\u{1b}[2Jb"), "A␛[2Jb");
        assert_eq!(sanitize("x\u{1b}]0;pwned\u{7}y"), "x␛]0;pwned␇y");
        assert_eq!(one_line("Verified✓\rFAKE"), "Verified✓⏎FAKE");
        assert_eq!(sanitize("admin\u{8}\u{8}guest\u{7f}"), "admin␈␈guest␡");
        assert_eq!(sanitize("10\t000"), "10 000");
        assert_eq!(sanitize("a\0b"), "a␀b");
        // T06: C1 controls, NEL a line break.
        assert_eq!(sanitize("a\u{9b}31mb\u{85}c"), "a\u{fffd}31mb\nc");
    }

    #[test]
    fn line_breaks_of_every_kind_are_one_newline() {
        // T10: the detail view shows four lines, a list row one with markers.
        assert_eq!(sanitize("l1\nl2\r\nl3\rl4"), "l1\nl2\nl3\nl4");
        assert_eq!(one_line("l1\nl2\r\nl3\rl4"), "l1⏎l2⏎l3⏎l4");
        assert_eq!(sanitize("a\u{2028}b"), "a\nb");
    }

    #[test]
    fn hidden_characters_are_removed() {
        // T11, T12, T13.
        assert_eq!(sanitize("a\u{202e}b\u{2066}c\u{2069}\u{200f}d"), "abcd");
        assert_eq!(bidi_controls("a\u{202e}b\u{2066}c\u{2069}\u{200f}d"), 4);
        assert_eq!(bidi_controls("plain — text"), 0);
        assert_eq!(sanitize("ad\u{2060}min\u{feff}\u{ad}"), "admin");
        assert_eq!(sanitize("a\u{200b}b"), "a b");
        assert_eq!(sanitize("ok\u{e0041}\u{e0042}\u{e007f}"), "ok");
        let england = "\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}";
        assert_eq!(
            sanitize(&format!("go {england}!")),
            format!("go {england}!")
        );
        assert!(!has_forbidden(england));
        assert!(has_forbidden("x\u{e0041}"));
        // Joiners and selectors of emoji stay: a family, a red heart.
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(sanitize(family), family);
        assert_eq!(sanitize("❤\u{fe0f}"), "❤\u{fe0f}");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a longer caption", 8), "a longe…");
        assert_eq!(fit("全角全角", 5), "全角…");
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}x", 3), "e\u{301}e\u{301}…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn combining_marks_are_capped() {
        // T15: one base and 10,000 marks keep eight.
        let zalgo = format!("Z{}a", "\u{301}".repeat(10_000));
        let clean = sanitize(&zalgo);
        assert_eq!(clean.chars().count(), 1 + MAX_MARKS + 1);
        assert_eq!(sanitize(&clean), clean);
        assert_eq!(sanitize("e\u{301}\u{302}"), "e\u{301}\u{302}");
    }

    #[test]
    fn sanitizing_twice_changes_nothing() {
        for s in [
            "a\u{1b}[2Jb",
            "x\r\ny\rz",
            "Z\u{301}\u{301}",
            "\u{85}\u{9b}",
            "\t\0",
        ] {
            let once = sanitize(s);
            assert_eq!(sanitize(&once), once, "{s:?}");
            assert!(!has_forbidden(&one_line(&once)), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_quick_check_agrees_with_sanitize(
            s in "\\PC{0,40}|[ -~\\n\\t\\x00-\\x1f\\x7f-\\u{a0}\\u{300}\\u{200b}-\\u{206f}\\u{1f3f4}\\u{e0061}\\u{e007f}]{0,40}"
        ) {
            // A clean verdict is never wrong (a false alarm only costs a copy).
            let same = sanitize(&s) == s;
            proptest::prop_assert!(!is_clean(&s) || same, "{:?}", s);
            let mut t = s.clone();
            sanitize_in_place(&mut t);
            proptest::prop_assert_eq!(t, sanitize(&s));
        }

        #[test]
        fn bidi_controls_are_counted_as_their_characters(
            s in "[a-z \u{600}-\u{620}\u{2000}-\u{20ff}\u{2700}-\u{27ff}\u{1f300}]{0,40}"
        ) {
            let by_char = s
                .chars()
                .filter(|c| matches!(c,
                    '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
                .count();
            proptest::prop_assert_eq!(bidi_controls(&s), by_char);
        }
    }
}
