#!/bin/sh
# Bundle YASGUI (npm package @zazuko/yasgui, MIT) into the package data, so the query page of
# `conflict-kg serve` works with no internet connection: nothing is loaded from a CDN at page load.
#
#   sh scripts/fetch_yasgui.sh          fetch the pinned version with npm (once; idempotent)
#
# Writes graph/static/yasgui/{yasgui.min.js, yasgui.min.css, package.json, LICENSE}; the folder
# is not committed (see .gitignore). The query page's own files (graph/static/page.*) are.
# The tests that serve the page run this script when the files are missing.
set -eu
VERSION="4.6.2"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/graph/static/yasgui"
if [ -f "$DEST/yasgui.min.js" ] && grep -q "\"version\": \"$VERSION\"" "$DEST/package.json" 2>/dev/null; then
    exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "fetch_yasgui.sh: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# npm pack checks the tarball against the registry's integrity hash
(cd "$WORK" && npm pack --silent "@zazuko/yasgui@$VERSION" >/dev/null && tar xzf zazuko-yasgui-"$VERSION".tgz)
mkdir -p "$DEST"
cp "$WORK/package/build/yasgui.min.js" "$WORK/package/build/yasgui.min.css" "$WORK/package/package.json" "$DEST/"
LICENSE_NAME="$(node -p "require('$WORK/package/package.json').license")"
[ "$LICENSE_NAME" = "MIT" ] || { echo "fetch_yasgui.sh: expected an MIT licence, got $LICENSE_NAME" >&2; exit 1; }
# the npm package carries no licence file; its package.json declares MIT (authors: Triply, Zazuko GmbH)
cat > "$DEST/LICENSE" <<LICENSE
@zazuko/yasgui $VERSION (https://github.com/rdfjs/Yasgui), bundled unmodified from the npm registry.
Licence declared in its package.json: MIT. Authors: Triply <info@triply.cc>; contributors: Zazuko GmbH.

MIT License

Copyright (c) Triply and Zazuko GmbH

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
LICENSE
echo "bundled @zazuko/yasgui $VERSION into $DEST"
