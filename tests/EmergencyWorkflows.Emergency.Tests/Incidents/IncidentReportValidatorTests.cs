using EmergencyWorkflows.Emergency.Incidents;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Emergency.Tests.Incidents;

public class IncidentReportValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly IncidentReportValidator validator = new(new IncidentReportLimits(), new FakeTimeProvider(Now));

    private static IncidentReport Valid() => new(
        Now.AddMinutes(-3), "3F canteen", ["张三"], 1, IncidentCategory.PersonnelSafety, "An employee slipped and hurt an ankle.",
        new ReporterContact("李四", "+86 138-0000-0000", "li.si@example.com", null), ReportChannel.Phone,
        [new ReportAttachment("photo.jpg", "image/jpeg", 200_000)]);

    [Fact]
    public void Validate_CompleteReport_NoErrors()
    {
        validator.Validate(Valid()).Should().BeEmpty();
    }

    [Fact]
    public void Validate_MissingRequiredFields_OneErrorPerField()
    {
        var report = Valid() with
        {
            OccurredAt = default,
            Location = " ",
            InitialSituation = "",
            Reporter = new ReporterContact("", null, null, null),
        };

        var errors = validator.Validate(report);

        errors.Keys.Should().BeEquivalentTo(["occurredAt", "location", "initialSituation", "reporter.name", "reporter"]);
    }

    [Fact]
    public void Validate_ScriptInText_RefusedAsMarkup()
    {
        var errors = validator.Validate(Valid() with { InitialSituation = "help <script>alert(1)</script>" });

        errors.Should().ContainKey("initialSituation").WhoseValue.Should().ContainMatch("*markup*");
    }

    [Fact]
    public void Validate_LessThanSignInPlainText_Accepted()
    {
        validator.Validate(Valid() with { InitialSituation = "Fewer than 3 people, temperature < 5 degrees" }).Should().BeEmpty();
    }

    [Fact]
    public void Validate_OversizedSituationAndAttachment_Refused()
    {
        var report = Valid() with
        {
            InitialSituation = new string('x', 4001),
            Attachments = [new ReportAttachment("big.mp4", "video/mp4", 6L * 1024 * 1024)],
        };

        var errors = validator.Validate(report);

        errors.Should().ContainKey("initialSituation");
        errors.Should().ContainKey("attachments[0]").WhoseValue.Should().ContainMatch("*larger than*");
    }

    [Fact]
    public void Validate_AttachmentWithPathOrForbiddenType_Refused()
    {
        var errors = validator.Validate(Valid() with { Attachments = [new ReportAttachment("../etc/passwd", "application/x-sh", 10)] });

        errors.Should().ContainKey("attachments[0].fileName");
        errors.Should().ContainKey("attachments[0].contentType");
    }

    [Fact]
    public void Validate_FutureOrAncientTime_Refused()
    {
        validator.Validate(Valid() with { OccurredAt = Now.AddHours(1) }).Should().ContainKey("occurredAt");
        validator.Validate(Valid() with { OccurredAt = Now.AddDays(-90) }).Should().ContainKey("occurredAt");
        validator.Validate(Valid() with { OccurredAt = Now.AddMinutes(2) }).Should().BeEmpty("a reporter's clock may run a little ahead");
    }

    [Fact]
    public void Validate_BadPhoneAndEmail_Refused()
    {
        var errors = validator.Validate(Valid() with { Reporter = new ReporterContact("李四", "call me", "not-an-email", null) });

        errors.Keys.Should().Contain(["reporter.phone", "reporter.email"]);
    }

    [Fact]
    public void Validate_NegativeCounts_Refused()
    {
        var errors = validator.Validate(Valid() with { PeopleAffected = -1, Casualties = -2 });

        errors.Keys.Should().Contain(["peopleAffected", "casualties"]);
    }

    [Fact]
    public void Validate_UnknownCategory_IsAllowedForTriage()
    {
        validator.Validate(Valid() with { Category = null }).Should().BeEmpty();
    }
}
