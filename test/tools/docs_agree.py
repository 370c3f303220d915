#!/usr/bin/python3
"""The options of each command as `ducha CMD --help`, the README synopsis and
the man page state them must be the same set, and the program must know each
one (an unknown option is refused with 无法识别的选项). Prints one line per
disagreement, or "all agree"."""
import re, subprocess, sys

ducha, top = sys.argv[1], sys.argv[2]

def options(text):
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-o)\b", text))

def run(*args):
    p = subprocess.run([ducha, *args], capture_output=True, text=True)
    return p.stdout + p.stderr

help_text = run("--help")
commands = re.findall(r"^  ([a-z][a-z-]+) {2,}", help_text.split("命令:")[1].split("选项:")[0], re.M)

readme = open(f"{top}/README.md", encoding="utf-8").read()
block = readme.split("## Command line", 1)[1].split("```", 2)[1]
man = open(f"{top}/doc/ducha.1", encoding="utf-8").read().replace("\\-", "-")
man = re.sub(r"\\f[BIRP]", "", man)

problems = []
for cmd in commands:
    usage = run(cmd, "--help")
    lines = usage.splitlines()
    syn = lines[:1]
    for l in lines[1:]:   # continuation lines of the synopsis start with [ or (
        if l.strip()[:1] in ("[", "("):
            syn.append(l)
        else:
            break
    synopsis = "\n".join(syn)
    want = options(synopsis)
    lines = [l for l in block.splitlines() if re.match(rf"^  {re.escape(cmd)}( |$)", l)]
    if not lines:
        problems.append(f"README: no synopsis line for {cmd}")
    else:
        got = options(" ".join(lines))
        for o in sorted(want - got):
            problems.append(f"README: {cmd} lacks {o}")
        for o in sorted(got - want):
            problems.append(f"README: {cmd} has {o}, which `ducha {cmd} --help` does not")
    m = re.search(rf"^\.B {re.escape(cmd)}( .*)?$", man, re.M)
    if not m:
        problems.append(f"man page: no entry for {cmd}")
    else:
        got = options(m.group(0))
        for o in sorted(want - got):
            problems.append(f"man page: {cmd} lacks {o}")
        for o in sorted(got - want):
            problems.append(f"man page: {cmd} has {o}, which `ducha {cmd} --help` does not")
    for o in sorted(want):
        out = run("--db", "/nonexistent/ducha-docs.db", cmd, o, *(["x"] if o not in ("--help",) else []))
        if f"无法识别的选项 {o}" in out or f"unrecognized option '{o}'" in out:
            problems.append(f"program: `ducha {cmd} {o}` is documented but not known")
print("\n".join(problems) if problems else "all agree")
