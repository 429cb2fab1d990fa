#!/usr/bin/python3
"""End-to-end check of `linkgraph export`, read the way its users read it.

Imports the bundled sample blog into a temporary database with the real
binary, exports json, csv, graphml, gexf and dot, then loads GraphML and GEXF
with NetworkX (as Gephi users' scripts do), the CSV folder with Python's csv
module (as pandas and R do) and the DOT with Graphviz, and checks
that every format holds the same people and edges as the JSON export.

Usage: check_exports.py LINKGRAPH_BINARY SAMPLE_FOLDER
Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (NetworkX missing).
"""

import collections
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

from export_checks import Checks, run

SKIP = 77
# Gephi's spreadsheet import reads Id, Label, Source, Target, Type and Weight.
NODE_COLUMNS = ["Id", "Label", "name", "handles", "urls", "sites", "texts", "degree", "edges"]
EDGE_COLUMNS = ["Source", "Target", "Type", "Id", "Label", "Weight", "kind", "date",
                "date_precision", "detail", "event", "when", "evidence", "source_url"]
EDGE_VALUES = ["kind", "date", "detail", "event", "when", "evidence", "source_url"]
POST_COLUMNS = ["id", "url", "title", "author", "author_id", "author_key", "published", "site",
                "site_name"]
COMMENT_COLUMNS = ["id", "comment_id", "post_url", "author", "author_id", "author_key",
                   "author_url", "published", "parent_id", "text", "permalink", "position", "kind"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        return reader.fieldnames, list(reader)


def read_bytes(path):
    with open(path, "rb") as file:
        return file.read()


def edge_signature(source, target, values):
    return (source, target) + tuple(str(values.get(name, "")) for name in EDGE_VALUES)


def check_graph(checks, fmt, graph, exported):
    """A NetworkX graph read from GraphML or GEXF against the JSON export."""
    people, edges = exported["people"], exported["edges"]
    key_of = {person["id"]: person["key"] for person in people}
    checks.check(graph.is_directed(), f"{fmt}: the graph is directed")
    checks.equal(graph.number_of_nodes(), len(people), f"{fmt}: node count")
    checks.equal(graph.number_of_edges(), len(edges), f"{fmt}: edge count")

    # degree as `report people` counts it: distinct other people; edges: in plus out.
    neighbours = collections.defaultdict(set)
    edge_count = collections.Counter()
    for edge in edges:
        edge_count[edge["from"]] += 1
        edge_count[edge["to"]] += 1
        if edge["from"] != edge["to"]:
            neighbours[edge["from"]].add(edge["to"])
            neighbours[edge["to"]].add(edge["from"])
    for person in people:
        key = person["key"]
        if not checks.check(key in graph.nodes, f"{fmt}: node {key!r} is missing"):
            continue
        node = graph.nodes[key]
        checks.equal(node.get("name", ""), person["name"], f"{fmt}: name of {key}")
        checks.equal(node.get("label", ""), person["name"], f"{fmt}: label of {key}")
        for attribute, values in (("handles", person["handles"]), ("urls", person["urls"]),
                                  ("sites", person["sites"])):
            checks.equal(node.get(attribute, "").split(), values, f"{fmt}: {attribute} of {key}")
        checks.equal(node.get("texts"), person["texts"], f"{fmt}: texts of {key}")
        checks.equal(node.get("degree"), len(neighbours[person["id"]]), f"{fmt}: degree of {key}")
        checks.equal(node.get("edges"), edge_count[person["id"]], f"{fmt}: edges of {key}")

    expected = collections.Counter(
        edge_signature(key_of.get(edge["from"]), key_of.get(edge["to"]), edge) for edge in edges)
    actual = collections.Counter(
        edge_signature(source, target, data) for source, target, data in graph.edges(data=True))
    checks.equal(actual, expected, f"{fmt}: edges and their attributes")
    # NetworkX keys parallel edges by their file ids; a simple graph keeps them as "id".
    if graph.is_multigraph():
        ids = [key for _, _, key in graph.edges(keys=True)]
    else:
        ids = [data.get("id") for _, _, data in graph.edges(data=True)]
    checks.equal(len(set(ids)), len(edges), f"{fmt}: distinct edge ids")

    margo = [data for _, data in graph.nodes(data=True) if data.get("name") == "Margo Rose"]
    checks.check(len(margo) == 1 and "@HRMargo" in margo[0].get("handles", "").split(),
                 f"{fmt}: one person named Margo Rose, with handle @HRMargo: {margo}")
    wendy = {node for node, data in graph.nodes(data=True) if data.get("name") == "Wendy"}
    lara = {node for node, data in graph.nodes(data=True)
            if "@LaraNewman" in data.get("handles", "").split()}
    met_at_dinner = [data for source, target, data in graph.edges(data=True)
                     if source in wendy and target in lara and data.get("kind") == "met"
                     and "dinner" in data.get("evidence", "")]
    checks.check(met_at_dinner, f"{fmt}: a met edge from Wendy ({wendy}) to @LaraNewman ({lara}) "
                                "with evidence mentioning dinner")


def check_json(checks, exported):
    for array in ("posts", "comments", "trackbacks", "mentions", "people", "edges"):
        checks.check(isinstance(exported.get(array), list), f"json: array {array}")
    exported.setdefault("people", [])
    exported.setdefault("edges", [])
    for person in exported["people"]:
        checks.equal(sorted(person), sorted(["id", "key", "name", "handles", "urls", "sites",
                                             "names", "texts"]), "json: person keys")
    for edge in exported["edges"]:
        checks.equal(sorted(edge), sorted(["from", "to", "from_name", "to_name"] + EDGE_VALUES),
                     "json: edge keys")
    checks.check(exported["people"], "json: the sample gives people")
    checks.check(exported["edges"], "json: the sample gives edges")
    check_joins(checks, exported)


def cell_text(value):
    """A JSON value as the CSV writes it: null (an author the graph does not name) is empty."""
    return "" if value is None else str(value)


def check_joins(checks, exported):
    """Texts name their authors by the people's id and key; comment ids join across blogs."""
    ids = {person["id"]: person["key"] for person in exported["people"]}
    texts = exported["posts"] + exported["comments"]
    authored = [text for text in texts if text["author_id"] is not None]
    checks.check(len(authored) >= len(texts) - 1, f"json: texts name their author's person "
                                                   f"({len(authored)} of {len(texts)})")
    checks.check(all(ids.get(text["author_id"]) == text["author_key"] for text in authored),
                 "json: a text's author_id and author_key are one person's id and key")
    comment_ids = [comment["id"] for comment in exported["comments"]]
    checks.equal(len(set(comment_ids)), len(comment_ids), "json: comment ids are unique")
    checks.check(all(c["id"] == c["post_url"] + "#" + c["comment_id"] for c in exported["comments"]),
                 "json: a comment's id is its post's URL, '#' and the page's id")
    parents = [c["parent_id"] for c in exported["comments"] if c["parent_id"]]
    checks.check(parents and all(parent in comment_ids for parent in parents),
                 f"json: every parent_id is a comment's id: {parents}")
    post_ids = {post["id"] for post in exported["posts"]}
    checks.check(all(c["post_url"] in post_ids for c in exported["comments"]),
                 "json: every comment's post_url is a post's id")


def check_csv(checks, folder, exported):
    names = sorted(os.listdir(folder))
    checks.equal(names, ["comments.csv", "edges.csv", "nodes.csv", "posts.csv"], "csv: files")
    tables = {}
    for name, columns in (("nodes.csv", NODE_COLUMNS), ("edges.csv", EDGE_COLUMNS),
                          ("posts.csv", POST_COLUMNS), ("comments.csv", COMMENT_COLUMNS)):
        header, rows = read_csv(os.path.join(folder, name))
        checks.equal(header, columns, f"csv: {name} header")
        tables[name] = rows
    checks.equal(len(tables["posts.csv"]), 3, "csv: posts.csv rows")
    checks.equal(len(tables["comments.csv"]), 13, "csv: comments.csv rows")
    checks.equal(len(tables["nodes.csv"]), len(exported["people"]), "csv: nodes.csv rows")
    checks.equal(len(tables["edges.csv"]), len(exported["edges"]), "csv: edges.csv rows")

    # Values round-trip: each cell is the JSON value, exactly.
    expected_posts = [[cell_text(post[c]) for c in POST_COLUMNS]
                      for post in exported["posts"]]
    checks.equal([[row[c] for c in POST_COLUMNS] for row in tables["posts.csv"]], expected_posts,
                 "csv: posts.csv cells")
    expected_comments = [[cell_text(comment[c]) for c in COMMENT_COLUMNS]
                         for comment in exported["comments"]]
    checks.equal([[row[c] for c in COMMENT_COLUMNS] for row in tables["comments.csv"]],
                 expected_comments, "csv: comments.csv cells")
    key_of = {person["id"]: person["key"] for person in exported["people"]}
    expected_edges = [[key_of.get(e["from"], ""), key_of.get(e["to"], ""), "Directed", e["kind"], "1"]
                      + [e[c] for c in EDGE_VALUES] for e in exported["edges"]]
    checks.equal([[row[c] for c in ["Source", "Target", "Type", "Label", "Weight"] + EDGE_VALUES]
                  for row in tables["edges.csv"]], expected_edges, "csv: edges.csv cells")
    margo = [row for row in tables["nodes.csv"] if row["name"] == "Margo Rose"]
    checks.check(len(margo) == 1 and "@HRMargo" in margo[0]["handles"].split(),
                 f"csv: Margo Rose's handles hold @HRMargo, exactly: {margo}")


def check_merged(checks, fmt, graph, exported):
    """--merge-edges: one edge per (from, to, kind), its weight the edges it stands for."""
    key_of = {person["id"]: person["key"] for person in exported["people"]}
    lines = collections.Counter((key_of[e["from"]], key_of[e["to"]], e["kind"])
                                for e in exported["edges"])
    found = collections.Counter()
    for source, target, data in graph.edges(data=True):
        found[(source, target, data.get("kind"))] += int(data.get("weight", 0))
    checks.equal(graph.number_of_edges(), len(lines), f"{fmt} merged: one edge per pair and kind")
    checks.equal(found, lines, f"{fmt} merged: weights count the edges merged")
    checks.check(any(weight > 1 for weight in lines.values()),
                 f"{fmt} merged: the sample has parallel edges to merge")


def check_dot(checks, path, exported):
    dot = shutil.which("dot")
    if dot is None:
        print("SKIP part: no dot executable; the DOT export is not parsed", file=sys.stderr)
        return
    with open(path, "rb") as file:
        result = subprocess.run([dot, "-Tsvg"], stdin=file, capture_output=True, check=False)
    checks.equal(result.returncode, 0, "dot: dot -Tsvg exit status")
    checks.equal(result.stderr.decode(errors="replace"), "", "dot: dot -Tsvg said nothing")
    checks.check(b"<svg" in result.stdout, "dot: dot -Tsvg drew an svg")
    counter = shutil.which("gc")
    if counter is not None:
        counts = run([counter, "-n", "-e", path]).stdout.split()
        checks.equal(counts[:2], [str(len(exported["people"])), str(len(exported["edges"]))],
                     "dot: gc's node and edge counts")


def check_cli_errors(checks, binary, db, tmp):
    result = run([binary, "export", "--db", db, "--format", "csv"], expect=None)
    checks.equal(result.returncode, 2, "cli: csv without --out is a usage error")
    checks.check("--out" in result.stderr, f"cli: the csv usage error names --out: {result.stderr}")
    result = run([binary, "export", "--db", db, "--format", "json", "--merge-edges"], expect=None)
    checks.equal(result.returncode, 2, "cli: --merge-edges with json is a usage error")
    result = run([binary, "export", "--db", db, "--format", "xml"], expect=None)
    checks.equal(result.returncode, 2, "cli: an unknown format is a usage error")
    checks.check("xml" in result.stderr, f"cli: the error names the format: {result.stderr}")
    # A folder holding other files is never replaced.
    foreign = os.path.join(tmp, "documents")
    os.mkdir(foreign)
    with open(os.path.join(foreign, "thesis.txt"), "w", encoding="utf-8") as file:
        file.write("years of work")
    result = run([binary, "export", "--db", db, "--format", "csv", "--out", foreign], expect=None)
    checks.equal(result.returncode, 2, "cli: csv into a folder of other files is refused")
    checks.equal(os.listdir(foreign), ["thesis.txt"], "cli: the refused folder is untouched")


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, sample = argv[1], argv[2]
    try:
        import networkx  # pylint: disable=import-outside-toplevel
    except ImportError as error:
        print(f"SKIP: NetworkX cannot be imported by {sys.executable} ({error}); "
              "install python3-networkx", file=sys.stderr)
        return SKIP

    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="linkgraph-exports-") as tmp:
        db = os.path.join(tmp, "wendy.db")
        run([binary, "import", "--quiet", "--db", db, sample])

        def export(fmt, out):
            run([binary, "export", "--db", db, "--format", fmt, "--out", out])
            return out

        exported = json.loads(read_bytes(export("json", os.path.join(tmp, "export.json"))))
        check_json(checks, exported)
        stdout = run([binary, "export", "--db", db, "--format", "graphml"]).stdout
        graphml = export("graphml", os.path.join(tmp, "graph.graphml"))
        checks.equal(stdout.encode(), read_bytes(graphml), "graphml: stdout and --out agree")
        check_graph(checks, "graphml", networkx.read_graphml(graphml), exported)
        gexf = export("gexf", os.path.join(tmp, "graph.gexf"))
        check_graph(checks, "gexf", networkx.read_gexf(gexf), exported)
        for fmt, reader in (("graphml", networkx.read_graphml), ("gexf", networkx.read_gexf)):
            merged = os.path.join(tmp, "merged." + fmt)
            run([binary, "export", "--db", db, "--format", fmt, "--merge-edges", "--out", merged])
            check_merged(checks, fmt, reader(merged), exported)
        dot = export("dot", os.path.join(tmp, "graph.dot"))
        check_dot(checks, dot, exported)
        folder = export("csv", os.path.join(tmp, "csv"))
        check_csv(checks, folder, exported)

        # The same store gives the same bytes; a second csv export replaces the first.
        for fmt, first in (("graphml", graphml), ("gexf", gexf), ("dot", dot)):
            again = export(fmt, os.path.join(tmp, "again." + fmt))
            checks.equal(read_bytes(again), read_bytes(first), f"{fmt}: a second export is identical")
        before = {name: read_bytes(os.path.join(folder, name)) for name in os.listdir(folder)}
        export("csv", folder + "/")
        after = {name: read_bytes(os.path.join(folder, name)) for name in os.listdir(folder)}
        checks.check(after == before, "csv: a second export into the folder is identical")
        leftovers = [name for name in os.listdir(tmp) if ".partial" in name]
        checks.equal(leftovers, [], "no .partial files or folders are left")
        check_cli_errors(checks, binary, db, tmp)

    print(f"{checks.passed} checks passed, {len(checks.failures)} failed")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
