"""Reading reports: encodings, traditional characters, offsets and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import CommitkgError
from graph.reader import decode, normalise, read_report

SAMPLE = "——预计地区生产总值增长8.5%左右；"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
    ],
)
def test_decodings(data: bytes, encoding: str) -> None:
    assert decode(data) == (SAMPLE, encoding)


def test_normalise_keeps_length_and_folds() -> None:
    trad = "——預計地區生產總值增長８．５％左右；臺灣"
    norm = normalise(trad)
    assert len(norm) == len(trad)
    assert norm == "——预计地区生产总值增长8.5%左右；台湾"


def test_only_characters_outside_the_fold_scan_fold() -> None:
    """normalise looks up only what _MAY_FOLD_RE finds: everything else folds to itself."""
    from graph.reader import _MAY_FOLD_RE, _fold_char

    skipped = [chr(c) for c in range(0x30000) if not 0xD800 <= c <= 0xDFFF and not _MAY_FOLD_RE.match(chr(c))]
    assert len(skipped) > 20000  # ASCII, the CJK block, the kept marks
    assert [ch for ch in skipped if _fold_char(ch) != ch] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(CommitkgError, match=message):
        read_report(p)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(CommitkgError, match="no such file"):
        read_report(tmp_path / "nope.txt")
    with pytest.raises(CommitkgError, match="directory"):
        read_report(tmp_path)
