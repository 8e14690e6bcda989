//! The reports an owner forwards: evidence in words, charts in the HTML, on both samples.

#[path = "support/run.rs"]
mod run;

fn report(sample: &str, format: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(sample);
    run::text(&["report", dir.to_str().unwrap(), "--format", format])
}

/// The longest run of digits after a decimal point in `text`.
fn longest_decimals(text: &str) -> usize {
    let b = text.as_bytes();
    let mut longest = 0;
    for i in 1..b.len() {
        if b[i] == b'.' && b[i - 1].is_ascii_digit() {
            let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            longest = longest.max(n);
        }
    }
    longest
}

/// From the findings to the plan: the findings, their evidence and the questions.
fn findings_part<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let a = text.find(start).expect("the findings");
    let b = text[a..].find(end).map_or(text.len(), |b| a + b);
    &text[a..b]
}

#[test]
fn evidence_reads_as_words_in_both_reports() {
    for sample in ["acme-coffee", "nordic-bikes"] {
        let md = report(sample, "md");
        let part = findings_part(&md, "## Findings", "## Plan vs actual");
        let html = report(sample, "html");
        let html_part = findings_part(&html, "<h2>Findings</h2>", "<h2>Plan vs actual</h2>");
        for (name, text) in [("md", part), ("html", html_part)] {
            for bad in ["{", "\\[", "\\_", "\"post_id\""] {
                assert!(!text.contains(bad), "{sample} {name}: `{bad}` in\n{text}");
            }
            assert!(
                longest_decimals(text) <= 4,
                "{sample} {name}: a number with more than four decimals in\n{text}"
            );
        }
    }
}

#[test]
fn the_html_report_draws_three_charts_and_runs_nothing() {
    let html = report("nordic-bikes", "html");
    assert!(html.matches("<svg").count() >= 3);
    assert!(!html.contains("<script"));
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("@media print") && html.contains("name=\"viewport\""));
    // The spike days are marked on the follower chart, the findings' days shaded.
    assert!(html.contains("spike day") && html.contains("<circle"));
    assert!(html.contains("fill=\"#f7caca\""));
    // The charts come before the findings, the findings before the KPI table.
    let (charts, findings, kpis) = (
        html.find("<svg").unwrap(),
        html.find("<h2>Findings</h2>").unwrap(),
        html.find("<h2>KPIs</h2>").unwrap(),
    );
    assert!(charts < findings && findings < kpis);
}
