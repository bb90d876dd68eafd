using System.Reflection;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Tests.Architecture;

public class DependencyDirectionTests
{
    private static readonly string[] ForbiddenPrefixes =
        ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Hangfire", "Serilog"];

    [Fact]
    public void RuntimeAssembly_ReferencesNoHostOrStorageFramework()
    {
        var runtime = typeof(WorkflowDefinition).Assembly;

        var offending = TransitiveReferences(runtime)
            .Where(name => ForbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        offending.Should().BeEmpty("the engine must stay free of ASP.NET Core, EF Core, Hangfire and Serilog");
    }

    [Fact]
    public void RuntimeAssembly_ReferencesTheExpressionEnginesElsaUses()
    {
        var names = typeof(WorkflowDefinition).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        names.Should().Contain("Jint").And.Contain("Fluid");
    }

    private static HashSet<string> TransitiveReferences(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<AssemblyName>(root.GetReferencedAssemblies());
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (name.Name is null || !seen.Add(name.Name) || name.Name.StartsWith("System", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                foreach (var child in Assembly.Load(name).GetReferencedAssemblies())
                {
                    queue.Enqueue(child);
                }
            }
            catch (FileNotFoundException)
            {
                // A reference that is not deployed with the tests cannot be loaded; its name is still checked.
            }
        }

        return seen;
    }
}
