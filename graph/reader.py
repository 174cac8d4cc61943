"""Reading a report: bytes → text as read, plus a normalised copy for matching.

The normalised text has exactly the same length as the text as read, so every
offset found by matching on it points into the text as read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import CommitkgError

__all__ = ["ReportText", "decode", "normalise", "read_report"]

# Characters that NFKC would fold but that carry meaning in this genre.
_KEEP = frozenset("——…“”‘’《》、。，；：？！（）")
_EXTRA_FOLD = {"～": "~", "〜": "~", "－": "-", "—": "—", "．": ".", "﹪": "%"}


@dataclass(frozen=True)
class ReportText:
    """A report as read: where it came from, its text and the normalised copy."""

    path: Path
    text: str
    norm: str
    encoding: str


def decode(data: bytes, *, name: str = "input") -> tuple[str, str]:
    """Decode report bytes: UTF-8 (with or without BOM), else GB18030/GBK.

    >>> decode("报告".encode("gbk"))
    ('报告', 'gb18030')
    """
    if not data.strip():
        raise CommitkgError(f"{name}: the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CommitkgError(f"{name}: binary file, not a text report")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff"), enc
            except UnicodeDecodeError as exc:
                raise CommitkgError(f"{name}: not valid {enc} text ({exc.reason})") from None
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise CommitkgError(f"{name}: binary file or unknown text encoding")
    return str(best), best.encoding


@lru_cache(maxsize=1)
def _t2s() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def _fold_char(ch: str) -> str:
    if ch in _KEEP:
        return ch
    if ch in _EXTRA_FOLD:
        return _EXTRA_FOLD[ch]
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each character once, on first sight."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()
# ASCII, the CJK unified ideographs and the kept marks fold to themselves: only the runs of
# other characters (full-width forms, ％, 〜 …) are looked up, found by one regex scan
_MAY_FOLD_RE = re.compile("[^\x00-\x7f\u4e00-\u9fff" + re.escape("".join(sorted(_KEEP))) + "]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_FOLD)


def normalise(text: str) -> str:
    """Fold full-width forms and traditional characters, keeping the length.

    >>> normalise("國內生產總值增長６．５％")
    '国内生产总值增长6.5%'
    """
    folded = text if text.isascii() else _MAY_FOLD_RE.sub(_fold_run, text)
    converter = _t2s()
    if folded.isascii():
        return folded
    # the whole text in one call (a phrase never runs over a line end); line by line only
    # when some line changed length
    simple = converter.convert(folded)  # type: ignore[attr-defined]
    if [len(x) for x in simple.splitlines()] == [len(x) for x in folded.splitlines()]:
        return simple
    out: list[str] = []
    for line in folded.splitlines(keepends=True):
        if line.isascii():
            out.append(line)
            continue
        simple = converter.convert(line)  # type: ignore[attr-defined]
        if len(simple) != len(line):
            # A phrase rule changed the length: convert char by char so offsets hold.
            simple = "".join(
                c if len(c := converter.convert(ch)) == 1 else ch  # type: ignore[attr-defined]
                for ch in line
            )
        out.append(simple)
    return "".join(out)


def read_report(path: Path) -> ReportText:
    """Read one report file; every problem becomes one :class:`CommitkgError`."""
    name = str(path)
    if not path.exists():
        raise CommitkgError(f"{name}: no such file")
    if path.is_dir():
        raise CommitkgError(f"{name}: is a directory, not a report file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommitkgError(f"{name}: cannot read ({exc.strerror})") from None
    text, encoding = decode(data, name=name)
    if _control_ratio(text) > 0.01:
        raise CommitkgError(f"{name}: binary file, not a text report")
    return ReportText(path=path, text=text, norm=normalise(text), encoding=encoding)


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\t")
    return bad / max(len(sample), 1)
