#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets into fuzz/corpus/<target>/.

Seeds come from the repository's own files (tests/fixtures/real-exports/, sample-data/,
assets/audit.toml) plus a few made here for the formats no fixture has (an Instagram
followers_1.json, a LinkedIn .xlsx, re-encodings of a CSV). Corpora are not committed: run
this before `cargo fuzz run` (it only adds files; what libFuzzer found stays).

    python3 fuzz/seed_corpus.py            # all targets
    python3 fuzz/seed_corpus.py lenient    # one target
"""

import csv
import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
CORPUS = FUZZ / "corpus"
MAX_LEN = 65536

# The same table as fuzz_targets/import_file.rs: the first byte % 10 picks the name.
NAMES = [
    "daily.csv",
    "posts.csv",
    "Follows.csv",
    "Audience.csv",
    "Content.csv",
    "Table data.csv",
    "data-export.csv",
    "followers_1.json",
    "page_followers_1.xlsx",
    "tweet_activity_metrics_x.csv",
]
CSV_NAMES = [i for i, n in enumerate(NAMES) if n.endswith(".csv")]


def exports():
    """Every export file the repository ships (not the audit.toml files)."""
    files = []
    for top in ("tests/fixtures/real-exports", "sample-data"):
        files += [p for p in sorted((ROOT / top).rglob("*")) if p.is_file()]
    return [p for p in files if p.suffix.lower() in (".csv", ".tsv", ".json", ".xlsx", ".xls")]


def trimmed(data, room):
    """At most `room` bytes, cut after a line break (after the NUL of a UTF-16LE one)."""
    if len(data) <= room:
        return data
    cut = data.rfind(b"\n", 0, room - 1)
    if cut < 0:
        return data[:room]
    if data.startswith(b"\xff\xfe"):
        cut += 1
    return data[: cut + 1]


def write(target, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    data = data[:MAX_LEN]
    (d / ("seed-" + hashlib.sha1(data).hexdigest())).write_bytes(data)


def followers_json():
    entries = [
        {
            "title": "",
            "media_list_data": [],
            "string_list_data": [
                {
                    "href": f"https://www.instagram.com/user{i}",
                    "value": f"user{i}",
                    "timestamp": 1761955200 + i * 86400 // 3,
                }
            ],
        }
        for i in range(12)
    ]
    yield json.dumps(entries, indent=2).encode()
    yield json.dumps({"relationships_followers": entries}).encode()
    yield b"\xef\xbb\xbf  " + json.dumps(entries[:2]).encode()


def xlsx(sheets):
    """A stored (uncompressed) .xlsx, as the project's own tests build them."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    }
    lst, rels = "", ""
    for n, (name, rows) in enumerate(sheets, 1):
        lst += f'<sheet name="{esc(name)}" sheetId="{n}" r:id="rId{n}"/>'
        rels += f'<Relationship Id="rId{n}" Type="{rel}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        data = ""
        for r, row in enumerate(rows, 1):
            data += f'<row r="{r}">'
            for c, cell in enumerate(row):
                at = f"{chr(65 + c)}{r}"
                if isinstance(cell, str):
                    data += f'<c r="{at}" t="inlineStr"><is><t>{esc(cell)}</t></is></c>'
                else:
                    data += f'<c r="{at}"><v>{cell}</v></c>'
            data += "</row>"
        parts[f"xl/worksheets/sheet{n}.xml"] = f'<worksheet xmlns="{main}"><sheetData>{data}</sheetData></worksheet>'
    parts["xl/workbook.xml"] = f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>{lst}</sheets></workbook>'
    parts["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{pkg}">{rels}</Relationships>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buf.getvalue()


def workbooks():
    followers = [
        ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers", "Total followers"],
        ["03/01/2025", 0, 7, 0, 7],
        ["03/02/2025", 1, 2, 1, 4],
        ["03/03/2025", 0, 5, 0, 5],
    ]
    location = [["Location", "Total followers"], ["Berlin, Germany", 120], ["Paris, France", 30]]
    yield xlsx([("New followers", followers), ("Location", location)])
    yield xlsx([("New followers", followers)])
    # Data serials instead of text dates.
    yield xlsx([("New followers", [followers[0], [45717, 0, 7, 0, 7], [45718, 1, 2, 1, 4]])])


def seed_import_file():
    for p in exports():
        data = p.read_bytes()
        body = trimmed(data, MAX_LEN - 1)
        own = [i for i, n in enumerate(NAMES) if n == p.name]
        if p.suffix.lower() == ".csv":
            # Under its own name where the table has it, and under every CSV name: the
            # importers recognise most files by their header.
            for i in sorted(set(own + CSV_NAMES)):
                write("import_file", bytes([i]) + body)
        else:
            for i in own or range(len(NAMES)):
                write("import_file", bytes([i]) + body)
    for j in followers_json():
        write("import_file", bytes([NAMES.index("followers_1.json")]) + j)
    for x in workbooks():
        write("import_file", bytes([NAMES.index("page_followers_1.xlsx")]) + x)


def seed_decode_table():
    for p in exports():
        if p.suffix.lower() == ".csv":
            write("decode_table", trimmed(p.read_bytes(), MAX_LEN))
    text = (ROOT / "sample-data/acme-coffee/daily.csv").read_text(encoding="utf-8")
    small = "\n".join(text.splitlines()[:20]) + "\n"
    write("decode_table", b"\xff\xfe" + small.encode("utf-16-le"))
    write("decode_table", b"\xfe\xff" + small.encode("utf-16-be"))
    write("decode_table", small.encode("utf-16-le"))
    write("decode_table", b"\xef\xbb\xbf" + small.encode())
    write("decode_table", ("sep=;\n" + small.replace(",", ";")).encode())
    write("decode_table", small.replace(",", "\t").encode())
    write("decode_table", "Дата;Подписчики\n01.10.2026;1 234\n02.10.2026;1 240\n".encode("cp1251"))
    write("decode_table", "Date;Caf\u00e9 reach\n01.10.2026;12,5\n".encode("cp1252"))
    write("decode_table", b'# comment\n#\n"Facebook reach"\n"Date","Primary"\n"2026-10-01","5"\n')
    write("decode_table", b'"a","b\nc"\n"1","2""3"\n')


def seed_config():
    for p in [ROOT / "assets/audit.toml", *sorted((ROOT / "sample-data").rglob("audit.toml"))]:
        write("config", p.read_bytes())
    write("config", b'theme = "dark"\n\n[rules]\nspike_z = 4.0\nmax_gap_days = 3\n')
    write("config", b'theme = "mono"\n\n[portrait.geo]\nDE = 0.6\nAT = 0.2\n')


def seed_lenient():
    cells = {}
    for p in exports():
        if p.suffix.lower() != ".csv":
            continue
        raw = p.read_bytes()
        if raw.startswith(b"\xff\xfe"):
            text = raw[2:].decode("utf-16-le", errors="replace")
        else:
            text = raw.decode("utf-8-sig", errors="replace")
        lines = [l for l in text.splitlines() if not l.startswith("sep=")]
        delim = ";" if sum(l.count(";") for l in lines[:5]) > sum(l.count(",") for l in lines[:5]) else ","
        for row in csv.reader(lines[:40], delimiter=delim):
            for c, v in enumerate(row):
                cells.setdefault((p, c, delim), []).append(v)
    for (_, _, delim), column in cells.items():
        write("lenient", bytes([[",", ";", "\t"].index(delim)]) + "\n".join(column[:30]).encode())
    zoo = [
        "1,234", "12,5", "1.234,5", "1 234", "12.5%", "0,25", "1e308", "-0", "+.5", "N/A",
        "2026-10-01", "2026-10-31T23:30:00Z", "2026-03-29 02:30", "10/31/2026 11:30 PM",
        "31.10.2026", "Sun, Aug 24, 2025", "Aug 24, 2025 3:04 PM", "20261031",
        "2019-01-31 18:00 +0000", "2019-01-31 18:00 UTC", "February 29", "28 февраля",
        "28. Februar", "Feb 28", "1:02:03", "12:30",
    ]
    for i in range(3):
        write("lenient", bytes([i]) + "\n".join(zoo).encode())
    for z in zoo:
        write("lenient", b"\x00" + z.encode())


TARGETS = {
    "import_file": seed_import_file,
    "decode_table": seed_decode_table,
    "config": seed_config,
    "lenient": seed_lenient,
}

if __name__ == "__main__":
    for t in sys.argv[1:] or TARGETS:
        TARGETS[t]()
        print(f"{t}: {len(list((CORPUS / t).iterdir()))} files in {CORPUS / t}")
