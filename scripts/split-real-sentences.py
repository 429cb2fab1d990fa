#!/usr/bin/env python3
"""Splits labelled real sentences into a development half and a check half.

    scripts/split-real-sentences.py LABELS.tsv... 

Rows (see tests/data/graph/README-real-sentences.md for the columns) are
appended to tests/data/graph/real-sentences-dev.tsv or -check.tsv, so that
every row of one site lands in the same half:
  - a shared corpus page goes where its expectation file's "split" puts it
    (the 25 first pages, which have none, are development pages);
  - a GitHub repository goes by the first byte of the SHA-1 of "owner/repo":
    even to dev, odd to check.
A sentence already in either half is skipped, so the script can be run
again on a helper's grown file.
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
HALVES = {half: DATA / "graph" / f"real-sentences-{half}.tsv" for half in ("dev", "check")}


def corpus_split(page):
    folder, _, name = page.partition("/")
    if folder == "pages":
        return "dev"
    expected = DATA / "corpus-dev" / f"{name}.expected.json"
    return json.loads(expected.read_text(encoding="utf-8")).get("split", "dev")


def split_of(source):
    kind, _, rest = source.partition(":")
    if kind == "corpus":
        return corpus_split(rest)
    if kind == "github":
        repo = rest.split(":", 1)[0]
        return "dev" if hashlib.sha1(repo.encode()).digest()[0] % 2 == 0 else "check"
    raise ValueError(f"unknown source {source!r}")


def known_texts():
    texts = set()
    for path in HALVES.values():
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                columns = line.split("\t")
                if len(columns) > 4 and not line.startswith("#"):
                    texts.add(columns[4].strip())
    return texts


def main(files):
    seen = known_texts()
    added = {"dev": 0, "check": 0}
    outputs = {half: path.open("a", encoding="utf-8") for half, path in HALVES.items()}
    for name in files:
        for line in pathlib.Path(name).read_text(encoding="utf-8").splitlines():
            columns = line.split("\t")
            if line.startswith("#") or len(columns) < 6:
                continue
            text = columns[4].strip()
            if text in seen:
                continue
            seen.add(text)
            half = split_of(columns[0])
            outputs[half].write("\t".join(columns[:7]) + "\n")
            added[half] += 1
    print(f"added {added['dev']} rows to dev, {added['check']} to check")


if __name__ == "__main__":
    main(sys.argv[1:])
