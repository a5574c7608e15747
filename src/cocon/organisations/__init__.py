"""The territory's ESS actors: organisations, affiliations, the directory and its diagnosis."""
