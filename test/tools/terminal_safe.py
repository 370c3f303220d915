#!/usr/bin/env python3
"""Exit 1 (naming the first offence) if stdin holds anything that could steer a
terminal: C0 controls other than tab/newline/CR, DEL, C1 controls, bidi
overrides and isolates, U+2028/2029, or bytes that are not UTF-8."""
import sys

UNSAFE = set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0D}
UNSAFE |= {0x7F} | set(range(0x80, 0xA0))
UNSAFE |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x2028, 0x2029}

data = sys.stdin.buffer.read()
try:
    text = data.decode("utf-8", errors="strict")
except UnicodeDecodeError as e:
    print(f"not UTF-8 at byte {e.start}: {data[max(0, e.start - 10):e.start + 4]!r}")
    sys.exit(1)
for i, ch in enumerate(text):
    if ord(ch) in UNSAFE:
        print(f"raw U+{ord(ch):04X} at character {i}: {text[max(0, i - 10):i + 3]!r}")
        sys.exit(1)
print("terminal-safe")
