using System.Globalization;
using System.Xml.Linq;
using EmergencyWorkflows.Api.Metrics;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Metrics;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Metrics;

/// <summary>
/// The metrics page's charts as inline SVG, drawn on the server from a <see cref="MetricsAnswer"/>, every label from the
/// resource files: response times as strip plots (one row per grade or category, a dot per incident, the median, the
/// configured target as a line, never-acknowledged incidents in their own column), SLA compliance as stacked bars per
/// day or week, and reported / closed bars with the open count as a line.
/// </summary>
internal sealed class MetricsCharts(IStringLocalizer<MetricsText> l, IStringLocalizer<CommonText> t, TimeZoneInfo zone)
{
    private const double Width = 640;

    // Response times beyond two hours are drawn at the axis end (their exact value is in the tooltip and the table).
    private static readonly TimeSpan AxisCap = TimeSpan.FromHours(2);

    public string GroupLabel(bool byGrade, string key) => byGrade
        ? key == SlaMetrics.NoGradeKey ? t["Grade.None"] : t[$"Grade.{key}"]
        : key switch
        {
            IncidentCategoryKeys.PersonnelSafety => t["Category.PersonnelSafety"],
            IncidentCategoryKeys.ServiceInterruption => t["Category.ServiceInterruption"],
            IncidentCategoryKeys.ComplaintDispute => t["Category.ComplaintDispute"],
            _ => t["Category.Unknown"],
        };

    public string Minutes(TimeSpan? value) => value is { } v ? Format("Minutes", v.TotalMinutes) : "–";

    public string Targets(IEnumerable<TimeSpan> targets) => string.Join(" / ", targets.Select(v => Minutes(v)));

    public string Percent(double? value) => value is { } v ? Format("Percent", v) : "–";

