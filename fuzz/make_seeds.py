#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/TARGET/ from the project's own tests
and examples (tests/queries/*.test, examples/articles, examples/triples.tsv,
examples/entities.jsonl), plus a few hand-made inputs for paths those do
not reach. Deterministic: run it again after changing a source and commit
the difference. File names are a hash of the content, as libFuzzer names
the inputs it keeps."""

import hashlib
import json
import pathlib
import re
import shutil
import struct

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"


def write(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def statements():
    for path in sorted((ROOT / "tests" / "queries").glob("*.test")):
        lines = path.read_text(encoding="utf-8").split("\n")
        i = 0
        while i < len(lines):
            if lines[i].startswith("-STATEMENT "):
                text = [lines[i][len("-STATEMENT "):]]
                i += 1
                while i < len(lines) and not lines[i].startswith("----"):
                    text.append(lines[i])
                    i += 1
                write("statement", "\n".join(text))
            i += 1
    # What the .test files do not show: procedures, paths, parameters,
    # EXPLAIN/PROFILE, UNION, comments.
    for s in [
        "CALL algo.pagerank({}) YIELD node, score RETURN node.name, score ORDER BY score DESC LIMIT 3",
        "CALL algo.betweenness({}) YIELD node, score RETURN node.name, score",
        "CALL algo.wcc({}) YIELD node, component RETURN component, count(*)",
        "CALL algo.degree({direction: 'out'}) YIELD node, degree RETURN node.name, degree",
        "CALL db.labels() YIELD label RETURN label",
        "CALL kg.merge('Jonas Berg', 'Marta Lind')",
        "MATCH p = shortestPath((a {name: $name})-[*..6]-(b {name: 'Eira Dahl'})) RETURN p, length(p)",
        "MATCH p = allShortestPaths((a:Person)-[*]-(b:City)) RETURN [n IN nodes(p) | n.name]",
        "MATCH (n {name: 'Marta Lind'})-[*1..2]-(m) RETURN DISTINCT m.name",
        "EXPLAIN MATCH (n:Person)-[:meet_with]->(m) RETURN m.name",
        "PROFILE MATCH (a)-[r]->(b) WHERE r.count > 1 RETURN a, r, b ORDER BY r.count DESC SKIP 1 LIMIT 10",
        "MATCH (a) RETURN a.name AS x UNION MATCH (b) RETURN b.name AS x",
        "OPTIONAL MATCH (a:Nothing) RETURN a",
        "UNWIND $list AS x WITH x WHERE x IS NOT NULL RETURN x, $n * $x // comment",
        "MERGE (a:Person {name: 'Ola'}) ON CREATE SET a.age = 3 RETURN a",
        "MATCH (a {name: 'Kelvik'}) DETACH DELETE a",
        "CREATE (a:X {v: [1, 2.5, 'x', null, {k: true}]})-[:R {w: -1}]->(b) RETURN a, b",
        "MATCH (a)-[r]->(a) RETURN a.name, type(r), r.negated, r.confidence, properties(r)",
        "RETURN 'caf\u00e9' =~ 'c.*', \"x\" + 1, 1 / 0, -9223372036854775808, 1e308 * 10, [x IN range(1, 5) WHERE x % 2 = 0 | x ^ 2]",
        "RETURN CASE WHEN 1 < 2 THEN 'a' ELSE 'b' END, exists((:Person)-->()), size('abc'), substring('quiver', 1, 3)",
    ]:
        write("statement", s)


def documents():
    articles = sorted((ROOT / "examples" / "articles").iterdir())
    for path in articles:
        text = path.read_text(encoding="utf-8")
        write("document_reader", ("m" if path.suffix == ".md" else "t") + text)
    first = articles[0].read_text(encoding="utf-8")
    paragraphs = [p for p in first.split("\n") if p.strip()]
    html = ("<!DOCTYPE html><html><head><title>" + paragraphs[0] +
            "</title><style>p{}</style><script>var x = '<p>';</script></head><body>"
            "<nav><a href='/'>Home</a></nav><article><h1>" + paragraphs[0] + "</h1>" +
            "".join("<p>" + p + "</p>" for p in paragraphs[1:]) +
            "<ul><li>one &amp; two</li></ul><br><table><tr><td>cell</td></tr></table>"
            "</article><footer>footer</footer></body></html>")
    write("document_reader", "h" + html)
    lines = []
    for i, path in enumerate(articles):
        text = path.read_text(encoding="utf-8").split("\n", 1)
        lines.append(json.dumps({"id": i if i % 2 else str(i), "title": text[0],
                                 "text": text[1] if len(text) > 1 else "",
                                 "url": "https://example.org/%d" % i, "date": "2026-01-0%d" % (i + 1)},
                                ensure_ascii=bool(i % 2)))
    lines.append('{"text": ""}')
    lines.append("not json")
    write("document_reader", "j" + "\n".join(lines) + "\n")


def sentences():
    for path in sorted((ROOT / "examples" / "articles").iterdir()):
        text = path.read_text(encoding="utf-8")
        for line in text.split("\n"):
            line = line.strip().lstrip("# ")
            for s in re.split(r"(?<=[.!?])\s+", line):
                if len(s.split()) >= 3:
                    write("sentence", s)
    # Two sentences, so entity resolution sees a short form and a pronoun.
    write("sentence", "Marta Lind met Jonas Berg in Kelvik. Lind said he would not oppose the plan.")
    write("sentence", "\u201cWe will build it,\u201d the mayor of Kelvik said on Monday; the union disagreed.")


def triples():
    tsv = (ROOT / "examples" / "triples.tsv").read_text(encoding="utf-8")
    write("triple_file", "t" + tsv)
    jsonl = (ROOT / "examples" / "entities.jsonl").read_text(encoding="utf-8")
    write("triple_file", "j" + jsonl)
    write("triple_file", 't# comment\r\n\nA\tB\tC\n\t\t\nA\tB\n' + "x\t" * 6 + "\n")
    write("triple_file", 'j{"subject": 1}\n[1]\n{"subject": "a", "relation": "r", "object": "b", '
          '"subject_labels": "L"}\n{bad\n')


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def lp(s):
    s = s.encode("utf-8") if isinstance(s, str) else s
    return varint(len(s)) + s


def strings(v):
    return varint(len(v)) + b"".join(lp(s) for s in v)


def value(v):
    # Value::Type tags (include/quiver/value.h).
    if v is None:
        return b"\x00"
    if isinstance(v, bool):
        return b"\x01" + (b"\x01" if v else b"\x00")
    if isinstance(v, int):
        return b"\x02" + varint(((v << 1) ^ (v >> 63)) & 0xFFFFFFFFFFFFFFFF)
    if isinstance(v, float):
        return b"\x03" + struct.pack(">d", v)
    if isinstance(v, str):
        return b"\x04" + lp(v)
    if isinstance(v, list):
        return b"\x05" + varint(len(v)) + b"".join(value(e) for e in v)
    return b"\x06" + vmap(v)


def vmap(m):
    return varint(len(m)) + b"".join(lp(k) + value(v) for k, v in sorted(m.items()))


def records():
    # The first byte picks the decoder (fuzz/fuzz_records.cc); records start
    # with kRecordFormat = 1.
    props = {"name": "Marta Lind", "age": 52, "score": 0.5, "tags": ["a", None, True], "m": {"k": -3}}
    write("records", b"\x00\x01" + strings(["Person"]) + strings(["Lind", "Marta"]) + vmap(props) + varint(3))
    write("records", b"\x01\x01" + struct.pack(">QQI", 1, 2, 7) + vmap({"count": 2, "negated": False}))
    write("records", b"\x02\x01" + varint(0) + varint(12) + lp("Lind met Berg.") + lp("notes") +
          lp("Lind") + lp("") + lp("short form") + lp(""))
    write("records", b"\x03\x01" + lp("a.txt") + lp("Title") + lp("2026-01-01") + lp("") +
          lp(bytes(range(16))) + varint(4))
    write("records", b"\x04\x01" + varint(2) + b"\x01" + strings(["Lind"]) + strings(["Person"]) +
          strings([]) + strings(["Person"]) + varint(1) + lp("Lind") + lp("Marta Lind") + lp("") +
          lp("new node") + varint(2))
    write("records", b"\x05" + struct.pack(">d", 0.9) + b"\x01" + lp("met with") + vmap({"in": "Kelvik"}))
    write("records", b"\x05" + struct.pack(">d", 0.25))
    write("records", b"\x06" + value([1, -1, 2.5, "x", [None], {"a": False}]))
    write("records", b"\x07" + vmap(props))
    write("records", b"\x08\x00\x81\x01\x01\x7f\x02abcd\x03abcdefgh\x04\x03xyz")
    write("records", b"\x09" + struct.pack(">QIQQ", 1, 2, 3, 4))
    write("records", b"\x0a" + struct.pack(">QIQQ", 3, 2, 1, 4))
    write("records", b"\x0b" + struct.pack(">IQQQ", 2, 1, 3, 4))
    write("records", b"\x0c" + struct.pack(">QQI", 4, 5, 6))
    write("records", b"\x0ce" + struct.pack(">QQI", 5, 4, 6))
    write("records", b"\x0dn" + struct.pack(">QQ", 5, 1))
    write("records", b"\x0e" + b"ab\xff\xff")


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    statements()
    documents()
    sentences()
    triples()
    records()
    for d in sorted(OUT.iterdir()):
        print("%s: %d inputs" % (d.relative_to(ROOT), len(list(d.iterdir()))))


if __name__ == "__main__":
    main()
