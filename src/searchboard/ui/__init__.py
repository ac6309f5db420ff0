"""The board: the Textual UI. Textual is imported only from here, only when it opens."""
