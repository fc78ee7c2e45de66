#!/usr/bin/env bash
# Zet alles klaar voor het handboek en bouw de site en het PDF-handboek.
#
#   bash scripts/installeer.sh                  installeren en bouwen (naar site/)
#   bash scripts/installeer.sh --geen-build     alleen installeren
#
# Werkt op Debian en Ubuntu met Python 3.11. Systeempakketten komen uit apt
# (met sudo als je geen root bent); Python-pakketten komen in .venv/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Systeempakketten: venv voor Python, Pango voor WeasyPrint (PDF), Chromium voor
# de browsertests, hunspell met het Nederlandse woordenboek voor de spellingcontrole,
# poppler-utils om PDF-pagina's als plaatje te bekijken, LibreOffice Impress en het
# lettertype Noto Sans om de dia's (.pptx) te testen.
PAKKETTEN="python3-venv libpango-1.0-0 libpangoft2-1.0-0 chromium hunspell hunspell-nl poppler-utils libreoffice-impress fonts-noto-core"
ontbreekt=()
for pakket in $PAKKETTEN; do
  dpkg-query -W -f='${Status}' "$pakket" 2>/dev/null | grep -q "install ok installed" || ontbreekt+=("$pakket")
done
if [ ${#ontbreekt[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # Een pakket dat deze distributie niet kent (Ubuntu heeft bijvoorbeeld geen
  # 'chromium' in apt), slaan we over; de tests die het nodig hebben, zeggen dat.
  beschikbaar=()
  for pakket in "${ontbreekt[@]}"; do
    if apt-cache show "$pakket" >/dev/null 2>&1; then
      beschikbaar+=("$pakket")
    else
      echo "Let op: pakket '$pakket' is hier niet te krijgen; de tests die het nodig hebben, worden overgeslagen."
    fi
  done
  echo "Systeempakketten installeren: ${beschikbaar[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${beschikbaar[@]}" >/dev/null
fi

# Python-pakketten, exact vastgepind in requirements.txt.
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q -r requirements.txt

if [ "${1:-}" != "--geen-build" ]; then
  NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build
  echo "Klaar: de site staat in site/, het handboek in site/pdf/kix-works-handboek.pdf"
fi
