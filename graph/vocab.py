"""RDF namespaces and IRI minting shared by every stage that writes RDF."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

CK = Namespace("https://w3id.org/commitkg/ontology#")
DEFAULT_BASE = "https://w3id.org/commitkg/id/"
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, Namespace] = {
    "ck": CK,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "schema": SCHEMA,
    "org": ORG,
    "qb": QB,
    "oa": OA,
}

__all__ = ["CK", "DEFAULT_BASE", "PREFIXES", "Minter", "slug"]


def slug(text: str) -> str:
    """An ASCII path segment for *text*: readable when it is ASCII, hashed when not.

    >>> slug("xinbei-2024-plan-report")
    'xinbei-2024-plan-report'
    """
    ascii_part = re.sub(r"[^A-Za-z0-9._-]+", "-", unicodedata.normalize("NFKC", text)).strip("-")
    if ascii_part and ascii_part.isascii() and len(ascii_part) >= len(text) * 0.8:
        return ascii_part[:80]
    return (ascii_part[:40] + "-" if ascii_part else "") + _digest(text, size=10)


def _digest(*parts: object, size: int = 12) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:size]


class Minter:
    """Deterministic IRIs under a configurable base: same input, same IRIs."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def iri(self, kind: str, *key: object) -> URIRef:
        return URIRef(self.iri_text(kind, *key))

    def report(self, report_id: str) -> URIRef:
        return URIRef(self.report_text(report_id))

    def in_report(self, report_id: str, kind: str, *key: object) -> URIRef:
        return URIRef(self.in_report_text(report_id, kind, *key))

    # The same IRIs as plain strings, for writers that make no rdflib terms.

    def iri_text(self, kind: str, *key: object) -> str:
        """:meth:`iri` as a plain string.

        >>> m = Minter()
        >>> m.iri_text("indicator", "地区生产总值") == str(m.iri("indicator", "地区生产总值"))
        True
        """
        return f"{self.base}{kind}/{_digest(*key)}"

    def report_text(self, report_id: str) -> str:
        return f"{self.base}report/{report_id}"

    def in_report_text(self, report_id: str, kind: str, *key: object) -> str:
        return f"{self.base}report/{report_id}/{kind}/{_digest(*key)}"
