using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Tests.Expressions;

public class LiquidExpressionTests
{
    private static readonly ExpressionEvaluator Evaluator = new();

    private static string? Liquid(string template, FakeExpressionContext? context = null) =>
        Evaluator.Evaluate(new ExpressionSpec("Liquid", JsonValue.Create(template)), context ?? new FakeExpressionContext())
            ?.GetValue<string>();

    [Fact]
    public void Variables_ByName_Render()
    {
        var context = new FakeExpressionContext().WithVariable("Counter", 5).WithVariable("Name", "Ann");

        Liquid("{{ Variables.Name }} has {{ Variables.Counter | plus: 1 }}", context).Should().Be("Ann has 6");
    }

    [Fact]
    public void Variables_JsonObject_IsNavigable()
    {
        var context = new FakeExpressionContext()
            .WithVariable("Employee", JsonNode.Parse("""{"name":"Ann","address":{"city":"Oslo"},"skills":["js","c#"]}"""));

        Liquid("{{ Variables.Employee.name }} from {{ Variables.Employee.address.city }}: {% for s in Variables.Employee.skills %}[{{ s }}]{% endfor %} {{ Variables.Employee.skills.size }}", context)
            .Should().Be("Ann from Oslo: [js][c#] 2");
    }

    [Theory]
    [InlineData(5L)]
    [InlineData(5.0)]
    public void Variables_NumberOfAnyClrType_ComparesAsNumber(object number)
    {
        var value = number is long l ? JsonValue.Create(l) : JsonValue.Create((double)number);
        var context = new FakeExpressionContext().WithVariable("Counter", value);

        Liquid("{% if Variables.Counter > 3 %}big{% else %}small{% endif %} {{ Variables.Counter | times: 2 }}", context)
            .Should().Be("big 10");
    }

    [Fact]
    public void Variables_DynamicVariableSetWithoutDefinition_IsFound()
    {
        var context = new FakeExpressionContext();
        context.SetVariable("Late", "here");

        Liquid("{{ Variables.Late }}", context).Should().Be("here");
    }

    [Fact]
    public void Variables_Missing_RendersEmpty()
    {
        Liquid("[{{ Variables.Nope }}]").Should().Be("[]");
    }

    [Fact]
    public void Input_ByKey_Renders()
    {
        var context = new FakeExpressionContext().WithInput("ProductId", 42).WithInput("Order", JsonNode.Parse("""{"id":"o-1"}"""));

        Liquid("https://x/products/{{ Input.ProductId }}/{{ Input.Order.id }}", context).Should().Be("https://x/products/42/o-1");
    }

    [Fact]
    public void IdentityMembers_Render()
    {
        var context = new FakeExpressionContext { CorrelationId = "corr", WorkflowInstanceId = "inst" };

        Liquid("{{ CorrelationId }}|{{ WorkflowDefinitionId }}|{{ WorkflowDefinitionVersionId }}|{{ WorkflowDefinitionVersion }}|{{ WorkflowInstanceId }}", context)
            .Should().Be("corr|def-1|ver-1|3|inst");
    }

    [Fact]
    public void Output_IsNotHtmlEncoded()
    {
        var context = new FakeExpressionContext().WithVariable("Text", "<b>a & \"b\"</b> 中文");

        Liquid("{{ Variables.Text }}", context).Should().Be("<b>a & \"b\"</b> 中文");
    }

    [Fact]
    public void Base64Filter_EncodesUtf8()
    {
        Liquid("{{ 'héllo' | base64 }}").Should().Be("aMOpbGxv");
    }

    [Fact]
    public void KeysFilter_ListsObjectKeys()
    {
        var context = new FakeExpressionContext().WithVariable("Map", JsonNode.Parse("""{"b":1,"a":2}"""));

        Liquid("{{ Variables.Map | keys | join: ',' }}", context).Should().Be("b,a");
    }

    [Fact]
    public void StandardFilters_Work()
    {
        Liquid("{{ 'abc' | upcase }} {{ nothing | default: 'dflt' }}").Should().Be("ABC dflt");
    }

    [Fact]
    public void DateFilter_Now_UsesContextClock()
    {
        var context = new FakeExpressionContext { Now = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero) };

        Liquid("{{ 'now' | date: '%Y-%m-%d' }}", context).Should().Be("2030-05-06");
    }

    [Fact]
    public void RunawayLoop_OverStepLimit_ThrowsExpressionException()
    {
        var evaluator = new ExpressionEvaluator(new ExpressionEvaluatorOptions { MaxLiquidSteps = 100 });

        var act = () => evaluator.Evaluate(new ExpressionSpec("Liquid", "{% for i in (1..100000) %}x{% endfor %}"), new FakeExpressionContext());

        act.Should().Throw<ExpressionException>().WithMessage("Liquid error*");
    }

    [Fact]
    public void ParseError_RendersErrorText()
    {
        Liquid("Hello {{ Variables.Name ").Should().StartWith("Liquid syntax error");
    }

    [Fact]
    public void Check_ParseError_ReturnsMessage()
    {
        Evaluator.Check(new ExpressionSpec("Liquid", "{% for x in y %}")).Should().Contain("Liquid syntax error");
    }

    [Fact]
    public void Check_ValidTemplate_IsNull()
    {
        Evaluator.Check(new ExpressionSpec("Liquid", "{{ Variables.X | upcase }}")).Should().BeNull();
    }
}
