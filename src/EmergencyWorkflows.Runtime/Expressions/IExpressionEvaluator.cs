using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Expressions;

/// <summary>
/// Evaluates an expression (<c>{type, value}</c>) to a JSON value. Conversion to an input's declared type is done
/// afterwards by <c>ValueConverter</c>. Throws <see cref="ExpressionException"/> with a clear message on failure
/// (script error, unsupported expression type); the engine turns that into a fault/incident.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>True for the expression types this evaluator runs (Literal, Object, Json, Variable, Input, JavaScript, Liquid).</summary>
    bool Supports(string expressionType);

    JsonNode? Evaluate(ExpressionSpec expression, IExpressionContext context);

    /// <summary>Checks an expression without running it (e.g. JavaScript parses); returns an error message or null.</summary>
    string? Check(ExpressionSpec expression);
}

public sealed class ExpressionException : Exception
{
    public ExpressionException(string message) : base(message)
    {
    }

    public ExpressionException(string message, Exception inner) : base(message, inner)
    {
    }

    public ExpressionException()
    {
    }
}
