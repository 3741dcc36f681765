using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IdentityKeysWithinSqlServerIndexLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropKeysOnAccountIds(migrationBuilder);

            migrationBuilder.AlterColumn<string>(
                name: "AssignedReferentId",
                table: "MysteryScenarios",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)",
                oldMaxLength: 450);

            migrationBuilder.AlterColumn<string>(
                name: "AuthorId",
                table: "MysteryRecords",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)",
                oldMaxLength: 450);

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "MysteryCampaignReferent",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)",
                oldMaxLength: 450);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "AspNetUserTokens",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserTokens",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "AspNetUserTokens",
                type: "nvarchar(128)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "Id",
                table: "AspNetUsers",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "RoleId",
                table: "AspNetUserRoles",
                type: "nvarchar(128)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "AspNetUserRoles",
                type: "nvarchar(128)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "AspNetUserLogins",
                type: "nvarchar(128)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "ProviderKey",
                table: "AspNetUserLogins",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserLogins",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "AspNetUserClaims",
                type: "nvarchar(128)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "Id",
                table: "AspNetRoles",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "RoleId",
                table: "AspNetRoleClaims",
                type: "nvarchar(128)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            AddKeysOnAccountIds(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropKeysOnAccountIds(migrationBuilder);

            migrationBuilder.AlterColumn<string>(
                name: "AssignedReferentId",
                table: "MysteryScenarios",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "AuthorId",
                table: "MysteryRecords",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "MysteryCampaignReferent",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "AspNetUserTokens",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserTokens",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "AspNetUserTokens",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)");

            migrationBuilder.AlterColumn<string>(
                name: "Id",
                table: "AspNetUsers",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "RoleId",
                table: "AspNetUserRoles",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "AspNetUserRoles",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "AspNetUserLogins",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)");

            migrationBuilder.AlterColumn<string>(
                name: "ProviderKey",
                table: "AspNetUserLogins",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserLogins",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "AspNetUserClaims",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)");

            migrationBuilder.AlterColumn<string>(
                name: "Id",
                table: "AspNetRoles",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "RoleId",
                table: "AspNetRoleClaims",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)");

            AddKeysOnAccountIds(migrationBuilder);
        }

        // Written by hand: SQL Server refuses to ALTER a column that a primary key or a foreign key
        // depends on, and EF Core only rebuilds the indexes. The keys on the account and role ids, and the
        // foreign keys to them, are dropped before the columns change and created again after, the same.
        private static readonly (string Table, string Name, string[] Columns)[] PrimaryKeys =
        [
            ("AspNetUsers", "PK_AspNetUsers", ["Id"]),
            ("AspNetRoles", "PK_AspNetRoles", ["Id"]),
            ("AspNetUserRoles", "PK_AspNetUserRoles", ["UserId", "RoleId"]),
            ("AspNetUserLogins", "PK_AspNetUserLogins", ["LoginProvider", "ProviderKey"]),
            ("AspNetUserTokens", "PK_AspNetUserTokens", ["UserId", "LoginProvider", "Name"]),
            ("MysteryCampaignReferent", "PK_MysteryCampaignReferent", ["CampaignId", "UserId"]),
        ];

        private static readonly (string Table, string Name, string Column, string PrincipalTable, ReferentialAction OnDelete)[] ForeignKeys =
        [
            ("AspNetRoleClaims", "FK_AspNetRoleClaims_AspNetRoles_RoleId", "RoleId", "AspNetRoles", ReferentialAction.Cascade),
            ("AspNetUserClaims", "FK_AspNetUserClaims_AspNetUsers_UserId", "UserId", "AspNetUsers", ReferentialAction.Cascade),
            ("AspNetUserLogins", "FK_AspNetUserLogins_AspNetUsers_UserId", "UserId", "AspNetUsers", ReferentialAction.Cascade),
            ("AspNetUserRoles", "FK_AspNetUserRoles_AspNetRoles_RoleId", "RoleId", "AspNetRoles", ReferentialAction.Cascade),
            ("AspNetUserRoles", "FK_AspNetUserRoles_AspNetUsers_UserId", "UserId", "AspNetUsers", ReferentialAction.Cascade),
            ("AspNetUserTokens", "FK_AspNetUserTokens_AspNetUsers_UserId", "UserId", "AspNetUsers", ReferentialAction.Cascade),
            ("MysteryCampaignReferent", "FK_MysteryCampaignReferent_AspNetUsers_UserId", "UserId", "AspNetUsers", ReferentialAction.Restrict),
            ("MysteryRecords", "FK_MysteryRecords_AspNetUsers_AuthorId", "AuthorId", "AspNetUsers", ReferentialAction.Restrict),
            ("MysteryScenarios", "FK_MysteryScenarios_AspNetUsers_AssignedReferentId", "AssignedReferentId", "AspNetUsers", ReferentialAction.Restrict),
        ];

        private static void DropKeysOnAccountIds(MigrationBuilder migrationBuilder)
        {
            foreach (var fk in ForeignKeys)
            {
                migrationBuilder.DropForeignKey(name: fk.Name, table: fk.Table);
            }

            foreach (var pk in PrimaryKeys)
            {
                migrationBuilder.DropPrimaryKey(name: pk.Name, table: pk.Table);
            }
        }

        private static void AddKeysOnAccountIds(MigrationBuilder migrationBuilder)
        {
            foreach (var pk in PrimaryKeys)
            {
                migrationBuilder.AddPrimaryKey(name: pk.Name, table: pk.Table, columns: pk.Columns);
            }

            foreach (var fk in ForeignKeys)
            {
                migrationBuilder.AddForeignKey(name: fk.Name, table: fk.Table, column: fk.Column, principalTable: fk.PrincipalTable, principalColumn: "Id", onDelete: fk.OnDelete);
            }
        }
    }
}
