//! Country names as exports write them → ISO 3166-1 alpha-2 codes (every code; names in
//! English, with the other languages the platforms use for the most common ones).

/// (code, names in lower case: English first, then other languages the platforms use).
const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "AE",
        &[
            "united arab emirates",
            "uae",
            "оаэ",
            "объединённые арабские эмираты",
        ],
    ),
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
    (
        "DE",
        &[
            "germany",
            "deutschland",
            "allemagne",
            "niemcy",
            "германия",
            "германия",
        ],
    ),
    ("DK", &["denmark", "danmark", "дания"]),
    ("DZ", &["algeria", "алжир"]),
    ("EE", &["estonia", "эстония"]),
    ("EG", &["egypt", "египет"]),
    ("ES", &["spain", "españa", "испания"]),
    ("FI", &["finland", "suomi", "финляндия"]),
    ("FR", &["france", "франция"]),
    (
        "GB",
        &["united kingdom", "uk", "great britain", "великобритания"],
    ),
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
    (
        "NL",
        &["netherlands", "nederland", "the netherlands", "нидерланды"],
    ),
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
    (
        "US",
        &["united states", "united states of america", "usa", "сша"],
    ),
    ("UZ", &["uzbekistan", "узбекистан"]),
    ("VN", &["vietnam", "viet nam", "вьетнам"]),
    ("ZA", &["south africa", "юар"]),
    ("AD", &["andorra"]),
    ("AF", &["afghanistan"]),
    ("AG", &["antigua & barbuda", "antigua and barbuda"]),
    ("AI", &["anguilla"]),
    ("AL", &["albania"]),
    ("AM", &["armenia", "армения"]),
    ("AO", &["angola"]),
    ("AQ", &["antarctica"]),
    ("AS", &["american samoa", "samoa (american)"]),
    ("AW", &["aruba"]),
    ("AX", &["åland islands"]),
    ("BA", &["bosnia & herzegovina", "bosnia and herzegovina"]),
    ("BB", &["barbados"]),
    ("BF", &["burkina faso"]),
    ("BH", &["bahrain"]),
    ("BI", &["burundi"]),
    ("BJ", &["benin"]),
    ("BL", &["st barthelemy"]),
    ("BM", &["bermuda"]),
    ("BN", &["brunei"]),
    ("BO", &["bolivia"]),
    ("BQ", &["caribbean nl"]),
    ("BS", &["bahamas"]),
    ("BT", &["bhutan"]),
    ("BV", &["bouvet island"]),
    ("BW", &["botswana"]),
    ("BZ", &["belize"]),
    ("CC", &["cocos (keeling) islands"]),
    (
        "CD",
        &[
            "congo (dem. rep.)",
            "democratic republic of the congo",
            "dr congo",
        ],
    ),
    ("CF", &["central african rep."]),
    ("CG", &["congo", "congo (rep.)", "republic of the congo"]),
    ("CI", &["côte d'ivoire", "cote d'ivoire", "ivory coast"]),
    ("CK", &["cook islands"]),
    ("CM", &["cameroon"]),
    ("CR", &["costa rica"]),
    ("CU", &["cuba"]),
    ("CV", &["cape verde", "cabo verde"]),
    ("CW", &["curaçao"]),
    ("CX", &["christmas island"]),
    ("DJ", &["djibouti"]),
    ("DM", &["dominica"]),
    ("DO", &["dominican republic"]),
    ("EC", &["ecuador"]),
    ("EH", &["western sahara"]),
    ("ER", &["eritrea"]),
    ("ET", &["ethiopia"]),
    ("FJ", &["fiji"]),
    ("FK", &["falkland islands"]),
    ("FM", &["micronesia"]),
    ("FO", &["faroe islands"]),
    ("GA", &["gabon"]),
    ("GD", &["grenada"]),
    ("GF", &["french guiana"]),
    ("GG", &["guernsey"]),
    ("GH", &["ghana"]),
    ("GI", &["gibraltar"]),
    ("GL", &["greenland"]),
    ("GM", &["gambia"]),
    ("GN", &["guinea"]),
    ("GP", &["guadeloupe"]),
    ("GQ", &["equatorial guinea"]),
    (
        "GS",
        &[
            "south georgia & the south sandwich islands",
            "south georgia and the south sandwich islands",
        ],
    ),
    ("GT", &["guatemala"]),
    ("GU", &["guam"]),
    ("GW", &["guinea-bissau"]),
    ("GY", &["guyana"]),
    (
        "HM",
        &[
            "heard island & mcdonald islands",
            "heard island and mcdonald islands",
        ],
    ),
    ("HN", &["honduras"]),
    ("HT", &["haiti"]),
    ("IM", &["isle of man"]),
    ("IO", &["british indian ocean territory"]),
    ("IS", &["iceland"]),
    ("JE", &["jersey"]),
    ("JM", &["jamaica"]),
    ("JO", &["jordan"]),
    ("KH", &["cambodia"]),
    ("KI", &["kiribati"]),
    ("KM", &["comoros"]),
    ("KN", &["st kitts & nevis", "st kitts and nevis"]),
    ("KP", &["korea (north)", "north korea"]),
    ("KW", &["kuwait"]),
    ("KY", &["cayman islands"]),
    ("LA", &["laos"]),
    ("LB", &["lebanon"]),
    ("LC", &["st lucia"]),
    ("LI", &["liechtenstein"]),
    ("LK", &["sri lanka"]),
    ("LR", &["liberia"]),
    ("LS", &["lesotho"]),
    ("LY", &["libya"]),
    ("MC", &["monaco"]),
    ("ME", &["montenegro"]),
    ("MF", &["st martin", "st martin (french)"]),
    ("MG", &["madagascar"]),
    ("MH", &["marshall islands"]),
    ("MK", &["north macedonia", "macedonia"]),
    ("ML", &["mali"]),
    ("MM", &["myanmar", "myanmar (burma)", "burma"]),
    ("MN", &["mongolia"]),
    ("MO", &["macau"]),
    ("MP", &["northern mariana islands"]),
    ("MQ", &["martinique"]),
    ("MR", &["mauritania"]),
    ("MS", &["montserrat"]),
    ("MT", &["malta"]),
    ("MU", &["mauritius"]),
    ("MV", &["maldives"]),
    ("MW", &["malawi"]),
    ("MZ", &["mozambique"]),
    ("NA", &["namibia"]),
    ("NC", &["new caledonia"]),
    ("NE", &["niger"]),
    ("NF", &["norfolk island"]),
    ("NI", &["nicaragua"]),
    ("NP", &["nepal"]),
    ("NR", &["nauru"]),
    ("NU", &["niue"]),
    ("OM", &["oman"]),
    ("PA", &["panama"]),
    ("PF", &["french polynesia"]),
    ("PG", &["papua new guinea"]),
    ("PM", &["st pierre & miquelon", "st pierre and miquelon"]),
    ("PN", &["pitcairn"]),
    ("PR", &["puerto rico"]),
    ("PS", &["palestine", "palestinian territories"]),
    ("PW", &["palau"]),
    ("PY", &["paraguay"]),
    ("QA", &["qatar"]),
    ("RE", &["réunion"]),
    ("RW", &["rwanda"]),
    ("SB", &["solomon islands"]),
    ("SC", &["seychelles"]),
    ("SD", &["sudan"]),
    ("SH", &["st helena"]),
    ("SJ", &["svalbard & jan mayen", "svalbard and jan mayen"]),
    ("SL", &["sierra leone"]),
    ("SM", &["san marino"]),
    ("SN", &["senegal"]),
    ("SO", &["somalia"]),
    ("SR", &["suriname"]),
    ("SS", &["south sudan"]),
    ("ST", &["sao tome & principe", "sao tome and principe"]),
    ("SV", &["el salvador"]),
    ("SX", &["st maarten", "st maarten (dutch)"]),
    ("SY", &["syria"]),
    ("SZ", &["eswatini", "eswatini (swaziland)", "swaziland"]),
    ("TC", &["turks & caicos is", "turks and caicos is"]),
    ("TD", &["chad"]),
    ("TF", &["french s. terr."]),
    ("TG", &["togo"]),
    ("TK", &["tokelau"]),
    ("TL", &["east timor", "timor-leste"]),
    ("TM", &["turkmenistan"]),
    ("TO", &["tonga"]),
    ("TT", &["trinidad & tobago", "trinidad and tobago"]),
    ("TV", &["tuvalu"]),
    ("TZ", &["tanzania"]),
    ("UG", &["uganda"]),
    ("UM", &["us minor outlying islands"]),
    ("UY", &["uruguay"]),
    ("VA", &["vatican city"]),
    ("VC", &["st vincent"]),
    ("VE", &["venezuela"]),
    // "Virgin Islands" alone could be either: it is no country's name here.
    ("VG", &["british virgin islands", "virgin islands (uk)"]),
    (
        "VI",
        &[
            "u.s. virgin islands",
            "us virgin islands",
            "virgin islands (us)",
        ],
    ),
    ("VU", &["vanuatu"]),
    ("WF", &["wallis & futuna", "wallis and futuna"]),
    ("WS", &["samoa", "samoa (western)"]),
    ("YE", &["yemen"]),
    ("YT", &["mayotte"]),
    ("ZM", &["zambia"]),
    ("ZW", &["zimbabwe"]),
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

