#!/usr/bin/python3
"""A 分工表 broken the way a copy out of a PDF breaks it, from a clean one.

    broken_table.py CLEAN.csv OUT [--misspell NAME=WRONG]

CLEAN.csv is `ducha export --format csv` (序号,领域,措施,重点任务,完成时限,
牵头单位,配合单位). Writes OUT.csv, OUT.xlsx and OUT.docx, each holding the
same broken table:

- the task text is cut into lines as a PDF column cuts it (every 17
  characters, never between two Latin letters), one number is cut in two
  ("5⏎0家"), and some tasks have their first characters spaced out;
- agency names are cut over lines inside the cell ("市发展改革⏎委") and some
  are spaced out ("市 发 展 改 革 委"), joined by a mix of 、 and ，, with a
  line break after some separators; deadlines are cut over lines;
- in the .xlsx and .docx, 领域 and 措施 are merged down over their tasks
  (Excel's merge; Word's vMerge), a 完成时限 shared by consecutive tasks of
  a measure is merged down, task 3 takes two rows under one merged 序号
  (its text and support agencies continue on the second row), a title row
  spans the table (merge across / gridSpan), and the .docx has another
  table before the 分工表.

Prints what it broke, counted, so a test can see the table is as broken as
it says.
"""
import csv
import sys
import zipfile
from xml.sax.saxutils import escape

from openpyxl import Workbook

HEADER = ["序号", "领域", "措施", "重点任务", "完成时限", "牵头单位", "配合单位"]
SPLIT_TASK = 3          # the task that takes two rows under one merged 序号
counts = {"text lines cut": 0, "numbers cut": 0, "spaced-out texts": 0, "agency names cut": 0,
          "agency names spaced out": 0, "separators 、": 0, "separators ，": 0, "deadlines cut": 0}


def latin(c):
    return c.isascii() and c.isalpha()


def cut_text(text, num):
    if num == 4 and "新增50家" in text:            # "新增50家以上" → "新增5⏎0家以上"
        text = text.replace("新增50家", "新增5\n0家", 1)
        counts["numbers cut"] += 1
    out, run = [], 0
    for i, c in enumerate(text):
        out.append(c)
        run = 0 if c == "\n" else run + 1
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if run >= 17 and nxt and not (latin(c) and latin(nxt)):
            out.append("\n")
            counts["text lines cut"] += 1
            run = 0
    s = "".join(out)
    if num % 5 == 1:                               # "推 动 建 设…": its first Chinese characters
        k = 0
        while k < 4 and k < len(s) and not s[k].isascii() and s[k] != "\n":
            k += 1
        if k > 1:
            s = " ".join(s[:k]) + s[k:]
            counts["spaced-out texts"] += 1
    return s


def break_name(name, k):
    if k % 3 == 0 and len(name) > 3:
        counts["agency names spaced out"] += 1
        name = " ".join(name)
    if k % 2 == 0 and len(name) > 3:
        counts["agency names cut"] += 1
        cut = len(name) - 1 if " " not in name else len(name) - 2
        name = name[:cut] + "\n" + name[cut:]
    return name


def break_agencies(cell, num):
    names = [n for n in cell.split("、") if n]
    out = ""
    for j, n in enumerate(names):
        if j:
            sep = "、" if (num + j) % 2 else "，"
            counts["separators 、" if sep == "、" else "separators ，"] += 1
            out += sep + ("\n" if (num + j) % 3 == 0 else "")
        out += break_name(n, num + j)
    return out


def break_deadline(cell):
    if len(cell) > 5 and "年" in cell:
        counts["deadlines cut"] += 1
        i = cell.index("年") + 1
        return cell[:i] + "\n" + cell[i:]
    return cell


def rows_of(clean):
    """The broken rows: one list of 7 cells per row; task SPLIT_TASK takes
    two, the second with only its text's and support's continuation."""
    rows = []
    for r in clean:
        num = int(r["序号"])
        text, support = cut_text(r["重点任务"], num), break_agencies(r["配合单位"], num)
        row = [r["序号"], r["领域"], r["措施"], text, break_deadline(r["完成时限"]),
               break_agencies(r["牵头单位"], num), support]
        if num == SPLIT_TASK:
            half = len(r["重点任务"]) // 2
            first_support = r["配合单位"].split("、")
            row[3] = r["重点任务"][:half]
            more = dict(zip(HEADER, [""] * 7))
            more["重点任务"] = r["重点任务"][half:]
            row[6] = first_support[0] if first_support[0] else ""
            more["配合单位"] = "、".join(first_support[1:])
            rows.append((num, row, False))
            rows.append((num, [more[h] for h in HEADER], True))
        else:
            rows.append((num, row, False))
    return rows


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["重点任务分工表"])
        w.writerow(HEADER)
        merged = {}
        for num, row, cont in rows:
            if cont:                                # CSV has no merges: the task's row gets it all
                prev = merged[num]
                prev[3] += "\n" + row[3]
                prev[6] = prev[6] + ("、\n" if prev[6] else "") + row[6]
                continue
            merged[num] = list(row)
        for num, row, cont in rows:
            if not cont:
                w.writerow(merged[num])


