using System.Text.RegularExpressions;
using System.Xml.Linq;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Web;

/// <summary>Every page text is in resource files, in English and in Simplified Chinese.</summary>
public partial class PageResourceTests
{
    private static string PagesFolder => Path.Combine(TestPaths.RepositoryRoot, "src", "EmergencyWorkflows.Api", "Pages");

    public static TheoryData<string> NeutralResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(PagesFolder, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileName(f).Contains(".zh-CN.", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(PagesFolder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void Resources_EveryEnglishText_HasAChineseText(string neutral)
    {
        var english = Texts(Path.Combine(PagesFolder, neutral));
        var chinesePath = Path.Combine(PagesFolder, neutral[..^".resx".Length] + ".zh-CN.resx");
        File.Exists(chinesePath).Should().BeTrue($"{neutral} needs a Simplified Chinese sibling");
        var chinese = Texts(chinesePath);

        chinese.Keys.Should().BeEquivalentTo(english.Keys, $"{neutral} and its zh-CN sibling must hold the same texts");
        english.Where(t => string.IsNullOrWhiteSpace(t.Value)).Should().BeEmpty();
        chinese.Where(t => string.IsNullOrWhiteSpace(t.Value)).Should().BeEmpty();
        chinese.Where(t => t.Value.Any(c => c >= 0x4E00 && c <= 0x9FFF) is false && english[t.Key] == t.Value && t.Value.Any(char.IsLetter))
            .Select(t => t.Key).Should().BeSubsetOf(["AppName.Short", "Channel.Api", "Language.English"], "a Chinese text that is the English text is untranslated");
    }

    [Fact]
    public void Pages_EveryLocalizedKeyUsed_ExistsInItsResourceFile()
    {
        var missing = new List<string>();
        foreach (var view in Directory.EnumerateFiles(PagesFolder, "*.cshtml", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(view);
            var localizers = new Dictionary<string, string>(StringComparer.Ordinal) { ["T"] = "CommonText" };
            foreach (Match inject in InjectPattern().Matches(source))
            {
                localizers[inject.Groups[2].Value] = inject.Groups[1].Value;
            }

            foreach (var (variable, resource) in localizers)
            {
                var resx = Directory.EnumerateFiles(PagesFolder, resource + ".resx", SearchOption.AllDirectories).SingleOrDefault();
                if (resx is null)
                {
                    missing.Add($"{Path.GetFileName(view)}: no {resource}.resx");
                    continue;
                }

                var keys = Texts(resx).Keys.ToHashSet(StringComparer.Ordinal);
                foreach (Match use in new Regex($@"(?<![\w.]){Regex.Escape(variable)}\[""([^""]+)""\]").Matches(source))
                {
                    if (!keys.Contains(use.Groups[1].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(PagesFolder, view)}: {variable}[\"{use.Groups[1].Value}\"] not in {resource}.resx");
                    }
                }
            }
        }

        missing.Should().BeEmpty();
    }

    [Fact]
    public void TimelineMessages_EveryKeyWritten_HasAPageTextInBothLanguages()
    {
        var source = File.ReadAllText(Path.Combine(SourceFolder, "EmergencyWorkflows.Emergency", "Incidents", "TimelineMessages.cs"));
        var keys = MessageKeyPattern().Matches(source).Select(m => "Line." + m.Groups[1].Value).ToList();

        keys.Should().HaveCountGreaterThan(30, "every timeline sentence is built in TimelineMessages");
        Texts(Path.Combine(PagesFolder, "TimelineLines.resx")).Keys.Should().Contain(keys);
        Texts(Path.Combine(PagesFolder, "TimelineLines.zh-CN.resx")).Keys.Should().Contain(keys);
    }

    [Fact]
    public void TimelineWriters_EveryLine_IsBuiltFromAMessageWithAKey()
    {
        // A line written any other way would have no key and stay English on a Chinese page. IncidentTimelineRecord.Of
        // takes a TimelineMessage; the outbox handler copies the key the workflow step's TimelineOutbox message carries.
        var writers = Directory.EnumerateFiles(SourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains("new IncidentTimelineRecord", StringComparison.Ordinal) || text.Contains("Summary = ", StringComparison.Ordinal)
                    || text.Contains("new TimelineMessage(", StringComparison.Ordinal)))
            .Select(Path.GetFileName);

        writers.Should().BeEquivalentTo(["IncidentTimelineRecord.cs", "TimelineOutboxHandler.cs"]);
    }

    [Fact]
    public void ReportValidation_EveryErrorCode_HasAPageTextInBothLanguages()
    {
        var codes = new[] { Path.Combine("EmergencyWorkflows.Emergency", "Incidents", "IncidentReportValidator.cs"), Path.Combine("EmergencyWorkflows.Api", "Incidents", "IncidentIntake.cs") }
            .SelectMany(f => ErrorCodePattern().Matches(File.ReadAllText(Path.Combine(SourceFolder, f))))
            .Select(m => "ApiError." + m.Groups[1].Value)
            .Distinct()
            .ToList();

        codes.Should().HaveCountGreaterThan(15);
        Texts(Path.Combine(PagesFolder, "Employee", "EmployeeText.resx")).Keys.Should().Contain(codes);
        Texts(Path.Combine(PagesFolder, "Employee", "EmployeeText.zh-CN.resx")).Keys.Should().Contain(codes);
    }

    [Fact]
    public void TaskRefusals_EveryCode_HasAPageTextInBothLanguages()
    {
        var codes = TaskCodePattern().Matches(File.ReadAllText(Path.Combine(SourceFolder, "EmergencyWorkflows.Api", "Tasks", "TaskBoard.cs")))
            .Select(m => "ApiError." + m.Groups[1].Value)
            .Distinct()
            .ToList();

        codes.Should().HaveCountGreaterThanOrEqualTo(10);
        Texts(Path.Combine(PagesFolder, "Respond", "RespondText.resx")).Keys.Should().Contain(codes);
        Texts(Path.Combine(PagesFolder, "Respond", "RespondText.zh-CN.resx")).Keys.Should().Contain(codes);
    }

    [Fact]
    public void LeadFormProblems_EveryCode_HasAPageTextInBothLanguages()
    {
        var codes = new[] { "AnnouncementEndpoints.cs", "ReviewEndpoints.cs" }
            .SelectMany(f => CodedProblemPattern().Matches(File.ReadAllText(Path.Combine(SourceFolder, "EmergencyWorkflows.Api", "Release", f))))
            .Select(m => "ApiError." + m.Groups[1].Value)
            .Distinct()
            .ToList();

        codes.Should().HaveCountGreaterThanOrEqualTo(15);
        Texts(Path.Combine(PagesFolder, "Lead", "LeadText.resx")).Keys.Should().Contain(codes);
        Texts(Path.Combine(PagesFolder, "Lead", "LeadText.zh-CN.resx")).Keys.Should().Contain(codes);
    }

    private static string SourceFolder => Path.Combine(TestPaths.RepositoryRoot, "src");

    [GeneratedRegex(@"\bOf\(""([\w.]+)""")]
    private static partial Regex MessageKeyPattern();

    [GeneratedRegex(@"""((?:Announce|Review|Action)\.\w+|ChangedMeanwhile)""")]
    private static partial Regex CodedProblemPattern();

    [GeneratedRegex(@"""(Task\.\w+)""")]
    private static partial Regex TaskCodePattern();

    [GeneratedRegex(@"(?:\bAdd\([^,]+, |FieldError\.Of\()""([\w.]+)""")]
    private static partial Regex ErrorCodePattern();

    private static Dictionary<string, string> Texts(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(\w+)>\s+(\w+)")]
    private static partial Regex InjectPattern();
}
