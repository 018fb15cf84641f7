"""Derives data/raw/iso-codes/iso3166-2_zh_CN.csv from the PyPI package pycountry.

pycountry ships Debian's iso-codes: the ISO 3166-2 subdivision list and its translations. This
keeps every subdivision outside China whose name the zh_CN translation gives in Chinese, with
the code, the English (or romanised) name and the Chinese name exactly as iso-codes writes them.
Run once, by hand, with the wheel unpacked:

    pip download pycountry==26.2.16 --no-deps -d /tmp/pyc && cd /tmp/pyc && unzip -q *.whl
    python3 scripts/data/iso_codes_zh.py /tmp/pyc/pycountry > data/raw/iso-codes/iso3166-2_zh_CN.csv
"""
import csv
import gettext
import json
import os
import sys


def main(root):
    subdivisions = json.load(open(os.path.join(root, 'databases', 'iso3166-2.json'),
                                  encoding='utf-8'))['3166-2']
    mo = os.path.join(root, 'locales', 'zh_CN', 'LC_MESSAGES', 'iso3166-2.mo')
    catalog = gettext.GNUTranslations(open(mo, 'rb'))._catalog
    out = csv.writer(sys.stdout, lineterminator='\n')
    out.writerow(['code', 'country', 'name', 'type', 'zh'])
    rows = []
    for s in subdivisions:
        country = s['code'].split('-')[0]
        if country in ('CN', 'HK', 'MO', 'TW'):
            continue
        zh = catalog.get(s['name'])
        if zh and zh != s['name']:
            rows.append([s['code'], country, s['name'], s['type'], zh])
    rows.sort()
    out.writerows(rows)


if __name__ == '__main__':
    main(sys.argv[1])
