"""A small ElementTree builder for the e-invoices: deterministic, indented UTF-8 bytes.

The standard library's ElementTree writes every attribute in the order given and nothing
that depends on the clock or the machine, so the same document gives the same bytes.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET


class Tree:
    """A document under construction: its root, and the prefixes its namespaces print as."""

    def __init__(self, root: str, *, default: str | None = None,
                 prefixes: dict[str, str] | None = None, **attributes: str) -> None:  # fmt: skip
        self.default = default
        self.prefixes = prefixes or {}
        self.root = ET.Element(f"{{{default}}}{root}" if default else root, attributes)

    def add(self, parent: ET.Element, tag: str, text: str | None = None,
            **attributes: str) -> ET.Element:  # fmt: skip
        element = ET.SubElement(parent, tag, attributes)
        if text is not None:
            element.text = text
        return element

    def to_bytes(self) -> bytes:
        # The default namespace as a prefix of "": ElementTree's own default_namespace option
        # refuses the attributes UBL leaves unqualified (currencyID, schemeID).
        for prefix, uri in {
            **({"": self.default} if self.default else {}),
            **self.prefixes,
        }.items():
            ET.register_namespace(prefix, uri)
        ET.indent(self.root, space="  ")
        body = ET.tostring(self.root, encoding="unicode")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode()
