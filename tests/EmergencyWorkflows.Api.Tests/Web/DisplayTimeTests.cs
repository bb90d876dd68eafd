using EmergencyWorkflows.Api.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Api.Tests.Web;

public class DisplayTimeTests
{
    private static readonly DateTimeOffset Instant = new(2026, 12, 2, 4, 30, 0, TimeSpan.Zero);

    private static DisplayTime Create(string? zone, RecordingLogger? logger = null) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DisplayTime.ZoneKey] = zone }).Build(),
            logger ?? new RecordingLogger());

    [Fact]
    public void Text_DefaultZone_ShanghaiWallClockWithItsOffset()
    {
        var display = Create(null);

        display.ZoneName.Should().Be("Asia/Shanghai");
        display.Text(Instant).Should().Be("2026-12-02 12:30 UTC+08:00");
        DisplayTime.Iso(Instant).Should().Be("2026-12-02T04:30:00Z");
        display.Input(Instant).Should().Be("2026-12-02T12:30");
    }

    [Fact]
    public void Constructor_UnknownZone_FallsBackToUtcWithAWarning()
    {
        var logger = new RecordingLogger();

        var display = Create("Mars/Olympus_Mons", logger);

        display.Zone.Should().Be(TimeZoneInfo.Utc);
        display.Text(Instant).Should().Be("2026-12-02 04:30 UTC");
        logger.Warnings.Should().ContainSingle().Which.Should().Contain("Mars/Olympus_Mons");
    }

    [Theory]
    [InlineData("2026-12-02T12:30", "2026-12-02T04:30:00Z")]
    [InlineData("2026-12-02 08:00", "2026-12-02T00:00:00Z")]
    public void ParseInput_WallClockInTheDisplayZone_TheUtcInstant(string text, string expected)
    {
        var (ok, value) = Create("Asia/Shanghai").ParseInput(text);

        ok.Should().BeTrue();
        value.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        value!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01T10:00")]
    public void ParseInput_NotATime_NotOk(string text)
    {
        Create("Asia/Shanghai").ParseInput(text).Should().Be((false, (DateTimeOffset?)null));
    }

    [Fact]
    public void ParseInput_EmptyOrATimeTheZoneSkips_EmptyIsOkTheGapIsNot()
    {
        var newYork = Create("America/New_York");

        newYork.ParseInput(" ").Should().Be((true, (DateTimeOffset?)null));
        newYork.ParseInput("2026-03-08T02:30").Ok.Should().BeFalse("02:30 does not exist on the day clocks spring forward");
        newYork.ParseInput("2026-07-01T09:00").Value.Should().Be(new DateTimeOffset(2026, 7, 1, 13, 0, 0, TimeSpan.Zero));
    }

    internal sealed class RecordingLogger : ILogger<DisplayTime>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
