#!/usr/bin/env python3
"""Replace one benchmark's own section of docs/PERFORMANCE.md, leaving the rest of the file as it is.

    python3 bench/docsection.py DOC.md NAME BODY.md

The section is everything between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`. Each benchmark script owns
one section, so running one benchmark never overwrites the figures of another. A file without the markers gets
the section appended at its end; a file with only one of them, or with them twice, is refused rather than
guessed at.
"""
import os
import sys


def replace_section(text, name, body):
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{body.strip()}\n{end}"
    counts = (text.count(start), text.count(end))
    if counts == (0, 0):
        return text.rstrip("\n") + "\n\n" + block + "\n"
    if counts != (1, 1) or text.index(start) > text.index(end):
        raise ValueError(f"markers for section {name!r} are broken (found {counts[0]} start, {counts[1]} end)")
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    return before + block + after


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    doc, name, body_file = sys.argv[1:]
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    with open(body_file, encoding="utf-8") as f:
        body = f.read()
    try:
        new = replace_section(text, name, body)
    except ValueError as error:
        raise SystemExit(f"{doc}: {error}; nothing written")
    tmp = doc + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(new)
    os.replace(tmp, doc)  # the document is never left half written
    print(f"{doc}: section {name} updated")


if __name__ == "__main__":
    main()
