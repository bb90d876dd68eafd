using System.Globalization;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tasks;

namespace EmergencyWorkflows.Api.Tests.Tasks;

/// <summary>The texts a page shows for a task, read from the task as it was stored when it opened.</summary>
public class TaskViewTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static JsonObject Stored(JsonObject? extra = null)
    {
        var task = new JsonObject
        {
            ["taskId"] = "t1",
            ["title"] = "Evacuate people",
            ["instructions"] = "Move everyone out.",
            ["assignee"] = "responder",
            ["createdAt"] = DateTimeOffset.UnixEpoch,
            ["outcomes"] = new JsonArray("Done", "Escalated"),
            ["formFields"] = new JsonArray(new JsonObject { ["name"] = "n", ["label"] = "People evacuated", ["type"] = "number" }),
        };
        foreach (var (key, value) in extra ?? [])
        {
            task[key] = value?.DeepClone();
        }

        return task;
    }

    [Fact]
    public void TaskView_TaskOpenedBeforeChineseTexts_ShowsItsEnglishOnChinesePages()
    {
        var view = TaskView.From(Stored(), "i1");

        view.TitleIn(Chinese).Should().Be("Evacuate people");
        view.InstructionsIn(Chinese).Should().Be("Move everyone out.");
        view.OutcomeLabelIn("Done", Chinese).Should().BeNull("the page's own word for the outcome then");
    }

    [Fact]
    public void TaskView_TaskWithChineseTexts_ChineseOnChinesePagesEnglishElsewhere()
    {
        var view = TaskView.From(Stored(new JsonObject
        {
            ["titleZh"] = "疏散人员",
            ["instructionsZh"] = "将人员撤离。",
            ["outcomeLabels"] = new JsonObject { ["Done"] = new JsonObject { ["label"] = "Everyone evacuated", ["labelZh"] = "人员已全部疏散" } },
        }), "i1");

        view.TitleIn(Chinese).Should().Be("疏散人员");
        view.TitleIn(English).Should().Be("Evacuate people");
        view.InstructionsIn(Chinese).Should().Be("将人员撤离。");
        view.InstructionsIn(English).Should().Be("Move everyone out.");
        view.OutcomeLabelIn("Done", Chinese).Should().Be("人员已全部疏散");
        view.OutcomeLabelIn("Done", English).Should().Be("Everyone evacuated");
        view.OutcomeLabelIn("Escalated", Chinese).Should().BeNull();
        view.Title.Should().Be("Evacuate people", "the API's title stays English");
    }
}
