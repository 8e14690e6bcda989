#!/usr/bin/env python3
"""Timing peer (polars): one month's headline KPIs of a canonical smm-audit account folder.

NOT part of smm-audit, its tests or its output. It exists only so that whole-process timings
of `smm-audit report ROOT --format json` can be set beside what an owner would otherwise run:
a plain pandas/polars script over the same CSV files. See README.md beside this file.

Usage: python3 polars_kpis.py ROOT [--month YYYY-MM]

Reads ROOT/daily.csv and ROOT/posts.csv in full (the default, multithreaded `pl.read_csv`),
and `[account] timezone` from ROOT/audit.toml (UTC without one). The formulas follow
kpis.md ("Period and the inputs", "Audience dynamics", "Reach and views", "Engagement"); the
month defaults to the last whole calendar month covered by the daily rows, as `report` does.
Prints the KPIs as JSON (null = "no value").
"""

import datetime as dt
import sys
from pathlib import Path

from common import DAILY_NUMERIC, POST_NUMERIC, month_bounds, pct, run
import polars as pl

OFFSET_RE = r"(?i)(z|[+-]\d{2}:\d{2})$"


def lower_names(df: pl.DataFrame) -> pl.DataFrame:
    return df.rename({c: c.strip().lower() for c in df.columns})


def numeric(df: pl.DataFrame, names) -> pl.DataFrame:
    return df.with_columns(pl.col(c).cast(pl.Float64) for c in names if c in df.columns)


def read_daily(root: Path) -> pl.DataFrame:
    df = numeric(lower_names(pl.read_csv(root / "daily.csv")), DAILY_NUMERIC)
    df = df.with_columns(pl.col("date").cast(pl.String).str.strip_chars().str.to_date("%Y-%m-%d"))
    # A row without a follower count is skipped; the later row of a date wins.
    df = df.filter(pl.col("date").is_not_null() & pl.col("followers").is_not_null())
    return df.unique("date", keep="last", maintain_order=True).sort("date")


def read_posts(root: Path, tz: str) -> pl.DataFrame:
    df = numeric(lower_names(pl.read_csv(root / "posts.csv")), POST_NUMERIC)
    df = df.with_columns(pl.col("post_id").cast(pl.String), pl.col("published_at").cast(pl.String))
    stamp = pl.col("published_at").str.strip_chars()
    # RFC 3339 with `Z`/offset: converted to the account's zone; naive: wall time there already.
    rfc = (stamp.str.replace(r"^(\d{4}-\d{2}-\d{2}) ", "${1}T").str.replace(r"[zZ]$", "+00:00")
           .str.to_datetime("%Y-%m-%dT%H:%M:%S%.f%:z", strict=False, time_zone="UTC"))
    date = (pl.when(stamp.str.contains(OFFSET_RE))
            .then(rfc.dt.convert_time_zone(tz).dt.date())
            .otherwise(stamp.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)))
    df = df.with_columns(date.alias("date"))
    df = df.filter(pl.col("post_id").is_not_null() & pl.col("date").is_not_null())
    return df.unique("post_id", keep="last", maintain_order=True)


def default_month(daily: pl.DataFrame, posts: pl.DataFrame):
    """The last whole calendar month covered by the daily rows, else the last month with a row."""
    if daily.height:
        first, last = daily["date"][0], daily["date"][-1]
        start, end = month_bounds(last.year, last.month)
        if last == end:
            return start, end
        prev = start - dt.timedelta(days=1)
        whole = month_bounds(prev.year, prev.month)
        return whole if whole[0] >= first else (start, end)
    latest = posts["date"].max()
    if latest is None:
        sys.exit("no daily rows and no posts: nothing to report")
    return month_bounds(latest.year, latest.month)


def sum_or_none(s: pl.Series):
    s = s.drop_nulls()
    return float(s.sum()) if s.len() else None


def kpis(daily: pl.DataFrame, posts: pl.DataFrame, start: dt.date, end: dt.date) -> dict:
    days = (end - start).days + 1
    in_p = daily.filter(pl.col("date").is_between(start, end))
    dates, counts = daily["date"], daily["followers"]

    def followers_at(d):
        i = dates.search_sorted(d, side="right")  # rows on or before d
        return float(counts[i - 1]) if i > 0 else (float(counts[0]) if daily.height else None)

    if in_p.height:
        before = daily.filter(pl.col("date") == start - dt.timedelta(days=1))
        f_start = float(before["followers"][0]) if before.height else followers_at(start)
        f_end = followers_at(end)
    else:
        f_start = f_end = None
    net = None if f_start is None or f_end is None else f_end - f_start

    p = posts.filter(pl.col("date").is_between(start, end))
    zero = pl.lit(0.0)
    eng = sum((pl.col(c) if c in p.columns else zero) for c in ("likes", "comments", "shares"))
    p = p.with_columns(eng.alias("engagements"))
    if daily.height:  # F(post): followers at the end of the publication day (kpis.md)
        p = p.sort("date").join_asof(daily.select("date", pl.col("followers").alias("f")),
                                     on="date", strategy="backward")
        p = p.with_columns(pl.col("f").fill_null(daily["followers"][0]))
    else:
        p = p.with_columns(pl.lit(None, dtype=pl.Float64).alias("f"))

    rated = p.filter(pl.col("engagements").is_not_null() & (pl.col("f") > 0))
    er_post = (rated["engagements"] / rated["f"]).mean() * 100.0 if rated.height else None

    def pooled(col):
        if col not in p.columns:
            return None
        both = p.filter(pl.col("engagements").is_not_null() & pl.col(col).is_not_null())
        return pct(float(both["engagements"].sum()), float(both[col].sum())) if both.height else None

    reach_col = p["reach"].drop_nulls() if "reach" in p.columns else pl.Series([], dtype=pl.Float64)
    n = float(p.height)
    return {
        "followers_start": f_start,
        "followers_end": f_end,
        "net_growth": net,
        "growth_pct": pct(net, f_start),
        "reach": sum_or_none(in_p["reach"]) if "reach" in in_p.columns else None,
        "impressions": sum_or_none(in_p["impressions"]) if "impressions" in in_p.columns else None,
        "post_reach_median": float(reach_col.median()) if reach_col.len() else None,
        "posts": n,
        "posts_per_week": n / days * 7.0,
        "engagements": sum_or_none(p["engagements"]),
        "er_post_pct": er_post,
        "err_pct": pooled("reach"),
        "er_view_pct": pooled("impressions"),
    }


if __name__ == "__main__":
    run("polars", read_daily, read_posts, default_month, kpis)
