using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmergencyWorkflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationTopic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NotificationDeliveries_IncidentId_Tier_Repetition_RecipientId_Channel",
                table: "NotificationDeliveries");

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "NotificationDeliveries",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                // Rows written before topics existed were all keyed as escalation rounds (their dedup keys stay valid).
                defaultValue: "escalation");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_IncidentId_Topic_Tier_Repetition_RecipientId_Channel",
                table: "NotificationDeliveries",
                columns: new[] { "IncidentId", "Topic", "Tier", "Repetition", "RecipientId", "Channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NotificationDeliveries_IncidentId_Topic_Tier_Repetition_RecipientId_Channel",
                table: "NotificationDeliveries");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "NotificationDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_IncidentId_Tier_Repetition_RecipientId_Channel",
                table: "NotificationDeliveries",
                columns: new[] { "IncidentId", "Tier", "Repetition", "RecipientId", "Channel" },
                unique: true);
        }
    }
}
