using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Tests.Scenarios.Escalation;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Emergency.Tests.Scenarios.Tasks;

/// <summary>A human task's texts per language: the Chinese inputs ride on the task beside the English ones, an English-only
/// definition still runs and falls back to English, a malformed one is refused before publishing, and the repository's
/// plans carry the plan's Chinese wording on every task.</summary>
public partial class HumanTaskTextsTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private readonly EmergencyHarness harness = new();

    private static string Literal(string value) => $$"""{ "typeName": "String", "expression": { "type": "Literal", "value": {{JsonValue.Create(value).ToJsonString()}} } }""";

    private static string Object(string json) => $$"""{ "typeName": "Object", "expression": { "type": "Object", "value": {{JsonValue.Create(json).ToJsonString()}} } }""";

    /// <summary>One task; <paramref name="inputs"/> are its input properties as JSON text (each "name": value).</summary>
    private static WorkflowDefinition Definition(params string[] inputs) => WorkflowDefinitionReader.Read(Encoding.UTF8.GetBytes($$"""
        {
          "id": "v1", "definitionId": "task-texts", "name": "Task texts", "version": 1, "isPublished": true,
          "root": {
            "id": "root", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "start", "type": "Elsa.Start", "version": 1 },
              { "id": "task", "type": "Emergency.HumanTask", "version": 1{{string.Concat(inputs.Select(i => ", " + i))}} }
            ],
            "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "task", "port": "In" } } ]
          }
        }
        """));

    private static readonly string[] EnglishOnly =
    [
        $"\"title\": {Literal("Evacuate people")}",
        $"\"instructions\": {Literal("Move everyone out.")}",
        $"\"formFields\": {Object("""[{"name":"evacuated","label":"People evacuated","type":"number","required":true}]""")}",
    ];

    private static readonly string[] Bilingual =
    [
        .. EnglishOnly[..2],
        $"\"titleZh\": {Literal("组织疏散")}",
        $"\"instructionsZh\": {Literal("将人员撤离至安全集合点。")}",
        $"\"formFields\": {Object("""[{"name":"evacuated","label":"People evacuated","labelZh":"已疏散人数","type":"number","required":true}]""")}",
        $"\"outcomes\": {Object("""["Done","Escalated"]""")}",
        $"\"outcomeLabels\": {Object("""{"Done": {"label": "Everyone evacuated", "labelZh": "人员已全部疏散"}, "Escalated": {"labelZh": "需要支援"}}""")}",
    ];

    private JsonObject StartTask(WorkflowDefinition definition) =>
        harness.Start(definition).Instance.Bookmarks.Single(b => b.Name == BookmarkNames.RunTask).Payload;

    [Fact]
    public void HumanTask_ChineseTexts_TaskCarriesThemBesideTheEnglish()
    {
        var definition = Definition(Bilingual);
        harness.Validator.Validate(definition).Should().BeEmpty();

        var task = StartTask(definition);

        ((string?)task["title"]).Should().Be("Evacuate people", "the English title stays the task's title");
        ((string?)task["titleZh"]).Should().Be("组织疏散");
        ((string?)task["instructionsZh"]).Should().Be("将人员撤离至安全集合点。");
        var field = TaskForm.Parse(task["formFields"]).Should().ContainSingle().Subject;
        field.LabelIn(Chinese).Should().Be("已疏散人数");
        field.LabelIn(English).Should().Be("People evacuated");
        var labels = TaskTexts.ParseOutcomeLabels(task["outcomeLabels"], ["Done", "Escalated"]);
        labels["Done"].In(Chinese).Should().Be("人员已全部疏散");
        labels["Done"].In(English).Should().Be("Everyone evacuated");
        labels["Escalated"].In(English).Should().BeNull("no English label: the page's own word for the outcome");
    }

    [Fact]
    public void HumanTask_EnglishOnlyDefinition_ValidAndFallsBackToEnglish()
    {
        var definition = Definition(EnglishOnly);
        harness.Validator.Validate(definition).Should().BeEmpty("definitions written before the Chinese texts stay valid");

        var task = StartTask(definition);

        task["titleZh"].Should().BeNull();
        task["outcomeLabels"].Should().BeNull();
        TaskTexts.Pick((string)task["title"]!, (string?)task["titleZh"], Chinese).Should().Be("Evacuate people");
        TaskForm.Parse(task["formFields"]).Single().LabelIn(Chinese).Should().Be("People evacuated");
        ((JsonObject)task["formFields"]![0]!).ContainsKey("labelZh").Should().BeFalse();
    }

    [Fact]
    public void HumanTask_BlankChineseTitle_FallsBackToEnglishOnChinesePages()
    {
        var task = StartTask(Definition([.. EnglishOnly, $"\"titleZh\": {Literal("  ")}"]));

        task["titleZh"].Should().BeNull();
        TaskTexts.Pick("Evacuate people", (string?)task["titleZh"], Chinese).Should().Be("Evacuate people");
        TaskTexts.Pick("Evacuate people", "组织疏散", English).Should().Be("Evacuate people");
    }

    public static TheoryData<string, string, string> Malformed() => new()
    {
        { "labelZh not text", $"\"formFields\": {Object("""[{"name":"a","label":"A","labelZh":5}]""")}", "form field 'a' labelZh must be text" },
        { "form field not an object", $"\"formFields\": {Object("""["a"]""")}", "every form field must be a JSON object" },
        { "unknown field type", $"\"formFields\": {Object("""[{"name":"a","type":"colour"}]""")}", "type 'colour'" },
        { "outcome label for an outcome the task lacks", $"\"outcomeLabels\": {Object("""{"Escalated": {"labelZh": "上报"}}""")}", "'Escalated', which is not one of the task's outcomes (Done)" },
        { "outcome labels not an object", $"\"outcomeLabels\": {Object("""["Done"]""")}", "outcomeLabels must be a JSON object" },
        { "outcome label with an unknown key", $"\"outcomeLabels\": {Object("""{"Done": {"text": "x"}}""")}", "'text'; only \"label\" and \"labelZh\"" },
        { "dueByGrade for grade 4", $"\"dueByGrade\": {Object("""{"4": "01:00:00"}""")}", "dueByGrade entry '4'" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Validator_MalformedTaskInput_ReportsTheActivityAndTheProblem(string problem, string input, string expected)
    {
        var definition = Definition([$"\"title\": {Literal("T")}", $"\"outcomes\": {Object("""["Done"]""")}", input]);

        var errors = harness.Validator.Validate(definition);

        errors.Should().ContainSingle(problem).Which.Should().Contain("Emergency.HumanTask 'task'").And.Contain(expected);
    }

    [Fact]
    public void Validator_TaskWithoutTitle_IsRefused()
    {
        harness.Validator.Validate(Definition($"\"instructions\": {Literal("x")}")).Should().ContainSingle()
            .Which.Should().Contain("input 'title'");
    }

    [Fact]
    public void Validator_TextsComputedAtRunTime_AreNotJudgedBeforehand()
    {
        var definition = Definition($"\"title\": {Literal("T")}",
            """ "formFields": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "return [];" } } """);

        harness.Validator.Validate(definition).Should().BeEmpty();
    }

    [Theory]
    [InlineData("personnel-safety", 5)]
    [InlineData("service-interruption", 4)]
    [InlineData("complaint-dispute", 4)]
    [InlineData("triage", 1)]
    public void RepositoryWorkflows_EveryHumanTask_HasChineseTitleInstructionsAndLabels(string id, int tasks)
    {
        var definition = WorkflowDefinitionReader.Read(File.ReadAllBytes(Path.Combine(RepositoryRoot(), "workflows", id + ".json")));
        harness.Validator.Validate(definition).Should().BeEmpty();

        var humanTasks = definition.AllActivities().Where(a => a.Type == "Emergency.HumanTask").ToList();

        humanTasks.Should().HaveCount(tasks);
        foreach (var node in humanTasks)
        {
            Fixed(node, "titleZh").Should().MatchRegex(Han(), node.Id);
            Fixed(node, "instructionsZh").Should().MatchRegex(Han(), node.Id);
            node.Input("formFields").TryGetFixedValue(out var form).Should().BeTrue(node.Id);
            TaskForm.Parse(form).Should().NotBeEmpty().And.OnlyContain(f => f.LabelZh != null && Han().IsMatch(f.LabelZh), node.Id);
            node.Input("outcomeLabels").TryGetFixedValue(out var labels).Should().BeTrue(node.Id);
            TaskTexts.ParseOutcomeLabels(labels, ["Done"])["Done"].In(Chinese).Should().MatchRegex(Han(), node.Id);
        }
    }

    private static string? Fixed(ActivityNode node, string input) =>
        node.Input(input).TryGetFixedValue(out var value) ? (string?)value : null;

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EmergencyWorkflows.sln not found");
    }
}
