#!/usr/bin/env bash
# The feed writers' real-consumer tests (tests/.../Writers/Feeds/FeedparserTests.cs) parse the Atom and RSS output
# with Python's feedparser, Debian's python3-feedparser for Debian's /usr/bin/python3. Skipped when it is there already.
set -euo pipefail
"$(dirname "$0")/../apt-install-missing.sh" feedparser.sh python3-feedparser
