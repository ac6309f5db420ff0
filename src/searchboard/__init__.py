"""searchboard: a terminal dashboard for an active job search."""

__version__ = "0.1.0"
