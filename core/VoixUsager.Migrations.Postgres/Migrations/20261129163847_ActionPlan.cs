using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace VoixUsager.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActionPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QualModules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualModules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualEngagements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModuleId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualEngagements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualEngagements_QualModules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "QualModules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrefectureId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    OriginRecordId = table.Column<long>(type: "bigint", nullable: true),
                    ModuleId = table.Column<int>(type: "integer", nullable: true),
                    EngagementId = table.Column<int>(type: "integer", nullable: true),
                    OwnerServiceId = table.Column<int>(type: "integer", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AbandonReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActions_OwnerServices_OwnerServiceId",
                        column: x => x.OwnerServiceId,
                        principalTable: "OwnerServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanActions_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanActions_QualEngagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "QualEngagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanActions_QualModules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "QualModules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CluDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CluMeetingId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ActionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CluDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CluDecisions_CluMeetings_CluMeetingId",
                        column: x => x.CluMeetingId,
                        principalTable: "CluMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CluDecisions_PlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanActionEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AuthorEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActionEvents_PlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "QualModules",
                columns: new[] { "Id", "IsActive", "Name", "Number" },
                values: new object[,]
                {
                    { 1, true, "Relation générale avec les usagers", 1 },
                    { 2, true, "Délivrance des titres", 2 },
                    { 3, true, "Titres des ressortissants étrangers", 3 },
                    { 4, true, "Relations avec les collectivités territoriales", 4 },
                    { 5, true, "Police administrative", 5 },
                    { 6, true, "Pilotage interministériel", 6 },
                    { 7, true, "Communication d’urgence lors d’un événement majeur", 7 },
                    { 8, true, "Préfecture de police de Paris", 8 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CluDecisions_ActionId",
                table: "CluDecisions",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_CluDecisions_CluMeetingId",
                table: "CluDecisions",
                column: "CluMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActionEvents_ActionId_AtUtc",
                table: "PlanActionEvents",
                columns: new[] { "ActionId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_EngagementId",
                table: "PlanActions",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_ModuleId",
                table: "PlanActions",
                column: "ModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_Origin_OriginRecordId",
                table: "PlanActions",
                columns: new[] { "Origin", "OriginRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_OwnerServiceId",
                table: "PlanActions",
                column: "OwnerServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_PrefectureId_Status",
                table: "PlanActions",
                columns: new[] { "PrefectureId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_QualEngagements_ModuleId_Number",
                table: "QualEngagements",
                columns: new[] { "ModuleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualModules_Number",
                table: "QualModules",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CluDecisions");

            migrationBuilder.DropTable(
                name: "PlanActionEvents");

            migrationBuilder.DropTable(
                name: "PlanActions");

            migrationBuilder.DropTable(
                name: "QualEngagements");

            migrationBuilder.DropTable(
                name: "QualModules");
        }
    }
}
