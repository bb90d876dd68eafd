using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Sla;
using Microsoft.Extensions.Configuration;

namespace EmergencyWorkflows.Emergency.Tests.Configuration;

/// <summary>The options records bind from configuration as the host will bind them (keys as in appsettings.json).</summary>
public class OptionsBindingTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void SlaTargetsOptions_FromConfiguration_RulesAndDefaultApply()
    {
        var config = Config(new()
        {
            ["Emergency:Sla:DefaultResponse"] = "00:05:00",
            ["Emergency:Sla:Rules:0:Grade"] = "3",
            ["Emergency:Sla:Rules:0:Response"] = "00:30:00",
            ["Emergency:Sla:Rules:1:Grade"] = "1",
            ["Emergency:Sla:Rules:1:Category"] = "personnel-safety",
            ["Emergency:Sla:Rules:1:Response"] = "00:02:00",
        });

        var options = config.GetSection("Emergency:Sla").Get<SlaTargetsOptions>()!;
        var targets = new SlaTargets(options);

        options.Rules.Should().HaveCount(2);
        targets.ResponseTargetFor(IncidentGrade.Level1, IncidentCategory.PersonnelSafety).Should().Be(TimeSpan.FromMinutes(2));
        targets.ResponseTargetFor(IncidentGrade.Level3, IncidentCategory.ComplaintDispute).Should().Be(TimeSpan.FromMinutes(30));
        targets.ResponseTargetFor(IncidentGrade.Level2, IncidentCategory.ComplaintDispute).Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void SlaTargetsOptions_EmptySection_PlanDefaultOfFiveMinutes()
    {
        var options = Config([]).GetSection("Emergency:Sla").Get<SlaTargetsOptions>() ?? new SlaTargetsOptions();

        new SlaTargets(options).ResponseTargetFor(IncidentGrade.Level2, IncidentCategory.ServiceInterruption)
            .Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void SmtpOptions_FromConfiguration_AllFieldsBind()
    {
        var config = Config(new()
        {
            ["Emergency:Smtp:Host"] = "smtp.example.com",
            ["Emergency:Smtp:Port"] = "587",
            ["Emergency:Smtp:Security"] = "StartTls",
            ["Emergency:Smtp:FromAddress"] = "emergency@example.com",
            ["Emergency:Smtp:FromName"] = "应急小组",
            ["Emergency:Smtp:UserName"] = "bot",
            ["Emergency:Smtp:Timeout"] = "00:00:15",
        });

        var options = config.GetSection("Emergency:Smtp").Get<SmtpOptions>();

        options.Should().BeEquivalentTo(new SmtpOptions
        {
            Host = "smtp.example.com",
            Port = 587,
            Security = SmtpSecurity.StartTls,
            FromAddress = "emergency@example.com",
            FromName = "应急小组",
            UserName = "bot",
            Timeout = TimeSpan.FromSeconds(15),
        });
    }
}