/// A country's English name for people ("United Kingdom"), from its ISO code.
pub fn name(code: &str) -> Option<String> {
    let (_, names) = COUNTRIES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))?;
    let english = names.first()?;
    let words: Vec<String> = english
        .split(' ')
        .map(|w| match w {
            "and" | "of" | "the" | "&" => w.to_string(),
            _ => {
                let mut c = w.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            }
        })
        .collect();
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_for_people() {
        assert_eq!(name("GB").as_deref(), Some("United Kingdom"));
        assert_eq!(name("pl").as_deref(), Some("Poland"));
        assert_eq!(name("BA").as_deref(), Some("Bosnia & Herzegovina"));
        assert_eq!(name("XX"), None);
    }

    #[test]
    fn names_and_codes() {
        assert_eq!(code("United States"), Some("US"));
        assert_eq!(code(" germany "), Some("DE"));
        assert_eq!(code("Германия"), Some("DE"));
        assert_eq!(code("se"), Some("SE"));
        assert_eq!(code("Atlantis"), None);
        assert_eq!(code("Virgin Islands"), None);
        assert_eq!(code("British Virgin Islands"), Some("VG"));
    }

    #[test]
    fn no_name_stands_for_two_countries() {
        let mut seen = std::collections::HashMap::new();
        for (code, names) in COUNTRIES {
            for name in *names {
                if let Some(other) = seen.insert(*name, *code).filter(|o| o != code) {
                    panic!("`{name}` is both {other} and {code}");
                }
            }
        }
    }
}
