#!/usr/bin/env python3
"""Turn `linkgraph export --format json` into the items JSON lines that the
shared harness's check_items.py scores (one line per post: url, comments with
id/parent/author/text/mentions, pings), so linkgraph's crawl is scored by the
same script as the peers.

Usage: export_to_items.py EXPORT.json > ITEMS.jsonl
"""
import json
import sys
from collections import defaultdict


def comment_number(anchor_id):
    """'comment-506' -> 506; other ids are kept as text."""
    digits = anchor_id.rsplit("-", 1)[-1]
    return int(digits) if digits.isdigit() else anchor_id


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        export = json.load(f)
    mentions = defaultdict(list)  # comment permalink -> handles
    for mention in export["mentions"]:
        if mention["in"] == "comment":
            mentions[mention["source_url"]].append(mention["handle"].lstrip("@"))
    comments = defaultdict(list)
    for comment in export["comments"]:
        comments[comment["post_url"]].append({
            "id": comment_number(comment["id"]),
            "parent": comment_number(comment["parent_id"]) if comment["parent_id"] else None,
            "author": comment["author"],
            "text": comment["text"],
            "mentions": mentions.get(comment["permalink"], []),
        })
    pings = defaultdict(list)
    for trackback in export["trackbacks"]:
        pings[trackback["post_url"]].append({"kind": trackback["kind"],
                                             "url": trackback["source_url"]})
    for post in export["posts"]:
        url = post["url"]
        print(json.dumps({"url": url, "comments": comments.get(url, []),
                          "pings": pings.get(url, [])}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
