#!/usr/bin/python3
"""The table exports (csv and xlsx) read back with the values of the JSON export.

Imports the bundled sample blog, its seed page edited so names and texts
start with '=', '+', '-' and '@' and hold quotes, commas, line breaks and
non-ASCII, into a temporary database with the real binary; exports json,
csv and xlsx; then reads the CSV folder with pandas and with Python's csv
module and the workbook with openpyxl, and checks every cell against the
JSON: text exactly equal (a formula-looking text stays a string cell in the
workbook), counts numeric.

Usage: check_table_exports.py LINKGRAPH_BINARY SAMPLE_FOLDER
Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (pandas or openpyxl missing).
"""

import csv
import json
import os
import shutil
import sys
import tempfile

from export_checks import Checks, run

SKIP = 77
SEED_PAGE = "2009/12/06/social-media-from-online-to-offline/index.html"
# (what the page says, what it says instead): values a spreadsheet would run
# or a careless CSV reader would split.
EDITS = [
    (">Peter Gold</a></cite>",
     ">=HYPERLINK(&quot;http://evil.example&quot;,&quot;Peter, Gold&quot;)</a></cite>"),
    (">Dave Martin</a></cite>", ">+Dave &quot;Zo\u00eb&quot; M\u00e1rtin, \u6771\u4eac</a></cite>"),
    ("<p>Great post, I totally agree",
     "<p>-1, said \"nobody\"<br />\nZo\u00eb \u6771\u4eac, line two</p>\n<p>Great post, I totally agree"),
]
NUMBER_COLUMNS = {"nodes": {"texts", "degree", "edges"}, "edges": {"Weight"},
                  "posts": {"author_id"}, "comments": {"author_id", "position"}}
SHEETS = ["nodes", "edges", "posts", "comments"]
# ISO 8601 dates by length, as the export states their precision.
DATE_PRECISION = {0: "", 4: "year", 7: "month", 10: "day", 16: "minute", 19: "second", 20: "second",
                  25: "second"}


def edited_sample(sample, tmp):
    copy = os.path.join(tmp, "sample")
    shutil.copytree(sample, copy)
    path = os.path.join(copy, SEED_PAGE)
    with open(path, encoding="utf-8") as file:
        html = file.read()
    for old, new in EDITS:
        if old not in html:
            raise RuntimeError(f"the seed page no longer says {old!r}")
        html = html.replace(old, new, 1)
    with open(path, "w", encoding="utf-8") as file:
        file.write(html)
    return copy


def expected_tables(exported, csv_header):
    """Each table as the JSON export has it: {sheet: [[cell, ...], ...]}, cells as text."""
    key_of = {person["id"]: person["key"] for person in exported["people"]}
    edge_count, neighbours = {}, {}
    for edge in exported["edges"]:
        for end, other in (("from", "to"), ("to", "from")):
            edge_count[edge[end]] = edge_count.get(edge[end], 0) + 1
            if edge["from"] != edge["to"]:
                neighbours.setdefault(edge[end], set()).add(edge[other])
    nodes = [[person["key"], person["name"], person["name"], " ".join(person["handles"]),
              " ".join(person["urls"]), " ".join(person["sites"]), str(person["texts"]),
              str(len(neighbours.get(person["id"], ()))), str(edge_count.get(person["id"], 0))]
             for person in exported["people"]]
    # Gephi's columns first (Source, Target, Type, Id, Label, Weight), then the edge's own;
    # date_precision is the export's, not the JSON's.
    edges = [[key_of[edge["from"]], key_of[edge["to"]], "Directed", f"e{i}", edge["kind"], "1"]
             + [DATE_PRECISION.get(len(edge["date"]), "") if c == "date_precision"
                else str(edge[c]) for c in csv_header["edges"][6:]]
             for i, edge in enumerate(exported["edges"], start=1)]
    # An author the graph does not name: null in JSON, empty in the tables.
    def text(value):
        return "" if value is None else str(value)
    posts = [[text(post[c]) for c in csv_header["posts"]] for post in exported["posts"]]
    comments = [[text(comment[c]) for c in csv_header["comments"]]
                for comment in exported["comments"]]
    return {"nodes": nodes, "edges": edges, "posts": posts, "comments": comments}


def read_csv_module(folder):
    tables, headers = {}, {}
    for sheet in SHEETS:
        with open(os.path.join(folder, sheet + ".csv"), newline="", encoding="utf-8") as file:
            rows = list(csv.reader(file))
        headers[sheet], tables[sheet] = rows[0], rows[1:]
    return headers, tables


def read_pandas(pandas, folder):
    tables = {}
    for sheet in SHEETS:
        frame = pandas.read_csv(os.path.join(folder, sheet + ".csv"), dtype=str,
                                keep_default_na=False, encoding="utf-8")
        tables[sheet] = frame.values.tolist()
    return tables


