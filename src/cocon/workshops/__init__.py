"""Thematic workshops (ateliers thématiques) and their forum: threads, posts, moderation."""
