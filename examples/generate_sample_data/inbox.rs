//! The inbox: direct messages and comments that ask something, and when they were answered.

use crate::config::{Account, Inbox, DAYS, START};
use crate::date::Stamp;
use crate::rng::Rng;

pub struct Message {
    pub received: Stamp,
    pub answered: Option<Stamp>,
    pub channel: &'static str,
}

/// Messages arrive between 07:00 and 23:30 wall time (never in a DST gap or overlap).
pub fn messages(acc: &Account) -> Vec<Message> {
    let inbox = &acc.inbox;
    let mut rng = Rng::stream(acc.seed, "inbox");
    let mut out = Vec::new();
    for date in (0..DAYS).map(|i| START.add(i)) {
        let n = rng.int(inbox.per_day.0, inbox.per_day.1);
        let mut minutes: Vec<i64> = (0..n).map(|_| rng.int(7 * 60, 23 * 60 + 29)).collect();
        minutes.sort_unstable();
        for minute in minutes {
            let received = Stamp { date, minute };
            let channel = if rng.chance(0.6) { "dm" } else { "comment" };
            let answered = rng
                .chance(inbox.answered)
                .then(|| reply(received, inbox, &mut rng));
            out.push(Message {
                received,
                answered,
                channel,
            });
        }
    }
    out
}

/// A reply after the usual delay if that falls in opening hours, else early in the next opening.
fn reply(received: Stamp, inbox: &Inbox, rng: &mut Rng) -> Stamp {
    let (open, close) = (inbox.open.0 * 60, inbox.open.1 * 60);
    let at = received.add_minutes(rng.int(inbox.delay.0, inbox.delay.1));
    if at.date == received.date && (open..close).contains(&at.minute) {
        return at;
    }
    let date = if at.date == received.date && at.minute < open {
        received.date
    } else {
        received.date.add(1)
    };
    Stamp {
        date,
        minute: open + rng.int(5, 90),
    }
}
