using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneArmDesigner.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Classrooms",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PresenterTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentJson = table.Column<string>(type: "text", nullable: false),
                    FlowFrom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FlowTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FlowProtocol = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FlowPort = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    QuestionKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    QuestionStep = table.Column<int>(type: "integer", nullable: false),
                    QuestionRevealed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastActivityAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Classrooms", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Designs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EditTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ViewTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ViewTokenGeneration = table.Column<int>(type: "integer", nullable: false),
                    ForkedFromId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Designs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassroomAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    QuestionNumber = table.Column<int>(type: "integer", nullable: false),
                    ConnectionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Choice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: false)
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
                    ConnectionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    JoinedAt = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "DesignRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DesignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    IsAutosave = table.Column<bool>(type: "boolean", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesignRevisions_Designs_DesignId",
                        column: x => x.DesignId,
                        principalTable: "Designs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ValidationResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RevisionId = table.Column<long>(type: "bigint", nullable: false),
                    ErrorCount = table.Column<int>(type: "integer", nullable: false),
                    WarningCount = table.Column<int>(type: "integer", nullable: false),
                    FindingsJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValidationResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ValidationResults_DesignRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "DesignRevisions",
                        principalColumn: "Id",
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

            migrationBuilder.CreateIndex(
                name: "IX_DesignRevisions_ContentHash",
                table: "DesignRevisions",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_DesignRevisions_DesignId_Number",
                table: "DesignRevisions",
                columns: new[] { "DesignId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Designs_EditTokenHash",
                table: "Designs",
                column: "EditTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Designs_ViewTokenHash",
                table: "Designs",
                column: "ViewTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ValidationResults_RevisionId",
                table: "ValidationResults",
                column: "RevisionId",
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
                name: "ValidationResults");

            migrationBuilder.DropTable(
                name: "Classrooms");

            migrationBuilder.DropTable(
                name: "DesignRevisions");

            migrationBuilder.DropTable(
                name: "Designs");
        }
    }
}
