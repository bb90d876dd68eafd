using EmergencyWorkflows.Api.Logging;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace EmergencyWorkflows.Api.Tests.Logging;

[Collection(SharedHostCollection.Name)]
public class PersonalDataMaskingTests(SharedHost host)
{
    [Fact]
    public void HostLogger_EventWithPhoneNumber_SinkSeesItMasked()
    {
        var logger = host.Factory.Services.GetRequiredService<ILogger<PersonalDataMaskingTests>>();
        var marker = Guid.NewGuid().ToString("N");

        logger.LogInformation("Incident {Marker} reported by {ReporterName} at {ContactPhone} about {EventName}",
            marker, "Zhang Wei", "13812345678", "fire-alarm");

        var logged = host.Factory.Sink.Events.Single(e => e.Properties.TryGetValue("Marker", out var m) && m.ToString() == $"\"{marker}\"");
        Scalar(logged, "ContactPhone").Should().Be("***78");
        Scalar(logged, "ReporterName").Should().Be("***ei");
        Scalar(logged, "EventName").Should().Be("fire-alarm", "technical names are not personal data");
        logged.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Should().NotContain("13812345678").And.NotContain("Zhang Wei");
    }

    [Fact]
    public void HostLogger_DestructuredObjectWithEmail_NestedValueMasked()
    {
        var logger = host.Factory.Services.GetRequiredService<ILogger<PersonalDataMaskingTests>>();
        var marker = Guid.NewGuid().ToString("N");

        logger.LogInformation("Report {Marker} {@Report}", marker, new { Email = "wei.zhang@example.com", Medical = "asthma", Category = "personnel-safety" });

        var logged = host.Factory.Sink.Events.Single(e => e.Properties.TryGetValue("Marker", out var m) && m.ToString() == $"\"{marker}\"");
        var report = (StructureValue)logged.Properties["Report"];
        report.Properties.Single(p => p.Name == "Email").Value.ToString().Should().Be("\"***om\"");
        report.Properties.Single(p => p.Name == "Medical").Value.ToString().Should().Be("\"***ma\"");
        report.Properties.Single(p => p.Name == "Category").Value.ToString().Should().Be("\"personnel-safety\"");
    }

    [Theory]
    [InlineData("Phone", true)]
    [InlineData("ReporterPhone", true)]
    [InlineData("EmployeeName", true)]
    [InlineData("Name", true)]
    [InlineData("ContactEmail", true)]
    [InlineData("MedicalNotes", true)]
    [InlineData("EventName", false)]
    [InlineData("TaskName", false)]
    [InlineData("ServiceName", false)]
    [InlineData("InstanceId", false)]
    [InlineData("address", false)]
    [InlineData("HomeAddress", true)]
    public void IsPersonal_PropertyName_ClassifiedByName(string propertyName, bool personal) =>
        PersonalDataMaskingEnricher.IsPersonal(propertyName).Should().Be(personal);

    private static object? Scalar(LogEvent logEvent, string name) => ((ScalarValue)logEvent.Properties[name]).Value;
}