def runs_of(rows, col, same):
    """[(first, last)] 0-based row ranges of equal consecutive values in col."""
    out, start = [], 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or not same(rows[start], rows[i], col):
            if i - 1 > start:
                out.append((start, i - 1))
            start = i
    return out


def merges(rows):
    """Which cells merge down: 领域, 措施 (and the continuation row), 完成时限
    within a measure, 序号 of the task that takes two rows."""
    def area(a, b, col):
        return b[2] or (a[1][1] == b[1][1])

    def measure(a, b, col):
        return b[2] or (a[1][1] == b[1][1] and a[1][2] == b[1][2])

    def deadline(a, b, col):
        return b[2] or (measure(a, b, col) and a[1][4] == b[1][4])

    def number(a, b, col):
        return b[2]
    return {1: runs_of(rows, 1, area), 2: runs_of(rows, 2, measure), 4: runs_of(rows, 4, deadline),
            0: runs_of(rows, 0, number)}


def write_xlsx(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "分工表"
    ws.append(["重点任务分工表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    ws.append(HEADER)
    first = 3
    for _, row, cont in rows:
        ws.append([int(c) if i == 0 and c.isdigit() else c for i, c in enumerate(row)])
    m = merges(rows)
    n = 0
    for col, ranges in m.items():
        for a, b in ranges:
            ws.merge_cells(start_row=first + a, start_column=col + 1, end_row=first + b, end_column=col + 1)
            n += 1
    counts["merged ranges (xlsx, docx)"] = n
    other = wb.create_sheet("说明")
    other.append(["本表由 PDF 复制而来"])
    wb.save(path)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def para(text, use_br):
    """A cell's text: lines as separate paragraphs, or as breaks in one."""
    lines = text.split("\n")
    if use_br:
        runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{escape(l)}</w:t></w:r>' for l in lines)
        return f"<w:p>{runs}</w:p>"
    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(l)}</w:t></w:r></w:p>' for l in lines)


def tc(text, use_br=False, vmerge=None, span=1):
    pr = ""
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    body = para(text, use_br) if vmerge != "continue" else "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>"


def write_docx(path, rows):
    m = merges(rows)
    state = {}
    for col, ranges in m.items():
        for a, b in ranges:
            state[(a, col)] = "restart"
            for r in range(a + 1, b + 1):
                state[(r, col)] = "continue"
    trs = ['<w:tr>' + tc("重点任务分工表", span=7) + '</w:tr>',
           '<w:tr>' + "".join(tc(h) for h in HEADER) + '</w:tr>']
    for i, (_, row, _) in enumerate(rows):
        trs.append("<w:tr>" + "".join(tc(row[c], use_br=(i + c) % 2 == 0, vmerge=state.get((i, c)))
                                      for c in range(7)) + "</w:tr>")
    grid = "<w:tblGrid>" + '<w:gridCol w:w="1200"/>' * 7 + "</w:tblGrid>"
    contact = ('<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>'
               '<w:tr>' + tc("联系人") + tc("电话") + '</w:tr><w:tr>' + tc("张三") + tc("63899999") + '</w:tr></w:tbl>')
    body = (para("各区县（自治县）人民政府，市政府各部门：", False) + contact +
            para("附件：重点任务分工表", False) + f"<w:tbl>{grid}{''.join(trs)}</w:tbl><w:sectPr/>")
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/'
             'word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
             'document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)


def main():
    clean_path, out = sys.argv[1], sys.argv[2]
    misspell = {}
    if len(sys.argv) > 4 and sys.argv[3] == "--misspell":
        right, wrong = sys.argv[4].split("=", 1)
        misspell[right] = wrong
    with open(clean_path, encoding="utf-8-sig", newline="") as f:
        clean = list(csv.DictReader(f))
    for r in clean:
        for col in ("牵头单位", "配合单位"):
            r[col] = "、".join(misspell.get(n, n) for n in r[col].split("、")) if r[col] else ""
    rows = rows_of(clean)
    write_csv(out + ".csv", rows)
    write_xlsx(out + ".xlsx", rows)
    write_docx(out + ".docx", rows)
    for k, v in counts.items():
        print(f"{k}: {v}")


main()
