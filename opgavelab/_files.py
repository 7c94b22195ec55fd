"""Files: written whole or not at all, with names and cells that are safe.

- :func:`atomic_write`: every file opgavelab writes goes through a temporary
  file that is renamed into place; :func:`remove_stale_temporaries` cleans up
  after a run that was killed; :func:`write_error` turns an ``OSError`` into a
  :class:`~opgavelab.WriteError` a person can act on.
- :func:`neutralise`: a text that a spreadsheet would run as a formula is
  written with a leading ``'``.
- :func:`safe_file_name`: an id as a file name on every system.

The public names stay importable from :mod:`opgavelab.io` and
:mod:`opgavelab.export`, where they were first.
"""

from __future__ import annotations

import errno as _errno
import hashlib
import os
import re
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from ._dates import to_timestamp
from ._i18n import message
from .errors import WriteError

__all__ = ["FORMULA_START", "atomic_write", "date_suffix", "neutralise", "remove_stale_temporaries", "safe_file_name",
           "write_error"]

#: Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


#: Names Windows reserves for devices, with any extension ("nul.txt" too).
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
#: Longest slug: a folder and a file name each hold one, and Windows stops
#: at 260 characters for a whole path (most file systems at 255 per name).
_SLUG_MAX = 60


def safe_file_name(text: str) -> str:
    """A file-name-safe version of an id: letters, digits, ``.``, ``_``, ``-``;
    at most 60 characters (a long id keeps its start and gets a short hash of
    the whole, so two long ids stay apart); never a name Windows reserves.

    Parameters
    ----------
    text : str
        An id or name (an opgave id, an actor name); other values are read
        with ``str``.

    Returns
    -------
    str
        A name safe on Windows, macOS and Linux; ``"opgave"`` when nothing
        of ``text`` is left.

    Examples
    --------
    >>> safe_file_name("Économie & werk")
    'conomie-werk'
    >>> safe_file_name("../../etc/passwd")
    'etc-passwd'
    >>> safe_file_name("CON")
    'CON_'
    >>> len(safe_file_name("x" * 250))
    60
    """
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", str(text)).strip(".-")
    if len(s) > _SLUG_MAX:
        digest = hashlib.sha1(str(text).encode("utf-8", "surrogatepass")).hexdigest()[:8]
        s = s[: _SLUG_MAX - 9].rstrip(".-") + "-" + digest
    s = s or "opgave"
    if s.split(".")[0].lower() in _WINDOWS_RESERVED:
        s = s + "_"
    return s


def date_suffix(at) -> str:
    """The date of a snapshot as the end of a file name: ``-2022`` for a year, else ``-2022-06-30``.

    >>> date_suffix(2022), date_suffix("30-6-2022"), date_suffix(None)
    ('-2022', '-2022-06-30', '')
    """
    if at is None:
        return ""
    ts = to_timestamp(at, end=True)
    text = str(at).strip()
    return f"-{ts.year}" if re.fullmatch(r"\d{4}", text) else f"-{ts.strftime('%Y-%m-%d')}"


