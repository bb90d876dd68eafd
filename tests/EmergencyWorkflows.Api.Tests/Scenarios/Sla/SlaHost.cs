using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Scenarios.Sla;

/// <summary>
/// The real host with the response SLA set to seconds, the team and escalation policies from configuration, a known
/// acknowledge-link key, and a directory whose policies a test can edit (as HR would) on top of the configured ones.
/// </summary>
public sealed class SlaHost : IDisposable
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(2);
    private readonly TempFolder folder = new();

    public SlaHost()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Emergency:Sla:DefaultResponse"] = "00:00:02",
            ["Emergency:AckLinks:Key"] = "sla-tests-signing-key-0123456789abcdef",
            ["Emergency:AckLinks:BaseUrl"] = "http://localhost/api/ack",
            ["Emergency:AckLinks:Lifetime"] = "01:00:00",
            // Wake-ups within the second the tests measure: Hangfire moves due scheduled jobs every 100 ms.
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.100",
            ["Emergency:Team:0:Id"] = "lead",
            ["Emergency:Team:0:DisplayName"] = "Lead",
            ["Emergency:Team:0:Roles:0"] = TeamRoles.TeamLead,
            ["Emergency:Team:0:Email"] = "lead@example.com",
            ["Emergency:Team:1:Id"] = "head-it",
            ["Emergency:Team:1:DisplayName"] = "Head IT",
            ["Emergency:Team:1:Roles:0"] = TeamRoles.DepartmentHead,
            ["Emergency:Team:1:Email"] = "head-it@example.com",
            ["Emergency:Team:2:Id"] = "r1",
            ["Emergency:Team:2:DisplayName"] = "Responder 1",
            ["Emergency:Team:2:Roles:0"] = TeamRoles.Responder,
            ["Emergency:Team:2:Email"] = "r1@example.com",
        };
        // grade-1 and grade-3: responder r1 at the deadline, the lead 2 s later. grade-2: a tier nobody is on call for.
        // Indexes from 10: configuration merges arrays by index, and appsettings.json already has policy 0 ("default").
        foreach (var (index, id) in new[] { (10, "grade-1"), (12, "grade-3") })
        {
            settings[$"Emergency:Policies:{index}:Id"] = id;
            // person:r1, not role:responder: appsettings.json's default team has responders of its own.
            settings[$"Emergency:Policies:{index}:Tiers:0:Targets:0"] = "person:r1";
            settings[$"Emergency:Policies:{index}:Tiers:1:Delay"] = "00:00:02";
            settings[$"Emergency:Policies:{index}:Tiers:1:Targets:0"] = "person:lead";
        }

        settings["Emergency:Policies:11:Id"] = "grade-2";
        settings["Emergency:Policies:11:Tiers:0:Targets:0"] = "rotation:nobody-on-call";
        settings["Emergency:Policies:11:Tiers:1:Delay"] = "01:00:00";
        settings["Emergency:Policies:11:Tiers:1:Targets:0"] = "person:head-it";

        Factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false),
            services => services.AddSingleton<IEmergencyDirectory>(sp => new EditableDirectory(new ConfiguredEmergencyDirectory(
                sp.GetRequiredService<IConfiguration>().GetSection(EmergencyDirectoryOptions.Section).Get<EmergencyDirectoryOptions>()!))),
            settings);
        Client = Factory.CreateClient();
    }

    public ApiFactory Factory { get; }

    public HttpClient Client { get; }

    public EditableDirectory Directory => (EditableDirectory)Factory.Services.GetRequiredService<IEmergencyDirectory>();

    /// <summary>The Emergency.Notify outbox rows committed for an instance, with the burst instant that wrote them.</summary>
    public IReadOnlyList<(JsonObject Payload, DateTimeOffset CreatedAt, string Id)> Notifications(string instanceId)
    {
        using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadJson, CreatedAt, Id FROM Outbox WHERE InstanceId = $id AND Kind = 'Emergency.Notify' ORDER BY CreatedAt;";
        command.Parameters.AddWithValue("$id", instanceId);
        using var reader = command.ExecuteReader();
        var rows = new List<(JsonObject, DateTimeOffset, string)>();
        while (reader.Read())
        {
            rows.Add((JsonNode.Parse(reader.GetString(0))!.AsObject(), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Pending SLA and escalation timers (the workflows' human-task due timers are not counted: they run on).</summary>
    public int PendingTimers(string instanceId)
    {
        using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Timers t WHERE t.InstanceId = $id AND t.State = 'Pending' " +
            "AND NOT EXISTS (SELECT 1 FROM Bookmarks b WHERE b.Id = t.Id AND b.Name = 'Emergency.TaskDue');";
        command.Parameters.AddWithValue("$id", instanceId);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        folder.Dispose();
    }
}

/// <summary>The configured directory with policies a test can replace mid-incident, as HR editing a policy would.</summary>
public sealed class EditableDirectory(IEmergencyDirectory configured) : IEmergencyDirectory
{
    private readonly Dictionary<string, EscalationPolicy> edits = new(StringComparer.Ordinal);

    public Roster Roster => configured.Roster;

    public IReadOnlyList<Rotation> Rotations => configured.Rotations;

    public IReadOnlyList<EscalationPolicy> Policies
    {
        get
        {
            lock (edits)
            {
                return [.. configured.Policies.Select(p => edits.GetValueOrDefault(p.Id, p))];
            }
        }
    }

    public EscalationPolicy? FindPolicy(string policyId)
    {
        lock (edits)
        {
            return edits.GetValueOrDefault(policyId) ?? configured.FindPolicy(policyId);
        }
    }

    public void Edit(EscalationPolicy policy)
    {
        lock (edits)
        {
            edits[policy.Id] = policy;
        }
    }
}
