using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneArmDesigner.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncompleteFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Incomplete",
                table: "ValidationResults",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Findings stored before this column say whether they are complete only in their JSON.
            migrationBuilder.Sql(
                """UPDATE "ValidationResults" SET "Incomplete" = TRUE WHERE "FindingsJson" LIKE '%"complete":false%'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Incomplete",
                table: "ValidationResults");
        }
    }
}
