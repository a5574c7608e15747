"""Councils, their colleges and members."""
