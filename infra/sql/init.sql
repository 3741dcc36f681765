-- Run by the sql-init service of infra/compose.yaml at every `up`, as sa; idempotent.
-- Creates the VoixUsager database with READ_COMMITTED_SNAPSHOT on (readers never block the survey's
-- writes, writers never block the dashboards) and the application's own login, so the web and the
-- worker do not connect as sa. The schema itself is created by the web's EF Core migrations.
-- AppPassword is a sqlcmd scripting variable, given on the command line (-v AppPassword=...).

IF DB_ID(N'VoixUsager') IS NULL
    CREATE DATABASE [VoixUsager];
GO

IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N'VoixUsager' AND is_read_committed_snapshot_on = 0)
    ALTER DATABASE [VoixUsager] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO

-- ALTER on every run, so that changing VOIXUSAGER_DB_PASSWORD in infra/.env rotates the password.
IF SUSER_ID(N'voixusager') IS NULL
    CREATE LOGIN [voixusager] WITH PASSWORD = N'$(AppPassword)', DEFAULT_DATABASE = [VoixUsager];
ELSE
    ALTER LOGIN [voixusager] WITH PASSWORD = N'$(AppPassword)';
GO

USE [VoixUsager];
GO

IF USER_ID(N'voixusager') IS NULL
    CREATE USER [voixusager] FOR LOGIN [voixusager];
GO

-- db_owner: the web applies the EF Core migrations (DDL) at start-up with this same login, and
-- Hangfire's SQL Server storage creates its own schema when it first starts.
ALTER ROLE db_owner ADD MEMBER [voixusager];
GO
