using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace VoixUsager.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AccountsAuditAndMysteryGrids : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UserEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PrefectureId = table.Column<int>(type: "integer", nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GridVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PrefectureId = table.Column<int>(type: "integer", nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InvitedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GridCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GridVersionId = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    HelpText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    MaxCompliant = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GridCriteria_GridVersions_GridVersionId",
                        column: x => x.GridVersionId,
                        principalTable: "GridVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MysteryCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    EvaluatedPrefectureId = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetCalls = table.Column<int>(type: "integer", nullable: false),
                    TargetEmails = table.Column<int>(type: "integer", nullable: false),
                    CallGridVersionId = table.Column<int>(type: "integer", nullable: false),
                    EmailGridVersionId = table.Column<int>(type: "integer", nullable: false),
                    RevealEvaluatorNames = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MysteryCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MysteryCampaigns_GridVersions_CallGridVersionId",
                        column: x => x.CallGridVersionId,
                        principalTable: "GridVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MysteryCampaigns_GridVersions_EmailGridVersionId",
                        column: x => x.EmailGridVersionId,
                        principalTable: "GridVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MysteryCampaigns_Prefectures_EvaluatedPrefectureId",
                        column: x => x.EvaluatedPrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MysteryCampaignPartner",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    PrefectureId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MysteryCampaignPartner", x => new { x.CampaignId, x.PrefectureId });
                    table.ForeignKey(
                        name: "FK_MysteryCampaignPartner_MysteryCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "MysteryCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MysteryCampaignPartner_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MysteryCampaignReferent",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MysteryCampaignReferent", x => new { x.CampaignId, x.UserId });
                    table.ForeignKey(
                        name: "FK_MysteryCampaignReferent_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MysteryCampaignReferent_MysteryCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "MysteryCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MysteryScenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssignedReferentId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MysteryScenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MysteryScenarios_AspNetUsers_AssignedReferentId",
                        column: x => x.AssignedReferentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MysteryScenarios_MysteryCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "MysteryCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MysteryRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScenarioId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    GridVersionId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CalledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NumberDialled = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RingsBeforePickup = table.Column<int>(type: "integer", nullable: true),
                    WaitingSeconds = table.Column<int>(type: "integer", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Address = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepliedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplyWorkingDays = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MysteryRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MysteryRecords_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MysteryRecords_GridVersions_GridVersionId",
                        column: x => x.GridVersionId,
                        principalTable: "GridVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MysteryRecords_MysteryCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "MysteryCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MysteryRecords_MysteryScenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "MysteryScenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MysteryAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Choice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Scale = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MysteryAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MysteryAnswers_GridCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "GridCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MysteryAnswers_MysteryRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "MysteryRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PrefectureId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "PrefectureId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_GridCriteria_GridVersionId_Code",
                table: "GridCriteria",
                columns: new[] { "GridVersionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GridVersions_Key_VersionNumber",
                table: "GridVersions",
                columns: new[] { "Key", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_Email",
                table: "Invitations",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_PrefectureId",
                table: "Invitations",
                column: "PrefectureId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MysteryAnswers_CriterionId",
                table: "MysteryAnswers",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_MysteryAnswers_RecordId_CriterionId",
                table: "MysteryAnswers",
                columns: new[] { "RecordId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MysteryCampaignPartner_PrefectureId",
                table: "MysteryCampaignPartner",
                column: "PrefectureId");

            migrationBuilder.CreateIndex(
                name: "IX_MysteryCampaignReferent_UserId",
                table: "MysteryCampaignReferent",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MysteryCampaigns_CallGridVersionId",
                table: "MysteryCampaigns",
                column: "CallGridVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_MysteryCampaigns_EmailGridVersionId",
                table: "MysteryCampaigns",
                column: "EmailGridVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_MysteryCampaigns_EvaluatedPrefectureId",
                table: "MysteryCampaigns",
                column: "EvaluatedPrefectureId");

            migrationBuilder.CreateIndex(
                name: "IX_MysteryRecords_AuthorId",
                table: "MysteryRecords",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_MysteryRecords_CampaignId_Status",
                table: "MysteryRecords",
                columns: new[] { "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MysteryRecords_GridVersionId",
                table: "MysteryRecords",
                column: "GridVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_MysteryRecords_ScenarioId",
                table: "MysteryRecords",
                column: "ScenarioId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MysteryScenarios_AssignedReferentId_PlannedOn",
                table: "MysteryScenarios",
                columns: new[] { "AssignedReferentId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MysteryScenarios_CampaignId",
                table: "MysteryScenarios",
                column: "CampaignId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "MysteryAnswers");

            migrationBuilder.DropTable(
                name: "MysteryCampaignPartner");

            migrationBuilder.DropTable(
                name: "MysteryCampaignReferent");

            migrationBuilder.DropTable(
                name: "GridCriteria");

            migrationBuilder.DropTable(
                name: "MysteryRecords");

            migrationBuilder.DropTable(
                name: "MysteryScenarios");

            migrationBuilder.DropTable(
                name: "MysteryCampaigns");

            migrationBuilder.DropTable(
                name: "GridVersions");
        }
    }
}
