//! What a rule returns: a finding, and the period's verdict built from findings.

use crate::evidence::Evidence;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" => Some(Severity::Info),
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            _ => None,
        }
    }
}

/// The family of evidence a rule belongs to; the verdict counts flagged families.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Growth,
    Engagement,
    Audience,
    Money,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Growth => "growth",
            Family::Engagement => "engagement",
            Family::Audience => "audience",
            Family::Money => "money",
        }
    }
}

/// One thing the audit saw, with the numbers to check it by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// One line with the key numbers.
    pub title: String,
    /// What was seen, what it usually means, what to ask the contractor.
    pub detail: String,
    /// The numbers, by name and kind, in the order they were added.
    pub evidence: Evidence,
    /// Post ids, where the finding concerns posts.
    pub posts: Vec<String>,
    #[serde(skip)]
    pub family: Option<Family>,
}

impl Finding {
    pub fn touches(&self, start: NaiveDate, end: NaiveDate) -> bool {
        self.start <= end && start <= self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictLevel {
    Genuine,
    Questionable,
    LikelyInflated,
    /// No family flagged, and the growth family could not judge the period.
    InsufficientData,
}

impl VerdictLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictLevel::Genuine => "genuine",
            VerdictLevel::Questionable => "questionable",
            VerdictLevel::LikelyInflated => "likely-inflated",
            VerdictLevel::InsufficientData => "insufficient-data",
        }
    }

    /// For people: "likely inflated".
    pub fn label(self) -> &'static str {
        match self {
            VerdictLevel::Genuine => "genuine",
            VerdictLevel::Questionable => "questionable",
            VerdictLevel::LikelyInflated => "likely inflated",
            VerdictLevel::InsufficientData => "not enough data to judge",
        }
    }

    /// Whether the verdict flags the period (questionable or likely inflated).
    pub fn is_flagged(self) -> bool {
        matches!(
            self,
            VerdictLevel::Questionable | VerdictLevel::LikelyInflated
        )
    }
}

/// What a period's rules could judge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// The families at least one of whose rules judged the period.
    pub evaluated: Vec<Family>,
    /// Whether the growth family could judge the period (rules.md, "The verdict").
    pub growth_judged: bool,
    /// When it could not: one sentence per missing input.
    pub missing: Vec<String>,
}

/// The period's verdict: how many independent families of evidence are flagged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub level: VerdictLevel,
    pub families: Vec<&'static str>,
    /// The rule ids it rests on.
    pub because: Vec<&'static str>,
    /// The families that could judge the period.
    pub evaluated: Vec<&'static str>,
    /// For insufficient data: what was missing, one sentence each.
    pub missing: Vec<String>,
}

/// Only findings at medium or above count, by family (rules.md, "The verdict"). With no family
/// flagged, the period is genuine only when the growth family could judge it.
pub fn verdict(findings: &[Finding], coverage: &Coverage) -> Verdict {
    let mut families: Vec<Family> = Vec::new();
    let mut because: Vec<&'static str> = Vec::new();
    for f in findings.iter().filter(|f| f.severity >= Severity::Medium) {
        if let Some(fam) = f.family {
            if !families.contains(&fam) {
                families.push(fam);
            }
            if !because.contains(&f.rule) {
                because.push(f.rule);
            }
        }
    }
    families.sort();
    let level = match families.len() {
        0 if coverage.growth_judged => VerdictLevel::Genuine,
        0 => VerdictLevel::InsufficientData,
        1 => VerdictLevel::Questionable,
        _ => VerdictLevel::LikelyInflated,
    };
    Verdict {
        level,
        families: families.iter().map(|f| f.as_str()).collect(),
        because,
        evaluated: coverage.evaluated.iter().map(|f| f.as_str()).collect(),
        missing: if level == VerdictLevel::InsufficientData {
            coverage.missing.clone()
        } else {
            Vec::new()
        },
    }
}

/// Most severe first, then by date, then by rule id (of findings or references to them).
pub fn sort_findings<F: std::borrow::Borrow<Finding>>(findings: &mut [F]) {
    findings.sort_by(|a, b| {
        let (a, b) = (a.borrow(), b.borrow());
        b.severity
            .cmp(&a.severity)
            .then(a.start.cmp(&b.start))
            .then(a.rule.cmp(b.rule))
    });
}
