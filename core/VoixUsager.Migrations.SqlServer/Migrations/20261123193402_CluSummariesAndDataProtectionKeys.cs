using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CluSummariesAndDataProtectionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CluMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PrefectureId = table.Column<int>(type: "int", nullable: false),
                    MeetingOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DaysBefore = table.Column<int>(type: "int", nullable: false),
                    SurveyCampaignId = table.Column<int>(type: "int", nullable: true),
                    MysteryCampaignId = table.Column<int>(type: "int", nullable: true),
                    SnapshotId = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CluMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CluMeetings_MysteryCampaigns_MysteryCampaignId",
                        column: x => x.MysteryCampaignId,
                        principalTable: "MysteryCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CluMeetings_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CluMeetings_ResultsSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "ResultsSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CluMeetings_SurveyCampaigns_SurveyCampaignId",
                        column: x => x.SurveyCampaignId,
                        principalTable: "SurveyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CluDeliveries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CluMeetingId = table.Column<int>(type: "int", nullable: false),
                    RecipientEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecipientName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    MessageId = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CluDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CluDeliveries_CluMeetings_CluMeetingId",
                        column: x => x.CluMeetingId,
                        principalTable: "CluMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CluMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CluMeetingId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ReceivesSummary = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CluMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CluMembers_CluMeetings_CluMeetingId",
                        column: x => x.CluMeetingId,
                        principalTable: "CluMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CluDeliveries_CluMeetingId_RecipientEmail",
                table: "CluDeliveries",
                columns: new[] { "CluMeetingId", "RecipientEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CluMeetings_MysteryCampaignId",
                table: "CluMeetings",
                column: "MysteryCampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CluMeetings_PrefectureId_MeetingOn",
                table: "CluMeetings",
                columns: new[] { "PrefectureId", "MeetingOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CluMeetings_SnapshotId",
                table: "CluMeetings",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_CluMeetings_SurveyCampaignId",
                table: "CluMeetings",
                column: "SurveyCampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CluMembers_CluMeetingId",
                table: "CluMembers",
                column: "CluMeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CluDeliveries");

            migrationBuilder.DropTable(
                name: "CluMembers");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "CluMeetings");
        }
    }
}
