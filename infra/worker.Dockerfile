# The worker (generic host running the Hangfire server). Built from the repository root:
#
#   docker build -f infra/worker.Dockerfile -t voixusager-worker .
#
# Written without a Docker engine at hand: see infra/README.md.

# ---- build ------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the files that decide it only, so that a change to the sources reuses this layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY core/VoixUsager.Core/VoixUsager.Core.csproj core/VoixUsager.Core/
COPY core/VoixUsager.Migrations.SqlServer/VoixUsager.Migrations.SqlServer.csproj core/VoixUsager.Migrations.SqlServer/
COPY core/VoixUsager.Migrations.Postgres/VoixUsager.Migrations.Postgres.csproj core/VoixUsager.Migrations.Postgres/
COPY worker/VoixUsager.Worker.csproj worker/
RUN dotnet restore worker/VoixUsager.Worker.csproj

COPY core/ core/
COPY worker/ worker/
RUN dotnet publish worker/VoixUsager.Worker.csproj --configuration Release --no-restore --output /app -p:UseAppHost=false

# ---- run --------------------------------------------------------------------------------------------
# The aspnet runtime rather than the plain one: VoixUsager.Core has a FrameworkReference to
# Microsoft.AspNetCore.App (Identity, data protection), which the worker loads too. Same image as the
# web otherwise: ICU, tzdata, no system package needed by SkiaSharp.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./

# Where the app writes when no server is configured (.eml files without an SMTP host).
RUN mkdir -p /app/data && chown "$APP_UID" /app/data

# The generic host reads DOTNET_ENVIRONMENT (not ASPNETCORE_ENVIRONMENT).
ENV DOTNET_ENVIRONMENT=Production

# The images' non-root "app" user (uid 1654).
USER $APP_UID

# No HEALTHCHECK: the worker serves no HTTP. It exits with code 2 when the database is SQLite or not yet
# migrated by the web; the orchestrator's restart policy starts it again (see infra/compose.yaml).
ENTRYPOINT ["dotnet", "VoixUsager.Worker.dll"]
