using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmergencyWorkflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberActive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "TeamMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeactivatedBy",
                table: "TeamMembers",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeactivationReason",
                table: "TeamMembers",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReactivatedAt",
                table: "TeamMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReactivatedBy",
                table: "TeamMembers",
                type: "TEXT",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "DeactivatedBy",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "DeactivationReason",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "ReactivatedAt",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "ReactivatedBy",
                table: "TeamMembers");
        }
    }
}
