//! For every rule, a short text for the help screen: what it means, why it matters, and what to
//! ask the contractor.

/// (rule id, what it means, why it matters, what to ask).
pub const RULES: &[(&str, &str, &str, &str)] = &[
    (
        "spike-flat-engagement",
        "Followers jumped far above the usual daily gain, and engagement per post did not grow with them.",
        "Bought and bot followers do not like, comment or share: the base grows, engagement stays flat, ER falls. It is the classic sign of bought followers. High when nothing on record explains the jump; medium, and named after it, when an event, an ad-spend surge or a viral post does. From daily follows (Meta, X) the jump is judged without the follower count unless audit.toml gives [account] followers.",
        "Where did these followers come from? Was a follower package, a 'promotion service' or mass-following used?",
    ),
    (
        "spike-explained",
        "A follower jump with a cause on record (an event in audit.toml, an ad-spend surge or a viral post), and engagement kept up.",
        "Growth that has a cause and brings engagement is what you pay for.",
        "Are the new followers the target audience?",
    ),
    (
        "unfollow-wave",
        "Many more people than usual unfollowed, after a jump or on a single day.",
        "Bought followers are often removed by the platform or leave again; a mass unfollow can also follow a post that put the audience off.",
        "What happened on these days, and why did the new followers not stay?",
    ),
    (
        "giveaway-churn",
        "After a giveaway's jump, a large part of the new followers left again within 30 days.",
        "Giveaways attract prize hunters. Not fraud, but not the target audience either.",
        "How many of the followers who stayed are potential customers?",
    ),
    (
        "engagement-dilution",
        "The base grew by 10 % or more in the period, but engagement per post did not grow.",
        "Real new followers engage; growth without engagement means inactive or bought accounts.",
        "Which activity brought the growth, and why does it not show in engagement?",
    ),
    (
        "geo-mismatch",
        "The followers (or new followers) come from other countries than the target portrait.",
        "An audience outside your market does not buy; foreign followers are also typical of bought accounts.",
        "Which campaigns and targeting bring followers from these countries?",
    ),
    (
        "geo-shift",
        "After a follower jump, the share of followers from outside the target countries rose by 10 points or more.",
        "Bought followers usually come from countries where accounts are cheap to run: the jump and the shift together are strong evidence.",
        "Which campaign brought followers from these countries at that time?",
    ),
    (
        "age-mismatch",
        "The followers' age groups differ greatly from the target portrait.",
        "Content and ads reach people who are not your customers.",
        "How is the targeting set, and who is the content made for?",
    ),
    (
        "gender-mismatch",
        "The followers' gender split differs greatly from the target portrait.",
        "Content and ads reach people who are not your customers.",
        "How is the targeting set, and who is the content made for?",
    ),
    (
        "likes-exceed-reach",
        "A post with at least `post_min_engagements` likes (default 20) has more likes than accounts it reached (smaller posts are noise, not evidence).",
        "That cannot happen with real likes from the platform's audience: bought likes or like exchanges.",
        "Were likes bought or exchanged for this post?",
    ),
    (
        "engagement-without-reach",
        "A post with at least `post_min_engagements` engagements (default 20) has an engagement rate by reach far above the usual while its reach was not.",
        "Engagement can be pumped with comment games, engagement pods or bought likes; it then stands out of line with reach.",
        "How did this post get its engagement?",
    ),
    (
        "low-reach",
        "A typical post reaches under 5 % of the followers.",
        "Either the content does not interest the base, or many followers are inactive or not real.",
        "How will the content reach the followers the account already has?",
    ),
    (
        "claims-mismatch",
        "A figure in the agency's report differs by more than 5 % from the platform's own export.",
        "A report that does not match the platform cannot be checked; over 10 % is high.",
        "Which export does the agency's figure come from?",
    ),
    (
        "plan-missed",
        "A KPI planned in audit.toml was not met.",
        "The plan is what was agreed; the audit compares it with what the platform measured.",
        "Why was it missed, and what changes next month?",
    ),
    (
        "no-improvement",
        "With [contract] start in audit.toml: the contract's whole months are below the months before it on net growth, reach and ER post at once.",
        "Context for the fee, never part of the verdict: seasons and changes in how platforms count move these numbers too.",
        "What did you change, and what result do you expect, by when?",
    ),
    (
        "counts-disagree",
        "The day's change in followers differs from follows minus unfollows.",
        "Platforms purge fake accounts without counting them as unfollows; a big difference can also mean an edited export.",
        "Can you send the platform's own export for these days?",
    ),
    (
        "data-gap",
        "The daily series misses more than 2 consecutive days.",
        "A spike or a purge inside the gap would go unseen.",
        "Can you send an export that covers these days?",
    ),
    (
        "not-evaluated",
        "A rule could not judge the period: its input is missing or covers under 70 % of its window.",
        "It is not a pass: the audit cannot see what it is not given.",
        "Can you send the missing export (the finding names it)?",
    ),
];

/// The help text of a rule id.
pub fn rule_help(rule: &str) -> Option<(&'static str, &'static str, &'static str)> {
    RULES
        .iter()
        .find(|(id, ..)| *id == rule)
        .map(|(_, a, b, c)| (*a, *b, *c))
}
