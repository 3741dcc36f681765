# The web application (ASP.NET Core, Razor Pages). Built from the repository root:
#
#   docker build -f infra/web.Dockerfile -t voixusager-web .
#
# Written without a Docker engine at hand: see infra/README.md.

# ---- build ------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the files that decide it only, so that a change to the sources reuses this layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY core/VoixUsager.Core/VoixUsager.Core.csproj core/VoixUsager.Core/
COPY core/VoixUsager.Migrations.Sqlite/VoixUsager.Migrations.Sqlite.csproj core/VoixUsager.Migrations.Sqlite/
COPY core/VoixUsager.Migrations.SqlServer/VoixUsager.Migrations.SqlServer.csproj core/VoixUsager.Migrations.SqlServer/
COPY core/VoixUsager.Migrations.Postgres/VoixUsager.Migrations.Postgres.csproj core/VoixUsager.Migrations.Postgres/
COPY web/VoixUsager.Web.csproj web/
RUN dotnet restore web/VoixUsager.Web.csproj

COPY core/ core/
COPY web/ web/
RUN dotnet publish web/VoixUsager.Web.csproj --configuration Release --no-restore --output /app -p:UseAppHost=false

# ---- run --------------------------------------------------------------------------------------------
# The Ubuntu-based aspnet image (not the chiseled one): it has ICU (culture-aware formatting, the app
# sets InvariantGlobalization=false), tzdata (Europe/Paris and the overseas zones for working days) and
# bash, which the health check below uses since the image has neither curl nor wget. SkiaSharp needs no
# system package: its native library comes from SkiaSharp.NativeAssets.Linux.NoDependencies and the
# charts' font is embedded in the application.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./

# The content root is /app. Its data/ folder is where the app writes when no server is configured (the
# embedded SQLite file, .eml files without an SMTP host): make it writable by the non-root user, and
# mount a volume there if you use it.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080

# The images' non-root "app" user (uid 1654).
USER $APP_UID

# Liveness: the process answers HTTP. /health/live does not touch the database, so a database outage
# does not make every instance "unhealthy" at once; readiness (/health, database reachable) is for the
# load balancer or for compose's depends_on (see infra/compose.yaml).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'

ENTRYPOINT ["dotnet", "VoixUsager.Web.dll"]
