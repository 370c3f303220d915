#!/usr/bin/python3
"""Reads a screen dump on stdin; fails naming every line wider than the
dump's columns when East Asian ambiguous characters count two columns (as a
terminal set to draw them wide draws them)."""
import re
import sys
import unicodedata

def width(line):
    w = 0
    for ch in line:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1
    return w

bad = 0
cols = 0
for line in sys.stdin.read().split("\n"):
    m = re.match(r"^=== .* (\d+)x(\d+)( cursor [0-9,]+)? ===$", line)
    if m:
        cols = int(m.group(1))
        continue
    if cols and width(line) > cols:
        print("wider than %d columns (%d): %s" % (cols, width(line), line))
        bad += 1
sys.exit(1 if bad else 0)
