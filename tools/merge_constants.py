#!/usr/bin/env python3
"""Merge constants read from 4D's documentation into src/commands/constants.tsv.

Usage: tools/merge_constants.py FACTS.tsv

FACTS.tsv has one constant a line: name, theme (as the documentation names
it), type, value, page (the documentation page the row was read from), tab
separated. A row whose name (compared as fourd compares names: case and runs
of spaces ignored) is already in the table gets its theme, type, value
and source replaced; a new name is added without a token. The table stays
sorted: by token, then the constants without one by theme and name.
"""
import re
import sys

TABLE = "src/commands/constants.tsv"
HEADER = ["name", "theme", "token", "type", "value", "source"]


def normalize(name):
    return " ".join(name.split()).lower()


def read_table(path):
    comments, rows = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") or not line:
                comments.append(line)
                continue
            fields = line.split("\t")
            if fields == HEADER:
                continue
            rows.append(dict(zip(HEADER, fields + [""] * (len(HEADER) - len(fields)))))
    return comments, rows


def sort_key(row):
    if row["token"]:
        theme, index = row["token"].split(":")
        return (0, int(theme), int(index), "", "")
    return (1, 0, 0, row["theme"].lower(), row["name"].lower())


def write_table(path, comments, rows):
    rows.sort(key=sort_key)
    with open(path, "w", encoding="utf-8") as f:
        for line in comments:
            f.write(line + "\n")
        f.write("\t".join(HEADER) + "\n")
        for row in rows:
            f.write("\t".join(row[h] for h in HEADER) + "\n")


def main():
    comments, rows = read_table(TABLE)
    by_name = {normalize(r["name"]): r for r in rows}
    changed = added = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, theme, kind, value, page = line.rstrip("\n").split("\t")
            row = by_name.get(normalize(name))
            if row is None:
                row = dict(name=name, theme=theme, token="", type=kind, value=value, source=page)
                rows.append(row)
                by_name[normalize(name)] = row
                added += 1
                continue
            if row["value"] and row["value"] != value:
                print(f"value changed: {name}: {row['value']} -> {value} ({page})", file=sys.stderr)
            row.update(theme=theme, type=kind, value=value, source=page)
            changed += 1
    write_table(TABLE, comments, rows)
    print(f"{changed} updated, {added} added, {len(rows)} in all", file=sys.stderr)


if __name__ == "__main__":
    main()
