using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Persistence.Tests.Incidents;

public sealed class IncidentStorageTests : IDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly FakeTimeProvider time = new(TestData.Start);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Incident_WrittenWithTimelineAndAttachment_ReadsBackInFull()
    {
        await using var services = await database.CreateServicesAsync(time);
        var writer = services.GetRequiredService<IncidentWriter>();
        await writer.WriteAsync(async (db, ct) =>
        {
            db.Incidents.Add(NewIncident("inc-1"));
            db.IncidentTimeline.Add(new IncidentTimelineRecord
            {
                IncidentId = "inc-1",
                At = time.GetUtcNow(),
                Actor = "employee",
                Kind = "Reported",
                Summary = "Reported by web",
            });
            db.IncidentAttachments.Add(new IncidentAttachmentRecord
            {
                Id = "att-1",
                IncidentId = "inc-1",
                FileName = "photo.png",
                ContentType = "image/png",
                SizeBytes = 3,
                Content = [1, 2, 3],
                CreatedAt = time.GetUtcNow(),
            });
            return await db.SaveChangesAsync(ct);
        });

        await using var read = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var incident = await read.Incidents.SingleAsync(i => i.Id == "inc-1");
        incident.Category.Should().BeNull("an unknown category is stored as null (triage)");
        incident.OccurredAt.Should().Be(TestData.Start.AddMinutes(-10));
        incident.ReporterPhone.Should().Be("+86 10 1234 5678");
        (await read.IncidentTimeline.Where(t => t.IncidentId == "inc-1").Select(t => t.Summary).ToListAsync())
            .Should().Equal("Reported by web");
        (await read.IncidentAttachments.SingleAsync()).Content.Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Incident_StaleUpdate_FailsWithAConcurrencyError()
    {
        await using var services = await database.CreateServicesAsync(time);
        var writer = services.GetRequiredService<IncidentWriter>();
        await writer.WriteAsync((db, ct) =>
        {
            db.Incidents.Add(NewIncident("inc-2"));
            return db.SaveChangesAsync(ct);
        });

        var contexts = services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        var a = await first.Incidents.SingleAsync(i => i.Id == "inc-2");
        var b = await second.Incidents.SingleAsync(i => i.Id == "inc-2");
        a.Status = "Responding";
        a.Version++;
        await first.SaveChangesAsync();

        b.Status = "Cancelled";
        b.Version++;
        var stale = () => second.SaveChangesAsync();

        await stale.Should().ThrowAsync<DbUpdateConcurrencyException>();
    }

    private IncidentRecord NewIncident(string id) => new()
    {
        Id = id,
        DefinitionId = "triage",
        Category = null,
        OccurredAt = TestData.Start.AddMinutes(-10),
        Location = "Building A",
        PeopleInvolvedJson = "[]",
        PeopleAffected = 2,
        InitialSituation = "Smoke in the corridor",
        Channel = "Web",
        ReporterName = "Li Lei",
        ReporterPhone = "+86 10 1234 5678",
        ReportedBy = "employee",
        Status = "Reported",
        SuggestedGrade = 3,
        SuggestedGradeReasonsJson = "[]",
        CreatedAt = time.GetUtcNow(),
        UpdatedAt = time.GetUtcNow(),
    };
}
