#!/usr/bin/env python3
"""Build models/countries.tsv: each country's capital and demonym, for the actors stage.

    python3 scripts/build_countries.py models/countries.tsv

Source: countryinfo==1.0.1 (PyPI, MIT; data from the REST Countries project), downloaded with
`pip download` at that pinned version into a temporary folder, and `OTHER_CAPITALS` below:
former seats of government and older English spellings that news archives use ("Bonn", "Kiev").

Output lines: `country<TAB>capitals<TAB>demonyms`, lists comma-separated, a field empty when
unknown. What news text
writes, not the official form: a capital written with its district ("Washington D.C.") is kept
as its city's name; a capital two countries claim (Jerusalem) is left out, since which
government it stands for is not the text's to decide; a demonym several countries share
("French") goes to the most populous; demonyms given as a list ("Antiguan,Barbudan") are split.
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

SOURCE = "countryinfo==1.0.1"

# Names a news archive uses for a seat of government that the source does not give: a former
# capital that was the seat of government within living memory, and the English spelling of a
# capital the source spells another way.
OTHER_CAPITALS = {
    "Germany": ["Bonn"],  # seat of government of West Germany and of Germany until 1999
    "Ukraine": ["Kiev"],  # the English spelling until about 2019
    "China": ["Peking"],
    "Myanmar": ["Rangoon", "Yangon"],  # capital until 2005
    "Kazakhstan": ["Almaty", "Alma-Ata", "Astana"],  # Almaty until 1997; Astana since 2022
}


def load(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, SOURCE], check=True)
    out = pathlib.Path(tmp)
    for whl in out.glob("countryinfo-*.whl"):
        zipfile.ZipFile(whl).extractall(out / "ci")
    rows = []
    for f in sorted((out / "ci" / "countryinfo" / "data").glob("*.json")):
        d = json.loads(f.read_text())
        name = (d.get("name") or "").strip()
        if name:
            rows.append(d)
    return rows


def capitals(d):
    cs = d.get("capital") or []
    out = []
    listed = cs if isinstance(cs, list) else cs.split("/")
    for s in listed + OTHER_CAPITALS.get(d["name"].strip(), []):
        s = s.strip()
        for district in (", D.C.", " D.C."):
            if s.endswith(district):
                s = s[: -len(district)]
        if s and "\t" not in s and "," not in s:
            out.append(s)
    return out


def demonyms(d):
    dm = d.get("demonym") or ""
    parts = dm if isinstance(dm, list) else dm.split(",")
    return [p.strip() for p in parts if p.strip() and "\t" not in p]


def main():
    out = pathlib.Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        rows = load(tmp)
    names = {d["name"].strip() for d in rows}
    capital_claims = {}
    for d in rows:
        for c in capitals(d):
            capital_claims.setdefault(c, set()).add(d["name"].strip())
    population = {d["name"].strip(): d.get("population") or 0 for d in rows}
    demonym_owner = {}
    for d in rows:
        for dm in demonyms(d):
            best = demonym_owner.get(dm)
            if best is None or population[d["name"].strip()] > population[best]:
                demonym_owner[dm] = d["name"].strip()
    lines = []
    for name in sorted(names):
        d = next(r for r in rows if r["name"].strip() == name)
        caps = [c for c in capitals(d) if len(capital_claims[c]) == 1 and c != name]
        dms = [dm for dm in demonyms(d) if demonym_owner.get(dm) == name and dm != name]
        if caps or dms:
            lines.append(f"{name}\t{','.join(caps)}\t{','.join(dms)}")
    out.write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} countries -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
