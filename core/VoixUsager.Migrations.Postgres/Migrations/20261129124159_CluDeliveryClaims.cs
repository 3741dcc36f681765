using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CluDeliveryClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimExpiresAtUtc",
                table: "CluDeliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                table: "CluDeliveries",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimExpiresAtUtc",
                table: "CluDeliveries");

            migrationBuilder.DropColumn(
                name: "ClaimId",
                table: "CluDeliveries");
        }
    }
}
