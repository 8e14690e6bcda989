use super::*;

#[test]
fn the_template_parses() {
    // An untouched template changes nothing but the account's name.
    let c = parse_audit(AUDIT_TEMPLATE, "audit.toml").unwrap();
    assert_eq!(c.account.name.as_deref(), Some("My account"));
    let unnamed = AuditConfig {
        account: crate::model::AccountInfo {
            name: None,
            ..c.account.clone()
        },
        ..c.clone()
    };
    assert_eq!(unnamed, AuditConfig::default());
    // Every example, uncommented, is valid.
    let examples: String = AUDIT_TEMPLATE
        .lines()
        .map(|l| {
            l.strip_prefix("# ")
                .filter(|r| r.contains('=') || r.starts_with("[["))
                .unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let c = parse_audit(&examples, "audit.toml").unwrap();
    assert_eq!(c.contract.fee, Some(1500.0));
    assert_eq!(c.portrait.country.get("DE"), Some(&75.0));
    assert_eq!(c.account.followers, Some(12480.0));
}

#[test]
fn the_spec_example_parses() {
    let text = r#"
[account]
name = "Acme Coffee"
platform = "instagram"
currency = "EUR"
timezone = "Europe/Berlin"

[portrait]
country = { DE = 75, AT = 15, CH = 10 }

[contract]
fee = 1500

[[plan]]
month = "2026-10"
kpi = "net_growth"
target = 800
direction = "at_least"

[[claims]]
month = "2026-10"
kpi = "reach"
value = 250000

[[events]]
start = "2026-10-05"
end = 2026-10-12
kind = "giveaway"
note = "Autumn giveaway"

[rules]
spike_z = 3.5
"#;
    let c = parse_audit(text, "audit.toml").unwrap();
    assert_eq!(c.plan.len(), 1);
    assert_eq!(c.events[0].end.to_string(), "2026-10-12");
    assert_eq!(c.rules.get("spike_z"), Some(&3.5));
}

#[test]
fn an_unknown_key_names_the_key_and_line() {
    let e = parse_audit(
        "[account]\nname = \"x\"\ncurrensy = \"EUR\"\n",
        "audit.toml",
    )
    .unwrap_err();
    assert_eq!(e.line, Some(3));
    assert!(e.message.contains("currensy"), "{e}");
    assert!(e.to_string().starts_with("audit.toml line 3:"), "{e}");
}

#[test]
fn a_wrong_type_names_the_line() {
    let e = parse_audit("[contract]\nfee = \"a lot\"\n", "audit.toml").unwrap_err();
    assert_eq!(e.line, Some(2), "{e}");
}

#[test]
fn unknown_kpis_zones_and_thresholds_are_refused() {
    let e = parse_audit("[[plan]]\nkpi = \"followerz\"\ntarget = 1\n", "a.toml").unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("followerz"));
    let e = parse_audit("[account]\ntimezone = \"Mars/Olympus\"\n", "a.toml").unwrap_err();
    assert_eq!(e.line, Some(2));
    let e = parse_audit("[rules]\nspike = 3\n", "a.toml").unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("`spike`"));
    let e = parse_audit(
        "[[claims]]\nmonth = \"2026-13\"\nkpi = \"reach\"\nvalue = 1\n",
        "a.toml",
    )
    .unwrap_err();
    assert_eq!(e.line, Some(2));
}

#[test]
fn user_defaults_layer_under_the_account() {
    let user = UserConfig::parse(
        "theme = \"light\"\n[rules]\nspike_z = 4\nshift_pp = 12\n[portrait]\ncountry = { PL = 100 }\n",
        "config.toml",
    )
    .unwrap();
    let account = parse_audit("[rules]\nspike_z = 5\n", "audit.toml").unwrap();
    let merged = layer(account, &user);
    assert_eq!(merged.rules.get("spike_z"), Some(&5.0));
    assert_eq!(merged.rules.get("shift_pp"), Some(&12.0));
    assert_eq!(merged.portrait.country.get("PL"), Some(&100.0));
    assert!(UserConfig::parse("theme = \"pink\"\n", "config.toml").is_err());
}
