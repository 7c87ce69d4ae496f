#!/usr/bin/env bash
# System packages for the tests and PDF output (Debian): PostgreSQL, Chromium, CJK fonts, poppler.
# Installs only what is missing; needs root (as in CI) when something is missing.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
# (grep reads fc-list to its end: with -q it would stop at the first match, fc-list would die of SIGPIPE and,
# under pipefail, a font that is there would count as missing.)
fc-list 2>/dev/null | grep 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# python3 runs ../shared/tools/amount-recall.py, against which the corpus test checks its recall.
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup-system: installing ${need[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "setup-system: need root to install ${need[*]} (apt-get install ${need[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
