"""hearsay's command line: one module per command group, all errors printed as one line.

The core raises ``HearsayError``; this shell prints ``hearsay: error: <message>`` on stderr and
exits with a code from ``EXIT_CODES``, never with a traceback.
"""

from __future__ import annotations

import errno

import click

from .. import __version__
from ..errors import HearsayError
from . import output

EXIT_CODES = """\b
Exit codes:
  0    everything worked
  1    some inputs failed, the others worked
  2    usage error (unknown option, bad value)
  3    nothing worked: every input failed, no input was found, or the database could not be used
  130  interrupted (Ctrl-C); documents stored so far are kept
"""


class HearsayGroup(click.Group):
    """A click group that turns errors into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except HearsayError as err:
            output.error(str(err))
            raise SystemExit(3) from None
        except KeyboardInterrupt:
            output.note("interrupted")
            raise SystemExit(130) from None
        except OSError as err:
            if err.errno == errno.EPIPE:  # `hearsay statements | head`: click handles a closed pipe
                raise
            output.error(f"{type(err).__name__}: {err}")
            raise SystemExit(3) from None
        except Exception as err:  # noqa: BLE001 - never a traceback; the message says what to report
            output.error(f"unexpected {type(err).__name__}: {err} (please report this as a hearsay bug)")
            raise SystemExit(3) from None


@click.group(cls=HearsayGroup, epilog=EXIT_CODES, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hearsay", message="%(prog)s %(version)s")
def cli() -> None:
    """Turn news reports into a source-attributed, certainty-aware ledger of claims.

    The database is a SQLite file or a postgresql:// URL: --db, else $HEARSAY_DB, else hearsay.db in the
    current folder.
    """


def _register() -> None:
    from .correct import correct_group
    from .eval import eval_group
    from .export import export_command
    from .ingest import demo, ingest
    from .link import clusters, entities_group, entity, evidence, link, provenance, stories, timeline
    from .query import show, statements
    from .read import read
    from .serve import serve

    for command in (read, ingest, statements, entities_group, show, export_command, demo, eval_group, serve):
        cli.add_command(command)
    for command in (link, entity, stories, clusters, evidence, provenance, timeline, correct_group):
        cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> None:
    """The ``hearsay`` console script."""
    cli.main(args=argv, prog_name="hearsay")
