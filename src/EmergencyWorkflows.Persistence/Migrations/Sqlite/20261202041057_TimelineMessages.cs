using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmergencyWorkflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimelineMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MessageArgs",
                table: "IncidentTimeline",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageKey",
                table: "IncidentTimeline",
                type: "TEXT",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MessageArgs",
                table: "IncidentTimeline");

            migrationBuilder.DropColumn(
                name: "MessageKey",
                table: "IncidentTimeline");
        }
    }
}
