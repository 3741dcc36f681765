using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InvitationDeliveryOneCascadePath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CluInvitationDeliveries_CluMeetings_CluMeetingId",
                table: "CluInvitationDeliveries");

            migrationBuilder.AddForeignKey(
                name: "FK_CluInvitationDeliveries_CluMeetings_CluMeetingId",
                table: "CluInvitationDeliveries",
                column: "CluMeetingId",
                principalTable: "CluMeetings",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CluInvitationDeliveries_CluMeetings_CluMeetingId",
                table: "CluInvitationDeliveries");

            migrationBuilder.AddForeignKey(
                name: "FK_CluInvitationDeliveries_CluMeetings_CluMeetingId",
                table: "CluInvitationDeliveries",
                column: "CluMeetingId",
                principalTable: "CluMeetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
