"""The bot people talk to: commands answered in Telegram chats, on the same store and rules as
the channel's alerts. ``grammar`` reads what users type, ``answers`` writes what they read,
``commands`` decides, ``listener`` runs python-telegram-bot's long polling."""
