"""One blueprint per domain; each is registered explicitly in create_app."""
