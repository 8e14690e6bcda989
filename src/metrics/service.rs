//! Service quality from the inbox export (kpis.md, "Service quality").

use super::kpi::{Kpi, Kpis};
use super::stats::{median, pct};
use crate::model::{Account, Period};

pub fn fill(account: &Account, p: &Period, k: &mut Kpis) {
    if !account.presence.messages {
        return;
    }
    let received = account.messages_between(p.start, p.end);
    let questions = received.len() as f64;
    // Real elapsed time between two instants, so a DST change does not add or remove an hour.
    let minutes: Vec<f64> = received
        .iter()
        .filter_map(|m| {
            m.answered_at
                .map(|a| (a - m.received_at).num_milliseconds() as f64 / 60_000.0)
        })
        .collect();
    let answered = minutes.len() as f64;
    k.set(Kpi::Questions, Some(questions));
    k.set(Kpi::Answered, Some(answered));
    k.set(Kpi::ResponseRatePct, pct(Some(answered), Some(questions)));
    k.set(Kpi::ResponseMinutesMedian, median(minutes));
}
