"""The speed benchmark (SPEC §8): the board, `today` and a card move, timed side by side
with a bare Textual app and taskwarrior in the same run. Run it with
`python -m searchboard.bench`; see `__main__.py`.
"""


class HarnessError(Exception):
    """The benchmark itself could not measure something (not a missed target)."""
