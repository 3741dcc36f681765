using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class QuestionnaireEditorLanguagesAndSiteQuestionnaires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "SurveyResponses",
                type: "nvarchar(35)",
                maxLength: 35,
                nullable: false,
                defaultValue: "fr");

            migrationBuilder.CreateTable(
                name: "QuestionnaireDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    PrefectureId = table.Column<int>(type: "int", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    BasedOnVersionId = table.Column<int>(type: "int", nullable: true),
                    ContentJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireDrafts_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuestionnaireDrafts_QuestionnaireVersions_BasedOnVersionId",
                        column: x => x.BasedOnVersionId,
                        principalTable: "QuestionnaireVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireVersionTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    QuestionnaireVersionId = table.Column<int>(type: "int", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireVersionTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireVersionTranslations_QuestionnaireVersions_QuestionnaireVersionId",
                        column: x => x.QuestionnaireVersionId,
                        principalTable: "QuestionnaireVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionOptionTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OptionId = table.Column<int>(type: "int", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionOptionTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionOptionTranslations_QuestionOptions_OptionId",
                        column: x => x.OptionId,
                        principalTable: "QuestionOptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    QuestionId = table.Column<int>(type: "int", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    HelpText = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionTranslations_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyCampaignQuestionnaires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    SiteId = table.Column<int>(type: "int", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    QuestionnaireVersionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyCampaignQuestionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyCampaignQuestionnaires_QuestionnaireVersions_QuestionnaireVersionId",
                        column: x => x.QuestionnaireVersionId,
                        principalTable: "QuestionnaireVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyCampaignQuestionnaires_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyCampaignQuestionnaires_SurveyCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "SurveyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireDrafts_BasedOnVersionId",
                table: "QuestionnaireDrafts",
                column: "BasedOnVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireDrafts_Key",
                table: "QuestionnaireDrafts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireDrafts_PrefectureId",
                table: "QuestionnaireDrafts",
                column: "PrefectureId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireVersionTranslations_QuestionnaireVersionId_Language",
                table: "QuestionnaireVersionTranslations",
                columns: new[] { "QuestionnaireVersionId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionOptionTranslations_OptionId_Language",
                table: "QuestionOptionTranslations",
                columns: new[] { "OptionId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionTranslations_QuestionId_Language",
                table: "QuestionTranslations",
                columns: new[] { "QuestionId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCampaignQuestionnaires_CampaignId_SiteId",
                table: "SurveyCampaignQuestionnaires",
                columns: new[] { "CampaignId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCampaignQuestionnaires_QuestionnaireVersionId",
                table: "SurveyCampaignQuestionnaires",
                column: "QuestionnaireVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCampaignQuestionnaires_SiteId",
                table: "SurveyCampaignQuestionnaires",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuestionnaireDrafts");

            migrationBuilder.DropTable(
                name: "QuestionnaireVersionTranslations");

            migrationBuilder.DropTable(
                name: "QuestionOptionTranslations");

            migrationBuilder.DropTable(
                name: "QuestionTranslations");

            migrationBuilder.DropTable(
                name: "SurveyCampaignQuestionnaires");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "SurveyResponses");
        }
    }
}
