#!/usr/bin/python3
"""End-to-end check of `linkgraph export --format html` in a real browser.

Imports the bundled sample blog into a temporary database with the real
binary, exports json and html, and checks that the page:
- fetches nothing: no script, style or link loads from an http(s):// address,
  and its Content-Security-Policy forbids every fetch;
- draws, in headless Chromium: the node count it shows once rendered equals
  the JSON export's people, and a screenshot's graph area is not blank;
- answers a reader: a copy of the page with a probe script appended searches
  for the best-connected person, clicks the match and then their first edge,
  and the details panel shows that edge's evidence; unticking every kind
  hides every edge;
- holds the same people as the JSON export, with no raw "<" in its data
  script (which "</script>" in a name would otherwise end).

Usage: check_html_viewer.py LINKGRAPH_BINARY SAMPLE_FOLDER
Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (no chromium).
"""

import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
BROWSER_SECONDS = 120
WINDOW = (1200, 800)
# The page's graph area in the screenshot: right of the 240px controls, left
# of the 320px details panel, below the header.
GRAPH_AREA = (260, 60, 860, 780)


def run(args, timeout=None):
    result = subprocess.run(args, capture_output=True, text=True, check=False, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {result.returncode}\n"
                           f"stdout: {result.stdout[:2000]}\nstderr: {result.stderr[:2000]}")
    return result


def find_browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser(binary, profile, *args):
    """Headless Chromium bounded in time; its own profile so runs never share state."""
    return run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                f"--user-data-dir={profile}", "--virtual-time-budget=5000", *args],
               timeout=BROWSER_SECONDS)


def png_pixels(path):
    """Width, height and rows of (r, g, b) tuples of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as file:
        data = file.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    position, compressed = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or colour_type not in (2, 6) or interlace:
                raise ValueError(f"{path}: PNG depth {depth} colour type {colour_type} "
                                 f"interlace {interlace} not read here")
        elif kind == b"IDAT":
            compressed += chunk
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(compressed)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - upper_left
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - upper_left)
                nearest = left if pa <= pb and pa <= pc else up if pb <= pc else upper_left
                line[i] = (line[i] + nearest) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


# Appended to a copy of the page: plays a reader's clicks through the page's
# own controls and leaves what the panels show in attributes of <body>.
PROBE = """<script>
(function () {
  const search = document.getElementById("search");
  search.value = %s;
  search.dispatchEvent(new Event("input"));
  const match = Array.from(document.querySelectorAll("#matches button"))
      .find((button) => button.textContent === %s);
  if (match) match.click();
  const edge = document.querySelector("#details-body .edge-list button");
  if (edge) edge.click();
  document.body.dataset.details = document.getElementById("details-body").textContent;
  for (const box of document.querySelectorAll("#kinds input")) {
    box.checked = false;
    box.dispatchEvent(new Event("change"));
  }
  document.body.dataset.unticked = document.getElementById("edge-count").textContent;
})();
</script></body>"""


def check_interaction(chromium, profile, page, graph, check):
    """Search, click a match, click an edge: the panel shows the edge's evidence."""
    degree = {}
    for edge in graph["edges"]:
        for end in (edge["from"], edge["to"]):
            degree[end] = degree.get(end, 0) + 1
    if not degree:
        check(False, "the page's data holds no edges")
        return
    best = max(degree, key=lambda key: (degree[key], key))
    label = next(node["label"] or node["id"] for node in graph["nodes"] if node["id"] == best)
    evidence = {edge["evidence"] for edge in graph["edges"] if best in (edge["from"], edge["to"])}
    with open(page, encoding="utf-8") as file:
        text = file.read()
    probed = page + ".probe.html"
    with open(probed, "w", encoding="utf-8") as file:
        file.write(text.replace("</body>", PROBE % (json.dumps(label), json.dumps(label)), 1))
    dom = browser(chromium, profile, "--dump-dom", "file://" + probed).stdout
    details = re.search(r'data-details="([^"]*)"', dom)
    shown = html.unescape(details.group(1)) if details else ""
    check(any(sentence and sentence in shown for sentence in evidence),
          f"after clicking {label!r} and their first edge the panel shows {shown[:300]!r}, "
          "none of their edges' evidence")
    unticked = re.search(r'data-unticked="(\d+)"', dom)
    check(unticked is not None and unticked.group(1) == "0",
          f"with every kind unticked the page shows {unticked.group(1) if unticked else '?'} edges")


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, sample = argv[1], argv[2]
    chromium = find_browser()
    if not chromium:
        print("SKIP: no chromium on PATH to open the page in; install Debian's chromium "
              "(scripts/install-deps.sh)", file=sys.stderr)
        return SKIP
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)
            print(f"FAIL: {message}", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="linkgraph-html-") as tmp:
        db = os.path.join(tmp, "sample.db")
        page = os.path.join(tmp, "graph.html")
        profile = os.path.join(tmp, "profile")
        run([binary, "import", "--quiet", "--db", db, sample])
        people = len(json.loads(run([binary, "export", "--db", db, "--format", "json"]).stdout)
                     ["people"])
        check(people > 0, "the sample holds no people")
        run([binary, "export", "--db", db, "--format", "html", "--out", page])
        with open(page, encoding="utf-8") as file:
            page_text = file.read()
        print(f"{page}: {len(page_text)} characters, {people} people in the JSON export")

        remote = re.findall(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?"
                            r"(?:https?:)?//", page_text, re.IGNORECASE)
        check(not remote, f"the page loads from the network: {remote[:3]}")
        check("default-src 'none'" in page_text, "the page has no Content-Security-Policy forbidding fetches")
        data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page_text,
                         re.DOTALL)
        check(data is not None, "no graph data in the page")
        embedded = None
        if data:
            embedded = json.loads(data.group(1))
            check(len(embedded["nodes"]) == people,
                  f"the page holds {len(embedded['nodes'])} people, the JSON export {people}")
            check("<" not in data.group(1), "a '<' is written raw inside the data script")

        dom = browser(chromium, profile, "--dump-dom", "file://" + page).stdout
        shown = re.search(r'<span id="node-count">(\d+)</span>', dom)
        check(shown is not None, "the rendered page shows no node count (did the script fail?)")
        if shown:
            check(int(shown.group(1)) == people,
                  f"the page shows {shown.group(1)} people, the JSON export has {people}")
        check(dom.count('type="checkbox"') >= 7, "the page has no checkbox per edge kind")

        if embedded:
            check_interaction(chromium, profile, page, embedded, check)

        shot = os.path.join(tmp, "graph.png")
        browser(chromium, profile, f"--window-size={WINDOW[0]},{WINDOW[1]}",
                f"--screenshot={shot}", "file://" + page)
        width, height, rows = png_pixels(shot)
        left, top, right, bottom = GRAPH_AREA
        area = [pixel for row in rows[top:min(bottom, height)] for pixel in row[left:min(right, width)]]
        colours = len(set(area))
        inked = sum(1 for pixel in area if min(pixel) < 200)
        print(f"screenshot {width}x{height}: graph area {colours} colours, {inked} inked pixels")
        check(colours >= 20, f"the graph area has {colours} colours: nothing drawn")
        check(inked >= 500, f"the graph area has {inked} inked pixels: nothing drawn")
        if failures and os.environ.get("LINKGRAPH_KEEP_SCREENSHOT"):
            shutil.copy(shot, os.environ["LINKGRAPH_KEEP_SCREENSHOT"])

    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("html viewer: all checks passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (RuntimeError, ValueError, subprocess.TimeoutExpired) as error:
        print(f"FAIL: {error}", file=sys.stderr)
        sys.exit(1)
