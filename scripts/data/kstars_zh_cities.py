"""Derives kstars-zh/cities.csv from KStars' zh_CN message catalogue (Debian package kstars-data).

Usage: python3 scripts/data/kstars_zh_cities.py path/to/kstars.mo > data/raw/kstars-zh/cities.csv
Keeps every message whose context is "City in …" (KStars' city database: the city's English
name, its province and country as KStars writes them) and whose zh_CN translation is not empty.
"""
import csv
import gettext
import sys


def main(path):
    with open(path, "rb") as f:
        catalogue = gettext.GNUTranslations(f)
    rows = []
    for key, zh in catalogue._catalog.items():
        if not isinstance(key, str) or "\x04" not in key:
            continue
        context, en = key.split("\x04", 1)
        if context.startswith("City in ") and zh.strip() and zh.strip() != en:
            rows.append((en, context[len("City in "):], zh.strip()))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["en", "where", "zh"])
    out.writerows(sorted(set(rows)))


if __name__ == "__main__":
    main(sys.argv[1])
