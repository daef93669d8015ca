"""Where a report goes: the format a file name implies, the outputs refused, and an atomic write.

A report file is written to a temporary file (mode 0600 from its creation) in the target's
folder and then renamed into place, so a failed write leaves any earlier report as it was and
no partial file behind. Nothing but that new file is ever created or changed: no chmod of an
existing path. Some outputs are refused even with ``--force``: an input of the run (overwriting
the export it was made from), a device, a FIFO, or a symbolic link.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from rekruttering.errors import UsageError
from rekruttering.formats import Format, implied_by
from rekruttering.words.catalogue import Lang, text

if TYPE_CHECKING:
    from rekruttering.api import Options



def choose_format(option: Format | str | None, output: Path | None, configured: Format | str | None, lang: Lang
                  ) -> Format:
    """``--format``, else the format the output's name implies, else the config's, else text.

    An explicit ``--format`` that contradicts a known file suffix is refused rather than guessed.
    """
    implied = implied_by(output.suffix) if output is not None else None
    if option is not None and implied is not None and option != implied:
        raise UsageError(text("output.format_conflict", lang, format=option, path=output, implied=implied))
    chosen = Format(option or implied or configured or Format.text)
    if chosen.binary and output is None:
        raise UsageError(text("output.xlsx_needs_file", lang))
    return chosen


def run_inputs(paths: Iterable[Path], options: Options, config: Path | None, key_file: Path | None) -> list[Path]:
    """Every file a run reads: the exports (a folder's spreadsheets included), the side files
    (justifications, workforce, columns, the config, the key file) and the rule pack given by path."""
    from rekruttering.config import CONFIG_NAME
    from rekruttering.read.join import expand_paths

    found = list(expand_paths(paths))
    side = (options.justifications, options.workforce, options.columns, config or Path.cwd() / CONFIG_NAME, key_file)
    found += [path for path in side if path is not None]
    if Path(options.rules).is_file():
        found.append(Path(options.rules))
    return found


def refuse_unsafe(output: Path, force: bool, lang: Lang, inputs: Sequence[Path] = ()) -> None:
    """Raise ``UsageError`` for an output that must not be written: an input of the run, a symbolic
    link, a device, a FIFO or other special file, a folder (whatever ``force``), or an existing file
    without ``force``."""
    if output.is_symlink():  # checked before anything follows the link
        raise UsageError(text("output.symlink", lang, path=output))
    try:
        mode = output.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise UsageError(text("output.unwritable", lang, path=output, error=error.strerror)) from None
    if stat.S_ISDIR(mode):
        raise UsageError(text("output.folder", lang, path=output))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise UsageError(text("output.device", lang, path=output))
    if stat.S_ISFIFO(mode):
        raise UsageError(text("output.fifo", lang, path=output))
    if not stat.S_ISREG(mode):
        raise UsageError(text("output.special", lang, path=output))
    for source in inputs:
        if _same_file(output, source):
            raise UsageError(text("output.is_input", lang, path=output, input=source))
    if not force:
        raise UsageError(text("output.exists", lang, path=output))


def _same_file(output: Path, source: Path) -> bool:
    try:
        return os.path.samefile(output, source)  # follows links; sees hard links too
    except OSError:  # the input does not exist (it cannot be overwritten) or cannot be looked at
        try:
            return output.resolve() == source.resolve()
        except (OSError, RuntimeError):
            return False


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_report(content: str | bytes, output: Path, force: bool, lang: Lang) -> None:
    """``content`` into ``output``, atomically, as a new file readable by its owner only."""
    refuse_unsafe(output, force, lang)  # again: the run may have taken a while
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = output.parent
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)  # mode 0600
    except OSError as error:
        raise UsageError(text("output.unwritable", lang, path=output, error=error.strerror)) from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, output)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise UsageError(text("output.unwritable", lang, path=output, error=error.strerror)) from None
        raise


def say_written(output: Path, quiet: bool, lang: Lang) -> None:
    """One line on stderr naming the file written, unless ``--quiet``."""
    if not quiet:
        print(text("output.written", lang, path=output), file=sys.stderr)
