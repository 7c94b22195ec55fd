"""Text that is safe to print to a terminal, and JSON that is safe to show.

A cell value printed raw can drive the terminal: ``\\x1b]0;PWNED\\x07`` sets
the window title, ``\\x1b[2J`` clears the screen, U+202E turns the rest of the
line around. Control characters (C0 but newline, C1, DEL) and the bidi
embedding/override/isolate characters are shown as visible escapes instead.

>>> safe("gem\\x1b[2J")
'gem\\\\x1b[2J'
>>> safe("a\\u202eb")
'a\\\\u202eb'
"""

from __future__ import annotations

import json
import re

__all__ = ["safe", "dumps"]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb\ud800-\udfff]")
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text) -> str:
    """``text`` with every character that could steer a terminal escaped."""
    return _UNSAFE.sub(_escape, str(text))


def dumps(obj, **kwargs) -> str:
    """``json.dumps`` that keeps letters readable (``ensure_ascii=False``) but
    escapes what a terminal could act on (json already escapes C0)."""
    text = json.dumps(obj, ensure_ascii=False, **kwargs)
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
