using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionsAndComplaintsRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OverdueDigestClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PrefectureId = table.Column<int>(type: "int", nullable: false),
                    OwnerKey = table.Column<int>(type: "int", nullable: false),
                    WeekOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CaseCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverdueDigestClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OverdueDigestClaims_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegisterCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PrefectureId = table.Column<int>(type: "int", nullable: false),
                    SiteId = table.Column<int>(type: "int", nullable: true),
                    OwnerServiceId = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AcknowledgementDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnswerMode = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    AnswerText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ClosedReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    AnswerMessageId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ContactPostalAddress = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ContactErasedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterCases_OwnerServices_OwnerServiceId",
                        column: x => x.OwnerServiceId,
                        principalTable: "OwnerServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegisterCases_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegisterCases_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegisterAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterAttachments_RegisterCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RegisterCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OverdueDigestClaims_PrefectureId_OwnerKey_WeekOf",
                table: "OverdueDigestClaims",
                columns: new[] { "PrefectureId", "OwnerKey", "WeekOf" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterAttachments_CaseId",
                table: "RegisterAttachments",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterCases_OwnerServiceId",
                table: "RegisterCases",
                column: "OwnerServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterCases_PrefectureId_OwnerServiceId_Status",
                table: "RegisterCases",
                columns: new[] { "PrefectureId", "OwnerServiceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterCases_PrefectureId_ReceivedOn",
                table: "RegisterCases",
                columns: new[] { "PrefectureId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterCases_SiteId",
                table: "RegisterCases",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OverdueDigestClaims");

            migrationBuilder.DropTable(
                name: "RegisterAttachments");

            migrationBuilder.DropTable(
                name: "RegisterCases");
        }
    }
}
