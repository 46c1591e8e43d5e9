#!/bin/sh
# Container entrypoint: "web" (default) migrates the database then runs the portal; "worker" runs the
# background job worker; "migrate" only applies migrations.
set -eu
case "${1:-web}" in
  web)
    dotnet /app/migrations/ProcurementPortal.Migrations.dll migrate
    exec dotnet /app/web/ProcurementPortal.Web.dll ;;
  worker)  exec dotnet /app/worker/ProcurementPortal.Worker.dll ;;
  migrate) exec dotnet /app/migrations/ProcurementPortal.Migrations.dll migrate ;;
  *)       exec "$@" ;;
esac
