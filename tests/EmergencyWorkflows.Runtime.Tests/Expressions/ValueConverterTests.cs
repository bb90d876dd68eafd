using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Tests.Expressions;

public class ValueConverterTests
{
    [Theory]
    // Object and unknown / stale names: as is.
    [InlineData("\"{\\\"a\\\":1}\"", "Object", "\"{\\\"a\\\":1}\"")]
    [InlineData("5", null, "5")]
    [InlineData("\"x\"", "Elsa.Workflows.Core.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core", "\"x\"")]
    [InlineData("\"http://a\"", "System.Uri, System.Private.Uri", "\"http://a\"")]
    // String.
    [InlineData("\"abc\"", "String", "\"abc\"")]
    [InlineData("12", "String", "\"12\"")]
    [InlineData("true", "String", "\"True\"")]
    [InlineData("\"\"", "String", "\"\"")]
    [InlineData("{\"a\":1}", "String", "\"{\\\"a\\\":1}\"")]
    // Boolean.
    [InlineData("\"True\"", "Boolean", "true")]
    [InlineData("\"false\"", "Boolean", "false")]
    [InlineData("true", "Boolean", "true")]
    [InlineData("1", "Boolean", "true")]
    [InlineData("\"yes\"", "Boolean", "false")]
    [InlineData("\"yes\"", "Boolean?", "null")]
    [InlineData("\"\"", "Boolean", "null")]
    [InlineData("\"True\"", "System.Boolean, System.Private.CoreLib", "true")]
    // Integers.
    [InlineData("\"42\"", "Int32", "42")]
    [InlineData("42", "Int32", "42")]
    [InlineData("2.5", "Int32", "2")]
    [InlineData("3.5", "Int32", "4")]
    [InlineData("\"1.5\"", "Int32", "0")]
    [InlineData("\"abc\"", "Int32", "0")]
    [InlineData("\"abc\"", "Int32?", "null")]
    [InlineData("\"70000\"", "Int16", "0")]
    [InlineData("\"9000000000\"", "Int64", "9000000000")]
    [InlineData("\"9000000000\"", "Long", "9000000000")]
    [InlineData("\"9000000000\"", "Int32", "0")]
    [InlineData("true", "Int32", "1")]
    [InlineData("1e19", "Int64", "0")]
    [InlineData("\"  \"", "Int32", "null")]
    // Floating point and decimal.
    [InlineData("\"1.5\"", "Double", "1.5")]
    [InlineData("\"1.5\"", "Single", "1.5")]
    [InlineData("\"1,000.25\"", "Decimal", "1000.25")]
    [InlineData("2", "Decimal", "2")]
    [InlineData("\"x\"", "Double", "0")]
    // Guid, dates, time spans.
    [InlineData("\"A0B1C2D3-0000-0000-0000-000000000001\"", "Guid", "\"a0b1c2d3-0000-0000-0000-000000000001\"")]
    [InlineData("\"nope\"", "Guid", "\"00000000-0000-0000-0000-000000000000\"")]
    [InlineData("\"nope\"", "Guid?", "null")]
    [InlineData("\"2025-06-01T10:00:00+02:00\"", "DateTimeOffset", "\"2025-06-01T10:00:00.0000000+02:00\"")]
    [InlineData("\"2025-06-01\"", "DateTimeOffset", "\"2025-06-01T00:00:00.0000000+00:00\"")]
    [InlineData("\"2025-06-01T10:00:00\"", "DateTime", "\"2025-06-01T10:00:00.0000000\"")]
    [InlineData("\"00:05:00\"", "TimeSpan", "\"00:05:00\"")]
    [InlineData("\"1.02:00:00\"", "TimeSpan", "\"1.02:00:00\"")]
    [InlineData("\"PT5M\"", "TimeSpan", "\"00:05:00\"")]
    [InlineData("\"soon\"", "TimeSpan", "\"00:00:00\"")]
    [InlineData("5000", "TimeSpan", "\"00:00:00\"")]
    [InlineData("\"soon\"", "TimeSpan?", "null")]
    // Dictionaries and JSON.
    [InlineData("\"{\\\"a\\\":1}\"", "ObjectDictionary", "{\"a\":1}")]
    [InlineData("\"{\\\"a\\\":1}\"", "JSON", "{\"a\":1}")]
    [InlineData("{\"a\":1}", "JsonObject", "{\"a\":1}")]
    [InlineData("\"{\\\"a\\\":1}\"", "ObjectMap", "{\"a\":1}")]
    [InlineData("{\"a\":1,\"b\":true}", "StringDictionary", "{\"a\":\"1\",\"b\":\"True\"}")]
    [InlineData("\"{\\\"a\\\":\\\"x\\\"}\"", "StringMap", "{\"a\":\"x\"}")]
    [InlineData("\"not json\"", "ObjectDictionary", "null")]
    [InlineData("\"[1,2]\"", "JsonNode", "[1,2]")]
    // Arrays and lists.
    [InlineData("\"[\\\"GET\\\",\\\"POST\\\"]\"", "String[]", "[\"GET\",\"POST\"]")]
    [InlineData("\"[1,\\\"2\\\",\\\"x\\\"]\"", "List<Int32>", "[1,2,0]")]
    [InlineData("[\"1\",\"2\"]", "Int32[]", "[1,2]")]
    [InlineData("\"GET\"", "String[]", "[\"GET\"]")]
    [InlineData("\"GET\"", "IEnumerable<String>", "[\"GET\"]")]
    [InlineData("\"\"", "String[]", "null")]
    [InlineData("\"[1,\"", "Int32[]", "null")]
    [InlineData("[\"True\"]", "System.Collections.Generic.List`1[[System.Boolean, System.Private.CoreLib]], System.Private.CoreLib", "[true]")]
    [InlineData("\"5\"", "System.Nullable`1[[System.Int32, System.Private.CoreLib]]", "5")]
    // Null stays null.
    [InlineData("null", "Int32", "null")]
    [InlineData("null", "String[]", "null")]
    public void Convert_ValueToType_MatchesElsa(string valueJson, string? typeName, string expectedJson)
    {
        ValueConverter.Convert(JsonNode.Parse(valueJson), typeName).ShouldBeJson(expectedJson);
    }

