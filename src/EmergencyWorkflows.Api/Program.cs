using EmergencyWorkflows.Api.Bookmarks;
using EmergencyWorkflows.Api.Definitions;
using EmergencyWorkflows.Api.Engine;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Events;
using EmergencyWorkflows.Api.Health;
using EmergencyWorkflows.Api.Hosting;
using EmergencyWorkflows.Api.Instances;
using EmergencyWorkflows.Api.Logging;
using EmergencyWorkflows.Api.Notifications;
using EmergencyWorkflows.Api.Scheduling;
using EmergencyWorkflows.Api.Tasks;
using EmergencyWorkflows.Api.Team;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootConfiguration();
builder.AddStructuredLogging();
builder.Services.AddApiErrorHandling(builder.Configuration);
builder.Services.AddWorkflowEngine(builder.Configuration);
builder.Services.AddWorkflowDefinitions();
builder.Services.AddInstanceViews();
builder.Services.AddTaskRequests();
builder.Services.AddTimerScheduling(builder.Configuration);
builder.Services.AddOutboxDispatch();
builder.Services.AddEmergencyTeam();
builder.Services.AddEmergencyNotifications(builder.Configuration);

var app = builder.Build();
await app.MigrateWorkflowDatabaseAsync();
app.UseRequestLogging();
app.UseApiErrorHandling();
app.MapHealth();
app.MapDefinitions();
app.MapInstances();
app.MapEvents();
app.MapTasks();
app.MapBookmarks();
app.MapTeam();
app.MapNotifications();

await app.RunAsync();

public partial class Program;
