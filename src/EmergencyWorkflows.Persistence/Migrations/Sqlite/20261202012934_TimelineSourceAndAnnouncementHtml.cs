using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmergencyWorkflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimelineSourceAndAnnouncementHtml : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                table: "IncidentTimeline",
                type: "TEXT",
                maxLength: 1100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "Announcements",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentTimeline_SourceId",
                table: "IncidentTimeline",
                column: "SourceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentTimeline_SourceId",
                table: "IncidentTimeline");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "IncidentTimeline");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "Announcements");
        }
    }
}