    [Fact]
    public void Convert_Object_ReturnsACopy()
    {
        var value = new JsonObject { ["a"] = 1 };

        ValueConverter.Convert(value, "Object").Should().NotBeSameAs(value);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"True\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"garbage\"", false)]
    [InlineData("null", false)]
    [InlineData("1", true)]
    public void ToBoolean_Value_IsLenient(string json, bool expected) =>
        ValueConverter.ToBoolean(JsonNode.Parse(json)).Should().Be(expected);

    [Theory]
    [InlineData("\"a b\"", "a b")]
    [InlineData("12", "12")]
    [InlineData("true", "true")]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    [InlineData("null", null)]
    public void ToText_Value_StringAsIsOthersAsJson(string json, string? expected) =>
        ValueConverter.ToText(JsonNode.Parse(json)).Should().Be(expected);

    [Theory]
    [InlineData("\"00:00:05\"", 5.0)]
    [InlineData("\"1.02:00:00\"", 93600.0)]
    [InlineData("\"PT5M\"", 300.0)]
    [InlineData("\"P1DT1H\"", 90000.0)]
    [InlineData("5000", null)]
    [InlineData("\"soon\"", null)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void ToTimeSpan_Value_ParsesElsaForms(string json, double? expectedSeconds) =>
        ValueConverter.ToTimeSpan(JsonNode.Parse(json)).Should().Be(expectedSeconds is null ? null : TimeSpan.FromSeconds(expectedSeconds.Value));

    [Fact]
    public void ToDateTimeOffset_IsoString_Parses()
    {
        ValueConverter.ToDateTimeOffset(JsonValue.Create("2025-06-01T10:00:00+02:00"))
            .Should().Be(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        ValueConverter.ToDateTimeOffset(JsonValue.Create("2025-06-01T10:00:00"))
            .Should().Be(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero));
        ValueConverter.ToDateTimeOffset(JsonValue.Create("later")).Should().BeNull();
        ValueConverter.ToDateTimeOffset(JsonValue.Create(5)).Should().BeNull();
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("\"7\"", 7)]
    [InlineData("7.5", null)]
    [InlineData("\"x\"", null)]
    [InlineData("null", null)]
    [InlineData("9000000000", null)]
    public void ToInt32_Value_ParsesOrNull(string json, int? expected) =>
        ValueConverter.ToInt32(JsonNode.Parse(json)).Should().Be(expected);

    [Theory]
    [InlineData("[\"a\",\"b\"]", new[] { "a", "b" })]
    [InlineData("\"[\\\"a\\\",\\\"b\\\"]\"", new[] { "a", "b" })]
    [InlineData("\"one\"", new[] { "one" })]
    [InlineData("[1,null,true]", new[] { "1", "true" })]
    [InlineData("null", new string[0])]
    [InlineData("\"\"", new string[0])]
    public void ToStringList_Value_Flattens(string json, string[] expected) =>
        ValueConverter.ToStringList(JsonNode.Parse(json)).Should().Equal(expected);

    [Theory]
    [InlineData("Int32", false, "0", "0")]
    [InlineData("Boolean", false, "false", "false")]
    [InlineData("String", false, "hello", "\"hello\"")]
    [InlineData("Int32", false, "", "null")]
    [InlineData("Int32", false, null, "null")]
    [InlineData("Int32", true, "[1,2]", "[1,2]")]
    [InlineData("String", true, "[\"a\"]", "[\"a\"]")]
    [InlineData("ObjectDictionary", false, "{\"a\":1}", "{\"a\":1}")]
    [InlineData("TimeSpan", false, "00:01:00", "\"00:01:00\"")]
    [InlineData("Object", false, "[1,2]", "\"[1,2]\"")]
    [InlineData("Int32[]", false, "[3]", "[3]")]
    public void ParseVariableDefault_StringDefault_ConvertsToVariableType(string type, bool isArray, string? value, string expected)
    {
        var variable = new VariableDefinition("v1", "V", type, isArray, value, null);

        ValueConverter.ParseVariableDefault(variable).ShouldBeJson(expected);
    }
}
