"""What the two timing peers share (see README.md): the account's zone, month bounds, the
command line and the JSON output. Each peer keeps its own reading and arithmetic, in its
library's own way."""

import argparse
import calendar
import datetime as dt
import json
import sys
import tomllib
from pathlib import Path

DAILY_NUMERIC = ["followers", "follows", "unfollows", "reach", "reach_paid", "reach_organic",
                 "impressions", "profile_visits", "website_clicks"]
POST_NUMERIC = ["reach", "impressions", "likes", "comments", "shares", "saves", "clicks"]


def account_tz(root: Path) -> str:
    path = root / "audit.toml"
    if not path.exists():
        return "UTC"
    with path.open("rb") as f:
        return tomllib.load(f).get("account", {}).get("timezone") or "UTC"


def month_bounds(year: int, month: int):
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def pct(num, den):
    return None if num is None or den is None or den == 0 else num / den * 100.0


def plain(v):
    return int(v) if isinstance(v, float) and v.is_integer() else v


def run(library, read_daily, read_posts, default_month, kpis) -> None:
    ap = argparse.ArgumentParser(description=f"Timing peer ({library}): one month's headline KPIs.")
    ap.add_argument("root", metavar="ROOT", type=Path, help="a canonical account folder")
    ap.add_argument("--month", help="YYYY-MM (default: the last whole month of the daily rows)")
    args = ap.parse_args()
    tz = account_tz(args.root)
    daily = read_daily(args.root)
    posts = read_posts(args.root, tz)
    if args.month:
        y, m = (int(x) for x in args.month.split("-"))
        start, end = month_bounds(y, m)
    else:
        start, end = default_month(daily, posts)
    out = {
        "period": {"start": start.isoformat(), "end": end.isoformat(),
                   "days": (end - start).days + 1},
        "kpis": {k: plain(v) for k, v in kpis(daily, posts, start, end).items()},
    }
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")
