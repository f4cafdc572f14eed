#!/usr/bin/env python3
"""Checks the DOM a browser built from an `extract --format html` page against `extract --format json` of the same
input: one <mark> per entity, in order, with its type, offsets, text and visible label; each document's text read
back whole, with no element in it but the marks and their labels; for JSONL input a section per record headed by its
id; and no <script> element anywhere (markup in the input must stay text).

    python3 check_dom.py PAGE.dom.html RESULTS.json

The DOM is parsed with html.parser (the standard library), never matched with patterns. Exits 1 with one line per
mismatch."""
import json
import sys
from html.parser import HTMLParser

# After this many mismatched marks in a document, one missing entity shifts all the rest: the first ones say enough.
MAX_PER_DOCUMENT = 10
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, tag=None, cls=None):
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())]

    def text(self, skip_class=None):
        """The text content; without the elements of class skip_class (the type labels, which a reader does not copy)."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif skip_class is None or skip_class not in child.classes():
                parts.append(child.text(skip_class))
        return "".join(parts)


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(path):
    builder = TreeBuilder()
    with open(path, encoding="utf-8") as f:
        builder.feed(f.read())
    builder.close()
    return builder.root


def normalise_newlines(text):
    # The HTML parser reads CR LF and CR as LF, as the browser shows them.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check(dom_path, json_path):
    with open(json_path, encoding="utf-8") as f:
        records = json.load(f)
    root = parse(dom_path)
    problems = []

    scripts = root.find_all("script")
    if scripts:
        problems.append(f"{len(scripts)} <script> element(s) in the DOM: input markup became markup")
    fragments = root.find_all("div", "ee-entities")
    if len(fragments) != len(records):
        problems.append(f"{len(fragments)} entity fragment(s) in the DOM for {len(records)} document(s)")
    sections = root.find_all("section", "ee-doc")
    with_ids = [r for r in records if "id" in r]
    if with_ids and len(sections) != len(records):
        problems.append(f"{len(sections)} section(s) for {len(records)} JSONL record(s)")
    if not with_ids and sections:
        problems.append("a plain text was rendered in sections")

    total_marks = len(root.find_all("mark"))
    total_entities = sum(len(r["entities"]) for r in records)
    if total_marks != total_entities:
        problems.append(f"{total_marks} highlighted element(s) (<mark>) in the page for {total_entities} entities")

    for number, (record, fragment) in enumerate(zip(records, fragments), start=1):
        where = f"document {number}" + (f" (id {record['id']})" if "id" in record else "")
        if "id" in record and number <= len(sections):
            heading = sections[number - 1].find_all("h2")
            shown = heading[0].text() if heading else None
            if shown != str(record["id"]):
                problems.append(f"{where}: section heading {shown!r}, expected {str(record['id'])!r}")
        blocks = fragment.find_all("div", "ee-text")
        if len(blocks) != 1:
            problems.append(f"{where}: {len(blocks)} text block(s)")
            continue
        foreign = sorted({n.tag for n in blocks[0].walk() if n is not blocks[0]
                          and n.tag != "mark" and not (n.tag == "span" and "ee-label" in n.classes())})
        if foreign:
            problems.append(f"{where}: the text block holds element(s) {foreign}: input markup became markup")
        shown_text = blocks[0].text(skip_class="ee-label")
        if shown_text != normalise_newlines(record["text"]):
            problems.append(f"{where}: the text shown differs from the input text "
                            f"({len(shown_text)} against {len(record['text'])} characters)")
        marks = fragment.find_all("mark")
        before = len(problems)
        for index, (mark, entity) in enumerate(zip(marks, record["entities"])):
            if len(problems) - before >= MAX_PER_DOCUMENT:
                problems.append(f"{where}: (further marks not compared)")
                break
            got = (mark.attrs.get("data-type"), mark.attrs.get("data-start"), mark.attrs.get("data-end"), mark.text(skip_class="ee-label"))
            want = (entity["type"], str(entity["start"]), str(entity["end"]), normalise_newlines(entity["text"]))
            if got != want:
                problems.append(f"{where}: mark {index} is {got}, the JSON entity {want}")
            labels = [n.text() for n in mark.find_all("span", "ee-label")]
            if labels != [entity["type"]]:
                problems.append(f"{where}: mark {index} ({entity['text']!r}) has the label(s) {labels}, expected [{entity['type']!r}]")
            if f"ee-{entity['type'].lower()}" not in mark.classes():
                problems.append(f"{where}: mark {index} ({entity['text']!r}) lacks the class ee-{entity['type'].lower()}")
        if len(marks) != len(record["entities"]):
            problems.append(f"{where}: {len(marks)} mark(s) for {len(record['entities'])} entities")
    return problems, total_marks, len(records)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    found, marks, documents = check(sys.argv[1], sys.argv[2])
    for problem in found:
        print(f"MISMATCH {sys.argv[1]}: {problem}", file=sys.stderr)
    if found:
        sys.exit(1)
    print(f"ok {sys.argv[1]}: {documents} document(s), {marks} highlighted entities matching the JSON, no script element")
