#!/usr/bin/env python3
"""Timing peer (pandas): one month's headline KPIs of a canonical smm-audit account folder.

NOT part of smm-audit, its tests or its output. It exists only so that whole-process timings
of `smm-audit report ROOT --format json` can be set beside what an owner would otherwise run:
a plain pandas/polars script over the same CSV files. See README.md beside this file.

Usage: python3 pandas_kpis.py ROOT [--month YYYY-MM]

Reads ROOT/daily.csv and ROOT/posts.csv in full (a plain `pd.read_csv`), and
`[account] timezone` from ROOT/audit.toml (UTC without one). The formulas follow kpis.md
("Period and the inputs", "Audience dynamics", "Reach and views", "Engagement"); the month
defaults to the last whole calendar month covered by the daily rows, as `report` does.
Prints the KPIs as JSON (null = "no value").
"""

import datetime as dt
import sys
from pathlib import Path

from common import DAILY_NUMERIC, POST_NUMERIC, month_bounds, pct, run
import numpy as np
import pandas as pd

OFFSET_RE = r"(?:[zZ]|[+-]\d{2}:\d{2})$"


def prepare(df: pd.DataFrame, names) -> pd.DataFrame:
    df.columns = [c.strip().lower() for c in df.columns]
    for c in names:
        if c in df.columns:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    return df


def read_daily(root: Path) -> pd.DataFrame:
    df = prepare(pd.read_csv(root / "daily.csv"), DAILY_NUMERIC)
    df["date"] = pd.to_datetime(df["date"].astype(str).str.strip(), format="%Y-%m-%d",
                                errors="coerce")
    # A row without a follower count is skipped; the later row of a date wins.
    df = df.dropna(subset=["date", "followers"])
    return df.drop_duplicates("date", keep="last").sort_values("date", ignore_index=True)


def read_posts(root: Path, tz: str) -> pd.DataFrame:
    df = prepare(pd.read_csv(root / "posts.csv", dtype={"post_id": str}), POST_NUMERIC)
    stamp = df["published_at"].astype(str).str.strip()
    has_offset = stamp.str.contains(OFFSET_RE, regex=True)
    # Naive: wall time in the account's zone already, so its date is the day.
    date = pd.to_datetime(stamp.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    if has_offset.any():  # RFC 3339 with `Z`/offset: converted to the account's zone first
        rfc = pd.to_datetime(stamp[has_offset], format="ISO8601", utc=True, errors="coerce")
        date[has_offset] = rfc.dt.tz_convert(tz).dt.tz_localize(None).dt.normalize()
    df["date"] = date
    df = df.dropna(subset=["post_id", "date"])
    return df.drop_duplicates("post_id", keep="last")


def default_month(daily: pd.DataFrame, posts: pd.DataFrame):
    """The last whole calendar month covered by the daily rows, else the last month with a row."""
    if len(daily):
        first, last = daily["date"].iloc[0].date(), daily["date"].iloc[-1].date()
        start, end = month_bounds(last.year, last.month)
        if last == end:
            return start, end
        prev = start - dt.timedelta(days=1)
        whole = month_bounds(prev.year, prev.month)
        return whole if whole[0] >= first else (start, end)
    if not len(posts):
        sys.exit("no daily rows and no posts: nothing to report")
    latest = posts["date"].max()
    return month_bounds(latest.year, latest.month)


def sum_or_none(s: pd.Series):
    s = s.dropna()
    return float(s.sum()) if len(s) else None


def kpis(daily: pd.DataFrame, posts: pd.DataFrame, start: dt.date, end: dt.date) -> dict:
    days = (end - start).days + 1
    ts_start, ts_end = pd.Timestamp(start), pd.Timestamp(end)
    in_p = daily[daily["date"].between(ts_start, ts_end)]
    dates, counts = daily["date"].to_numpy(), daily["followers"].to_numpy()

    def followers_at(ts):
        i = np.searchsorted(dates, np.datetime64(ts), side="right")  # rows on or before
        return float(counts[i - 1]) if i > 0 else (float(counts[0]) if len(counts) else None)

    if len(in_p):
        before = daily.loc[daily["date"] == ts_start - pd.Timedelta(days=1), "followers"]
        f_start = float(before.iloc[0]) if len(before) else followers_at(ts_start)
        f_end = followers_at(ts_end)
    else:
        f_start = f_end = None
    net = None if f_start is None or f_end is None else f_end - f_start

    p = posts[posts["date"].between(ts_start, ts_end)].copy()
    # An empty cell makes the post's engagements "no value" (NaN propagates through +).
    parts = [p[c] if c in p.columns else 0.0 for c in ("likes", "comments", "shares")]
    p["engagements"] = parts[0] + parts[1] + parts[2]
    if len(daily):  # F(post): followers at the end of the publication day (kpis.md)
        p = pd.merge_asof(p.sort_values("date"),
                          daily[["date", "followers"]].rename(columns={"followers": "f"}),
                          on="date", direction="backward")
        p["f"] = p["f"].fillna(float(counts[0]))
    else:
        p["f"] = np.nan

    rated = p[p["engagements"].notna() & (p["f"] > 0)]
    er_post = float((rated["engagements"] / rated["f"]).mean() * 100.0) if len(rated) else None

    def pooled(col):
        if col not in p.columns:
            return None
        both = p[p["engagements"].notna() & p[col].notna()]
        return pct(float(both["engagements"].sum()), float(both[col].sum())) if len(both) else None

    reach_col = p["reach"].dropna() if "reach" in p.columns else pd.Series(dtype="float64")
    n = float(len(p))
    return {
        "followers_start": f_start,
        "followers_end": f_end,
        "net_growth": net,
        "growth_pct": pct(net, f_start),
        "reach": sum_or_none(in_p["reach"]) if "reach" in in_p.columns else None,
        "impressions": sum_or_none(in_p["impressions"]) if "impressions" in in_p.columns else None,
        "post_reach_median": float(reach_col.median()) if len(reach_col) else None,
        "posts": n,
        "posts_per_week": n / days * 7.0,
        "engagements": sum_or_none(p["engagements"]),
        "er_post_pct": er_post,
        "err_pct": pooled("reach"),
        "er_view_pct": pooled("impressions"),
    }


if __name__ == "__main__":
    run("pandas", read_daily, read_posts, default_month, kpis)
