using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneActionPerRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanActions_Origin_OriginRecordId",
                table: "PlanActions");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_Origin_OriginRecordId",
                table: "PlanActions",
                columns: new[] { "Origin", "OriginRecordId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanActions_Origin_OriginRecordId",
                table: "PlanActions");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_Origin_OriginRecordId",
                table: "PlanActions",
                columns: new[] { "Origin", "OriginRecordId" });
        }
    }
}
