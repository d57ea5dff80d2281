"""Decide, remember, deliver: rules, the SQLite store, message rendering and the outbox.

This package knows the scrapers' data types, but nothing of Telegram or configuration files.
"""
