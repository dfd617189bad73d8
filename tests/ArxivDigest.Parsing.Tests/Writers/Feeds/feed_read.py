"""Reads a feed with feedparser and prints what it found as one JSON object (FeedparserTests checks it)."""
import json
import sys
import time

import feedparser


def date(parsed):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


feed = feedparser.parse(sys.argv[1])
print(json.dumps({
    "bozo": int(bool(feed.bozo)),
    "bozo_exception": str(feed.get("bozo_exception", "")),
    "version": feed.version,
    "title": feed.feed.get("title"),
    "updated": date(feed.feed.get("updated_parsed")),
    "entries": [
        {
            "id": e.get("id"),
            "link": e.get("link"),
            "title": e.get("title"),
            "published": date(e.get("published_parsed")),
            "updated": date(e.get("updated_parsed")),
            "categories": [t.get("term") for t in e.get("tags", [])],
            "authors": [a.get("name") for a in e.get("authors", [])],
            "summary": e.get("summary"),
            "doi": next((l.get("href") for l in e.get("links", []) if l.get("title") == "doi"), None) or e.get("dc_identifier"),
        }
        for e in feed.entries
    ],
}, ensure_ascii=False))
