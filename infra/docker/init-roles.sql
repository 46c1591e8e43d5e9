-- Run once by the postgres image on a fresh volume (as the superuser "postgres").
-- portal_owner owns the database and runs migrations; portal_app owns nothing and cannot bypass RLS.
CREATE ROLE portal_owner LOGIN PASSWORD 'portal_owner' CREATEDB;
CREATE ROLE portal_app LOGIN PASSWORD 'portal_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE portal OWNER portal_owner ENCODING 'UTF8' TEMPLATE template0;
GRANT CONNECT ON DATABASE portal TO portal_app;
