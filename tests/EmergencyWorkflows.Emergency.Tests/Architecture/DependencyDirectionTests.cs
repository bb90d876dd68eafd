using System.Reflection;
using EmergencyWorkflows.Emergency.Escalation;

namespace EmergencyWorkflows.Emergency.Tests.Architecture;

public class DependencyDirectionTests
{
    private static readonly string[] ForbiddenPrefixes =
        ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Hangfire", "Serilog"];

    [Fact]
    public void EmergencyAssembly_ReferencesNoHostOrStorageFramework()
    {
        var offending = TransitiveReferences(typeof(EscalationPlanner).Assembly)
            .Where(name => ForbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        offending.Should().BeEmpty("the emergency domain is pure: the host, storage and job frameworks plug in around it");
    }

    [Fact]
    public void EmergencyAssembly_SendsMailWithMailKit()
    {
        typeof(EscalationPlanner).Assembly.GetReferencedAssemblies().Select(a => a.Name).Should().Contain("MailKit");
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
