using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResponsesIndexIncludesId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_CampaignId_SiteId_SubmittedAtUtc",
                table: "SurveyResponses");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_CampaignId_SiteId_SubmittedAtUtc",
                table: "SurveyResponses",
                columns: new[] { "CampaignId", "SiteId", "SubmittedAtUtc" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_CampaignId_SiteId_SubmittedAtUtc",
                table: "SurveyResponses");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_CampaignId_SiteId_SubmittedAtUtc",
                table: "SurveyResponses",
                columns: new[] { "CampaignId", "SiteId", "SubmittedAtUtc" });
        }
    }
}
