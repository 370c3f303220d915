#!/bin/sh
# Usage: embed.sh SYMBOL FILE > out.c — a NUL-terminated C string of FILE's bytes.
set -eu
sym=$1 file=$2
echo "/* generated from $file by tools/embed.sh; do not edit */"
echo "const char $sym[] = {"
od -An -v -tx1 "$file" | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'
echo "0x00 };"
