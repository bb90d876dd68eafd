using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Tests.Expressions;

public class ExpressionEvaluatorTests
{
    private static readonly ExpressionEvaluator Evaluator = new();

    private static JsonNode? Eval(string type, JsonNode? value, FakeExpressionContext? context = null) =>
        Evaluator.Evaluate(new ExpressionSpec(type, value), context ?? new FakeExpressionContext());

    [Theory]
    [InlineData("Literal")]
    [InlineData("Object")]
    [InlineData("Json")]
    [InlineData("Variable")]
    [InlineData("Input")]
    [InlineData("JavaScript")]
    [InlineData("Liquid")]
    [InlineData("javascript")]
    public void Supports_KnownType_IsTrue(string type) => Evaluator.Supports(type).Should().BeTrue();

    [Theory]
    [InlineData("CSharp")]
    [InlineData("Python")]
    [InlineData("Delegate")]
    [InlineData("")]
    public void Supports_OtherType_IsFalse(string type) => Evaluator.Supports(type).Should().BeFalse();

    [Theory]
    [InlineData("CSharp")]
    [InlineData("Python")]
    public void Evaluate_UnsupportedType_ThrowsClearMessage(string type)
    {
        var act = () => Eval(type, "return 1;");

        act.Should().Throw<ExpressionException>().WithMessage($"Expression type '{type}' is not supported by this runtime*");
    }

    [Fact]
    public void Check_UnsupportedType_ReturnsMessage()
    {
        Evaluator.Check(new ExpressionSpec("CSharp", "1")).Should().StartWith("Expression type 'CSharp' is not supported");
    }

    [Theory]
    [InlineData("\"True\"")]
    [InlineData("\"00:00:05\"")]
    [InlineData("42")]
    [InlineData("false")]
    [InlineData("{\"a\":[1]}")]
    [InlineData("null")]
    public void Literal_AnyValue_IsReturnedAsIs(string json) => Eval("Literal", JsonNode.Parse(json)).ShouldBeJson(json);

    [Fact]
    public void Literal_Result_IsACopy()
    {
        var value = new JsonObject { ["a"] = 1 };

        var result = Eval("Literal", value);

        result.Should().NotBeSameAs(value);
    }

    [Theory]
    [InlineData("Object")]
    [InlineData("Json")]
    public void Object_JsonInString_IsParsed(string type)
    {
        Eval(type, "[\"GET\",\"POST\"]").ShouldBeJson("""["GET","POST"]""");
        Eval(type, "{\"a\":{\"b\":1}}").ShouldBeJson("""{"a":{"b":1}}""");
    }

    [Fact]
    public void Object_NonStringValue_IsReturnedAsIs() => Eval("Object", JsonNode.Parse("""{"a":1}""")).ShouldBeJson("""{"a":1}""");

    [Fact]
    public void Object_EmptyString_IsNull() => Eval("Object", "").ShouldBeJson("null");

    [Fact]
    public void Object_InvalidJson_ThrowsClearMessage()
    {
        var act = () => Eval("Object", "{\"a\":");

        act.Should().Throw<ExpressionException>().WithMessage("*not valid JSON*");
    }

    [Fact]
    public void Check_ObjectInvalidJson_ReturnsMessage()
    {
        Evaluator.Check(new ExpressionSpec("Object", "[1,")).Should().Contain("not valid JSON");
        Evaluator.Check(new ExpressionSpec("Object", "[1]")).Should().BeNull();
    }

    [Fact]
    public void Variable_StringForm_ReadsById()
    {
        var context = new FakeExpressionContext().WithVariable("Approved", true, "Boolean", id: "v01");

        Eval("Variable", """{"id":"v01","name":"Approved","typeName":"Boolean"}""", context).ShouldBeJson("true");
    }

    [Fact]
    public void Variable_ObjectForm_ReadsById()
    {
        var context = new FakeExpressionContext().WithVariable("Approved", "yes", id: "v01");

        Eval("Variable", JsonNode.Parse("""{"id":"v01","name":"Other"}"""), context).ShouldBeJson("\"yes\"");
    }

    [Fact]
    public void Variable_UnknownId_FallsBackToName()
    {
        var context = new FakeExpressionContext().WithVariable("Approved", 7, id: "v01");

        Eval("Variable", JsonNode.Parse("""{"id":"stale","name":"Approved"}"""), context).ShouldBeJson("7");
    }

    [Fact]
    public void Variable_NoIdNorName_Throws()
    {
        var act = () => Eval("Variable", JsonNode.Parse("{}"));

        act.Should().Throw<ExpressionException>();
    }

    [Fact]
    public void Input_StringAndObjectForm_ReadRunInput()
    {
        var context = new FakeExpressionContext().WithInput("ProductId", 9);

        Eval("Input", """{"name":"ProductId","type":"Int32"}""", context).ShouldBeJson("9");
        Eval("Input", JsonNode.Parse("""{"name":"productid"}"""), context).ShouldBeJson("9");
        Eval("Input", "ProductId", context).ShouldBeJson("9");
    }

    [Fact]
    public void Check_SupportedSimpleTypes_IsNull()
    {
        Evaluator.Check(new ExpressionSpec("Literal", "x")).Should().BeNull();
        Evaluator.Check(new ExpressionSpec("Variable", "{}")).Should().BeNull();
    }
}
