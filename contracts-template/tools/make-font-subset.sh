#!/usr/bin/env bash
# Regenerates src/main/resources/fonts/NotoSansCJKsc-Regular-GB2312.otf: Noto Sans CJK SC cut down to
# GB2312 (all 7,445 characters) + ASCII/Latin-1 + general/CJK punctuation + full-width forms.
# The full .ttc is ~20 MB; this subset is ~3.4 MB, and iText subsets it again per PDF.
# Needs Debian packages fonts-noto-cjk and python3-fonttools (apt-get install -y fonts-noto-cjk python3-fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
out=src/main/resources/fonts/NotoSansCJKsc-Regular-GB2312.otf
chars=$(mktemp)
trap 'rm -f "$chars"' EXIT
/usr/bin/python3 - "$chars" <<'PY'
import sys
text = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            text.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(text)))
PY
# font number 2 in the collection is the Simplified Chinese face (0 JP, 1 KR, 2 SC, 3 TC, 4 HK).
/usr/bin/python3 -m fontTools.subset "$src" --font-number=2 --text-file="$chars" \
  --unicodes='U+0020-007E,U+00A0-00FF,U+2000-206F,U+3000-303F,U+FF00-FFEF' \
  --output-file="$out"
ls -l "$out"
