#!/usr/bin/env bash
# Run a command under another Node.js major version, taken from the npm registry's
# `node` package (a Node binary shipped in a package: nothing else is downloaded).
#   bash scripts/with-node.sh 22 npm test
# The binary is installed once into $ZHPRESS_NODE_PREFIX (default ~/.cache/zhpress-node/<major>,
# /opt/zhpress-node/<major> as root)
# and put first on PATH, so `node`, `npm` and `npx` run on it, and so do the
# processes the tests spawn.
set -euo pipefail
major="${1:?usage: with-node.sh MAJOR COMMAND...}"
shift
# (As root, CI's case, under /opt: tests run the build as `nobody`, who cannot enter /root.)
if [ "$(id -u)" = 0 ]; then default="/opt/zhpress-node/$major"; else default="${XDG_CACHE_HOME:-$HOME/.cache}/zhpress-node/$major"; fi
prefix="${ZHPRESS_NODE_PREFIX:-$default}"
bin="$prefix/node_modules/.bin"
if ! "$bin/node" --version 2>/dev/null | grep -q "^v$major\."; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "node@$major" >&2
fi
version="$("$bin/node" --version)"
case "$version" in
  "v$major."*) ;;
  *) echo "with-node.sh: the node@$major package gave Node $version" >&2; exit 1 ;;
esac
echo "with-node.sh: running on Node $version ($bin/node)" >&2
PATH="$bin:$PATH" exec "$@"
