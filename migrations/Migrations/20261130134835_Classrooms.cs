using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneArmDesigner.Migrations
{
    /// <inheritdoc />
    public partial class Classrooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Classrooms",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PresenterTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentJson = table.Column<string>(type: "TEXT", nullable: false),
                    FlowFrom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FlowTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FlowProtocol = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FlowPort = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    QuestionStep = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionRevealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Classrooms", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassroomAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    QuestionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassroomAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassroomAnswers_Classrooms_Code",
                        column: x => x.Code,
                        principalTable: "Classrooms",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClassroomFollowers",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassroomFollowers", x => x.ConnectionId);
                    table.ForeignKey(
                        name: "FK_ClassroomFollowers_Classrooms_Code",
                        column: x => x.Code,
                        principalTable: "Classrooms",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClassroomAnswers_Code_QuestionNumber_ConnectionId",
                table: "ClassroomAnswers",
                columns: new[] { "Code", "QuestionNumber", "ConnectionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClassroomFollowers_Code",
                table: "ClassroomFollowers",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_Classrooms_LastActivityAt",
                table: "Classrooms",
                column: "LastActivityAt");

            migrationBuilder.CreateIndex(
                name: "IX_Classrooms_PresenterTokenHash",
                table: "Classrooms",
                column: "PresenterTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClassroomAnswers");

            migrationBuilder.DropTable(
                name: "ClassroomFollowers");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Classrooms");
        }
    }
}
