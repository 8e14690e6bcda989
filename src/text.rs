//! Text from exports is untrusted: this is the one step that makes it safe to draw or print.

/// Remove what could change a terminal or fool a reader: C0 and C1 control characters, escape
/// sequences (CSI, OSC and two-byte ones), bidirectional overrides and isolates, zero-width
/// characters and Unicode tag characters. Tabs and newlines become spaces.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' => skip_osc(&mut chars),
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// `sanitize` where it changes something, without a new string where it does not (most text
/// is clean: printable ASCII is checked byte by byte).
pub fn sanitize_in_place(s: &mut String) {
    let clean = s.bytes().all(|b| (0x20..0x7f).contains(&b))
        || !s
            .chars()
            .any(|c| matches!(c, '\n' | '\r' | '\t') || is_forbidden(c));
    if !clean {
        *s = sanitize(s);
    }
}

/// Characters never drawn.
pub fn is_forbidden(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control()
        || matches!(c,
            '\u{200b}'..='\u{200f}'   // zero-width space, joiners, LRM/RLM
            | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{feff}'              // zero-width no-break space
            | '\u{e0000}'..='\u{e007f}' // tag characters
        )
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']') | Some('P') | Some('_') | Some('^') | Some('X') => {
            chars.next();
            skip_osc(chars);
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

/// A CSI sequence ends with a byte in `@`..`~`.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for n in chars.by_ref() {
        if ('@'..='~').contains(&n) {
            break;
        }
    }
}

/// An OSC (or DCS, APC, PM, SOS) string ends with BEL or ST (ESC \).
fn skip_osc(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(n) = chars.next() {
        if n == '\u{7}' || n == '\u{9c}' {
            break;
        }
        if n == '\u{1b}' {
            if chars.peek() == Some(&'\\') {
                chars.next();
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_place_matches_the_copy() {
        for s in ["plain", "Zürich ☕", "a\u{1b}[31mb", "x\ty", "\u{202e}z"] {
            let mut t = s.to_string();
            sanitize_in_place(&mut t);
            assert_eq!(t, sanitize(s));
        }
    }

    #[test]
    fn strips_escapes_controls_and_invisible_characters() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(
            sanitize("x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "xlink"
        );
        assert_eq!(
            sanitize("a\u{202e}b\u{200b}c\u{e0041}d\0e\u{85}f"),
            "abcdef"
        );
        assert_eq!(sanitize("line1\nline2\ttab"), "line1 line2 tab");
        assert_eq!(sanitize("Kaffee ☕ Zürich"), "Kaffee ☕ Zürich");
    }
}
