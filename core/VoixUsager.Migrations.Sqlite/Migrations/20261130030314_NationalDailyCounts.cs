using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NationalDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NationalDailyCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PrefectureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Responses = table.Column<int>(type: "INTEGER", nullable: false),
                    Score4 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score3 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score2 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score1 = table.Column<int>(type: "INTEGER", nullable: false),
                    SansAvis = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalDailyCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NationalDailyCounts_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NationalDailyCountsWatermarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CompleteBefore = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalDailyCountsWatermarks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SubmittedAtUtc",
                table: "SurveyResponses",
                column: "SubmittedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_NationalDailyCounts_Day_PrefectureId",
                table: "NationalDailyCounts",
                columns: new[] { "Day", "PrefectureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalDailyCounts_PrefectureId",
                table: "NationalDailyCounts",
                column: "PrefectureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NationalDailyCounts");

            migrationBuilder.DropTable(
                name: "NationalDailyCountsWatermarks");

            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_SubmittedAtUtc",
                table: "SurveyResponses");
        }
    }
}
