using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CluInvitationUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CluInvitationDeliveries_CluMemberId",
                table: "CluInvitationDeliveries");

            migrationBuilder.AddColumn<int>(
                name: "InvitationSequence",
                table: "CluMeetings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "CluInvitationDeliveries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_CluInvitationDeliveries_CluMemberId_Sequence",
                table: "CluInvitationDeliveries",
                columns: new[] { "CluMemberId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CluInvitationDeliveries_CluMemberId_Sequence",
                table: "CluInvitationDeliveries");

            migrationBuilder.DropColumn(
                name: "InvitationSequence",
                table: "CluMeetings");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "CluInvitationDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_CluInvitationDeliveries_CluMemberId",
                table: "CluInvitationDeliveries",
                column: "CluMemberId",
                unique: true);
        }
    }
}
