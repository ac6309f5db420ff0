"""The command line: every command of SPEC §6, and the entry point that opens the board."""
