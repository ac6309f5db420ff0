"""The domain: stages, applications, business days and the rules.

Pure Python. Nothing here imports Textual or TinyDB, and nothing reads the clock:
every rule takes `today` as an argument.
"""
