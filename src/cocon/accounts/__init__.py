"""Accounts: people who sign in, their passwords and preferences."""
