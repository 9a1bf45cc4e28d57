-- Run once by the postgres image on first start (docker-compose.yml mounts it into
-- /docker-entrypoint-initdb.d): tests use their own database, next to the app's.
CREATE DATABASE tenderledger_test;
