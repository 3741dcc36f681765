using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CluMeetingKit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Attendance",
                table: "CluMembers",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AttendanceAtUtc",
                table: "CluMembers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AttendanceByMember",
                table: "CluMembers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Function",
                table: "CluMembers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepresentedBy",
                table: "CluMembers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Site",
                table: "CluMembers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DurationMinutes",
                table: "CluMeetings",
                type: "int",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartsAt",
                table: "CluMeetings",
                type: "time",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VideoLink",
                table: "CluMeetings",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CluAgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CluMeetingId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Section = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CluAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CluAgendaItems_CluMeetings_CluMeetingId",
                        column: x => x.CluMeetingId,
                        principalTable: "CluMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CluDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CluMeetingId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CluDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CluDocuments_CluMeetings_CluMeetingId",
                        column: x => x.CluMeetingId,
                        principalTable: "CluMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CluInvitationDeliveries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CluMeetingId = table.Column<int>(type: "int", nullable: false),
                    CluMemberId = table.Column<int>(type: "int", nullable: false),
                    RecipientEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    MessageId = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClaimExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CluInvitationDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CluInvitationDeliveries_CluMeetings_CluMeetingId",
                        column: x => x.CluMeetingId,
                        principalTable: "CluMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CluInvitationDeliveries_CluMembers_CluMemberId",
                        column: x => x.CluMemberId,
                        principalTable: "CluMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CluAgendaItems_CluMeetingId_Position",
                table: "CluAgendaItems",
                columns: new[] { "CluMeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CluDocuments_CluMeetingId_Kind",
                table: "CluDocuments",
                columns: new[] { "CluMeetingId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CluInvitationDeliveries_CluMeetingId",
                table: "CluInvitationDeliveries",
                column: "CluMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CluInvitationDeliveries_CluMemberId",
                table: "CluInvitationDeliveries",
                column: "CluMemberId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CluAgendaItems");

            migrationBuilder.DropTable(
                name: "CluDocuments");

            migrationBuilder.DropTable(
                name: "CluInvitationDeliveries");

            migrationBuilder.DropColumn(
                name: "Attendance",
                table: "CluMembers");

            migrationBuilder.DropColumn(
                name: "AttendanceAtUtc",
                table: "CluMembers");

            migrationBuilder.DropColumn(
                name: "AttendanceByMember",
                table: "CluMembers");

            migrationBuilder.DropColumn(
                name: "Function",
                table: "CluMembers");

            migrationBuilder.DropColumn(
                name: "RepresentedBy",
                table: "CluMembers");

            migrationBuilder.DropColumn(
                name: "Site",
                table: "CluMembers");

            migrationBuilder.DropColumn(
                name: "DurationMinutes",
                table: "CluMeetings");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "CluMeetings");

            migrationBuilder.DropColumn(
                name: "VideoLink",
                table: "CluMeetings");
        }
    }
}
