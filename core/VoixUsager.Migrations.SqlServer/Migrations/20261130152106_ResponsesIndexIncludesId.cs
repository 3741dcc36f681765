using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoixUsager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ResponsesIndexIncludesId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
