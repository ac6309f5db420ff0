"""Storage: the only code that imports TinyDB."""

from searchboard.storage.errors import DataFileError, LockTimeout
from searchboard.storage.store import SCHEMA_VERSION, Snapshot, Store

__all__ = ["SCHEMA_VERSION", "DataFileError", "LockTimeout", "Snapshot", "Store"]