def sorted_by_id(rows):
    return sorted(rows, key=lambda row: row[0])


def check_csv(checks, name, tables, expected):
    for sheet in SHEETS:
        actual = tables[sheet]
        if sheet == "nodes":  # people come in key order in the graph exports
            actual, want = sorted_by_id(actual), sorted_by_id(expected[sheet])
        else:
            want = expected[sheet]
        checks.equal(actual, want, f"{name}: {sheet}.csv cells equal the JSON's")


def check_xlsx(checks, openpyxl, path, headers, expected):
    workbook = openpyxl.load_workbook(path, read_only=False)
    checks.equal(workbook.sheetnames, SHEETS, "xlsx: sheets")
    for sheet in SHEETS:
        rows = list(workbook[sheet].iter_rows())
        checks.equal([cell.value for cell in rows[0]], headers[sheet], f"xlsx: {sheet} header")
        texts = []
        for row in rows[1:]:
            cells = []
            for column, cell in zip(headers[sheet], row):
                if cell.value is None:
                    cells.append("")
                elif column in NUMBER_COLUMNS[sheet]:
                    checks.check(cell.data_type == "n" and isinstance(cell.value, (int, float)),
                                 f"xlsx: {sheet} {column} {cell.value!r} is a number")
                    cells.append(str(int(cell.value)))
                else:
                    checks.check(cell.data_type == "s" and isinstance(cell.value, str),
                                 f"xlsx: {sheet} {column} {cell.value!r} is a string cell "
                                 f"(data_type {cell.data_type!r})")
                    cells.append(str(cell.value))
            cells += [""] * (len(headers[sheet]) - len(cells))
            texts.append(cells)
        want = expected[sheet]
        if sheet == "nodes":
            texts, want = sorted_by_id(texts), sorted_by_id(want)
        checks.equal(texts, want, f"xlsx: {sheet} cells equal the JSON's")
    comments = workbook["comments"]
    published = headers["comments"].index("published") + 1
    note = comments.cell(row=1, column=published).comment
    checks.check(note is not None and "ISO 8601" in note.text,
                 f"xlsx: comments published header notes the date format: {note}")


def check_edits_arrived(checks, expected):
    cells = [cell for table in expected.values() for row in table for cell in row]
    for start in ("=HYPERLINK", "+Dave", "-1,", "@"):
        checks.check(any(cell.startswith(start) for cell in cells),
                     f"the store holds a value starting with {start!r}")
    checks.check(any("\n" in cell for cell in cells), "the store holds a value with a line break")
    checks.check(any('"' in cell and "," in cell for cell in cells),
                 "the store holds a value with quotes and a comma")
    checks.check(any("\u6771\u4eac" in cell for cell in cells), "the store holds non-ASCII")


def check_cli(checks, binary, db, tmp):
    result = run([binary, "export", "--db", db, "--format", "xlsx"], expect=None)
    checks.equal(result.returncode, 2, "cli: xlsx without --out is a usage error")
    checks.check("--out" in result.stderr and "binary" in result.stderr,
                 f"cli: the xlsx usage error says why and names --out: {result.stderr}")
    checks.equal(result.stdout, "", "cli: nothing is written to standard output")
    leftovers = [name for name in os.listdir(tmp) if ".partial" in name]
    checks.equal(leftovers, [], "no .partial files are left")


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, sample = argv[1], argv[2]
    try:
        import openpyxl  # pylint: disable=import-outside-toplevel
        import pandas  # pylint: disable=import-outside-toplevel
    except ImportError as error:
        print(f"SKIP: {sys.executable} cannot import pandas or openpyxl ({error}); "
              "install python3-pandas and python3-openpyxl", file=sys.stderr)
        return SKIP

    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="linkgraph-table-exports-") as tmp:
        db = os.path.join(tmp, "edited.db")
        run([binary, "import", "--quiet", "--db", db, edited_sample(sample, tmp)])
        exported_path = os.path.join(tmp, "export.json")
        run([binary, "export", "--db", db, "--format", "json", "--out", exported_path])
        with open(exported_path, encoding="utf-8") as file:
            exported = json.load(file)
        folder = os.path.join(tmp, "csv")
        run([binary, "export", "--db", db, "--format", "csv", "--out", folder])
        workbook = os.path.join(tmp, "export.xlsx")
        run([binary, "export", "--db", db, "--format", "xlsx", "--out", workbook])

        headers, csv_tables = read_csv_module(folder)
        expected = expected_tables(exported, headers)
        check_edits_arrived(checks, expected)
        check_csv(checks, "csv module", csv_tables, expected)
        check_csv(checks, "pandas", read_pandas(pandas, folder), expected)
        check_xlsx(checks, openpyxl, workbook, headers, expected)
        check_cli(checks, binary, db, tmp)

    print(f"{checks.passed} checks passed, {len(checks.failures)} failed")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
