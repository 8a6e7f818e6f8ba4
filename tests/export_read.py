#!/usr/bin/python3
"""pandas (Debian's python3-pandas) reads sitrep's CSV exports with no
options and gets the right types: counts and codes as integers, CAMEO codes
as text, no country read as missing (Namibia's "NA").

    /usr/bin/python3 tests/export_read.py FILE.csv...

Prints one line a file; exits 1 when a file is read wrong."""
import sys

import pandas as pd

INTS = ["year", "time_precision", "inter1", "inter2", "interaction", "iso", "fatalities", "timestamp"]
TEXT = ["event_id_cnty", "event_date", "disorder_type", "event_type", "sub_event_type", "country", "notes"]
FLOATS = ["latitude", "longitude"]

bad = 0
for path in sys.argv[1:]:
    df = pd.read_csv(path)
    problems = []
    if len(df) == 0:
        problems.append("no rows")
    # an event whose date no text gives has no year: the column is then
    # numbers with gaps, as ACLED's own would be
    for c in INTS if df["event_date"].notna().all() else [c for c in INTS if c != "year"]:
        if not pd.api.types.is_integer_dtype(df[c]):
            problems.append("%s read as %s, not integers" % (c, df[c].dtype))
    for c in TEXT:
        if df[c].dtype != object:
            problems.append("%s read as %s, not text" % (c, df[c].dtype))
    for c in FLOATS:
        if not pd.api.types.is_float_dtype(df[c]):
            problems.append("%s read as %s, not numbers" % (c, df[c].dtype))
    if df["country"].isna().any():
        problems.append("%d countries read as missing" % df["country"].isna().sum())
    if "cameo" in df.columns:
        if df["cameo"].dtype != object:
            problems.append("cameo read as %s, not text" % df["cameo"].dtype)
        elif (df["cameo"].dropna().str.len() < 4).any():
            problems.append("a CAMEO code lost its digits")
    print("%s: %d rows, %d columns: %s" % (path, len(df), len(df.columns), "; ".join(problems) or "types right"))
    bad += bool(problems)
sys.exit(1 if bad else 0)
