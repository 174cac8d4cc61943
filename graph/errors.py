"""The one exception type the command line turns into a single error line."""

from __future__ import annotations


class CommitkgError(Exception):
    """A problem with the user's input or environment, reported as one line."""
