#!/usr/bin/env bash
# Installs the real editors the editor tests drive: Debian's Neovim (its
# built-in LSP client), Debian's Chromium, and code-server (VS Code in a
# browser) unpacked from the npm registry into a cache folder outside the repo.
# Idempotent: a second run only checks that everything is there.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"   # the newest whose engines accept Node 20
CACHE="${ROUTE_EDITORS_CACHE:-/opt/route-ci}"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
started=$(date +%s)

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(neovim chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-editors: apt-get install ${missing[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$CODE_SERVER_DIR/.installed" ]; then
  echo "setup-editors: installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR"
  sudo_if_needed mkdir -p "$CACHE"
  sudo_if_needed chown "$(id -u):$(id -g)" "$CACHE"
  rm -rf "$CODE_SERVER_DIR" "$CACHE/pack"
  mkdir -p "$CACHE/pack"
  # `npm install code-server` fails here: its postinstall downloads ripgrep.
  # Unpack the tarball and install its dependencies without scripts instead.
  (cd "$CACHE/pack" && npm pack "code-server@$CODE_SERVER_VERSION" --silent >/dev/null)
  tar -xzf "$CACHE/pack/code-server-$CODE_SERVER_VERSION.tgz" -C "$CACHE/pack"
  mv "$CACHE/pack/package" "$CODE_SERVER_DIR"
  rm -rf "$CACHE/pack"
  (cd "$CODE_SERVER_DIR" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  (cd "$CODE_SERVER_DIR/lib/vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  # Debian's rg where @vscode/ripgrep expects its downloaded binary.
  for ripgrep in $(find "$CODE_SERVER_DIR" -type d -path "*node_modules/@vscode/ripgrep"); do
    mkdir -p "$ripgrep/bin"
    ln -sf "$(command -v rg)" "$ripgrep/bin/rg"
  done
  # node-pty's post-install runs `npx node-gyp`: let npx fetch it without asking.
  (cd "$CODE_SERVER_DIR/lib/vscode" && npm_config_yes=true npm rebuild --loglevel=error >/dev/null)
  # Only its native dependency: code-server's own postinstall would download again.
  (cd "$CODE_SERVER_DIR" && npm_config_yes=true npm rebuild argon2 --loglevel=error >/dev/null)
  touch "$CODE_SERVER_DIR/.installed"
fi
ln -sfn "$CODE_SERVER_DIR" "$CACHE/code-server"

echo "setup-editors: nvim $(nvim --version | head -1 | cut -d' ' -f2), $(chromium --version 2>/dev/null | head -1), code-server $CODE_SERVER_VERSION at $CACHE/code-server ($(( $(date +%s) - started )) s)"
