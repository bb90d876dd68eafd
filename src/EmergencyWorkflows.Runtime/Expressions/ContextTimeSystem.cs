using System.Globalization;
using Jint.Runtime;

namespace EmergencyWorkflows.Runtime.Expressions;

/// <summary>
/// Makes <c>new Date()</c> and <c>Date.now()</c> in scripts read the workflow clock (the injected TimeProvider behind
/// <see cref="IExpressionContext.Now"/>) instead of the machine clock. Parsing and offsets are Jint's own.
/// </summary>
internal sealed class ContextTimeSystem(IExpressionContext context, TimeZoneInfo timeZone) : ITimeSystem
{
    private readonly DefaultTimeSystem _inner = new(timeZone, CultureInfo.InvariantCulture);

    public TimeZoneInfo DefaultTimeZone => _inner.DefaultTimeZone;

    public DateTimeOffset GetUtcNow() => context.Now.ToUniversalTime();

    public TimeSpan GetUtcOffset(long epochMilliseconds) => _inner.GetUtcOffset(epochMilliseconds);

    public bool TryParse(string date, out long epochMilliseconds) => _inner.TryParse(date, out epochMilliseconds);
}
