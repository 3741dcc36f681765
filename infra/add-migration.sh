#!/usr/bin/env bash
# Adds a migration with the same name to every provider's migrations project.
# Usage: infra/add-migration.sh NameOfTheChange
set -euo pipefail
name="${1:?usage: infra/add-migration.sh MigrationName}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer Postgres; do dotnet build "core/VoixUsager.Migrations.$provider" -v q -nologo; done
for provider in Sqlite SqlServer Postgres; do
    project="core/VoixUsager.Migrations.$provider"
    echo "== $provider"
    dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
