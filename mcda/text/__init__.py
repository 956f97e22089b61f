"""Every user-facing sentence, in Chinese and English."""
