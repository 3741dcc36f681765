using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResultsIndicatorsAndSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PrefectureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Semester = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultsSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PrefectureId = table.Column<int>(type: "INTEGER", nullable: false),
                    CutoffUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultsSnapshots_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiteMonthlyVisitors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Visitors = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteMonthlyVisitors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteMonthlyVisitors_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuggestionReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerId = table.Column<long>(type: "INTEGER", nullable: false),
                    RetainedForClu = table.Column<bool>(type: "INTEGER", nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestionReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuggestionReviews_SurveyAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "SurveyAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_PrefectureId_Code_Year_Semester",
                table: "IndicatorValues",
                columns: new[] { "PrefectureId", "Code", "Year", "Semester" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultsSnapshots_PrefectureId_CutoffUtc",
                table: "ResultsSnapshots",
                columns: new[] { "PrefectureId", "CutoffUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SiteMonthlyVisitors_SiteId_Month",
                table: "SiteMonthlyVisitors",
                columns: new[] { "SiteId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionReviews_AnswerId",
                table: "SuggestionReviews",
                column: "AnswerId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "ResultsSnapshots");

            migrationBuilder.DropTable(
                name: "SiteMonthlyVisitors");

            migrationBuilder.DropTable(
                name: "SuggestionReviews");
        }
    }
}
