using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace VoixUsager.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegisterFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AcknowledgementDeadlineWorkingDays",
                table: "Prefectures",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "CaseDeadlineWorkingDays",
                table: "Prefectures",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "OwnerServiceId",
                table: "Invitations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OwnerServiceId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OwnerServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrefectureId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnerServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnerServices_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_OwnerServiceId",
                table: "Invitations",
                column: "OwnerServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OwnerServiceId",
                table: "AspNetUsers",
                column: "OwnerServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnerServices_PrefectureId_Name",
                table: "OwnerServices",
                columns: new[] { "PrefectureId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_OwnerServices_OwnerServiceId",
                table: "AspNetUsers",
                column: "OwnerServiceId",
                principalTable: "OwnerServices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitations_OwnerServices_OwnerServiceId",
                table: "Invitations",
                column: "OwnerServiceId",
                principalTable: "OwnerServices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_OwnerServices_OwnerServiceId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitations_OwnerServices_OwnerServiceId",
                table: "Invitations");

            migrationBuilder.DropTable(
                name: "OwnerServices");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_OwnerServiceId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OwnerServiceId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AcknowledgementDeadlineWorkingDays",
                table: "Prefectures");

            migrationBuilder.DropColumn(
                name: "CaseDeadlineWorkingDays",
                table: "Prefectures");

            migrationBuilder.DropColumn(
                name: "OwnerServiceId",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "OwnerServiceId",
                table: "AspNetUsers");
        }
    }
}
