"""The daemon and the user's surface: command line, configuration, scheduling, Telegram, wiring."""
