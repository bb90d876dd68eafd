using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Tests.Expressions;

internal static class JsonAssert
{
    /// <summary>Asserts that a node equals the JSON text (structurally; numbers by value, types by JSON kind).</summary>
    public static void ShouldBeJson(this JsonNode? actual, string expectedJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        JsonNode.DeepEquals(actual, expected).Should()
            .BeTrue($"expected {expected?.ToJsonString() ?? "null"} but got {actual?.ToJsonString() ?? "null"}");
    }
}
