//! Country names as exports write them → ISO 3166-1 alpha-2 codes.

/// (code, names in lower case: English first, then other languages the platforms use).
const COUNTRIES: &[(&str, &[&str])] = &[
    ("AE", &["united arab emirates", "uae", "оаэ", "объединённые арабские эмираты"]),
    ("AR", &["argentina", "аргентина"]),
    ("AT", &["austria", "österreich", "австрия"]),
    ("AU", &["australia", "австралия"]),
    ("AZ", &["azerbaijan", "азербайджан"]),
    ("BD", &["bangladesh", "бангладеш"]),
    ("BE", &["belgium", "belgique", "belgië", "бельгия"]),
    ("BG", &["bulgaria", "българия", "болгария"]),
    ("BR", &["brazil", "brasil", "бразилия"]),
    ("BY", &["belarus", "беларусь", "белоруссия"]),
    ("CA", &["canada", "канада"]),
    ("CH", &["switzerland", "schweiz", "suisse", "швейцария"]),
    ("CL", &["chile", "чили"]),
    ("CN", &["china", "китай"]),
    ("CO", &["colombia", "колумбия"]),
    ("CY", &["cyprus", "кипр"]),
    ("CZ", &["czechia", "czech republic", "česko", "чехия"]),
    ("DE", &["germany", "deutschland", "allemagne", "niemcy", "германия", "германия"]),
    ("DK", &["denmark", "danmark", "дания"]),
    ("DZ", &["algeria", "алжир"]),
    ("EE", &["estonia", "эстония"]),
    ("EG", &["egypt", "египет"]),
    ("ES", &["spain", "españa", "испания"]),
    ("FI", &["finland", "suomi", "финляндия"]),
    ("FR", &["france", "франция"]),
    ("GB", &["united kingdom", "uk", "great britain", "великобритания"]),
    ("GE", &["georgia", "грузия"]),
    ("GR", &["greece", "греция"]),
    ("HK", &["hong kong", "гонконг"]),
    ("HR", &["croatia", "хорватия"]),
    ("HU", &["hungary", "венгрия"]),
    ("ID", &["indonesia", "индонезия"]),
    ("IE", &["ireland", "ирландия"]),
    ("IL", &["israel", "израиль"]),
    ("IN", &["india", "индия"]),
    ("IQ", &["iraq", "ирак"]),
    ("IR", &["iran", "иран"]),
    ("IT", &["italy", "italia", "италия"]),
    ("JP", &["japan", "япония"]),
    ("KE", &["kenya", "кения"]),
    ("KG", &["kyrgyzstan", "киргизия", "кыргызстан"]),
    ("KR", &["south korea", "korea", "южная корея"]),
    ("KZ", &["kazakhstan", "казахстан"]),
    ("LT", &["lithuania", "литва"]),
    ("LU", &["luxembourg", "люксембург"]),
    ("LV", &["latvia", "латвия"]),
    ("MA", &["morocco", "марокко"]),
    ("MD", &["moldova", "молдова", "молдавия"]),
    ("MX", &["mexico", "méxico", "мексика"]),
    ("MY", &["malaysia", "малайзия"]),
    ("NG", &["nigeria", "нигерия"]),
    ("NL", &["netherlands", "nederland", "the netherlands", "нидерланды"]),
    ("NO", &["norway", "norge", "норвегия"]),
    ("NZ", &["new zealand", "новая зеландия"]),
    ("PE", &["peru", "перу"]),
    ("PH", &["philippines", "филиппины"]),
    ("PK", &["pakistan", "пакистан"]),
    ("PL", &["poland", "polska", "польша"]),
    ("PT", &["portugal", "португалия"]),
    ("RO", &["romania", "румыния"]),
    ("RS", &["serbia", "сербия"]),
    ("RU", &["russia", "russian federation", "россия"]),
    ("SA", &["saudi arabia", "саудовская аравия"]),
    ("SE", &["sweden", "sverige", "швеция"]),
    ("SG", &["singapore", "сингапур"]),
    ("SI", &["slovenia", "словения"]),
    ("SK", &["slovakia", "словакия"]),
    ("TH", &["thailand", "таиланд"]),
    ("TJ", &["tajikistan", "таджикистан"]),
    ("TN", &["tunisia", "тунис"]),
    ("TR", &["turkey", "türkiye", "турция"]),
    ("TW", &["taiwan", "тайвань"]),
    ("UA", &["ukraine", "україна", "украина"]),
    ("US", &["united states", "united states of america", "usa", "сша"]),
    ("UZ", &["uzbekistan", "узбекистан"]),
    ("VN", &["vietnam", "viet nam", "вьетнам"]),
    ("ZA", &["south africa", "юар"]),
];

/// The ISO code of a country written as a name or already as a code; `None` when unknown.
pub fn code(name: &str) -> Option<&'static str> {
    let n = name.trim();
    if n.len() == 2 && n.chars().all(|c| c.is_ascii_alphabetic()) {
        let upper = n.to_ascii_uppercase();
        return COUNTRIES.iter().find(|(c, _)| *c == upper).map(|(c, _)| *c);
    }
    let lower = n.to_lowercase();
    COUNTRIES
        .iter()
        .find(|(_, names)| names.contains(&lower.as_str()))
        .map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        assert_eq!(code("United States"), Some("US"));
        assert_eq!(code(" germany "), Some("DE"));
        assert_eq!(code("Германия"), Some("DE"));
        assert_eq!(code("se"), Some("SE"));
        assert_eq!(code("Atlantis"), None);
    }
}
