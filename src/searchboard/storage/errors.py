"""What storage says when it refuses a file."""

from __future__ import annotations


class DataFileError(Exception):
    """The data file cannot be used as it is; the message names it and says what to do."""


class LockTimeout(DataFileError):
    """Another process has held the data file's lock for too long."""
