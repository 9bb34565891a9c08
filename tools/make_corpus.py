#!/usr/bin/python3
"""Writes a synthetic news corpus as JSON Lines, for scale-out measurements.

    tools/make_corpus.py N OUT.jsonl [--seed S]

Each record ({"id", "date", "title", "text"}) is a short article of three to
five sentences in the manner of examples/articles: invented ministers,
countries, ports and organisations meeting, rejecting, signing and
reopening, with dates and short forms ("Dahl" after "Erik Dahl") so that
cross-document resolution has work to do. Deterministic for a seed.
"""

import argparse
import datetime
import json
import random

FIRST = ["Erik", "Marta", "Jonas", "Ingrid", "Piet", "Sanna", "Lars", "Eva", "Tomas", "Kari",
         "Anders", "Liisa", "Bjorn", "Helga", "Nils", "Freja", "Olav", "Tuula", "Jan", "Greta"]
LAST = ["Dahl", "Lind", "Berg", "Holm", "Strand", "Vik", "Nyberg", "Aalto", "Moen", "Falk",
        "Sund", "Lund", "Hagen", "Kask", "Brekke", "Roos", "Salo", "Eklund", "Nurmi", "Haug"]
COUNTRIES = ["Norway", "Sweden", "Finland", "Denmark", "Iceland", "Estonia", "Latvia",
             "Lithuania", "Germany", "Poland"]
DEMONYMS = {"Norway": "Norwegian", "Sweden": "Swedish", "Finland": "Finnish",
            "Denmark": "Danish", "Iceland": "Icelandic", "Estonia": "Estonian",
            "Latvia": "Latvian", "Lithuania": "Lithuanian", "Germany": "German",
            "Poland": "Polish"}
CITIES = ["Bergen", "Tromso", "Gothenburg", "Turku", "Aarhus", "Reykjavik", "Tallinn", "Riga",
          "Klaipeda", "Gdansk", "Kiel", "Stavanger"]
ORGS = ["the Nordic Council", "the Fisheries Commission", "the Harbour Authority",
        "the Dockworkers Union", "the Baltic Shipping Board", "the Coastal Guard Agency"]
OFFICES = ["Prime Minister", "Fisheries Minister", "Trade Minister", "Foreign Minister"]
TOPICS = ["fishing quotas", "port fees", "ferry routes", "harbour repairs", "shipping lanes",
          "herring stocks"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def person(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def article(rng, day):
    a, b = person(rng), person(rng)
    ca, cb = rng.sample(COUNTRIES, 2)
    city, org, topic = rng.choice(CITIES), rng.choice(ORGS), rng.choice(TOPICS)
    office_a, office_b = rng.choice(OFFICES), rng.choice(OFFICES)
    weekday = rng.choice(DAYS)
    short_a, short_b = a.split()[1], b.split()[1]
    sentences = [
        f"{DEMONYMS[ca]} {office_a} {a} met {DEMONYMS[cb]} {office_b} {b} in {city} on {weekday}.",
        rng.choice([
            f"{short_a} rejected the proposal of {cb} on {topic}.",
            f"{short_a} signed an agreement with {cb} on {topic}.",
            f"{short_a} criticised {org} over {topic}.",
        ]),
        rng.choice([
            f"{org} welcomed the talks.",
            f"{short_b} said that {cb} would not accept new {topic}.",
            f"{ca} and {cb} agreed to review {topic} next month.",
        ]),
    ]
    if rng.random() < 0.5:
        sentences.append(rng.choice([
            f"The port of {city} reopened after a strike by {org}.",
            f"{short_b} will visit {ca} in the spring.",
            f"{org} asked {ca} to share data on {topic}.",
        ]))
    if rng.random() < 0.3:
        sentences.append(f"{a} did not comment on the vote in {city}.")
    title = f"{short_a} and {short_b} discuss {topic} in {city}"
    return title, " ".join(s[0].upper() + s[1:] for s in sentences)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("count", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    start = datetime.date(2016, 1, 4)
    with open(args.out, "w", encoding="utf-8") as f:
        for i in range(args.count):
            day = start + datetime.timedelta(days=i * 365 // max(1, args.count))
            title, text = article(rng, day)
            f.write(json.dumps({"id": f"a{i:06d}", "date": day.isoformat(), "title": title,
                                "text": text}) + "\n")


if __name__ == "__main__":
    main()
