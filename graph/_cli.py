"""The ``conflict-kg`` command line: a thin layer over the public API of both packages.

Each subcommand is one ``add_<name>_command(subparsers)`` function that adds
its parser and sets ``func`` to the function running it, in the module of its
group (:mod:`._cli_extract`, :mod:`._cli_store`, :mod:`._cli_query`; what they
share is in :mod:`._cli_common`); :data:`COMMANDS` lists them. Every
:class:`ConflictKGError`, :class:`OSError` and Ctrl-C ends as one line
``conflict-kg: error: ...`` on stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any, NoReturn

from conflict_kg.extract import ConflictKGError

from ._cli_common import PROG, Subparsers, say
from ._cli_extract import add_evaluate_command, add_extract_command
from ._cli_query import add_plot_command, add_query_command, add_serve_command
from ._cli_store import add_export_command, add_ingest_command, add_remove_command, add_stats_command

__all__ = ["COMMANDS", "PROG", "build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {message} (see `{self.prog} --help`)\n")


#: One function per subcommand; to add a command, write ``add_<name>_command`` and list it here.
COMMANDS: list[Callable[[Subparsers], None]] = [
    add_extract_command,
    add_query_command,
    add_evaluate_command,
    add_ingest_command,
    add_remove_command,
    add_export_command,
    add_stats_command,
    add_serve_command,
    add_plot_command,
]


def _version() -> str:
    """The installed distribution's version (``0+unknown`` when run from an uninstalled tree)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(PROG)
    except PackageNotFoundError:
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    """The ``conflict-kg`` parser with every subcommand of :data:`COMMANDS`."""
    parser = _Parser(prog=PROG, description="Turn conflict news into a queryable knowledge graph.")
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)
    for register in COMMANDS:
        register(subparsers)
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv``; ``query`` also takes its query text after an option (``query G --format csv 'Q'``)."""
    args, extra = parser.parse_known_args(argv)
    if extra and args.command == "query" and not any(e.startswith("-") and e != "-" for e in extra):
        args.args = [*args.args, *extra]
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _fail(message: str) -> None:
    say("error", message)


class _Stopped(KeyboardInterrupt):
    """Raised by the SIGTERM/SIGHUP handler, so that ``finally`` blocks run (no ``.part`` file stays)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stopped(signum)


def _on_termination(handler: Any) -> dict[int, Any]:
    """Install ``handler`` for SIGTERM and SIGHUP (main thread only); the handlers it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    return {signum: signal.signal(signum, handler) for signum in wanted}


def _os_message(exc: OSError) -> str:
    if exc.filename is not None:
        return f"{exc.strerror or exc}: {str(exc.filename)!r}"
    return exc.strerror or str(exc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``conflict-kg`` with ``argv`` (default: the command line); return the exit status.

    SIGTERM and SIGHUP stop it like Ctrl-C: temporary files are removed and the
    exit status is 128 plus the signal's number.
    """
    previous = _on_termination(_stop)
    try:
        args = _parse(build_parser(), argv)
        return int(args.func(args) or 0)
    except SystemExit as exc:  # --help, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except BrokenPipeError:  # `conflict-kg ... | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except ConflictKGError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(_os_message(exc))
    except _Stopped as exc:
        _fail(f"stopped by {signal.Signals(exc.signum).name}")
        return 128 + exc.signum
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
