"""Derives data/raw/iso-codes/iso3166-1_names.csv from the PyPI package pycountry.

pycountry ships Debian's iso-codes: the ISO 3166-1 country list (name, official name, common
name) and its translations. This keeps, for every country, those English names and their zh_CN
translations exactly as iso-codes writes them (Viet Nam, 美利坚合众国, 大韩民国); the importer
reads a list's country column through them (model::read::country_names). Run once, by hand,
with the wheel unpacked:

    pip download pycountry==26.2.16 --no-deps -d /tmp/pyc && cd /tmp/pyc && unzip -q *.whl
    python3 scripts/data/iso_codes_countries.py /tmp/pyc/pycountry > data/raw/iso-codes/iso3166-1_names.csv
"""
import csv
import gettext
import json
import os
import sys


def main(root):
    countries = json.load(open(os.path.join(root, 'databases', 'iso3166-1.json'),
                               encoding='utf-8'))['3166-1']
    mo = os.path.join(root, 'locales', 'zh_CN', 'LC_MESSAGES', 'iso3166-1.mo')
    catalog = gettext.GNUTranslations(open(mo, 'rb'))._catalog
    out = csv.writer(sys.stdout, lineterminator='\n')
    out.writerow(['iso', 'name', 'official_name', 'common_name', 'zh_name', 'zh_official_name'])
    rows = []
    for c in countries:
        names = [c.get('name', ''), c.get('official_name', ''), c.get('common_name', '')]
        zh = [catalog.get(n, '') if n else '' for n in names[:2]]
        zh = [z if z not in names else '' for z in zh]
        rows.append([c['alpha_2']] + names + zh)
    rows.sort()
    out.writerows(rows)


if __name__ == '__main__':
    main(sys.argv[1])
