using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneArmDesigner.Migrations
{
    /// <inheritdoc />
    public partial class RevisionContentHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "DesignRevisions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DesignRevisions_ContentHash",
                table: "DesignRevisions",
                column: "ContentHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DesignRevisions_ContentHash",
                table: "DesignRevisions");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "DesignRevisions");
        }
    }
}
