"""Minutes (compte rendu): a database-free document model, its exports and their verification."""
