"""Fetch and read: HTTP, site sources, article cleaning and figure extraction.

This package knows nothing of alerts, configuration files or Telegram.
"""
