using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.SqlServer.Migrations
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                table: "CluDeliveries",
                type: "uniqueidentifier",
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
