//! The questions a report puts to the agency: one for each finding of medium or high
//! severity, in the finding's own words (its detail ends with the question that fits it).

use crate::rules::{Finding, Severity};

/// The question a finding puts to the agency: the sentence of its detail that asks the
/// contractor something, else the rule's question from the help.
pub fn question(f: &Finding) -> String {
    let lower = f.detail.to_lowercase();
    if let Some(at) = lower.find("ask the contractor") {
        if let Some(rest) = f.detail.get(at..) {
            let mut q = super::verdict::capitalised(rest.trim());
            if let Some(end) = q.find(". ") {
                q.truncate(end + 1);
            }
            return q;
        }
    }
    crate::rules::help::rule_help(f.rule)
        .map(|(_, _, ask)| ask.to_string())
        .unwrap_or_default()
}

/// The findings that put a question: medium or above, most severe first.
pub fn asked(findings: &[Finding]) -> impl Iterator<Item = &Finding> + '_ {
    findings.iter().filter(|f| f.severity >= Severity::Medium)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Severity;

    #[test]
    fn the_question_is_the_details_own() {
        let f = Finding {
            rule: "likes-exceed-reach",
            severity: Severity::High,
            start: "2026-10-01".parse().unwrap(),
            end: "2026-10-01".parse().unwrap(),
            title: String::new(),
            detail: "A post cannot be liked by more people than it reached. Ask the contractor whether likes were bought. More.".into(),
            evidence: Default::default(),
            posts: vec![],
            family: None,
        };
        assert_eq!(
            question(&f),
            "Ask the contractor whether likes were bought."
        );
        let g = Finding {
            detail: "No cause: ask the contractor where these followers came from.".into(),
            ..f.clone()
        };
        assert_eq!(
            question(&g),
            "Ask the contractor where these followers came from."
        );
    }
}
