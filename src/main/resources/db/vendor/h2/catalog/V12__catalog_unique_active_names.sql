-- H2 has no partial indexes: the application enforces unique active names and the single initial status.
SELECT 1;