    public string BucketLabel(DateTimeOffset start, MetricsBucket bucket)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone);
        var date = local.ToString(l["DateFormat"], CultureInfo.CurrentCulture);
        return bucket == MetricsBucket.Week ? Format("WeekOf", date) : date;
    }

    /// <summary>Response times of one kind (acknowledge or arrive), one row per group.</summary>
    public string Strip(string id, IReadOnlyList<DistributionGroup> groups, bool byGrade, bool acknowledge)
    {
        ArgumentNullException.ThrowIfNull(groups);
        // Labels, then the never-acknowledged column (breaches stay in view when a phone scrolls the chart), then the plot.
        const double labelWidth = 170, neverWidth = 76, top = 40, rowHeight = 40, bottom = 46;
        var neverCenter = labelWidth + (neverWidth / 2);
        var plotLeft = labelWidth + neverWidth + 8;
        var plotRight = Width - 16;
        var height = top + (Math.Max(groups.Count, 1) * rowHeight) + bottom;

        var times = groups.SelectMany(g => g.Times).ToList();
        var within = times.Count(x => x.WithinTarget);
        var never = groups.Sum(g => g.Never);
        var title = l[acknowledge ? (byGrade ? "Chart.AckByGrade" : "Chart.AckByCategory") : (byGrade ? "Chart.ArriveByGrade" : "Chart.ArriveByCategory")];
        var description = acknowledge
            ? Format("Chart.AckDesc", times.Count, within, times.Count - within, never)
            : Format("Chart.ArriveDesc", times.Count, within, times.Count - within);
        var svg = new SvgChart(id, Width, height, title, description);

        var allTargets = groups.SelectMany(g => g.Targets).Distinct().Order().ToList();
        var longest = times.Select(x => x.Elapsed).Concat(allTargets.Select(x => x * 2)).DefaultIfEmpty(TimeSpan.FromMinutes(10)).Max();
        var (axisMax, step) = SvgChart.NiceScale(Math.Min(longest.TotalMinutes, AxisCap.TotalMinutes), 5);
        double X(TimeSpan v) => plotLeft + (Math.Min(v.TotalMinutes, axisMax) / axisMax * (plotRight - plotLeft));

        var axisY = top + (groups.Count * rowHeight);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var y0 = top + (i * rowHeight);
            var yc = y0 + (rowHeight / 2);
            svg.Rect(plotLeft, y0, plotRight - plotLeft, rowHeight, i % 2 == 0 ? "band" : "band alt");
            svg.Text(labelWidth - 8, yc + 4, $"{GroupLabel(byGrade, group.Key)} ({group.Count})", "row-label", "end");
            foreach (var target in group.Targets)
            {
                svg.Line(X(target), y0 + 1, X(target), y0 + rowHeight - 1, "target",
                    new XAttribute("data-target-minutes", target.TotalMinutes.ToString(CultureInfo.InvariantCulture)));
            }

            for (var j = 0; j < group.Times.Count; j++)
            {
                var time = group.Times[j];
                var css = (time.WithinTarget ? "dot within" : "dot over") + (time.Elapsed.TotalMinutes > axisMax ? " overflow" : string.Empty);
                svg.Circle(X(time.Elapsed), yc + (((j % 3) - 1) * 7), 4.5, css, $"{time.IncidentId}: {Minutes(time.Elapsed)}");
            }

            if (group.Median is { } median)
            {
                svg.Line(X(median), yc - 13, X(median), yc + 13, "median");
            }

            if (acknowledge && group.Never > 0)
            {
                svg.Rect(neverCenter - 24, yc - 11, 48, 22, "never", Format("Chart.NeverTooltip", group.Never));
                svg.Text(neverCenter, yc + 5, group.Never.ToString(CultureInfo.CurrentCulture), "never-count", "middle");
            }
        }

        foreach (var target in allTargets)
        {
            svg.Text(X(target), top - 8, Format("Chart.Target", Minutes(target)), "target-label", "middle");
        }

        if (acknowledge)
        {
            svg.Text(neverCenter, top - 8, l["Chart.NeverColumn"], "never-label", "middle");
        }

        svg.Line(plotLeft, axisY, plotRight, axisY, "axis");
        for (var v = 0.0; v <= axisMax + 1e-9; v += step)
        {
            var x = X(TimeSpan.FromMinutes(v));
            svg.Line(x, axisY, x, axisY + 5, "axis");
            svg.Text(x, axisY + 18, v.ToString("0.#", CultureInfo.CurrentCulture), "tick", "middle");
        }

        svg.Text((plotLeft + plotRight) / 2, axisY + 38, l["Chart.MinutesAxis"], "axis-title", "middle");
        return svg.ToMarkup();
    }

    /// <summary>SLA outcomes per day or week as stacked bars (met, late, never acknowledged, awaiting), % met above each.</summary>
    public string Compliance(string id, IReadOnlyList<ComplianceBucket> buckets, MetricsBucket bucket, SlaTotals totals)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(totals);
        var svg = new SvgChart(id, Width, 280, l[bucket == MetricsBucket.Week ? "Chart.ComplianceWeekly" : "Chart.ComplianceDaily"],
            Format("Chart.ComplianceDesc", Percent(totals.PercentMet), totals.Met, totals.Settled, totals.NeverAcknowledged));
        var plot = new Plot(56, Width - 16, 30, 220);
        var (yMax, step) = SvgChart.NiceScale(buckets.Select(b => b.Settled + b.Pending).DefaultIfEmpty(0).Max(), 5, integer: true);
        YAxis(svg, plot, yMax, step);
        var slot = plot.Width / Math.Max(buckets.Count, 1);
        var barWidth = Math.Max(2, slot * 0.7);
        for (var i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            var x = plot.Left + (i * slot) + ((slot - barWidth) / 2);
            var label = BucketLabel(b.Start, bucket);
            var y = plot.Bottom;
            foreach (var (count, css, key) in new[] { (b.Met, "met", "Legend.Met"), (b.Late, "late", "Legend.Late"), (b.NeverAcknowledged, "never", "Legend.Never"), (b.Pending, "pending", "Legend.Pending") })
            {
                var h = count / yMax * plot.Height;
                svg.Rect(x, y - h, barWidth, h, "bar " + css, $"{label}: {l[key]} {count}");
                y -= h;
            }

            if (b.PercentMet is { } pct)
            {
                svg.Text(x + (barWidth / 2), y - 4, Percent(pct), "pct", "middle");
            }

            XLabel(svg, plot, buckets.Count, i, x + (barWidth / 2), label);
        }

        return svg.ToMarkup();
    }

    /// <summary>Incidents reported and closed per day or week (bars) and open at the end of each (line).</summary>
    public string Volume(string id, IReadOnlyList<VolumeBucket> buckets, MetricsBucket bucket, int openNow, int closedNow)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var svg = new SvgChart(id, Width, 280, l[bucket == MetricsBucket.Week ? "Chart.VolumeWeekly" : "Chart.VolumeDaily"],
            Format("Chart.VolumeDesc", buckets.Sum(b => b.Reported), buckets.Sum(b => b.Closed), openNow, closedNow));
        var plot = new Plot(56, Width - 16, 24, 220);
        var (yMax, step) = SvgChart.NiceScale(buckets.Select(b => Math.Max(Math.Max(b.Reported, b.Closed), b.OpenAtEnd)).DefaultIfEmpty(0).Max(), 5, integer: true);
        YAxis(svg, plot, yMax, step);
        var slot = plot.Width / Math.Max(buckets.Count, 1);
        var barWidth = Math.Max(1.5, slot * 0.35);
        var line = new List<(double X, double Y)>();
        for (var i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            var center = plot.Left + (i * slot) + (slot / 2);
            var label = BucketLabel(b.Start, bucket);
            var reported = b.Reported / yMax * plot.Height;
            var closed = b.Closed / yMax * plot.Height;
            svg.Rect(center - barWidth, plot.Bottom - reported, barWidth, reported, "bar reported", $"{label}: {l["Legend.Reported"]} {b.Reported}");
            svg.Rect(center, plot.Bottom - closed, barWidth, closed, "bar closed", $"{label}: {l["Legend.Closed"]} {b.Closed}");
            line.Add((center, plot.Bottom - (b.OpenAtEnd / yMax * plot.Height)));
            XLabel(svg, plot, buckets.Count, i, center, label);
        }

        if (line.Count > 0)
        {
            svg.Polyline(line, "open-line");
            for (var i = 0; i < line.Count; i++)
            {
                svg.Circle(line[i].X, line[i].Y, 3, "open-dot", $"{BucketLabel(buckets[i].Start, bucket)}: {l["Legend.Open"]} {buckets[i].OpenAtEnd}");
            }
        }

        return svg.ToMarkup();
    }

    private static void YAxis(SvgChart svg, Plot plot, double yMax, double step)
    {
        for (var v = 0.0; v <= yMax + 1e-9; v += step)
        {
            var y = plot.Bottom - (v / yMax * plot.Height);
            svg.Line(plot.Left, y, plot.Right, y, v == 0 ? "axis" : "grid");
            svg.Text(plot.Left - 6, y + 4, v.ToString("0.#", CultureInfo.CurrentCulture), "tick", "end");
        }
    }

    private static void XLabel(SvgChart svg, Plot plot, int count, int index, double x, string label)
    {
        // About seven date labels fit under the axis; every bar's date is in its tooltip and in the table.
        var every = (int)Math.Ceiling(count / 7.0);
        if (index % every == 0)
        {
            svg.Text(x, plot.Bottom + 18, label, "tick", "middle");
        }
    }

    private string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, l[key], args);

    private sealed record Plot(double Left, double Right, double Top, double Bottom)
    {
        public double Width => Right - Left;

        public double Height => Bottom - Top;
    }
}
