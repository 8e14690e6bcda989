//! Month names as the platforms write them in the languages they ship, and the days written
//! with them (`March 8`, `8 de marzo`, `8. März`, `18 tháng Sáu`, `15 Ιανουαρίου`).

/// Month names and their abbreviations in the languages the platforms localise into.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("jän", 1),
    ("mär", 3),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    // Spanish and Portuguese
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Polish (nominative and genitive)
    ("styczeń", 1),
    ("stycznia", 1),
    ("luty", 2),
    ("lutego", 2),
    ("marzec", 3),
    ("marca", 3),
    ("kwiecień", 4),
    ("kwietnia", 4),
    ("maj", 5),
    ("maja", 5),
    ("czerwiec", 6),
    ("czerwca", 6),
    ("lipiec", 7),
    ("lipca", 7),
    ("sierpień", 8),
    ("sierpnia", 8),
    ("wrzesień", 9),
    ("września", 9),
    ("październik", 10),
    ("października", 10),
    ("listopad", 11),
    ("listopada", 11),
    ("grudzień", 12),
    ("grudnia", 12),
    // Russian (nominative and genitive) and Bulgarian
    ("январь", 1),
    ("января", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("март", 3),
    ("марта", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июль", 7),
    ("июля", 7),
    ("август", 8),
    ("августа", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("януари", 1),
    ("февруари", 2),
    ("април", 4),
    ("юни", 6),
    ("юли", 7),
    ("септември", 9),
    ("октомври", 10),
    ("ноември", 11),
    ("декември", 12),
];

/// A month's number from its name or abbreviation in any of the languages above.
pub fn number(word: &str) -> Option<u32> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .chain(MORE_MONTHS)
        .find(|(name, _)| *name == w)
        .map(|(_, m)| *m)
}

/// A day and month without a year, as TikTok writes them: `February 28`, `28 февраля`,
/// `28. Februar`, `Feb 28`.
pub fn month_day(cell: &str) -> Option<(u32, u32)> {
    // `8 de marzo`, `8 de março`, `8. März`, `March 8`: the small words between are dropped.
    let words: Vec<&str> = cell
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "de" | "del" | "of"))
        .collect();
    if words.len() != 2 {
        return vietnamese(cell);
    }
    let day = day_number;
    match (number(words[0]), day(words[1])) {
        (Some(m), Some(d)) => Some((m, d)),
        _ => match (day(words[0]), number(words[1])) {
            (Some(d), Some(m)) => Some((m, d)),
            _ => None,
        },
    }
}

/// Indonesian and Dutch, Greek (genitive and nominative), as TikTok writes them.
const MORE_MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("februari", 2),
    ("maret", 3),
    ("maart", 3),
    ("mei", 5),
    ("agustus", 8),
    ("augustus", 8),
    ("desember", 12),
    ("ιανουαρίου", 1),
    ("φεβρουαρίου", 2),
    ("μαρτίου", 3),
    ("απριλίου", 4),
    ("μαΐου", 5),
    ("ιουνίου", 6),
    ("ιουλίου", 7),
    ("αυγούστου", 8),
    ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10),
    ("νοεμβρίου", 11),
    ("δεκεμβρίου", 12),
    ("ιανουάριος", 1),
    ("φεβρουάριος", 2),
    ("μάρτιος", 3),
    ("απρίλιος", 4),
    ("μάιος", 5),
    ("ιούνιος", 6),
    ("ιούλιος", 7),
    ("αύγουστος", 8),
    ("σεπτέμβριος", 9),
    ("οκτώβριος", 10),
    ("νοέμβριος", 11),
    ("δεκέμβριος", 12),
];

/// Vietnamese month words after `tháng` (`18 tháng Sáu`); `tháng 6` is numeric.
const VI_MONTHS: &[(&str, u32)] = &[
    ("một", 1),
    ("giêng", 1),
    ("hai", 2),
    ("ba", 3),
    ("tư", 4),
    ("bốn", 4),
    ("năm", 5),
    ("sáu", 6),
    ("bảy", 7),
    ("tám", 8),
    ("chín", 9),
    ("mười", 10),
    ("mười một", 11),
    ("mười hai", 12),
    ("chạp", 12),
];

fn day_number(w: &str) -> Option<u32> {
    w.trim_end_matches('.')
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))
}

/// `18 tháng Sáu`, `3 tháng 11`, `1 thg 12`: Vietnamese days.
fn vietnamese(cell: &str) -> Option<(u32, u32)> {
    let lower = cell.trim().to_lowercase();
    let (before, after) = lower
        .split_once("tháng")
        .or_else(|| lower.split_once("thg"))?;
    let day = day_number(before.trim().trim_end_matches(','))?;
    let after = after.trim().trim_end_matches(',');
    let month = after
        .parse::<u32>()
        .ok()
        .or_else(|| VI_MONTHS.iter().find(|(n, _)| *n == after).map(|(_, m)| *m))
        .filter(|m| (1..=12).contains(m))?;
    Some((month, day))
}

#[cfg(test)]
mod tests {
    use super::month_day;

    #[test]
    fn days_in_every_language() {
        for (cell, md) in [
            ("February 28", (2, 28)),
            ("28 февраля", (2, 28)),
            ("3. März", (3, 3)),
            ("8 de marzo", (3, 8)),
            ("8 de março", (3, 8)),
            ("18 tháng Sáu", (6, 18)),
            ("15 Ιανουαρίου", (1, 15)),
            ("17 Agustus", (8, 17)),
        ] {
            assert_eq!(month_day(cell), Some(md), "{cell}");
        }
        assert_eq!(month_day("Feb 30x"), None);
    }
}