def neutralise(value):
    """A text that a spreadsheet would run as a formula, made harmless with a leading ``'``.

    Numbers, dates and other values are returned unchanged.

    Parameters
    ----------
    value : object
        A cell value about to be written to a spreadsheet or CSV file.

    Returns
    -------
    object
        ``value`` with a ``'`` in front when it is a str starting with ``=``,
        ``+``, ``-`` or ``@``; otherwise ``value`` itself.

    Examples
    --------
    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("-5"), neutralise(-5), neutralise("Gemeente A")
    ("'-5", -5, 'Gemeente A')
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


@contextmanager
def atomic_write(path, overwrite: bool = False, suffix: str | None = None, lang: str = "nl"):
    """Write a file through a temporary file that is renamed into place.

    An interrupted write leaves no half-written file, and an existing file is
    kept unless ``overwrite`` is true.

    Parameters
    ----------
    path : str or path-like
        The file to write; its folder is made when missing.
    overwrite : bool, default False
        Replace an existing file.
    suffix : str, optional
        Suffix of the temporary file (default ``path``'s), for writers that
        choose the format by the file name.
    lang : {"nl", "en"}, default "nl"
        Language of a :class:`~opgavelab.WriteError`'s message.

    Yields
    ------
    pathlib.Path
        The temporary path to write to.

    Raises
    ------
    FileExistsError
        ``path`` exists and ``overwrite`` is false.
    opgavelab.WriteError
        The file or its folder cannot be written (disk full, no permission,
        read-only drive, a file where a folder should be, a name too long);
        the temporary file is removed.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> with atomic_write(folder / "notities.txt") as tmp:
    ...     _ = tmp.write_text("klaar", encoding="utf-8")
    >>> (folder / "notities.txt").read_text(encoding="utf-8")
    'klaar'
    >>> [p.name for p in folder.iterdir()]  # the temporary file is gone
    ['notities.txt']
    >>> shutil.rmtree(folder)
    """
    path = Path(path)
    if path.exists() and not overwrite:
        msg = f"{path} already exists; pass overwrite=True (or --force) to replace it."
        raise FileExistsError(msg)
    tmp_path = None
    try:
        _make_folder(path.parent, lang)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=_TMP_MARK + (suffix or path.suffix),
                                   dir=path.parent)
        os.close(fd)
        tmp_path = Path(tmp)
        yield tmp_path
        # mkstemp makes the file private (0600); give it the usual permissions
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)
        os.replace(tmp_path, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if isinstance(exc, WriteError):
            raise
        raise write_error(path, exc, lang) from None
    finally:
        if tmp_path is not None and tmp_path.exists():
            try:
                tmp_path.unlink()
            except OSError:
                pass


#: Temporary files end in this, so that a run killed mid-write can be cleaned
#: up by the next (see :func:`remove_stale_temporaries`).
_TMP_MARK = ".opgavelab-tmp"


def remove_stale_temporaries(folder, older_than: float = 3600.0) -> int:
    """Remove temporary files of :func:`atomic_write` left in ``folder`` (and
    its subfolders) by a run that was killed, if older than ``older_than``
    seconds.

    Parameters
    ----------
    folder : str or path-like
        The output folder to clean; a folder that does not exist is left
        alone.
    older_than : float, default 3600.0
        Age in seconds (since the last change) a temporary file must have, so
        that a write still running in another process keeps its file.

    Returns
    -------
    int
        How many files were removed. A file that cannot be removed is skipped.

    Examples
    --------
    >>> import os, shutil, tempfile, time
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> left = folder / ".rapport-x1y2.opgavelab-tmp.xlsx"
    >>> _ = left.write_bytes(b"")
    >>> remove_stale_temporaries(folder)  # too young: a write may still be running
    0
    >>> os.utime(left, (time.time() - 7200, time.time() - 7200))
    >>> remove_stale_temporaries(folder), left.exists()
    (1, False)
    >>> shutil.rmtree(folder)
    """
    folder = Path(folder)
    count = 0
    if not folder.is_dir():
        return 0
    now = time.time()
    for p in folder.rglob(f".*{_TMP_MARK}*"):
        try:
            if p.is_file() and not p.is_symlink() and now - p.stat().st_mtime > older_than:
                p.unlink()
                count += 1
        except OSError:
            pass
    return count


def _make_folder(folder: Path, lang: str = "nl") -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(exc, (FileExistsError, NotADirectoryError)) or exc.errno in (_errno.EEXIST, _errno.ENOTDIR):
            # name the file that stands where a folder should be
            culprit = next((p for p in [folder, *folder.parents] if p.exists() and not p.is_dir()), folder)
            exc = NotADirectoryError(_errno.ENOTDIR, os.strerror(_errno.ENOTDIR), str(culprit))
        raise write_error(folder, exc, lang) from None


def write_error(path, exc: OSError, lang: str = "nl"):
    """An OSError from writing ``path`` as a :class:`~opgavelab.WriteError`
    with one clear message and what to do.

    Parameters
    ----------
    path : str or path-like
        The file that was being written (the error's own file name wins when
        it has one).
    exc : OSError
        The error; its ``errno`` chooses the message (disk full, no
        permission, read-only drive, name too long, not a folder, a folder).
    lang : {"nl", "en"}, default "nl"
        Language of the message and the hint.

    Returns
    -------
    opgavelab.WriteError
        Not raised here: the caller raises it (``raise write_error(...) from
        None``). It keeps ``path``, ``errno``, ``message`` and ``hint``.

    Examples
    --------
    >>> import errno
    >>> err = write_error("uit/rapport.xlsx", OSError(errno.ENOSPC, "No space left on device"), lang="en")
    >>> err.message
    'uit/rapport.xlsx cannot be written: the disk is full (No space left on device).'
    >>> err.errno == errno.ENOSPC
    True
    """
    code = getattr(exc, "errno", None)
    keys = {_errno.ENOSPC: "write_disk_full", _errno.EACCES: "write_no_permission",
            _errno.EPERM: "write_no_permission", _errno.EROFS: "write_read_only",
            _errno.ENAMETOOLONG: "write_name_too_long", _errno.ENOTDIR: "write_not_a_folder",
            _errno.EISDIR: "write_is_a_folder"}
    if getattr(_errno, "EDQUOT", None) is not None:
        keys[_errno.EDQUOT] = "write_disk_full"
    key = keys.get(code, "write_failed")
    where = getattr(exc, "filename", None) or path
    return WriteError(message(key, lang, path=where, detail=getattr(exc, "strerror", None) or str(exc)),
                      message(key + "_hint", lang), path=str(where), errno=code)
