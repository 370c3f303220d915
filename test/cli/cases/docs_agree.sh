# Each command's options as `ducha CMD --help`, the README synopsis and the
# man page give them are the same, and the program knows every one of them.
/usr/bin/python3 "$TOP/test/tools/docs_agree.py" "$DUCHA" "$TOP"
