"""docs/cli.md, the command-line reference, written from the commands' own ``--help`` so it cannot drift.

``scripts/cli_reference`` writes the file; ``tests/test_docs.py`` fails when it differs from ``render()``.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

# Fixed, so that the reference does not depend on the terminal it was written from.
WIDTH = 100

HEADER = """\
# Command-line reference

Every `hearsay` command's `--help`, as this version prints it. Written by `scripts/cli_reference` from the
commands themselves (a test fails when this file is out of date); the README's command list is the short form.
"""


def walk(
    command: click.Command, parent: click.Context | None = None, name: str = "hearsay"
) -> Iterator[click.Context]:
    """A context for ``command`` and each subcommand, depth first, in the order ``--help`` lists them."""
    settings = {**command.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    context = click.Context(command, info_name=name, parent=parent, **settings)
    yield context
    if isinstance(command, click.Group):
        for sub_name in command.list_commands(context):
            sub = command.get_command(context, sub_name)
            if sub is not None and not sub.hidden:
                yield from walk(sub, context, sub_name)


def render(root: click.Command | None = None) -> str:
    """The whole reference as Markdown: one section per command, its help in a code block."""
    from . import cli

    sections = [HEADER]
    for context in walk(root or cli):
        help_text = context.command.get_help(context).rstrip()
        sections.append(f"## {context.command_path}\n\n```\n{help_text}\n```\n")
    return "\n".join(sections)
