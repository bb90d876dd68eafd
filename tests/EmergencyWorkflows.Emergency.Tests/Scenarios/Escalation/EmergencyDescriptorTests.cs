using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Runtime.Activities;

namespace EmergencyWorkflows.Emergency.Tests.Scenarios.Escalation;

/// <summary>What a designer reads from the Emergency.* descriptors: category, names, ports and input hints.</summary>
public class EmergencyDescriptorTests
{
    private readonly EmergencyHarness harness = new();

    private IEnumerable<ActivityDescriptor> Emergency =>
        harness.Registry.Activities.Select(a => a.Descriptor).Where(d => d.TypeName.StartsWith("Emergency.", StringComparison.Ordinal));

    [Fact]
    public void Descriptors_EveryEmergencyActivity_CompleteForADesigner()
    {
        Emergency.Select(d => d.TypeName).Should().BeEquivalentTo("Emergency.ResponseSla", "Emergency.Escalate", "Emergency.AwaitResponse", "Emergency.HumanTask",
            "Emergency.AwaitAssessment", "Emergency.AwaitIncident", "Emergency.SetIncidentStatus");
        foreach (var descriptor in Emergency)
        {
            descriptor.Category.Should().Be("Emergency");
            descriptor.DisplayName.Should().NotBeNullOrWhiteSpace();
            descriptor.Description.Should().NotBeNullOrWhiteSpace();
            descriptor.Inputs.Should().NotBeEmpty().And.OnlyContain(i => i.DisplayName != null && i.Description != null && i.UiHint != null);
            foreach (var choice in descriptor.Inputs.Where(i => i.UiHint is "dropdown" or "checklist"))
            {
                choice.Options.Should().NotBeNullOrEmpty($"{descriptor.TypeName}.{choice.Name} offers choices");
            }

            descriptor.Outputs.Should().NotBeEmpty();
        }
    }

    [Theory]
    [InlineData("Emergency.ResponseSla", "Met", "Breached")]
    [InlineData("Emergency.Escalate", "Responded", "Exhausted")]
    [InlineData("Emergency.AwaitResponse", "Acknowledged", "Arrived")]
    [InlineData("Emergency.HumanTask", "Done", "Escalated")]
    [InlineData("Emergency.AwaitIncident", "Reached", "NotRequired")]
    public void Descriptors_Ports_NameWhatHappened(string typeName, string first, string second)
    {
        harness.Registry.Resolve(typeName).Descriptor.Outcomes.Should().Equal(first, second);
    }

    [Fact]
    public void Descriptors_GradeCategoryAndChannel_AreDropdownsWithTheirChoices()
    {
        var sla = harness.Registry.Resolve("Emergency.ResponseSla").Descriptor;
        sla.FindInput("grade")!.Options.Should().Equal("1", "2", "3");
        sla.FindInput("category")!.Options.Should().Equal("personnel-safety", "service-interruption", "complaint-dispute", "unknown");
        harness.Registry.Resolve("Emergency.Escalate").Descriptor.FindInput("channels")!.Options
            .Should().Contain(["Email", "InApp", "WeCom", "DingTalk", "Feishu", "Slack", "GenericWebhook"]);
    }

    [Fact]
    public void AddEmergencyActivities_RegistersEachTypeOnce()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        services.AddEmergencyActivities().AddEmergencyActivities();

        services.Where(s => s.ServiceType == typeof(Activity)).Select(s => s.ImplementationType)
            .Should().BeEquivalentTo(EmergencyActivities.Types);
    }
}
