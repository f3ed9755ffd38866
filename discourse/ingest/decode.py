"""Reading input files as text: encodings, line ends, and refusing what is not text.

Saved pages arrive as UTF-8 (sometimes with a byte-order mark), as Windows-1252 from older
Windows tools, and with CRLF or CR line ends. This module is the only place that turns bytes
into text; everything after it sees ``str`` with ``\\n`` line ends.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from discourse.errors import InputError

# Bytes looked at to decide whether a file is binary: enough to see a format's header.
_SNIFF = 8192
# Share of control characters (other than tab, newline, CR, form feed) above which a file
# that decodes is still treated as binary rather than text.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f")
# The control characters counted: every character below a space but those of _TEXT_CONTROLS.
_CONTROL_CHARS = "".join(chr(c) for c in range(32) if chr(c) not in _TEXT_CONTROLS)
_CONTROL = re.compile("[" + re.escape(_CONTROL_CHARS) + "]")
_CONTROL_BYTES = _CONTROL_CHARS.encode("ascii")


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text with normalised line ends, and how it was decoded."""

    text: str
    encoding: str
    warnings: tuple[str, ...]


def read_bytes(path: Path) -> bytes:
    """Read a file, turning every OS failure into an ``InputError`` naming the file.

    Args:
        path: the file.

    Returns:
        Its bytes.
    """
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except PermissionError:
        raise InputError("cannot be read: permission denied", path=path) from None
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror or error}", path=path) from None


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into ``\\n``."""
    if "\r" not in text:  # one scan of the text, where the two replacements would be two
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, path: str | Path) -> DecodedText:
    """Decode a file's bytes as text.

    UTF-8 (with or without BOM) first; UTF-16 when it carries a BOM; otherwise Windows-1252,
    with a warning, since that is what older Windows tools save.

    Args:
        data: the raw bytes.
        path: the file name, for messages.

    Returns:
        The decoded text with ``\\n`` line ends.

    Raises:
        InputError: the file is empty, binary, or decodes as neither encoding.
    """
    if not data.strip():
        raise InputError("empty file (no text)", path=path)
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError("undecodable: broken UTF-16 text", path=path) from None
    else:
        if b"\x00" in data[:_SNIFF]:
            raise InputError("binary file (contains NUL bytes), not text", path=path)
        try:
            encoding = "utf-8-sig"
            text = data.decode(encoding)
        except UnicodeDecodeError as utf8_error:
            encoding = "cp1252"
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"undecodable: neither UTF-8 (byte {data[utf8_error.start]:#04x} at offset "
                    f"{utf8_error.start}) nor Windows-1252 (byte {data[error.start]:#04x})",
                    path=path,
                ) from None
            warnings.append(
                f"not valid UTF-8 (byte {data[utf8_error.start]:#04x} at offset "
                f"{utf8_error.start}); decoded as Windows-1252"
            )
    sample = text[:_SNIFF]
    controls = 0
    # UTF-8 and Windows-1252 text holds a control character only where the bytes hold that
    # byte value, so the regex pass (a test per character) is only needed when they do.
    if encoding == "utf-16" or len(data.translate(None, _CONTROL_BYTES)) != len(data):
        # Counted by one regex pass rather than a Python loop over 8,192 characters.
        controls = len(_CONTROL.findall(sample))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError("binary file (mostly control characters), not text", path=path)
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError("empty file (only whitespace)", path=path)
    return DecodedText(text=text, encoding=encoding, warnings=tuple(warnings))


def read_text(path: Path) -> DecodedText:
    """Read and decode a text file (see ``decode_bytes``).

    Args:
        path: the file.

    Returns:
        Its decoded text.
    """
    return decode_bytes(read_bytes(path), path)
